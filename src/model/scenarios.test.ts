import { describe, expect, it } from 'vitest';
import { costWorkbook, delaySavings } from './costing';
import { month } from './periods';
import { scenariosOf } from './scenarios';
import { emptyWorkbook, type Post, type Scenario, type Workbook } from './workbook';

const TODAY = new Date(2026, 10, 23);
const post = (o: Partial<Post> = {}): Post => ({ title: 'P', grade: 'G', fte: 1, team: '', group: '', start: month(2021, 4), end: month(2022, 3), months: null, funding: '', ...o });

function workbook(posts: Post[], scenario: Scenario, setup: (w: Workbook) => void = () => {}): Workbook {
  const wb = emptyWorkbook('s');
  wb.grades = [{ grade: 'G', annualCost: 36000 }];
  wb.posts = posts;
  wb.scenarios = [scenario];
  setup(wb);
  return wb;
}
const figures = (wb: Workbook, name: string) => costWorkbook(wb, TODAY).scenarios.find((s) => s.name === name)!;

describe('scenarios', () => {
  it('are Do nothing and Proposed investment, then the user’s own', () => {
    const wb = workbook([post()], { name: 'Half recruited', overrides: { recruitment: 0.5 } });
    expect(scenariosOf(wb).map((s) => s.name)).toEqual(['Do nothing', 'Proposed investment', 'Half recruited']);
  });

  it('use the workbook’s value for any assumption they do not set', () => {
    const wb = workbook([post()], { name: 'Late', overrides: { startDelay: 3 } }, (w) => (w.assumptions.payAward = 0.02));
    expect(figures(wb, 'Late').values).toMatchObject({ startDelay: 3, payAward: 0.02, recruitment: 1, discountRate: 0.035 });
  });

  it('recruitment 50% halves each new post; a deletion is not scaled: 2 x 0.5 x 36,000 - 36,000 = 0', () => {
    const wb = workbook([post({ fte: 2 }), post({ fte: -1 })], { name: 'Half', overrides: { recruitment: 0.5 } });
    expect(figures(wb, 'Half').years[0].staff).toBe(0);
    expect(figures(wb, 'Proposed investment').years[0].staff).toBe(36000);
  });

  it('a start delay of 3 months moves a new post’s start and its End with it: Jul 2021 to Jun 2022 is £27,000 then £9,000', () => {
    const wb = workbook([post()], { name: 'Late', overrides: { startDelay: 3 } });
    expect(figures(wb, 'Late').years.map((y) => y.staff)).toEqual([27000, 9000, 0, 0]);
  });

  it('a start delay moves a Months count with the start: 12 months from Jul 2021 is £27,000 then £9,000', () => {
    const wb = workbook([post({ end: null, months: 12 })], { name: 'Late', overrides: { startDelay: 3 } });
    expect(figures(wb, 'Late').years.map((y) => y.staff)).toEqual([27000, 9000, 0, 0]);
  });

  it('a start delay leaves deletions where they are', () => {
    const wb = workbook([post({ fte: -1 })], { name: 'Late', overrides: { startDelay: 3 } });
    expect(figures(wb, 'Late').years[0].staff).toBe(-36000);
  });

  it('pay award compounds per scenario: 36,000 x 1.05 in the second year', () => {
    const wb = workbook([post({ end: null })], { name: 'Award', overrides: { payAward: 0.05 } });
    expect(figures(wb, 'Award').years[1].staff).toBeCloseTo(37800, 2);
    expect(figures(wb, 'Proposed investment').years[1].staff).toBe(36000);
  });

  it('optimism bias of 20% lifts every council-funded cost, not the externally funded', () => {
    const wb = workbook([post(), post({ funding: 'NHS' })], { name: 'Biased', overrides: { optimismBias: 0.2 } }, (w) => {
      w.costs = [{ description: 'Pilot', group: '', year: 2021, amount: 1000, quantity: null, unitCost: null, funding: '' }];
    });
    const y = figures(wb, 'Biased').years[0];
    expect([y.staff, y.other, y.external]).toEqual([43200, 1200, 36000]);
  });

  it('a line can be left out of a scenario, and Do nothing holds the costs of inaction only', () => {
    const wb = workbook([post(), post({ title: 'Agency cover', doNothing: true, fte: 2 })], { name: 'Without P', overrides: {}, toggled: { posts: [0] } });
    expect(figures(wb, 'Without P').years[0].staff).toBe(0);
    expect(figures(wb, 'Do nothing').years[0].staff).toBe(72000);
    expect(figures(wb, 'Proposed investment').years[0].staff).toBe(36000);
  });

  it('savings delivery and discount rate are per scenario', () => {
    const wb = workbook([], { name: 'Cautious', overrides: { savingsDelivery: 0.5, discountRate: 0.1 } }, (w) => {
      w.savings = [{ line: 's', group: '', type: 'Saving', recurring: false, amounts: { 2021: 1000, 2022: 1100 } }];
    });
    const f = figures(wb, 'Cautious');
    expect(f.years.map((y) => y.savings)).toEqual([500, 550, 0, 0]);
    expect(f.npv).toBeCloseTo(-500 - 550 / 1.1, 6); // -1,000
  });
});

