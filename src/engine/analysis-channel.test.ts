// The page's side of the analysis worker over a real message channel, with
// the worker's own handlers: what travels, and that the answers are the
// model's.
import { afterEach, describe, expect, it } from 'vitest';
import { analysisChannel } from '../../test/analysis-worker';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import { deleteLine, insertLine } from '../model/lines';
import { DEFAULT_RANGES } from '../model/sensitivity';
import type { Workbook } from '../model/workbook';
import { analyse } from './analysis';
import { EngineLost } from './protocol';

const TODAY = new Date(2026, 10, 27);
const open: (() => void)[] = [];
afterEach(() => open.splice(0).forEach((close) => close()));

function channel() {
  const made = analysisChannel();
  open.push(made.close);
  return made;
}

const bigger = (): Workbook => {
  const wb = carePlanningWorkbook();
  return { ...wb, posts: Array.from({ length: 60 }, (_, i) => ({ ...wb.posts[i % wb.posts.length], title: `Post ${i}` })) };
};

describe('the analysis worker, sent what changed', () => {
  it('is sent a workbook whole once, then an inserted or deleted post alone, and its figures are the model’s', async () => {
    const { analysis, posted, replies } = channel();
    const wb = bigger();
    expect(await analysis.model({ workbook: wb, today: TODAY.getTime() })).toEqual(costWorkbook(wb, TODAY));
    const inserted = insertLine(wb, 'posts', 10, { ...wb.posts[0], title: 'New post', fte: 2 });
    expect(await analysis.model({ workbook: inserted, today: TODAY.getTime() })).toEqual(costWorkbook(inserted, TODAY));
    const deleted = deleteLine(inserted, 'posts', 3);
    expect(await analysis.model({ workbook: deleted, today: TODAY.getTime() })).toEqual(costWorkbook(deleted, TODAY));
    // A search of the same workbook sends none of it.
    const asked = { workbook: deleted, scenario: 'Proposed investment', ranges: DEFAULT_RANGES, today: TODAY.getTime() };
    expect((await analysis.analyse(asked)).analysis).toEqual(analyse(asked));
    expect(posted.map((m) => m.name)).toEqual(['model', 'model', 'model', 'analyse']);
    const [first, insert, remove, search] = posted.map((m) => m.args.workbook as Record<string, unknown>);
    expect('whole' in first).toBe(true);
    expect(insert).toMatchObject({ patch: { runs: { posts: { at: 10, removed: 0, lines: [inserted.posts[10]] } } } });
    expect(remove).toMatchObject({ patch: { runs: { posts: { at: 3, removed: 1, lines: [] } } } });
    expect(search).toMatchObject({ patch: { set: {}, runs: {} } });
    // And back: the post costs whole once, then the inserted post's row alone, then where one went.
    const posts = replies.map((r) => (r as { value: { posts?: unknown } }).value.posts);
    expect(posts[0]).toHaveProperty('whole');
    expect(posts[1]).toEqual({ count: 61, moved: { at: 10, removed: 0, added: 1 }, rows: [[10, costWorkbook(inserted, TODAY).postCosts[10]]] });
    expect(posts[2]).toEqual({ count: 60, moved: { at: 3, removed: 1, added: 0 }, rows: [] });
  });

  it('sends the workbook whole again to a worker started afresh after one was lost', async () => {
    const { analysis, posted, workers } = channel();
    const wb = bigger();
    await analysis.model({ workbook: wb, today: TODAY.getTime() });
    const waiting = analysis.model({ workbook: wb, today: TODAY.getTime() }).catch((e: unknown) => e);
    workers[0].onerror!({ message: 'out of memory' });
    expect(await waiting).toBeInstanceOf(EngineLost);
    const next = deleteLine(wb, 'posts', 0);
    expect(await analysis.model({ workbook: next, today: TODAY.getTime() })).toEqual(costWorkbook(next, TODAY));
    expect(workers.length).toBe(2);
    expect('whole' in (posted.at(-1)!.args.workbook as object)).toBe(true);
  });
});
