// The costing rules of docs/RULES.md in plain TypeScript: the reference the
// formula engine is checked against, to the penny, in tests and benchmarks.
import { firstMonthOf, lastMonthOf, monthsInYear, type FinancialYear, type Month } from './periods';
import { payFactors } from './assumptions';
import { horizonOf, type Horizon } from './horizon';
import { formatMoney } from './money';
import { effectiveValues, includes, payAwardsByYear, scenarioNamed, scenariosOf } from './scenarios';
import {
  SCENARIO_PROPOSED,
  declaredPeriod,
  isCouncilFunded,
  type Cost,
  type Post,
  type Saving,
  type Scenario,
  type ScenarioValues,
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
  /** The assumptions this scenario ran on. */
  values: ScenarioValues;
  /** Savings moved past the horizon's end by a start or savings delay: left out of the totals. */
  beyondHorizon: number;
  years: YearFigures[];
  totals: Omit<YearFigures, 'year' | 'cumulative'>;
  /** Sum of each year's net cost discounted by (1 + rate)^k. */
  npv: number;
  /** First year the cumulative net cost is below zero; null if none in the horizon. */
  paybackYear: FinancialYear | null;
}

/** What a formula the user typed worked out to, as the engine has it. */
export interface InputValue {
  sheet: 'grades' | 'posts' | 'costs' | 'savings' | 'assumptions';
  index: number;
  field: string;
  /** The value, or 0 where the formula gives an error (and so costs nothing). */
  value: number;
  /** The error in plain words, or null. */
  error: string | null;
}

export interface Results {
  years: FinancialYear[];
  /** Every formula the user typed, worked out (engine results only). */
  inputs?: InputValue[];
  scenarios: ScenarioFigures[];
  /** Each post's cost in each year of the horizon, in Proposed investment. */
  postCosts: number[][];
  /** Each post's row on the engine's Posts sheet, which need not be its place in the list (engine results only). */
  postRows?: number[];
  /**
   * The engine's chunks of Posts rows (chunks added since it built go on
   * from the last) and which scenarios it sums on DelayedSums (once given a
   * delay, a scenario stays there): for explaining a figure as the engine
   * works it out (engine results only).
   */
  postChunks?: [number, number][];
  delayedScenarios?: boolean[];
}

/** The cost a scenario gives a post in a year: FTE (x recruitment if new) x annual cost x months / 12 x pay factor. */
export function scenarioFte(post: Post, recruitment: number): number {
  return post.fte > 0 ? post.fte * recruitment : post.fte;
}

/**
 * Savings accrue evenly through their year, so a delay of d months moves
 * d/12 of each year's saving into the next year (12 moves it whole; 18 moves
 * half a year's saving two years on). What moves past the horizon's end is
 * returned apart, to be reported, not counted.
 */
/**
 * How late savings arrive, in months: the start delay (savings come from the
 * work the posts do, so they slide with them) plus any savings delay.
 */
export function savingsLateness(values: Pick<ScenarioValues, 'startDelay' | 'savingsDelay'>): number {
  return values.startDelay + values.savingsDelay;
}

