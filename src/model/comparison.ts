// The comparison: one row per scenario against a base scenario the user
// chooses (Green Book: doing nothing by default; often the proposal itself).
import { variance, type Results } from './costing';
import { formatPounds } from './money';
import { scenarioNamed } from './scenarios';
import { SCENARIO_DO_NOTHING } from './workbook';

export interface ComparisonRow {
  name: string;
  /** The scenario every row is measured against. */
  base: string;
  /** Council-funded staff and other costs over the horizon. */
  costs: number;
  savings: number;
  net: number;
  npv: number;
  baseNpv: number;
  /** NPV less the base's: negative means better than the base. */
  difference: number;
  /** Net cost over the horizon less the base's. */
  netDifference: number;
  paybackYear: number | null;
  basePaybackYear: number | null;
  target: number;
  variance: number;
  external: number;
  beyondHorizon: number;
}

/** Every scenario against `base`; a base no longer there (deleted, renamed) gives way to doing nothing. */
export function comparison(results: Results, base: string = SCENARIO_DO_NOTHING): ComparisonRow[] {
  const against = scenarioNamed(results.scenarios, base) ?? scenarioNamed(results.scenarios, SCENARIO_DO_NOTHING)!;
  return results.scenarios.map((s) => ({
    name: s.name,
    base: against.name,
    costs: s.totals.staff + s.totals.other,
    savings: s.totals.savings,
    net: s.totals.net,
    npv: s.npv,
    baseNpv: against.npv,
    difference: s.npv - against.npv,
    netDifference: s.totals.net - against.totals.net,
    paybackYear: s.paybackYear,
    basePaybackYear: against.paybackYear,
    target: s.totals.target,
    variance: variance(s.totals),
    external: s.totals.external,
    beyondHorizon: s.beyondHorizon,
  }));
}

/** A difference of NPV (or net cost) in words: lower costs the council less, so it is better. */
export function describeDifference(difference: number): string {
  if (Math.round(difference) === 0) return '£0';
  return `${formatPounds(Math.abs(difference))} ${difference < 0 ? 'better' : 'worse'}`;
}
