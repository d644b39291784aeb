// Scenarios: Do nothing, Proposed investment, and the user's what-ifs. A
// scenario says which lines are in and which assumptions it sets; any it does
// not set come from the workbook.
import {
  type ScenarioAssumption,
  SCENARIO_DO_NOTHING,
  SCENARIO_PROPOSED,
  type Assumptions,
  type Scenario,
  type ScenarioValues,
  type Workbook,
} from './workbook';

export interface AssumptionSpec {
  key: ScenarioAssumption;
  /** The row name in a Scenarios sheet. */
  name: string;
  unit: '%' | 'months';
  /** What a councillor may sensibly try, in the unit shown. */
  min: number;
  max: number;
  step: number;
  /** Which way makes the proposal look better: +1 when raising it lowers NPV. */
  help: string;
}

/** In the order of DOMAIN.md's "Scenarios as a sheet". */
export const ASSUMPTION_SPECS: AssumptionSpec[] = [
  { key: 'payAward', name: 'Pay award %', unit: '%', min: 0, max: 10, step: 0.5, help: 'Compounds from the second year.' },
  { key: 'recruitment', name: 'Recruitment %', unit: '%', min: 0, max: 100, step: 5, help: 'Share of each new post filled; deletions are not scaled.' },
  { key: 'startDelay', name: 'Start delay (months)', unit: 'months', min: 0, max: 24, step: 1, help: 'New posts start later; fixed end dates stay.' },
  { key: 'savingsDelivery', name: 'Savings delivery %', unit: '%', min: 0, max: 150, step: 5, help: 'Share of planned savings that happens.' },
  { key: 'savingsDelay', name: 'Savings delay (months)', unit: 'months', min: 0, max: 36, step: 1, help: 'Savings arrive later; what falls past the horizon is reported.' },
  { key: 'optimismBias', name: 'Optimism bias %', unit: '%', min: 0, max: 100, step: 5, help: 'Green Book uplift on every council-funded cost.' },
  { key: 'discountRate', name: 'Discount rate %', unit: '%', min: 0, max: 10, step: 0.5, help: 'HM Treasury Green Book: 3.5%.' },
];

/**
 * A fraction as a number of percent, as people type and read it: 0.035 is
 * 3.5 (rounded to `digits` significant digits, so 0.07 is 7, not 7.000000000000001).
 */
export const shownPercent = (fraction: number, digits = 10) => Number((fraction * 100).toPrecision(digits));

/** An assumption's value as the page shows it: percentages as numbers of percent, months as months. */
export const shownValue = (spec: AssumptionSpec, value: number, digits = 10) => (spec.unit === '%' ? shownPercent(value, digits) : value);

/** What the user typed for an assumption, as the workbook keeps it: percentages as fractions. */
export const storedValue = (spec: AssumptionSpec, shown: number) => (spec.unit === '%' ? shown / 100 : shown);

export function workbookValues(a: Assumptions): ScenarioValues {
  return {
    payAward: a.payAward,
    recruitment: a.recruitment ?? 1,
    startDelay: a.startDelay ?? 0,
    savingsDelivery: a.savingsDelivery,
    savingsDelay: a.savingsDelay ?? 0,
    optimismBias: a.optimismBias ?? 0,
    discountRate: a.discountRate,
  };
}

/** Every scenario of a workbook: the two built in, first, then the user's. */
export function scenariosOf(workbook: Workbook): Scenario[] {
  const own = workbook.scenarios ?? [];
  const find = (name: string) => own.find((s) => s.name.toLowerCase() === name.toLowerCase());
  return [
    find(SCENARIO_DO_NOTHING) ?? { name: SCENARIO_DO_NOTHING, overrides: {} },
    find(SCENARIO_PROPOSED) ?? { name: SCENARIO_PROPOSED, overrides: {} },
    ...own.filter((s) => !isBuiltIn(s.name)),
  ];
}

export const isBuiltIn = (name: string) => [SCENARIO_DO_NOTHING, SCENARIO_PROPOSED].some((b) => b.toLowerCase() === name.toLowerCase());

/** A scenario (or its figures) by name, matched as scenariosOf matches the built-in ones: `proposed investment` is the proposal. */
export const scenarioNamed = <T extends { name: string }>(list: T[], name: string): T | undefined => list.find((s) => s.name.toLowerCase() === name.toLowerCase());

/** The values a scenario runs on: its own where it sets them, else the workbook's. */
export function effectiveValues(scenario: Scenario, workbook: Workbook): ScenarioValues {
  return { ...workbookValues(workbook.assumptions), ...definedOnly(scenario.overrides) };
}

function definedOnly(o: Partial<ScenarioValues>): Partial<ScenarioValues> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
}

export type LineSheet = 'posts' | 'costs' | 'savings';

/**
 * Whether a line is in a scenario. Do nothing holds the cost-of-inaction
 * lines (and none of the proposal's); every other scenario holds the
 * proposal's lines. A scenario may flip any line in or out.
 */
export function includes(scenario: Scenario, sheet: LineSheet, index: number, doNothingLine: boolean): boolean {
  const byDefault = scenario.name.toLowerCase() === SCENARIO_DO_NOTHING.toLowerCase() ? doNothingLine : !doNothingLine;
  const flipped = scenario.toggled?.[sheet]?.includes(index) ?? false;
  return byDefault !== flipped;
}

/** Why a scenario value cannot be used (in the assumption's own units: fractions, months), or null. */
export function valueProblem(key: ScenarioAssumption, value: number): string | null {
  const spec = ASSUMPTION_SPECS.find((a) => a.key === key)!;
  if (!Number.isFinite(value)) return `${spec.name} must be a number`;
  if (spec.unit === 'months') return value < 0 || value > 600 ? `${spec.name} is from 0 to 600 months` : null;
  if (key === 'payAward' || key === 'discountRate') return value <= -1 || value > 1 ? `${spec.name} is above -100% and at most 100%` : null;
  return value < 0 || value > 10 ? `${spec.name} is from 0% to 1,000%` : null;
}
