// The comparison: one row per scenario against a base scenario the user
// chooses (Green Book: doing nothing by default; often the proposal itself).
import { variance, type Results } from './costing';
import { formatPounds } from './money';
import { scenarioNamed } from './scenarios';
import { shownFigures, wholePounds } from './shown';
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

/**
 * The comparison as the page shows it: every money figure from the scenario's
 * rounded years (docs/RULES.md, "Figures that add up"), so its net cost and
 * net present value are the headline's and the year tables', and each
 * difference is of the figures beside it. The CSV keeps the exact figures.
 */
export function shownComparison(results: Results, base: string = SCENARIO_DO_NOTHING): ComparisonRow[] {
  const exact = comparison(results, base);
  const shown = new Map(results.scenarios.map((s) => [s.name, shownFigures(s)]));
  const against = shown.get(exact[0]?.base ?? base)!;
  return exact.map((row) => {
    const s = shown.get(row.name)!;
    return {
      ...row,
      costs: s.implementationCost,
      savings: s.totals.savings,
      net: s.totals.net,
      npv: s.npv,
      baseNpv: against.npv,
      difference: s.npv - against.npv,
      netDifference: s.totals.net - against.totals.net,
      target: s.totals.target,
      variance: s.totals.variance,
      external: s.totals.external,
      beyondHorizon: wholePounds(row.beyondHorizon),
    };
  });
}

/** A difference of NPV (or net cost) in words: lower costs the council less, so it is better. */
export function describeDifference(difference: number): string {
  if (Math.round(difference) === 0) return '£0';
  return `${formatPounds(Math.abs(difference))} ${difference < 0 ? 'better' : 'worse'}`;
}