describe('a start delay slides the whole proposal, savings with the posts', () => {
  // One post: 1 FTE at £36,000 a year, Apr 2021 to Mar 2022 (an explicit End).
  // One saving: £60,000 in 2021/22, not recurring. Horizon 2021/22 to 2024/25.
  const saving = { line: 's', group: '', type: 'Saving' as const, recurring: false, amounts: { 2021: 60000 } };
  const withSaving = (overrides: Scenario['overrides']) => workbook([post()], { name: 'Late', overrides }, (w) => (w.savings = [{ ...saving }]));

  it('6 months late: the post runs Oct 2021 to Sep 2022 and half the saving comes a year later, so NPV is worse, not better', () => {
    const late = figures(withSaving({ startDelay: 6 }), 'Late');
    // Post: 6 months in 2021/22 = 36,000 x 6 / 12 = 18,000; 6 months in 2022/23 = 18,000 (its End moved to Sep 2022).
    expect(late.years.map((y) => y.staff)).toEqual([18000, 18000, 0, 0]);
    // Saving: D = 6 + 0 months; 6/12 of 2021/22's 60,000 moves into 2022/23: 30,000 and 30,000.
    expect(late.years.map((y) => y.savings)).toEqual([30000, 30000, 0, 0]);
    // Net: 18,000 - 30,000 = -12,000 in each of the two years; NPV = -12,000 - 12,000 / 1.035 = -23,594.20.
    expect(late.npv).toBeCloseTo(-12000 - 12000 / 1.035, 6);
    // On time: 36,000 - 60,000 = -24,000 in 2021/22 alone. A late start costs 405.80 of NPV.
    const onTime = figures(withSaving({}), 'Proposed investment');
    expect(onTime.npv).toBeCloseTo(-24000, 6);
    expect(late.npv).toBeGreaterThan(onTime.npv);
  });

  it('adds to a savings delay: 6 months start and 12 months savings delay move the saving 18 months, half into each of 2022/23 and 2023/24', () => {
    const late = figures(withSaving({ startDelay: 6, savingsDelay: 12 }), 'Late');
    // D = 18: 18 div 12 = 1 whole year, then 6/12 of it one year further.
    expect(late.years.map((y) => y.savings)).toEqual([0, 30000, 30000, 0]);
  });

  it('what slides past the horizon is left out and said: 2024/25’s £60,000, 6 months late, leaves £30,000 beyond', () => {
    // A deletion (which a start delay leaves alone) holds the horizon at 2021/22 to 2024/25.
    const wb = workbook([post({ fte: -1 })], { name: 'Late', overrides: { startDelay: 6 } }, (w) => (w.savings = [{ ...saving, amounts: { 2024: 60000 } }]));
    const late = figures(wb, 'Late');
    expect(late.years.map((y) => y.savings)).toEqual([0, 0, 0, 30000]);
    expect(late.beyondHorizon).toBe(30000);
  });

  it('leaves non-staff costs and targets where they are', () => {
    const wb = workbook([], { name: 'Late', overrides: { startDelay: 6 } }, (w) => {
      w.costs = [{ description: 'Pilot', group: '', year: 2021, amount: 1000, quantity: null, unitCost: null, funding: '' }];
      w.savings = [{ ...saving, type: 'Target' }];
    });
    const y = figures(wb, 'Late').years[0];
    expect([y.other, y.target]).toEqual([1000, 60000]);
  });
});

describe('a savings delay', () => {
  it('of 6 months moves half of each year’s saving into the next', () => {
    expect(delaySavings([1000, 1000, 0, 0], 6)).toEqual({ shifted: [500, 1000, 500, 0], beyond: 0 });
  });

  it('of 12 months moves it whole; of 18, half a year’s saving two years on', () => {
    expect(delaySavings([1000, 0, 0], 12)).toEqual({ shifted: [0, 1000, 0], beyond: 0 });
    expect(delaySavings([1000, 0, 0], 18)).toEqual({ shifted: [0, 500, 500], beyond: 0 });
  });

  it('reports what moves past the horizon’s end and leaves it out of the totals', () => {
    const wb = workbook([], { name: 'Late savings', overrides: { savingsDelay: 6 } }, (w) => {
      w.savings = [{ line: 's', group: '', type: 'Saving', recurring: false, amounts: { 2021: 1000, 2024: 1000 } }];
    });
    const f = figures(wb, 'Late savings');
    expect(f.years.map((y) => y.savings)).toEqual([500, 500, 0, 500]);
    expect(f.beyondHorizon).toBe(500);
    expect(f.totals.savings).toBe(1500);
  });

  it('does not move targets', () => {
    const wb = workbook([], { name: 'Late', overrides: { savingsDelay: 12 } }, (w) => {
      w.savings = [{ line: 't', group: '', type: 'Target', recurring: false, amounts: { 2021: 1000 } }];
    });
    expect(figures(wb, 'Late').years[0].target).toBe(1000);
  });
});

describe('deleting a line', () => {
  it('renumbers the lines scenarios and printed totals refer to, and drops references to it', async () => {
    const { deleteLine } = await import('./lines');
    const wb = workbook([post({ title: 'A' }), post({ title: 'B' }), post({ title: 'C' })], { name: 'S', overrides: {}, toggled: { posts: [1, 2] } }, (w) => {
      w.reported = [{ label: 'Total', file: 'f', row: 5, year: null, published: 1, posts: [0, 1, 2], costs: [], savings: [] }];
    });
    const next = deleteLine(wb, 'posts', 1);
    expect(next.posts.map((p) => p.title)).toEqual(['A', 'C']);
    expect(next.scenarios![0].toggled).toEqual({ posts: [1] });
    expect(next.reported![0].posts).toEqual([0, 1]);
    expect(wb.posts).toHaveLength(3); // the workbook it came from is untouched
  });
});
