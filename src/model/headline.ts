// The headline figures of a proposal, as a committee report states them.
import type { Results, ScenarioFigures } from './costing';
import { formatFinancialYear, type FinancialYear } from './periods';
import { scenarioNamed } from './scenarios';
import { shownFigures } from './shown';
import { SCENARIO_DO_NOTHING, SCENARIO_PROPOSED } from './workbook';

export interface Headline {
  /** Council-funded staff and other costs of the proposal over the horizon, in whole pounds. */
  implementationCost: number;
  savings: number;
  /** Net cost over the horizon: negative is a saving. */
  net: number;
  npv: number;
  /** Proposal NPV less doing nothing's: negative means the proposal is better. */
  npvAgainstDoingNothing: number;
  paybackYear: FinancialYear | null;
  external: number;
  /** `2017/18 to 2020/21`. */
  horizon: string;
}

export function scenario(results: Results, name: string): ScenarioFigures {
  const found = scenarioNamed(results.scenarios, name);
  if (!found) throw new Error(`No scenario ${name}`);
  return found;
}

/** In whole pounds that add up as shown (docs/RULES.md, "Figures that add up"): the net is the savings shown less the cost shown. */
export function headline(results: Results, name: string = SCENARIO_PROPOSED): Headline {
  const proposal = results.scenarios.find((s) => s.name === name) ?? scenario(results, SCENARIO_PROPOSED);
  const shown = shownFigures(proposal);
  const baseline = shownFigures(scenario(results, SCENARIO_DO_NOTHING));
  return {
    implementationCost: shown.implementationCost,
    savings: shown.totals.savings,
    net: shown.totals.net,
    npv: shown.npv,
    npvAgainstDoingNothing: shown.npv - baseline.npv,
    paybackYear: proposal.paybackYear,
    external: shown.totals.external,
    horizon: `${formatFinancialYear(results.years[0])} to ${formatFinancialYear(results.years[results.years.length - 1])}`,
  };
}

export function describePayback(year: FinancialYear | null): string {
  return year === null ? 'Not within the horizon' : formatFinancialYear(year);
}
