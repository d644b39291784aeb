import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postArb, workbookArb } from '../../test/arbitraries';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import { headline } from '../model/headline';
import { formatPounds } from '../model/money';
import { deleteLine, insertLine } from '../model/lines';
import type { Workbook } from '../model/workbook';
import { CostingCache, HeldWorkbook, WorkbookHolder, applyPatch, workbookPatch } from './analysis-workbook';

const TODAY = new Date(2026, 10, 27);

/** A change as a person makes one: a post inserted, deleted or edited, an assumption, a grade's cost, a scenario's recruitment. */
const changeArb = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), post: postArb }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), fte: fc.integer({ min: -200, max: 400 }).map((n) => n / 100) }),
  fc.record({ kind: fc.constant('grade' as const), cost: fc.integer({ min: 10_000, max: 90_000 }) }),
  fc.record({ kind: fc.constant('award' as const), award: fc.integer({ min: 0, max: 80 }).map((n) => n / 1000) }),
  fc.record({ kind: fc.constant('recruitment' as const), recruitment: fc.integer({ min: 0, max: 100 }).map((n) => n / 100) }),
);
type Change = typeof changeArb extends fc.Arbitrary<infer C> ? C : never;

function changed(wb: Workbook, c: Change): Workbook {
  const n = wb.posts.length;
  switch (c.kind) {
    case 'insert':
      return insertLine(wb, 'posts', c.at % (n + 1), c.post);
    case 'delete':
      return n === 0 ? wb : deleteLine(wb, 'posts', c.at % n);
    case 'edit':
      return n === 0 ? wb : { ...wb, posts: wb.posts.map((p, i) => (i === c.at % n ? { ...p, fte: c.fte } : p)) };
    case 'grade':
      return wb.grades.length === 0 ? wb : { ...wb, grades: wb.grades.map((g, i) => (i === 0 ? { ...g, annualCost: c.cost } : g)) };
    case 'award':
      return { ...wb, assumptions: { ...wb.assumptions, payAward: c.award } };
    case 'recruitment':
      return { ...wb, scenarios: [...(wb.scenarios ?? []).filter((s) => s.name !== 'Half'), { name: 'Half', overrides: { recruitment: c.recruitment } }] };
  }
}

describe('the workbook the analysis worker keeps', () => {
  it('is changed by a patch into the workbook the page has, keeping every line the change did not touch', () => {
    fc.assert(
      fc.property(workbookArb, fc.array(changeArb, { maxLength: 6 }), (start, changes) => {
        let page = start;
        // What the worker holds: a copy, as a message gives it.
        let kept = structuredClone(start);
        for (const c of changes) {
          const next = changed(page, c);
          const patch = structuredClone(workbookPatch(page, next));
          const before = kept;
          kept = applyPatch(kept, patch);
          expect(kept).toEqual(next);
          // Lines the change left alone are the worker's same objects: their costs are not worked out again.
          next.posts.forEach((p, i) => {
            const j = page.posts.indexOf(p);
            if (j >= 0) expect(kept.posts[i]).toBe(before.posts[j]);
          });
          page = next;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('carries an inserted post alone, not the 30 others', () => {
    const wb: Workbook = { ...carePlanningWorkbook(), posts: Array.from({ length: 30 }, (_, i) => ({ ...carePlanningWorkbook().posts[0], title: `Post ${i}` })) };
    const next = insertLine(wb, 'posts', 5, { ...wb.posts[0], title: 'New post' });
    const patch = workbookPatch(wb, next);
    expect(patch.runs).toEqual({ posts: { at: 5, removed: 0, lines: [next.posts[5]] } });
    expect(Object.keys(patch.set)).toEqual([]);
    const after = applyPatch(wb, patch);
    expect(after.posts[6]).toBe(wb.posts[5]);
    expect(after.posts.map((p) => p.title)).toEqual(next.posts.map((p) => p.title));
  });

  it('is sent whole the first time, then as patches; a worker that lost it, or holds another, is sent it whole again', () => {
    const held = new HeldWorkbook();
    const worker = new WorkbookHolder();
    const wb = carePlanningWorkbook();
    const first = held.message(wb);
    expect('whole' in first).toBe(true);
    expect(worker.receive(structuredClone(first))).toEqual(wb);
    const next = deleteLine(wb, 'posts', 0);
    const second = held.message(next);
    expect('patch' in second).toBe(true);
    expect(worker.receive(structuredClone(second))).toEqual(next);
    // The same workbook again: nothing of it travels.
    const again = held.message(next);
    expect(again).toEqual({ patch: { set: {}, runs: {} }, base: (second as { version: number }).version, version: (second as { version: number }).version });
    expect(worker.receive(structuredClone(again))).toEqual(next);
    // A worker started afresh has nothing to patch: it says so, and is sent the workbook whole.
    const fresh = new WorkbookHolder();
    expect(() => fresh.receive(structuredClone(held.message(wb)))).toThrow(/whole/);
    held.forget();
    expect('whole' in held.message(wb)).toBe(true);
  });
});

describe('the model’s figures in the analysis worker', () => {
  it('are exactly costWorkbook’s after every change, working out again only the posts a change touched', () => {
    fc.assert(
      fc.property(workbookArb, fc.array(changeArb, { maxLength: 6 }), (start, changes) => {
        const cache = new CostingCache();
        let wb = start;
        expect(cache.cost(wb, TODAY)).toEqual(costWorkbook(wb, TODAY));
        for (const c of changes) {
          wb = changed(wb, c);
          expect(cache.cost(wb, TODAY)).toEqual(costWorkbook(wb, TODAY));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('costs an inserted post, and no other, once per scenario setting it is costed under', () => {
    const base = carePlanningWorkbook();
    const wb: Workbook = { ...base, posts: Array.from({ length: 200 }, (_, i) => ({ ...base.posts[i % base.posts.length], title: `Post ${i}` })) };
    const cache = new CostingCache();
    cache.cost(wb, TODAY);
    const settings = cache.costed / 200; // Do nothing and Proposed investment share one setting
    expect(settings).toBe(1);
    const next = insertLine(wb, 'posts', 50, { ...wb.posts[0], title: 'New post', fte: 2 });
    cache.costed = 0;
    expect(cache.cost(next, TODAY)).toEqual(costWorkbook(next, TODAY));
    expect(cache.costed).toBe(1);
    // A slider moved through many values keeps only the settings the last costing used: memory does not grow with each.
    for (const recruitment of [0.1, 0.2, 0.3, 0.4]) cache.cost({ ...next, scenarios: [{ name: 'Half', overrides: { recruitment } }] }, TODAY);
    expect(cache.settings).toBe(2);
    // The implementation cost the report published, with the example as it is.
    expect(formatPounds(headline(new CostingCache().cost(base, TODAY), 'Proposed investment').implementationCost)).toBe('£578,026');
  });
});
