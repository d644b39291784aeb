import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import expected from '../../test/care-planning-2017.expected.json';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook, type Results } from '../model/costing';
import { month } from '../model/periods';
import type { Cost, Post, Saving, Workbook } from '../model/workbook';
import { columnLetter } from './layout';
import { WorkbookEngine } from './engine';

const TODAY = new Date(2026, 10, 23);

/** Every figure of two results agrees to the penny. */
function expectSameFigures(engine: Results, model: Results): void {
  expect(engine.years).toEqual(model.years);
  const close = (a: number, b: number, where: string) => expect(Math.abs(a - b), `${where}: engine ${a}, model ${b}`).toBeLessThan(0.005);
  model.scenarios.forEach((m, s) => {
    const e = engine.scenarios[s];
    expect(e.name).toBe(m.name);
    m.years.forEach((y, k) => {
      for (const key of ['staff', 'other', 'savings', 'target', 'net', 'cumulative', 'discounted', 'external'] as const) close(e.years[k][key], y[key], `${m.name} ${y.year} ${key}`);
    });
    close(e.npv, m.npv, `${m.name} NPV`);
    expect(e.paybackYear).toBe(m.paybackYear);
  });
  model.postCosts.forEach((row, i) => row.forEach((v, k) => close(engine.postCosts[i][k], v, `post ${i} year ${k}`)));
}

describe('the engine costs the care-planning report', () => {
  const engine = new WorkbookEngine(carePlanningWorkbook(), TODAY);
  const results = engine.results();
  const proposal = results.scenarios[1];

  it('to £578,026 of implementation cost and £2,808,000 of savings', () => {
    expect(Math.round(proposal.totals.staff + proposal.totals.other)).toBe(expected.implementation_cost_published);
    expect(proposal.totals.savings).toBe(expected.savings_total_published);
  });

  it('with each post within £1 of paragraph 20', () => {
    carePlanningWorkbook().posts.forEach((p, i) => {
      const total = results.postCosts[i].reduce((a, b) => a + b, 0);
      expect(Math.abs(total - (expected.rows_published as Record<string, number>)[p.title]), p.title).toBeLessThanOrEqual(1);
    });
  });

  it('with each post’s cost per year as a formula a person can read', () => {
    // Commissioning Manager (row 3) in 2018/19 (column O): 1 x £62,186 x 11 months / 12
    const formula = engine.formula('Posts', 2, 14);
    expect(formula).toMatch(/^=\$C3\*\$K3\*MAX\(0,MIN\(\$M3,Years!C\$4\)-MAX\(\$L3,Years!C\$3\)\+1\)\/12\*Years!C\$5$/);
    expect(results.postCosts[1][1]).toBeCloseTo((62186 * 11) / 12, 2);
  });

  it('and agrees with the pure model to the penny', () => {
    expectSameFigures(results, costWorkbook(carePlanningWorkbook(), TODAY));
  });

  it('and follows an assumption change: pay award 3% lifts 2018/19 staff cost by 3%', () => {
    const e = new WorkbookEngine(carePlanningWorkbook(), TODAY);
    const before = e.results().scenarios[1].years[1].staff;
    e.setAssumptions({ payAward: 0.03 });
    expect(e.results().scenarios[1].years[1].staff).toBeCloseTo(before * 1.03, 2);
    e.setAssumptions({ savingsDelivery: 0.5 });
    expect(e.results().scenarios[1].totals.savings).toBe(1404000);
  });

  it('and follows a post edit: the Commissioning Officer at 0.5 FTE costs £26,038', () => {
    const e = new WorkbookEngine(carePlanningWorkbook(), TODAY);
    const post = { ...carePlanningWorkbook().posts[2], fte: 0.5 };
    e.setPost(2, post);
    expect(e.results().postCosts[2][1]).toBeCloseTo(26038, 2);
    const wb = carePlanningWorkbook();
    wb.posts[2] = post;
    expectSameFigures(e.results(), costWorkbook(wb, TODAY));
  });

  it('rebuilds when a post edit moves the horizon', () => {
    const e = new WorkbookEngine(carePlanningWorkbook(), TODAY);
    const post = { ...carePlanningWorkbook().posts[0], start: month(2016, 6) };
    e.setPost(0, post);
    const wb = carePlanningWorkbook();
    wb.posts[0] = post;
    expect(e.results().years[0]).toBe(2016);
    expectSameFigures(e.results(), costWorkbook(wb, TODAY));
  });
});

it('names columns as a spreadsheet does', () => {
  expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});

// Random workbooks: the engine and the pure model must agree to the penny.
const grades = ['Band A', 'Band B', 'Grade 5', 'SCP 44'];
const money = fc.integer({ min: 0, max: 20_000_000 }).map((p) => p / 100);
const monthArb = fc.integer({ min: month(2016, 1), max: month(2024, 12) });
const postArb: fc.Arbitrary<Post> = fc.record({
  title: fc.string(),
  // Grades as people type them: other case, stray spaces, or not in Grades at all.
  grade: fc.oneof(fc.constantFrom(...grades), fc.constantFrom('band a', ' Grade 5 ', 'SCP 45')),
  fte: fc.integer({ min: -300, max: 500 }).map((n) => n / 100),
  team: fc.string(),
  group: fc.constantFrom('Older Adults', 'Younger Adults', ''),
  start: fc.option(monthArb),
  end: fc.option(monthArb),
  months: fc.option(fc.integer({ min: 1, max: 48 })),
  funding: fc.constantFrom('', 'Council', 'Transforming Care Partnership'),
}).filter((p) => p.end === null || p.start === null || p.end >= p.start || p.months !== null);
const yearArb = fc.integer({ min: 2016, max: 2024 });
const costArb: fc.Arbitrary<Cost> = fc.record({
  description: fc.string(),
  group: fc.string(),
  year: fc.option(yearArb),
  amount: fc.option(money),
  quantity: fc.option(fc.integer({ min: 0, max: 200 })),
  unitCost: fc.option(money),
  funding: fc.constantFrom('', 'NHS'),
});
const savingArb: fc.Arbitrary<Saving> = fc.record({
  line: fc.string(),
  group: fc.string(),
  type: fc.constantFrom('Saving' as const, 'Target' as const),
  recurring: fc.boolean(),
  amounts: fc.dictionary(yearArb.map(String), money).map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [Number(k), v]))),
});
const workbookArb: fc.Arbitrary<Workbook> = fc.record({
  name: fc.constant('random'),
  assumptions: fc.record({
    firstYear: fc.option(fc.integer({ min: 2015, max: 2023 }), { freq: 3 }),
    horizonYears: fc.option(fc.integer({ min: 1, max: 8 }), { freq: 3 }),
    payAward: fc.integer({ min: 0, max: 100 }).map((n) => n / 1000),
    discountRate: fc.integer({ min: 0, max: 100 }).map((n) => n / 1000),
    savingsDelivery: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  }),
  grades: fc.tuple(...grades.map(() => money)).map((costs) => grades.map((grade, i) => ({ grade, annualCost: costs[i] }))),
  posts: fc.array(postArb, { maxLength: 12 }),
  costs: fc.array(costArb, { maxLength: 5 }),
  savings: fc.array(savingArb, { maxLength: 5 }),
});

it('agrees with the pure model to the penny on random workbooks', () => {
  fc.assert(
    fc.property(workbookArb, (wb) => {
      const engine = new WorkbookEngine(wb, TODAY);
      try {
        expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      } finally {
        engine.destroy();
      }
    }),
    { numRuns: 150 },
  );
}, 60_000);
