// Scenarios: Do nothing, Proposed investment, and the user's what-ifs. A
// scenario says which lines are in and which assumptions it sets; any it does
// not set come from the workbook.
import { assumptionRow, ASSUMPTIONS, type AssumptionRow, type ByYear } from './assumptions';
import { formatFinancialYear } from './periods';
import {
  type ScenarioAssumption,
  SCENARIO_DO_NOTHING,
  SCENARIO_PROPOSED,
  type Assumptions,
  type Scenario,
  type ScenarioValues,
  type Workbook,
} from './workbook';

/** One row of the assumption table (assumptions.ts). */
export type AssumptionSpec = AssumptionRow & { key: ScenarioAssumption };

/** The assumption table, in the order of docs/RULES.md, "Scenarios". */
export const ASSUMPTION_SPECS: readonly AssumptionSpec[] = ASSUMPTIONS;

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
  const stated = a as Partial<ScenarioValues>;
  return Object.fromEntries(ASSUMPTION_SPECS.map((spec) => [spec.key, stated[spec.key] ?? spec.default])) as ScenarioValues;
}

/**
 * The pay award of each year a scenario or its workbook names: the
 * scenario's own, else the workbook's. A year neither names takes the
 * scenario's single pay award (`payFactors`).
 */
export function payAwardsByYear(scenario: Scenario, workbook: Workbook): ByYear {
  return { ...definedYears(workbook.assumptions.payAwardByYear), ...definedYears(scenario.payAwardByYear) };
}

function definedYears(byYear: ByYear | undefined): ByYear {
  return Object.fromEntries(Object.entries(byYear ?? {}).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)));
}

/** A year's pay award as the Scenarios sheet and the grids name it: `Pay award % 2025/26`. */
export const payAwardYearName = (fy: number) => `${assumptionRow('payAward').name} ${formatFinancialYear(fy)}`;

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
  const { min, max, above } = spec.bounds;
  if ((above ? value > min : value >= min) && value <= max) return null;
  if (spec.unit === 'months') return `${spec.name} is from ${min} to ${max} months`;
  const percent = (x: number) => `${shownPercent(x).toLocaleString('en-GB')}%`;
  return above ? `${spec.name} is above ${percent(min)} and at most ${percent(max)}` : `${spec.name} is from ${percent(min)} to ${percent(max)}`;
}
