// Any run of edits through the engine's public API, checked after each one
// against the pure model and against each typed formula's value worked out
// here by hand: the cells the engine holds as values (From, To, a saving's
// figures and profile) and the user's text it leaves out until a typed
// formula may read it (docs/RULES.md, "What the engine holds as values, not
// formulas") must never be left stale.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { costWorkbook } from '../model/costing';
import { horizonOf } from '../model/horizon';
import type { Workbook } from '../model/workbook';
import { costArb, postArb, savingArb, workbookArb } from '../../test/arbitraries';
import { WorkbookEngine } from './engine';
import { expectSameFigures, withInputs } from '../../test/agreement';

const TODAY = new Date(2026, 10, 23);

/**
 * What each typed formula of these tests works out to, by hand from the
 * workbook: each reads the user's text at the row it names (row r is line
 * r - 2; a row with no line is blank).
 */
function expectedInputs(wb: Workbook): Map<string, number> {
  const out = new Map<string, number>();
  const rowOf = (f: string) => Number(/(\d+)/.exec(f)![1]) - 2;
  wb.posts.forEach((p, i) => {
    const f = p.formulas?.fte;
    if (f) out.set(`posts:${i}:fte`, (wb.posts[rowOf(f)]?.title ?? '').length / 10);
  });
  wb.grades.forEach((g, i) => {
    const f = g.formulas?.annualCost;
    if (f) out.set(`grades:${i}:annualCost`, (wb.grades[rowOf(f)]?.grade.trim() ?? '').length * 1000);
  });
  const years = horizonOf(wb, TODAY).years;
  wb.savings.forEach((s, i) => {
    for (const fy of years) {
      const f = s.formulas?.[`y${fy}`];
      if (f) out.set(`savings:${i}:y${fy}`, wb.savings[rowOf(f)]?.recurring ? 7 : 3);
    }
  });
  return out;
}

