// The costing rules of DOMAIN.md in plain TypeScript: the reference the
// formula engine is checked against, to the penny, in tests and benchmarks.
import { firstMonthOf, lastMonthOf, monthsInYear, type FinancialYear, type Month } from './periods';
import { horizonOf, type Horizon } from './horizon';
import {
  declaredPeriod,
  isCouncilFunded,
  SCENARIO_DO_NOTHING,
  SCENARIO_PROPOSED,
  type Cost,
  type Post,
  type Saving,
  type Workbook,
} from './workbook';

export interface YearFigures {
  year: FinancialYear;
  /** Council-funded staff cost. */
  staff: number;
  /** Council-funded non-staff cost. */
  other: number;
  savings: number;
  target: number;
  /** staff + other - savings. */
  net: number;
  cumulative: number;
  discounted: number;
  /** Externally funded cost, staff and other: in this column and no other. */
  external: number;
}

export interface ScenarioFigures {
  name: string;
  years: YearFigures[];
  totals: Omit<YearFigures, 'year' | 'cumulative'>;
  /** Sum of each year's net cost discounted by (1 + rate)^k. */
  npv: number;
  /** First year the cumulative net cost is below zero; null if none in the horizon. */
  paybackYear: FinancialYear | null;
}

export interface Results {
  years: FinancialYear[];
  scenarios: ScenarioFigures[];
  /** Each post's cost in each year of the horizon, in Proposed investment. */
  postCosts: number[][];
}

export interface PostPeriod {
  from: Month;
  to: Month;
  /** Set when a month count and an end both came and disagree; the count won. */
  mismatch: { months: number; end: Month; countedEnd: Month } | null;
}

/**
 * No start: from the horizon's first month. A `Months` count runs from the
 * start and wins over an `End` that disagrees (Dec 17 to Mar 19 is 16 months;
 * the report costed 15). No end and no count: ongoing to the horizon's end.
 */
export function postPeriod(post: Post, horizon: Horizon): PostPeriod {
  const declared = declaredPeriod(post);
  const from = declared.start ?? firstMonthOf(horizon.first);
  const to = declared.end ?? (post.months !== null ? from + post.months - 1 : lastMonthOf(horizon.years[horizon.years.length - 1]));
  const mismatch = post.end !== null && post.months !== null && post.end !== to ? { months: post.months, end: post.end, countedEnd: to } : null;
  return { from, to, mismatch };
}

/** FTE x annual cost x months in that year / 12 x (1 + pay award)^k. */
export function postCostInYear(
  post: Post,
  annualCost: number,
  period: PostPeriod,
  fy: FinancialYear,
  k: number,
  payAward: number,
): number {
  return ((post.fte * annualCost * monthsInYear(period.from, period.to, fy)) / 12) * (1 + payAward) ** k;
}

export function costTotal(cost: Cost): number {
  if (cost.amount !== null) return cost.amount;
  return (cost.quantity ?? 0) * (cost.unitCost ?? 0);
}

/**
 * A saving's amount in each horizon year. Recurring: each figure is a new
 * saving that carries on in every later year, so a year's amount is the sum of
 * the figures up to it. Otherwise each figure is that year's amount.
 */
export function savingProfile(saving: Saving, years: FinancialYear[]): number[] {
  // A recurring saving made before the horizon still recurs in it.
  let running = saving.recurring ? savedBefore(saving, years[0]) : 0;
  return years.map((fy) => {
    const given = saving.amounts[fy] ?? 0;
    running += given;
    return saving.recurring ? running : given;
  });
}

/** What a saving made in the years before `first`. */
export function savedBefore(saving: Saving, first: FinancialYear): number {
  return Object.entries(saving.amounts).reduce((sum, [year, amount]) => (Number(year) < first ? sum + amount : sum), 0);
}

/** Savings target less expected savings: a positive variance is a shortfall. */
export function variance(figures: { target: number; savings: number }): number {
  return figures.target - figures.savings;
}

/** Payback: the first year whose cumulative net cost has turned into a saving. */
export function paybackYear(years: YearFigures[]): FinancialYear | null {
  return years.find((y) => y.cumulative < -PAYBACK_TOLERANCE)?.year ?? null;
}