export function delaySavings(profile: number[], delayMonths: number): { shifted: number[]; beyond: number } {
  const whole = Math.floor(delayMonths / 12);
  const part = (delayMonths - whole * 12) / 12;
  const shifted = profile.map(() => 0);
  let beyond = 0;
  const put = (k: number, amount: number) => {
    if (amount === 0) return;
    if (k < shifted.length) shifted[k] += amount;
    else beyond += amount;
  };
  profile.forEach((amount, k) => {
    put(k + whole, amount * (1 - part));
    put(k + whole + 1, amount * part);
  });
  return { shifted, beyond };
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
export function postPeriod(post: Post, horizon: Horizon, startDelay = 0): PostPeriod {
  const declared = declaredPeriod(post);
  const start = declared.start ?? firstMonthOf(horizon.first);
  const end = post.months !== null ? start + post.months - 1 : (post.end ?? lastMonthOf(horizon.years[horizon.years.length - 1]));
  // A start delay slides every new post whole, End or Months count with it: cutting it
  // short instead would make a late start look cheaper while its savings stayed on time.
  const shift = post.fte > 0 ? startDelay : 0;
  const counted = start + (post.months ?? 0) - 1;
  const mismatch = post.end !== null && post.months !== null && post.end !== counted ? { months: post.months, end: post.end, countedEnd: counted } : null;
  return { from: start + shift, to: end + shift, mismatch };
}

/** FTE x annual cost x months in that year / 12 x the year's pay factor (`payFactors`: 1 in the first year). */
export function postCostInYear(post: Post, annualCost: number, period: PostPeriod, fy: FinancialYear, payFactor: number, recruitment = 1): number {
  return ((scenarioFte(post, recruitment) * annualCost * monthsInYear(period.from, period.to, fy)) / 12) * payFactor;
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

/**
 * A post's own full-year cost of 1 FTE, where it states one (its pay, as an
 * establishment list gives it), else null. A formula counts as stated: its
 * last value, nothing until the engine has worked it out or where it errs.
 */
export function ownCost(post: Post): number | null {
  const value = typeof post.annualCost === 'number' && Number.isFinite(post.annualCost) ? post.annualCost : null;
  return post.formulas?.annualCost !== undefined ? (value ?? 0) : value;
}

/**
 * The full-year cost of 1 FTE a post is costed at: its own pay, else its
 * grade's; undefined where it has neither (it costs nothing, and is flagged).
 */
export function annualCostOf(post: Post, grades: Map<string, number>): number | undefined {
  return ownCost(post) ?? grades.get(gradeKey(post.grade));
}

/** What a post is paid by, as a list of lines names it: its grade, or its own pay (a post with its own pay may have no grade). */
export function payBasis(post: Post): string {
  const own = ownCost(post);
  return own === null ? post.grade : `own pay ${formatMoney(own)}`;
}

/**
 * A post's cost in each year of the horizon under a recruitment, a start
 * delay and the years' pay factors (a row of Proposed investment's post
 * costs), and whether the council pays it. A scenario's sums add these up,
 * so whoever keeps them for posts that did not change (the analysis worker,
 * after an insert) gets the same sums.
 */
export type PostCosting = (post: Post, recruitment: number, startDelay: number, pay: number[]) => { costs: number[]; council: boolean };

export function postCosting(horizon: Horizon, grades: Map<string, number>): PostCosting {
  return (post, recruitment, startDelay, pay) => {
    const period = postPeriod(post, horizon, startDelay);
    const annual = annualCostOf(post, grades) ?? 0;
    return { costs: horizon.years.map((fy, k) => postCostInYear(post, annual, period, fy, pay[k], recruitment)), council: isCouncilFunded(post.funding) };
  };
}

export function scenarioFigures(scenario: Scenario, workbook: Workbook, horizon: Horizon, grades: Map<string, number>, costPost = postCosting(horizon, grades)): ScenarioFigures {
  const values = effectiveValues(scenario, workbook);
  const { savingsDelivery, recruitment, startDelay, optimismBias } = values;
  const years = horizon.years;
  const pay = payFactors(values.payAward, payAwardsByYear(scenario, workbook), years);
  const blank = () => years.map(() => 0);
  const staff = blank();
  const other = blank();
  const savings = blank();
  const target = blank();
  const external = blank();
  let beyondHorizon = 0;

  // Plain loops: at 10,000 posts and five scenarios this adds up 300,000 costs per costing.
  const { posts } = workbook;
  for (let i = 0; i < posts.length; i++) {
    const post = posts[i];
    if (!includes(scenario, 'posts', i, post.doNothing ?? false)) continue;
    const { costs, council } = costPost(post, recruitment, startDelay, pay);
    for (let k = 0; k < costs.length; k++) {
      if (council) staff[k] += costs[k] * (1 + optimismBias);
      else external[k] += costs[k];
    }
  }
  workbook.costs.forEach((cost, i) => {
    if (!includes(scenario, 'costs', i, cost.doNothing ?? false)) return;
    const k = years.indexOf(cost.year ?? horizon.first);
    if (k < 0) return;
    if (isCouncilFunded(cost.funding)) other[k] += costTotal(cost) * (1 + optimismBias);
    else external[k] += costTotal(cost);
  });
  workbook.savings.forEach((saving, i) => {
    if (!includes(scenario, 'savings', i, saving.doNothing ?? false)) return;
    const profile = savingProfile(saving, years);
    if (saving.type === 'Target') return profile.forEach((amount, k) => (target[k] += amount));
    const { shifted, beyond } = delaySavings(profile.map((a) => a * savingsDelivery), savingsLateness(values));
    shifted.forEach((amount, k) => (savings[k] += amount));
    beyondHorizon += beyond;
  });

  return figuresFromYears(scenario.name, values, years, { staff, other, savings, target, external }, beyondHorizon);
}

/** A scenario's figures from its amounts by year: net, cumulative, discounted, totals, NPV and payback. */
export function figuresFromYears(
  name: string,
  values: ScenarioValues,
  years: FinancialYear[],
  by: { staff: number[]; other: number[]; savings: number[]; target: number[]; external: number[] },
  beyondHorizon: number,
): ScenarioFigures {
  const { staff, other, savings, target, external } = by;
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
      discounted: net / (1 + values.discountRate) ** k,
      external: external[k],
    };
  });
  const totals = totalsOf(rows, ['staff', 'other', 'savings', 'target', 'net', 'discounted', 'external']);
  return { name, values, beyondHorizon, years: rows, totals, npv: totals.discounted, paybackYear: paybackYear(rows) };
}

/** Each named figure added up over the years: a scenario's totals, exact here or as shown (shown.ts). */
export function totalsOf<K extends string>(years: readonly Record<K, number>[], keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, years.reduce((sum, y) => sum + y[key], 0)])) as Record<K, number>;
}

/**
 * Every figure of the workbook. `Do nothing` holds none of the proposal's
 * lines (cost-of-inaction lines of its own come with scenarios); `Proposed
 * investment` holds every line.
 */
export function costWorkbook(workbook: Workbook, today?: Date, costing: (horizon: Horizon, grades: Map<string, number>) => PostCosting = postCosting): Results {
  const horizon = horizonOf(workbook, today);
  const grades = gradeCosts(workbook);
  const costPost = costing(horizon, grades);
  const scenarios = scenariosOf(workbook);
  const proposed = scenarioNamed(scenarios, SCENARIO_PROPOSED)!;
  const proposal = effectiveValues(proposed, workbook);
  const pay = payFactors(proposal.payAward, payAwardsByYear(proposed, workbook), horizon.years);
  return {
    years: horizon.years,
    scenarios: scenarios.map((s) => scenarioFigures(s, workbook, horizon, grades, costPost)),
    postCosts: workbook.posts.map((post) => costPost(post, proposal.recruitment, proposal.startDelay, pay).costs),
  };
}
