// A line in words of what a scenario changes against the proposal, fit to
// paste into the minutes.
import type { Results } from './costing';
import { describePayback } from './headline';
import { describeNet } from './money';
import { ASSUMPTION_SPECS, scenarioNamed, scenariosOf } from './scenarios';
import { describeChance } from './risk';
import { shownFigures } from './shown';
import { describeValue } from './switching';
import { SCENARIO_DO_NOTHING, SCENARIO_PROPOSED, type Workbook } from './workbook';

/** With the risk view's answer for the scenario, the line says its chance too (risk.ts). */
export function minutesLine(workbook: Workbook, results: Results, name: string, risk?: { chance: number; runs: number }): string {
  const figures = results.scenarios.find((s) => s.name === name);
  const proposal = scenarioNamed(results.scenarios, SCENARIO_PROPOSED);
  const doNothing = scenarioNamed(results.scenarios, SCENARIO_DO_NOTHING);
  if (!figures || !proposal || !doNothing) return '';
  const changes = ASSUMPTION_SPECS.filter((spec) => Math.abs(figures.values[spec.key] - proposal.values[spec.key]) > 1e-12).map(
    (spec) =>
      `${spec.name.replace(/\s*(%|\(months\))$/, '').toLowerCase()} ${describeValue(spec, figures.values[spec.key])} (proposal ${describeValue(spec, proposal.values[spec.key])})` +
      // A late start moves the savings too (docs/RULES.md): the minutes say so, lest it read as posts alone.
      (spec.key === 'startDelay' ? ', posts and their savings sliding with it' : ''),
  );
  const scenario = scenariosOf(workbook).find((s) => s.name === name);
  const flipped = Object.values(scenario?.toggled ?? {}).reduce((n, list) => n + (list?.length ?? 0), 0);
  if (flipped && figures !== proposal) changes.push(`${flipped} ${flipped === 1 ? 'line' : 'lines'} in or out differently`);
  const what = figures === proposal ? 'the proposal as reported' : changes.length ? changes.join(', ') : 'the same assumptions as the proposal';
  // In the whole pounds the headline shows above it on paper (docs/RULES.md, "Figures that add up").
  const npv = shownFigures(figures).npv;
  const against = npv - shownFigures(doNothing).npv;
  const verdict = against < 0 ? `better than doing nothing by ${describeNet(against).replace('a saving of ', '')}` : against > 0 ? `worse than doing nothing by ${describeNet(against).replace('a cost of ', '')}` : 'no different from doing nothing';
  return `${name}: ${what}. Net present value ${describeNet(npv)}, ${verdict}; payback ${figures.paybackYear === null ? 'not within the horizon' : `in ${describePayback(figures.paybackYear)}`}${figures.beyondHorizon > 0.5 ? `; ${describeNet(-figures.beyondHorizon).replace('a saving of ', '')} of savings falls beyond the horizon` : ''}${risk ? `; ${describeChance(risk.chance, risk.runs)}` : ''}.`;
}
