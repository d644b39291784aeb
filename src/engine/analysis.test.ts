// The model's worker warms up, after a workbook sent whole, the costing a
// change then runs (each post's costs found, not worked out): the first
// insert's figures at 10,000 posts took it 140 ms, later ones 40-60 ms.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import { insertLine } from '../model/lines';
import { analysisHandlers } from './analysis';
import { CostingCache } from './analysis-workbook';
import { unpackPostCosts } from './post-costs';

const TODAY = new Date(2026, 10, 27);
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the model’s worker, after a workbook sent whole', () => {
  it('costs it again once it has answered, from the costs it keeps, and the next answer is the model’s', () => {
    vi.useFakeTimers();
    const cost = vi.spyOn(CostingCache.prototype, 'cost');
    const handlers = analysisHandlers();
    const wb = carePlanningWorkbook();
    const whole = handlers.model({ workbook: { whole: wb, version: 1 }, today: TODAY.getTime(), known: false });
    expect(cost).toHaveBeenCalledTimes(1);
    const worked = costedSoFar(cost);
    vi.runAllTimers();
    // Warmed up after the answer: costed again, every post's costs found (none worked out afresh).
    expect(cost.mock.calls.length).toBeGreaterThan(1);
    expect(costedSoFar(cost)).toBe(worked);
    const inserted = insertLine(wb, 'posts', 2, { ...wb.posts[0], title: 'New post', fte: 2 });
    const next = handlers.model({ workbook: { patch: { set: {}, runs: { posts: { at: 2, removed: 0, lines: [inserted.posts[2]] } } }, base: 1, version: 2 }, today: TODAY.getTime(), known: true });
    const expected = costWorkbook(inserted, TODAY);
    const { postCosts, ...figures } = expected;
    expect(next.results).toEqual(figures);
    expect(unpackPostCosts(unpackPostCosts(null, whole.posts), next.posts)).toEqual(postCosts);
    // A change is not warmed up after: only a workbook sent whole.
    const calls = cost.mock.calls.length;
    vi.runAllTimers();
    expect(cost.mock.calls.length).toBe(calls);
  });
});

/** Posts worked out afresh so far by the cache the spy's calls ran on. */
function costedSoFar(cost: { mock: { contexts: unknown[] } }): number {
  return (cost.mock.contexts[0] as CostingCache).costed;
}