/** Half a penny: a cumulative net of -5.6e-17 is rounding, not a saving. */
export const PAYBACK_TOLERANCE = 0.005;

export function netPresentValue(nets: number[], rate: number): number {
  return nets.reduce((sum, net, k) => sum + net / (1 + rate) ** k, 0);
}

/** Grade names match ignoring case and surrounding spaces; the first of a name wins. */
export const gradeKey = (grade: string) => grade.trim().toLowerCase();

export function gradeCosts(workbook: Workbook): Map<string, number> {
  const costs = new Map<string, number>();
  for (const g of workbook.grades) if (!costs.has(gradeKey(g.grade))) costs.set(gradeKey(g.grade), g.annualCost);
  return costs;
}

interface Lines {
  posts: Post[];
  costs: Cost[];
  savings: Saving[];
}

function scenarioFigures(name: string, lines: Lines, workbook: Workbook, horizon: Horizon, grades: Map<string, number>): ScenarioFigures {
  const { payAward, discountRate, savingsDelivery } = workbook.assumptions;
  const years = horizon.years;
  const blank = () => years.map(() => 0);
  const staff = blank();
  const other = blank();
  const savings = blank();
  const target = blank();
  const external = blank();

  for (const post of lines.posts) {
    const period = postPeriod(post, horizon);
    const council = isCouncilFunded(post.funding);
    years.forEach((fy, k) => {
      const cost = postCostInYear(post, grades.get(gradeKey(post.grade)) ?? 0, period, fy, k, payAward);
      (council ? staff : external)[k] += cost;
    });
  }
  for (const cost of lines.costs) {
    const k = years.indexOf(cost.year ?? horizon.first);
    if (k < 0) continue;
    (isCouncilFunded(cost.funding) ? other : external)[k] += costTotal(cost);
  }
  for (const saving of lines.savings) {
    savingProfile(saving, years).forEach((amount, k) => {
      if (saving.type === 'Target') target[k] += amount;
      else savings[k] += amount * savingsDelivery;
    });
  }

  let cumulative = 0;
  const rows: YearFigures[] = years.map((year, k) => {
    const net = staff[k] + other[k] - savings[k];
    cumulative += net;
    return {
      year,
      staff: staff[k],
      other: other[k],
      savings: savings[k],
      target: target[k],
      net,
      cumulative,
      discounted: net / (1 + discountRate) ** k,
      external: external[k],
    };
  });
  const sum = (pick: (y: YearFigures) => number) => rows.reduce((s, y) => s + pick(y), 0);
  return {
    name,
    years: rows,
    totals: {
      staff: sum((y) => y.staff),
      other: sum((y) => y.other),
      savings: sum((y) => y.savings),
      target: sum((y) => y.target),
      net: sum((y) => y.net),
      discounted: sum((y) => y.discounted),
      external: sum((y) => y.external),
    },
    npv: sum((y) => y.discounted),
    paybackYear: paybackYear(rows),
  };
}

/**
 * Every figure of the workbook. `Do nothing` holds none of the proposal's
 * lines (cost-of-inaction lines of its own come with scenarios); `Proposed
 * investment` holds every line.
 */
export function costWorkbook(workbook: Workbook, today?: Date): Results {
  const horizon = horizonOf(workbook, today);
  const grades = gradeCosts(workbook);
  const none: Lines = { posts: [], costs: [], savings: [] };
  const proposal: Lines = workbook;
  const postCosts = workbook.posts.map((post) => {
    const period = postPeriod(post, horizon);
    return horizon.years.map((fy, k) =>
      postCostInYear(post, grades.get(gradeKey(post.grade)) ?? 0, period, fy, k, workbook.assumptions.payAward),
    );
  });
  return {
    years: horizon.years,
    scenarios: [
      scenarioFigures(SCENARIO_DO_NOTHING, none, workbook, horizon, grades),
      scenarioFigures(SCENARIO_PROPOSED, proposal, workbook, horizon, grades),
    ],
    postCosts,
  };
}
