// Switching values and the tornado of one scenario, by the pure model. No
// HyperFormula here: the analysis worker loads only the model.
import { tornado } from '../model/sensitivity';
import { switchingValues } from '../model/switching';
import type { Analysis, AnalysisRequest } from './protocol';

export function analyse(request: AnalysisRequest): Analysis {
  const today = new Date(request.today);
  return {
    scenario: request.scenario,
    switching: switchingValues(request.workbook, request.scenario, today),
    tornado: tornado(request.workbook, request.scenario, request.ranges, today),
  };
}
