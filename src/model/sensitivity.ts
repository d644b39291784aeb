// Sensitivity: how far each assumption, moved across a range the user can see
// and change, moves the scenario's NPV against doing nothing (a tornado).
import { ASSUMPTION_SPECS, effectiveValues, scenariosOf } from './scenarios';
import { evaluator } from './switching';
import type { ScenarioAssumption, Workbook } from './workbook';

export type Ranges = Record<ScenarioAssumption, [number, number]>;

/** Defaults, in the assumption's own units: a plausible low and high for a committee (the assumption table's). */
export const DEFAULT_RANGES = Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, [...a.sensitivity]])) as Ranges;

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
export function tornado(workbook: Workbook, scenarioName: string, ranges: Ranges = DEFAULT_RANGES, today?: Date): Bar[] {
  const evaluate = evaluator(workbook, scenarioName, today);
  const scenario = scenariosOf(workbook).find((s) => s.name === scenarioName) ?? scenariosOf(workbook)[1];
  const values = effectiveValues(scenario, workbook);
  const bars = ASSUMPTION_SPECS.map((spec) => {
    const [low, high] = ranges[spec.key];
    return { key: spec.key, name: spec.name, low, high, atLow: evaluate.gap(spec.key, low), atHigh: evaluate.gap(spec.key, high), base: evaluate.gap(spec.key, values[spec.key]) };
  });
  return bars.sort((a, b) => Math.abs(b.atHigh - b.atLow) - Math.abs(a.atHigh - a.atLow));
}
