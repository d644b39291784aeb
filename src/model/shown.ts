// Figures as the page shows them (docs/RULES.md, "Figures that add up"):
// each year's figure rounded to the pound from its exact amount, and every
// total, net, running total and difference worked out from those rounded
// figures, so a table adds up across and down as printed. Rounding each total
// from its own exact amount instead showed £2,808,000 of savings less
// £578,026 of cost as £2,229,975.
import { totalsOf, type Results, type ScenarioFigures } from './costing';
import { poundsOf } from './money';
import type { FinancialYear } from './periods';

/** The rule in one sentence, for the page's notes. */
export const ROUNDING_NOTE = 'Each year’s figure is rounded to the pound; every total, net and difference shown is worked out from the rounded figures, so the tables add up as printed (the CSV downloads keep the pence).';

/** To the pound, half a pound away from nought (as `formatPounds` shows it). */
export function wholePounds(value: number): number {
  const whole = poundsOf(value);
  return whole === 0 ? 0 : Math.sign(value) * whole;
}

export interface ShownYear {
  year: FinancialYear;
  staff: number;
  other: number;
  savings: number;
  target: number;
  /** target - savings. */
  variance: number;
  /** staff + other - savings. */
  net: number;
  cumulative: number;
  discounted: number;
  external: number;
}

export interface ShownFigures {
  years: ShownYear[];
  totals: Omit<ShownYear, 'year' | 'cumulative'>;
  /** Council-funded staff and other costs over the horizon. */
  implementationCost: number;
  /** The discounted net costs shown, added up. */
  npv: number;
}

export function shownFigures(figures: ScenarioFigures): ShownFigures {
  let cumulative = 0;
  const years = figures.years.map((y): ShownYear => {
    const [staff, other, savings, target] = [y.staff, y.other, y.savings, y.target].map(wholePounds);
    const net = staff + other - savings;
    cumulative += net;
    return { year: y.year, staff, other, savings, target, variance: target - savings, net, cumulative, discounted: wholePounds(y.discounted), external: wholePounds(y.external) };
  });
  const totals = totalsOf(years, ['staff', 'other', 'savings', 'target', 'variance', 'net', 'discounted', 'external']);
  return { years, totals, implementationCost: totals.staff + totals.other, npv: totals.discounted };
}

/** The printed net cost table: each scenario's net by year as the year tables show it, and their sum. */
export function netCostTable(results: Results): { name: string; years: number[]; total: number }[] {
  return results.scenarios.map((s) => {
    const shown = shownFigures(s);
    return { name: s.name, years: shown.years.map((y) => y.net), total: shown.totals.net };
  });
}
