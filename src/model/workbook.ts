// What the user wrote: the workbook's lines and assumptions. Nothing computed
// is kept here; figures come from costing (or the engine) and are thrown away.
import { ASSUMPTIONS, type AssumptionKey, type ByYear } from './assumptions';
import { describeMonth, monthsBetween, type FinancialYear, type Month } from './periods';

export interface Grade {
  grade: string;
  /** Full-year cost of 1 FTE, on-costs included. */
  annualCost: number;
  /** Formulas the user typed, by field (`annualCost`); the field holds the value last worked out. */
  formulas?: Formulas;
}

/** A formula per numeric field, as typed (`=ReferralsPerWeek/CasesPerWorker`). */
export type Formulas = Partial<Record<string, string>>;

/** A named value of the user's own (`ReferralsPerWeek`), usable by name in any formula. */
export interface UserAssumption {
  name: string;
  /** A number, or a formula as typed. */
  value: number | string;
  unit: '£' | '%' | 'months' | 'number';
  /** Where the value comes from. */
  note: string;
}

export interface Post {
  title: string;
  grade: string;
  /** Negative FTE is a deletion (a restructure funding other posts). */
  fte: number;
  /** The post's own full-year cost of 1 FTE (its pay, on-costs included), where it states one: it wins over its grade's. */
  annualCost?: number | null;
  team: string;
  group: string;
  /** No start: the post starts with the horizon's first month. */
  start: Month | null;
  /** No end and no months: the post is ongoing to the end of the horizon. */
  end: Month | null;
  /** A month count wins over a disagreeing end (it is what the report costed). */
  months: number | null;
  /** Blank or the council: council-funded. Anything else: externally funded. */
  funding: string;
  /** The cost the report printed for this post over its period, kept to reconcile against. */
  publishedCost?: number | null;
  /** A full-year cost of this post at its FTE, as payroll exports give it. */
  publishedAnnualCost?: number | null;
  /** Footnotes and remarks that came with the line. */
  note?: string;
  /** A cost of inaction: in Do nothing, not in the proposal. */
  doNothing?: boolean;
  formulas?: Formulas;
}

export interface Cost {
  description: string;
  group: string;
  /** No year: the horizon's first year. */
  year: FinancialYear | null;
  /** Either an amount, or quantity x unit cost. */
  amount: number | null;
  quantity: number | null;
  unitCost: number | null;
  funding: string;
  note?: string;
  doNothing?: boolean;
  formulas?: Formulas;
}

export type SavingType = 'Saving' | 'Target';

export interface Saving {
  line: string;
  group: string;
  type: SavingType;
  /** Yes: each figure is a new saving that recurs in every later year. */
  recurring: boolean;
  /** Amount by financial year, as the report gives it (positive = saving). */
  amounts: Record<FinancialYear, number>;
  doNothing?: boolean;
  /** Formulas by year (`y2018`); each amount holds what its formula last worked out to. */
  formulas?: Formulas;
}

/**
 * A total printed in a report (`Sub Total`, `TOTAL COST:`, `Total of Savings`),
 * kept to check against the lines it sums. Lines are indices into the sheets.
 */
export interface ReportedTotal {
  label: string;
  file: string;
  row: number;
  /** Null: over the lines' whole periods; a year: that year's column. */
  year: FinancialYear | null;
  published: number;
  posts: number[];
  costs: number[];
  savings: number[];
}

export interface Assumptions {
  /** First financial year of the horizon; null: the first year the data touches. */
  firstYear: FinancialYear | null;
  /** Horizon length in years; null: at least four, longer where the data is. */
  horizonYears: number | null;
  /** Pay award a year, as a fraction (0.03 for 3%), compounding from the second year. */
  payAward: number;
  /** HM Treasury Green Book discount rate, as a fraction (0.035). */
  discountRate: number;
  /** Share of the planned savings assumed to happen, as a fraction (1 for 100%). */
  savingsDelivery: number;
  /** Share of each new post (FTE above 0) filled, as a fraction; deletions are not scaled. */
  recruitment?: number;
  /** Months every new post starts later, keeping its length: an End moves with it, as does a Months count. */
  startDelay?: number;
  /** Months savings arrive later; d/12 of each year's saving moves into the next. */
  savingsDelay?: number;
  /** Green Book optimism bias on every council-funded cost, as a fraction. */
  optimismBias?: number;
  /** The pay award of single years (2025 for 2025/26), as fractions; a year not named takes `payAward`. */
  payAwardByYear?: ByYear;
}

/** The scenario assumptions, in the order of the assumption table (assumptions.ts). */
export const SCENARIO_ASSUMPTIONS: readonly AssumptionKey[] = ASSUMPTIONS.map((a) => a.key);
export type ScenarioAssumption = AssumptionKey;
export type ScenarioValues = Record<ScenarioAssumption, number>;