type Op =
  | { kind: 'post'; at: number; post: Workbook['posts'][number] }
  | { kind: 'title'; at: number; title: string }
  | { kind: 'saving'; at: number; saving: Workbook['savings'][number] }
  | { kind: 'recurring'; at: number }
  | { kind: 'savingYear'; at: number; year: number; amount: number }
  | { kind: 'postFormula'; at: number; row: number }
  | { kind: 'gradeFormula'; at: number; row: number }
  | { kind: 'savingFormula'; at: number; year: number; row: number }
  | { kind: 'noFormulas' }
  | { kind: 'grade'; at: number; name: string; cost: number }
  | { kind: 'rows'; sheet: 'posts' | 'costs' | 'savings' | 'grades'; at: number; removed: number; made: [Workbook['posts'][number], Workbook['costs'][number], Workbook['savings'][number]][] }
  | { kind: 'horizon'; firstYear: number | null; horizonYears: number | null };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('post' as const), at: fc.nat(20), post: postArb }),
  fc.record({ kind: fc.constant('title' as const), at: fc.nat(20), title: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('saving' as const), at: fc.nat(20), saving: savingArb }),
  fc.record({ kind: fc.constant('recurring' as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('savingYear' as const), at: fc.nat(20), year: fc.nat(8), amount: fc.integer({ min: -500_000, max: 2_000_000 }).map((p) => p / 100) }),
  fc.record({ kind: fc.constant('postFormula' as const), at: fc.nat(20), row: fc.integer({ min: 2, max: 12 }) }),
  fc.record({ kind: fc.constant('gradeFormula' as const), at: fc.nat(20), row: fc.integer({ min: 2, max: 6 }) }),
  fc.record({ kind: fc.constant('savingFormula' as const), at: fc.nat(20), year: fc.nat(8), row: fc.integer({ min: 2, max: 7 }) }),
  fc.record({ kind: fc.constant('noFormulas' as const) }),
  fc.record({ kind: fc.constant('grade' as const), at: fc.nat(20), name: fc.constantFrom('Band A', 'band b', ' Grade 5 ', 'Elsewhere'), cost: fc.integer({ min: 0, max: 9_000_000 }).map((p) => p / 100) }),
  fc.record({
    kind: fc.constant('rows' as const),
    sheet: fc.constantFrom('posts' as const, 'costs' as const, 'savings' as const, 'grades' as const),
    at: fc.nat(20),
    removed: fc.nat(2),
    made: fc.array(fc.tuple(postArb, costArb, savingArb), { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('horizon' as const), firstYear: fc.option(fc.integer({ min: 2015, max: 2023 })), horizonYears: fc.option(fc.integer({ min: 1, max: 8 })) }),
);

/** Lines [at, at + removed) of a sheet become `lines`, scenario references moving as model/lines.ts moves them. */
function replaced(wb: Workbook, sheet: 'grades' | 'posts' | 'costs' | 'savings', at: number, removed: number, lines: unknown[]): Workbook {
  const list = (wb[sheet] as unknown[]).slice();
  list.splice(at, removed, ...lines);
  const delta = lines.length - removed;
  const move = (refs?: number[]) => refs?.flatMap((i) => (i < at ? [i] : i < at + removed ? (i - at < lines.length ? [i] : []) : [i + delta]));
  const scenarios = sheet === 'grades' ? wb.scenarios : wb.scenarios?.map((sc) => (sc.toggled?.[sheet] ? { ...sc, toggled: { ...sc.toggled, [sheet]: move(sc.toggled[sheet]) } } : sc));
  return { ...wb, [sheet]: list, scenarios };
}

/** Applies one edit to the engine as the page sends it, and returns the workbook as the model should see it, or null where it does not apply. */
function apply(engine: WorkbookEngine, wb: Workbook, op: Op): Workbook | null {
  const edit = <K extends 'grades' | 'posts' | 'savings'>(sheet: K, at: number, line: (was: Workbook[K][number]) => Workbook[K][number]): Workbook | null => {
    const lines = wb[sheet] as Workbook[K][number][];
    if (lines.length === 0) return null;
    const index = at % lines.length;
    const next = lines.slice();
    next[index] = line(lines[index]);
    engine.setLines(sheet, [{ index, line: next[index] }] as never);
    return { ...wb, [sheet]: next };
  };
  const years = horizonOf(wb, TODAY).years;
  switch (op.kind) {
    case 'post':
      return edit('posts', op.at, (was) => ({ ...op.post, formulas: was.formulas }));
    case 'title':
      return edit('posts', op.at, (was) => ({ ...was, title: op.title }));
    case 'saving':
      // Its formulas kept, each year's amount what the formula last gave (never 0, so the horizon stays).
      return edit('savings', op.at, (was) => ({ ...op.saving, formulas: was.formulas, amounts: { ...op.saving.amounts, ...Object.fromEntries(Object.keys(was.formulas ?? {}).map((k) => [Number(k.slice(1)), was.amounts[Number(k.slice(1))] ?? 3])) } }));
    case 'recurring':
      return edit('savings', op.at, (was) => ({ ...was, recurring: !was.recurring }));
    case 'savingYear': {
      const fy = years[op.year % years.length];
      return edit('savings', op.at, (was) => (was.formulas?.[`y${fy}`] ? was : { ...was, amounts: { ...was.amounts, [fy]: op.amount } }));
    }
    case 'postFormula':
      return edit('posts', op.at, (was) => ({ ...was, formulas: { ...was.formulas, fte: `=LEN(A${op.row})/10` } }));
    case 'gradeFormula':
      return edit('grades', op.at, (was) => ({ ...was, formulas: { annualCost: `=LEN(A${op.row})*1000` } }));
    case 'savingFormula': {
      const fy = years[op.year % years.length];
      // The page's amount before the engine replies: a figure that is not 0 either way (3 or 7), so the horizon stays.
      return edit('savings', op.at, (was) => ({ ...was, amounts: { ...was.amounts, [fy]: 3 }, formulas: { ...was.formulas, [`y${fy}`]: `=IF(D${op.row}="Yes",7,3)` } }));
    }
    case 'noFormulas': {
      // Every formula taken away at once is a change to several sheets: the page sends it whole. One sheet at a time here.
      let next = wb;
      for (const sheet of ['posts', 'grades', 'savings'] as const) {
        const lines = next[sheet] as { formulas?: object }[];
        const changes = lines.flatMap((l, index) => (l.formulas ? [{ index, line: { ...l, formulas: undefined } }] : []));
        if (changes.length === 0) continue;
        engine.setLines(sheet, changes as never);
        const list = lines.slice();
        for (const { index, line } of changes) list[index] = line;
        next = { ...next, [sheet]: list };
      }
      return next;
    }
    case 'grade':
      return edit('grades', op.at, (was) => ({ ...was, grade: op.name, annualCost: was.formulas?.annualCost ? was.annualCost : op.cost }));
    case 'rows': {
      const count = wb[op.sheet].length;
      const at = op.at % (count + 1);
      const removed = Math.min(op.removed, count - at);
      const lines = op.made.map(([post, cost, saving], i) => ({ grades: { grade: `New ${i}`, annualCost: cost.unitCost ?? 100 }, posts: post, costs: cost, savings: saving })[op.sheet]);
      const next = replaced(wb, op.sheet, at, removed, lines);
      engine.replaceLines(op.sheet, at, removed, lines as never, next.scenarios);
      return next;
    }
    case 'horizon': {
      const change = { firstYear: op.firstYear, horizonYears: op.horizonYears };
      engine.setAssumptions(change);
      return { ...wb, assumptions: { ...wb.assumptions, ...change } };
    }
  }
}

it('agrees with the model and with each typed formula worked out by hand after any run of edits, formulas typed and taken away, rows in and out and the horizon moved', () => {
  fc.assert(
    fc.property(workbookArb, fc.array(opArb, { minLength: 1, maxLength: 12 }), (start, ops) => {
      let wb = start;
      const engine = new WorkbookEngine(wb, TODAY);
      try {
        engine.results();
        ops.forEach((op, n) => {
          const next = apply(engine, wb, op);
          if (!next) return;
          wb = next;
          const step = `step ${n + 1} (${op.kind})`;
          const results = engine.results();
          const worked = new Map((results.inputs ?? []).filter((v) => v.sheet !== 'assumptions').map((v) => [`${v.sheet}:${v.index}:${v.field}`, v.value]));
          expect(worked, `${step}: each typed formula's value`).toEqual(expectedInputs(wb));
          expectSameFigures(results, costWorkbook(withInputs(wb, results), TODAY), step);
        });
      } finally {
        engine.destroy();
      }
    }),
    { numRuns: 150 },
  );
}, 180_000);
