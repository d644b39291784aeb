// Sensitivity: how far each assumption, moved across a range the user can see
// and change, moves the scenario's NPV against doing nothing (a tornado).
import { ASSUMPTION_SPECS, effectiveValues, scenariosOf, shownValue, valueProblem } from './scenarios';
import { evaluator } from './switching';
import type { ScenarioAssumption, Workbook } from './workbook';

export type Ranges = Record<ScenarioAssumption, [number, number]>;

/** Defaults, in the assumption's own units: a plausible low and high for a committee (the assumption table's). */
export const DEFAULT_RANGES = Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, [...a.sensitivity]])) as Ranges;

/** The workbook's ranges: its own where it names one, else the assumption table's. */
export function rangesOf(workbook: Workbook): Ranges {
  const own = workbook.ranges ?? {};
  return Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, [...(own[a.key] ?? DEFAULT_RANGES[a.key])]])) as Ranges;
}

/** Why a range cannot be used, or null: each end within what the assumption may be, Low no higher than High. */
export function rangeProblem(key: ScenarioAssumption, low: number, high: number): string | null {
  const problem = valueProblem(key, low) ?? valueProblem(key, high);
  if (problem) return problem;
  const spec = ASSUMPTION_SPECS.find((a) => a.key === key)!;
  return low > high ? `${spec.name}: Low (${shownValue(spec, low)}) is above High (${shownValue(spec, high)})` : null;
}

export interface Bar {
  key: ScenarioAssumption;
  name: string;
  low: number;
  high: number;
  /** NPV against doing nothing at the low and high ends, and as it stands. */
  atLow: number;
  atHigh: number;
  base: number;
}

/** Bars widest first, as a tornado draws them. */
export function tornado(workbook: Workbook, scenarioName: string, ranges: Ranges = rangesOf(workbook), today?: Date): Bar[] {
  const evaluate = evaluator(workbook, scenarioName, today);
  const scenario = scenariosOf(workbook).find((s) => s.name === scenarioName) ?? scenariosOf(workbook)[1];
  const values = effectiveValues(scenario, workbook);
  const bars = ASSUMPTION_SPECS.map((spec) => {
    const [low, high] = ranges[spec.key];
    return { key: spec.key, name: spec.name, low, high, atLow: evaluate.gap(spec.key, low), atHigh: evaluate.gap(spec.key, high), base: evaluate.gap(spec.key, values[spec.key]) };
  });
  return bars.sort((a, b) => Math.abs(b.atHigh - b.atLow) - Math.abs(a.atHigh - a.atLow));
}