export interface Scenario {
  name: string;
  /** The assumptions this scenario sets; the rest come from the workbook. */
  overrides: Partial<ScenarioValues>;
  /** The pay award of single years this scenario sets; a year it does not name takes the workbook's for that year, else the scenario's pay award. */
  payAwardByYear?: ByYear;
  /** Lines (by index in their sheet) whose inclusion differs from the scenario's default. */
  toggled?: Partial<Record<'posts' | 'costs' | 'savings', number[]>>;
  /** Rows of an imported Scenarios sheet this app does not use yet, kept as written. */
  other?: Record<string, string>;
}

export interface Workbook {
  name: string;
  assumptions: Assumptions;
  grades: Grade[];
  posts: Post[];
  costs: Cost[];
  savings: Saving[];
  /** Totals the imported tables printed, for reconciliation. */
  reported?: ReportedTotal[];
  /** Do nothing, Proposed investment and the user's own, with what each sets. */
  scenarios?: Scenario[];
  /** The user's own named values, usable in any formula. */
  userAssumptions?: UserAssumption[];
  /** Each assumption's Low and High (the tornado's ends, the risk view's range), in its own units; one not named takes the assumption table's. */
  ranges?: Partial<Record<ScenarioAssumption, [number, number]>>;
  /** How the risk view draws: its seed and number of runs (risk.ts); missing takes the defaults. */
  risk?: RiskSettings;
}

export interface RiskSettings {
  /** A whole number from 0 to 4,294,967,295: the generator's starting state. */
  seed: number;
  runs: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  firstYear: null,
  horizonYears: null,
  ...(Object.fromEntries(ASSUMPTIONS.map((a) => [a.key, a.default])) as ScenarioValues),
};

export function emptyWorkbook(name: string): Workbook {
  return { name, assumptions: { ...DEFAULT_ASSUMPTIONS }, grades: [], posts: [], costs: [], savings: [] };
}

/**
 * Funding that names the council (or is blank) is the council's own money.
 * "Council", "County Council reserves", "Council base budget" all count;
 * "Transforming Care Partnership" or "Better Care Fund (NHS)" do not.
 */
export function isCouncilFunded(funding: string): boolean {
  const text = funding.trim();
  return text === '' || /\bcouncil\b|^reserves?$|^base budget$/i.test(text);
}

export const SCENARIO_DO_NOTHING = 'Do nothing';
export const SCENARIO_PROPOSED = 'Proposed investment';

/** `Dec 2017, 15 months`, `Apr 2018 to Mar 2019`, `Apr 2021, ongoing`. */
export function describePostPeriod(post: Post): string {
  const from = post.start === null ? 'From the start' : describeMonth(post.start);
  if (post.months !== null) return `${from}, ${post.months} months`;
  return post.end === null ? `${from}, ongoing` : `${from} to ${describeMonth(post.end)}`;
}

/**
 * A post's dates as its own fields give them, before any horizon. A `Months`
 * count runs from the start and wins over an `End` that disagrees (Dec 17 to
 * Mar 19 is 16 months; the report costed 15). With an end and a count but no
 * start (`12 months until March 2022`), the post runs the count up to its end.
 */
export function declaredPeriod(post: Post): { start: Month | null; end: Month | null } {
  const start = post.start ?? (post.end !== null && post.months !== null ? post.end - post.months + 1 : null);
  const end = post.months !== null && start !== null ? start + post.months - 1 : post.end;
  return { start, end };
}

/**
 * Where a post's count and range disagree, the count is what the report
 * costed and wins; this says so. `Commissioning Manager: 15 months from Dec
 * 2017 ends Feb 2019, but End says Mar 2019 (16 months); costed at 15 months.`
 */
export function periodMismatch(post: Post): string | null {
  if (post.start === null || post.months === null || post.end === null) return null;
  const countedEnd = declaredPeriod(post).end!;
  if (countedEnd === post.end) return null;
  return `${post.title}: ${post.months} months from ${describeMonth(post.start)} ends ${describeMonth(countedEnd)}, but End says ${describeMonth(post.end)} (${monthsBetween(post.start, post.end)} months); costed at ${post.months} months.`;
}

/**
 * The months a post's printed cost covers: its count, else its range. A
 * permanent post's printed cost is a full year's (12); an open-ended period
 * with only an end says nothing (null).
 */
export function costedMonths(post: Post): number | null {
  if (post.months !== null) return post.months;
  if (post.start !== null && post.end !== null) return monthsBetween(post.start, post.end);
  return post.end === null ? 12 : null;
}
