// Switching values and the tornado of one scenario, by the pure model. No
// HyperFormula here: the analysis worker loads only the model.
import { simulate, type RiskResult } from '../model/risk';
import { tornado } from '../model/sensitivity';
import { switchingValues } from '../model/switching';
import type { Analysis, AnalysisRequest, RiskRequest } from './protocol';

export function analyse(request: AnalysisRequest): Analysis {
  const today = new Date(request.today);
  return {
    scenario: request.scenario,
    switching: switchingValues(request.workbook, request.scenario, today),
    tornado: tornado(request.workbook, request.scenario, request.ranges, today),
  };
}

/** A scenario's runs, reporting progress every 500 runs (about 20 times at the default 10,000). */
export function risk(request: RiskRequest, progress?: (done: number) => void): RiskResult {
  return simulate(request.workbook, request.scenario, request.settings, { today: new Date(request.today), progress, every: 500 });
}
