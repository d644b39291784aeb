// The headline figures of a proposal, as a committee report states them.
import type { Results, ScenarioFigures } from './costing';
import { formatFinancialYear, type FinancialYear } from './periods';
import { scenarioNamed } from './scenarios';
import { SCENARIO_DO_NOTHING, SCENARIO_PROPOSED } from './workbook';

export interface Headline {
  /** Council-funded staff and other costs of the proposal over the horizon. */
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

export function headline(results: Results, name: string = SCENARIO_PROPOSED): Headline {
  const proposal = results.scenarios.find((s) => s.name === name) ?? scenario(results, SCENARIO_PROPOSED);
  const baseline = scenario(results, SCENARIO_DO_NOTHING);
  const t = proposal.totals;
  return {
    implementationCost: t.staff + t.other,
    savings: t.savings,
    net: t.net,
    npv: proposal.npv,
    npvAgainstDoingNothing: proposal.npv - baseline.npv,
    paybackYear: proposal.paybackYear,
    external: t.external,
    horizon: `${formatFinancialYear(results.years[0])} to ${formatFinancialYear(results.years[results.years.length - 1])}`,
  };
}

export function describePayback(year: FinancialYear | null): string {
  return year === null ? 'Not within the horizon' : formatFinancialYear(year);
}
