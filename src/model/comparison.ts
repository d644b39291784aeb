// The comparison: one row per scenario against a base scenario the user
// chooses (Green Book: doing nothing by default; often the proposal itself).
import { variance, type Results, type ScenarioFigures } from './costing';
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

/** A scenario's money over the horizon, as one row of the comparison reads it. */
interface Money {
  totals: { staff: number; other: number; savings: number; net: number; target: number; variance: number; external: number };
  npv: number;
  beyondHorizon: number;
}

/** Every scenario against `base`, its money read by `money`; a base no longer there (deleted, renamed) gives way to doing nothing. */
function rows(results: Results, base: string, money: (s: ScenarioFigures) => Money): ComparisonRow[] {
  const chosen = scenarioNamed(results.scenarios, base) ?? scenarioNamed(results.scenarios, SCENARIO_DO_NOTHING)!;
  const against = money(chosen);
  return results.scenarios.map((scenario) => {
    const s = money(scenario);
    return {
      name: scenario.name,
      base: chosen.name,
      costs: s.totals.staff + s.totals.other,
      savings: s.totals.savings,
      net: s.totals.net,
      npv: s.npv,
      baseNpv: against.npv,
      difference: s.npv - against.npv,
      netDifference: s.totals.net - against.totals.net,
      paybackYear: scenario.paybackYear,
      basePaybackYear: chosen.paybackYear,
      target: s.totals.target,
      variance: s.totals.variance,
      external: s.totals.external,
      beyondHorizon: s.beyondHorizon,
    };
  });
}

/** Every scenario against `base`, to the penny (the comparison CSV). */
export function comparison(results: Results, base: string = SCENARIO_DO_NOTHING): ComparisonRow[] {
  return rows(results, base, (s) => ({ totals: { ...s.totals, variance: variance(s.totals) }, npv: s.npv, beyondHorizon: s.beyondHorizon }));
}

/**
 * The comparison as the page shows it: every money figure from the scenario's
 * rounded years (docs/RULES.md, "Figures that add up"), so its net cost and
 * net present value are the headline's and the year tables', and each
 * difference is of the figures beside it. The CSV keeps the exact figures.
 */
export function shownComparison(results: Results, base: string = SCENARIO_DO_NOTHING): ComparisonRow[] {
  return rows(results, base, (s) => {
    const shown = shownFigures(s);
    return { totals: shown.totals, npv: shown.npv, beyondHorizon: wholePounds(s.beyondHorizon) };
  });
}

/** A difference of NPV (or net cost) in words: lower costs the council less, so it is better. */
export function describeDifference(difference: number): string {
  if (Math.round(difference) === 0) return '£0';
  return `${formatPounds(Math.abs(difference))} ${difference < 0 ? 'better' : 'worse'}`;
}
