// Random workbooks as people make them, for property tests: grades typed in
// other cases, posts with and without start, end or a Months count, costs,
// savings, and scenarios that override any assumption and take lines in or out.
import fc from 'fast-check';
import { month } from '../src/model/periods';
import type { Cost, Post, Saving, Workbook } from '../src/model/workbook';

const grades = ['Band A', 'Band B', 'Grade 5', 'SCP 44'];
const money = fc.integer({ min: 0, max: 20_000_000 }).map((p) => p / 100);
const monthArb = fc.integer({ min: month(2016, 1), max: month(2024, 12) });
export const postArb: fc.Arbitrary<Post> = fc.record({
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
export const costArb: fc.Arbitrary<Cost> = fc.record({
  description: fc.string(),
  group: fc.string(),
  year: fc.option(yearArb),
  amount: fc.option(money),
  quantity: fc.option(fc.integer({ min: 0, max: 200 })),
  unitCost: fc.option(money),
  funding: fc.constantFrom('', 'NHS'),
});
export const savingArb: fc.Arbitrary<Saving> = fc.record({
  line: fc.string(),
  group: fc.string(),
  type: fc.constantFrom('Saving' as const, 'Target' as const),
  recurring: fc.boolean(),
  amounts: fc.dictionary(yearArb.map(String), money).map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [Number(k), v]))),
});
export const overridesArb = fc.record(
  {
    payAward: fc.integer({ min: 0, max: 100 }).map((n) => n / 1000),
    recruitment: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    startDelay: fc.integer({ min: 0, max: 30 }),
    savingsDelivery: fc.integer({ min: 0, max: 120 }).map((n) => n / 100),
    savingsDelay: fc.integer({ min: 0, max: 40 }),
    optimismBias: fc.integer({ min: 0, max: 60 }).map((n) => n / 100),
    discountRate: fc.integer({ min: 0, max: 100 }).map((n) => n / 1000),
  },
  { requiredKeys: [] },
);
const toggledArb = fc.record({ posts: fc.array(fc.nat(12)), costs: fc.array(fc.nat(5)), savings: fc.array(fc.nat(5)) }, { requiredKeys: [] });
const scenariosArb = fc.uniqueArray(
  fc.record({ name: fc.constantFrom('Do nothing', 'Proposed investment', 'Half', 'Late', 'Cautious', 'What if'), overrides: overridesArb, toggled: toggledArb }),
  { maxLength: 4, selector: (s) => s.name },
);

export const workbookArb: fc.Arbitrary<Workbook> = fc.record({
  name: fc.constant('random'),
  assumptions: fc.record({
    firstYear: fc.option(fc.integer({ min: 2015, max: 2023 }), { freq: 3 }),
    horizonYears: fc.option(fc.integer({ min: 1, max: 8 }), { freq: 3 }),
    payAward: fc.integer({ min: 0, max: 100 }).map((n) => n / 1000),
    discountRate: fc.integer({ min: 0, max: 100 }).map((n) => n / 1000),
    savingsDelivery: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  }),
  grades: fc.tuple(...grades.map(() => money)).map((costs) => grades.map((grade, i) => ({ grade, annualCost: costs[i] }))),
  posts: fc.array(postArb.chain((p) => fc.boolean().map((doNothing) => (doNothing ? { ...p, doNothing } : p))), { maxLength: 12 }),
  costs: fc.array(costArb.chain((c) => fc.boolean().map((doNothing) => (doNothing ? { ...c, doNothing } : c))), { maxLength: 5 }),
  savings: fc.array(savingArb.chain((v) => fc.boolean().map((doNothing) => (doNothing ? { ...v, doNothing } : v))), { maxLength: 5 }),
  scenarios: scenariosArb,
});


/**
 * Random workbooks where some posts state their own pay (a post's own annual
 * cost), some of those with no grade or one not in Grades: the own pay costs them.
 */
export const ownPayWorkbookArb: fc.Arbitrary<Workbook> = workbookArb.chain((wb) =>
  fc
    .array(fc.tuple(fc.option(money, { freq: 2 }), fc.constantFrom('keep', 'blank', 'unknown')), { minLength: wb.posts.length, maxLength: wb.posts.length })
    .map((own) => ({
      ...wb,
      posts: wb.posts.map((p, i) => {
        const [annualCost, grade] = own[i];
        if (annualCost === null) return p;
        return { ...p, annualCost, grade: grade === 'keep' ? p.grade : grade === 'blank' ? '' : 'Not a grade' };
      }),
    })),
);
