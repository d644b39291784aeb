// The comparison: one row per scenario, against doing nothing (Green Book).
import { variance, type Results } from './costing';
import { scenarioNamed } from './scenarios';
import { SCENARIO_DO_NOTHING } from './workbook';

export interface ComparisonRow {
  name: string;
  /** Council-funded staff and other costs over the horizon. */
  costs: number;
  savings: number;
  net: number;
  npv: number;
  /** NPV less doing nothing's: negative means better than doing nothing. */
  againstDoingNothing: number;
  paybackYear: number | null;
  target: number;
  variance: number;
  external: number;
  beyondHorizon: number;
}

export function comparison(results: Results): ComparisonRow[] {
  const baseline = scenarioNamed(results.scenarios, SCENARIO_DO_NOTHING)!;
  return results.scenarios.map((s) => ({
    name: s.name,
    costs: s.totals.staff + s.totals.other,
    savings: s.totals.savings,
    net: s.totals.net,
    npv: s.npv,
    againstDoingNothing: s.npv - baseline.npv,
    paybackYear: s.paybackYear,
    target: s.totals.target,
    variance: variance(s.totals),
    external: s.totals.external,
    beyondHorizon: s.beyondHorizon,
  }));
}
