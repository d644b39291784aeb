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

/** The base in use: the one named, or doing nothing when it is no longer there (deleted, renamed). */
const baseOf = (results: Results, base: string) => scenarioNamed(results.scenarios, base) ?? scenarioNamed(results.scenarios, SCENARIO_DO_NOTHING)!;

/** Every scenario against `base`, to the penny (the comparison CSV). */
export function comparison(results: Results, base: string = SCENARIO_DO_NOTHING): ComparisonRow[] {
  const against = baseOf(results, base);
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
 * The comparison as the page and the printed appendix show it, in whole
 * pounds that add up (docs/RULES.md, "Figures that add up"): the same figures
 * as the headline and the year tables, and each difference is of the figures
 * shown. Rounding each exact total alone showed the example's net as
 * £2,229,975 beside the headline's £2,229,974.
 */
export function shownComparison(results: Results, base: string = SCENARIO_DO_NOTHING): ComparisonRow[] {
  const against = baseOf(results, base);
  const baseShown = shownFigures(against);
  return results.scenarios.map((s) => {
    const shown = shownFigures(s);
    return {
      name: s.name,
      base: against.name,
      costs: shown.implementationCost,
      savings: shown.totals.savings,
      net: shown.totals.net,
      npv: shown.npv,
      baseNpv: baseShown.npv,
      difference: shown.npv - baseShown.npv,
      netDifference: shown.totals.net - baseShown.totals.net,
      paybackYear: s.paybackYear,
      basePaybackYear: against.paybackYear,
      target: shown.totals.target,
      variance: shown.totals.variance,
      external: shown.totals.external,
      beyondHorizon: wholePounds(s.beyondHorizon),
    };
  });
}

/** A difference of NPV (or net cost) in words: lower costs the council less, so it is better. */
export function describeDifference(difference: number): string {
  if (Math.round(difference) === 0) return '£0';
  return `${formatPounds(Math.abs(difference))} ${difference < 0 ? 'better' : 'worse'}`;
}
