// The workbook's ranges and risk settings change like any other part of the
// workbook (queued, saved, undoable), but the engine costs none of them: the
// engine is told of an empty change of assumptions, which writes no cell,
// rather than building the workbook again (seconds at 10,000 posts).
import { type RiskSettings, type ScenarioAssumption, type Workbook } from '../model/workbook';
import { riskOf, runsProblem, seedProblem } from '../model/risk';
import { rangeProblem, rangesOf } from '../model/sensitivity';
import type { AppState } from './app.svelte';

const nothingToCost = () => ({ type: 'assumptions' as const, change: {} });

/** One assumption's Low and High, in its own units: the reason they cannot be used, or null once kept. */
export function setRange(app: AppState, key: ScenarioAssumption, low: number, high: number): Promise<string | null> {
  const problem = rangeProblem(key, low, high);
  if (problem) return Promise.resolve(problem);
  return app.changeWith((wb: Workbook) => {
    const [l, h] = rangesOf(wb)[key];
    return l === low && h === high ? wb : { ...wb, ranges: { ...wb.ranges, [key]: [low, high] } };
  }, nothingToCost);
}

/** The risk view's seed or runs: the reason they cannot be used, or null once kept. */
export function setRisk(app: AppState, change: Partial<RiskSettings>): Promise<string | null> {
  const next = { ...riskOf(app.workbook), ...change };
  const problem = seedProblem(next.seed) ?? runsProblem(next.runs);
  if (problem) return Promise.resolve(problem);
  return app.changeWith((wb: Workbook) => {
    const now = riskOf(wb);
    const wanted = { ...now, ...change };
    return wanted.seed === now.seed && wanted.runs === now.runs ? wb : { ...wb, risk: wanted };
  }, nothingToCost);
}
