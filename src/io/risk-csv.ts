// The risk view's two downloads (docs/RULES.md, "Uncertainty"): a row per
// scenario with its chance and percentiles, and one scenario's runs, each
// assumption's draw and the NPVs, so a scrutiny officer can check the figures.
import type { RiskResult } from '../model/risk';
import { ASSUMPTION_SPECS, shownValue } from '../model/scenarios';
import { moneyCell, writeCsv } from './csv';

export const RISK_HEADER = ['Scenario', 'Runs', 'Seed', 'Chance better than doing nothing', 'NPV P10', 'NPV P50', 'NPV P90'];

/** The chance as a fraction (0 to 1), the NPVs in pounds. */
export function riskCsv(results: RiskResult[]): string {
  return writeCsv(
    RISK_HEADER,
    results.map((r) => [r.scenario, r.runs, r.seed, r.chance, moneyCell(r.p10), moneyCell(r.p50), moneyCell(r.p90)]),
  );
}

/** A row per run: its number, each assumption as drawn (percent rows in percent), the scenario's NPV and doing nothing's. */
export function riskRunsCsv(result: RiskResult): string {
  const rows = Array.from({ length: result.runs }, (_, i) => [
    i + 1,
    ...ASSUMPTION_SPECS.map((spec) => shownValue(spec, result.draws[spec.key][i], 12)),
    moneyCell(result.npv[i]),
    moneyCell(result.doNothingNpv[i]),
  ]);
  return writeCsv(['Run', ...ASSUMPTION_SPECS.map((a) => a.name), 'NPV', 'Do nothing NPV'], rows);
}
