import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { inProcessEngine } from '../../test/in-process';
import { parseCsv } from '../io/csv';
import { simulate } from '../model/risk';
import { rangesOf } from '../model/sensitivity';
import { AppState } from './app.svelte';
import { RiskState } from './risk.svelte';
import { ScenarioState } from './scenarios.svelte';
import { SheetState } from './sheets.svelte';

const TODAY = new Date(2026, 10, 23);

async function started() {
  const app = new AppState(inProcessEngine, null, () => TODAY);
  await app.start(carePlanningWorkbook);
  const scenarios = new ScenarioState(app);
  return { app, scenarios, sheets: new SheetState(app), risk: new RiskState(app, scenarios, inProcessEngine, () => TODAY) };
}

it('the Ranges sheet takes 5 and 5% as five percent, months as months, refuses Low above High, and undoes', async () => {
  const { app, sheets } = await started();
  const ranges = sheets.sheet('Ranges');
  const row = (name: string) => Array.from({ length: ranges.rows }, (_, r) => ranges.show(r, 0)).indexOf(name);
  const [low, high] = [ranges.column('low'), ranges.column('high')];
  expect(await ranges.edit(row('Pay award %'), low, '1')).toBeNull();
  expect(await ranges.edit(row('Pay award %'), high, '5%')).toBeNull();
  expect(await ranges.edit(row('Start delay (months)'), high, '6')).toBeNull();
  expect(rangesOf(app.workbook).payAward).toEqual([0.01, 0.05]);
  expect(rangesOf(app.workbook).startDelay).toEqual([0, 6]);
  expect(ranges.show(row('Pay award %'), high)).toBe('5');
  expect(await ranges.edit(row('Savings delivery %'), low, '120')).toBe('Savings delivery %: Low (120) is above High (100)');
  expect(rangesOf(app.workbook).savingsDelivery).toEqual([0.5, 1]);
  await app.undo();
  expect(rangesOf(app.workbook).startDelay).toEqual([0, 12]);
});

it('runs the open scenario as the model does, keeps the seed with the workbook, and says the chance in the minutes', async () => {
  const { app, scenarios, risk } = await started();
  expect(await risk.setSeed(99)).toBeNull();
  expect(await risk.setRuns(2000)).toBeNull();
  expect(app.workbook.risk).toEqual({ seed: 99, runs: 2000 });
  expect(await risk.setSeed(-3)).toBe('The seed is a whole number from 0 to 4,294,967,295');
  await risk.run();
  const direct = simulate(app.workbook, 'Proposed investment', { seed: 99, runs: 2000 }, { today: TODAY });
  expect(risk.current!.chance).toBe(direct.chance);
  expect(risk.current!.p50).toBe(direct.p50);
  expect(scenarios.minutes).toMatch(/; a \d+% chance of beating doing nothing, over 2,000 runs\.$/);
});

it('downloads a row per scenario, and the open scenario’s runs', async () => {
  const { app, scenarios, risk } = await started();
  await risk.setRuns(500);
  await scenarios.create('Half recruited');
  await scenarios.setValue('recruitment', 0.5);
  const file = await risk.downloadAll();
  const rows = parseCsv(file!.text).rows;
  expect(rows[0]).toEqual(['Scenario', 'Runs', 'Seed', 'Chance better than doing nothing', 'NPV P10', 'NPV P50', 'NPV P90']);
  expect(rows.map((r) => r[0]).slice(1)).toEqual(['Do nothing', 'Proposed investment', 'Half recruited']);
  const half = simulate(app.workbook, 'Half recruited', { seed: 2017, runs: 500 }, { today: TODAY });
  expect(rows[3]).toEqual(['Half recruited', '500', '2017', String(half.chance), String(Math.round(half.p10 * 100) / 100), String(Math.round(half.p50 * 100) / 100), String(Math.round(half.p90 * 100) / 100)]);
  // Doing nothing never beats itself.
  expect(rows[1][3]).toBe('0');
  await risk.run();
  const runs = parseCsv(risk.downloadRuns()!.text).rows;
  expect(runs).toHaveLength(501);
  expect(runs[0]).toEqual(['Run', 'Pay award %', 'Recruitment %', 'Start delay (months)', 'Savings delivery %', 'Savings delay (months)', 'Optimism bias %', 'Discount rate %', 'NPV', 'Do nothing NPV']);
  expect(Number(runs[1][9])).toBe(0);
});

it('a run stopped says so and keeps no figures', async () => {
  const { app, risk } = await started();
  let stopped = 0;
  const slow = new RiskState(app, new ScenarioState(app), { risk: (r, p) => new Promise((ok, no) => setTimeout(() => (stopped ? no(new (class extends Error {})()) : ok(inProcessEngine.risk(r, p))), 20)), stopRisk: () => void stopped++ }, () => TODAY);
  const running = slow.run();
  expect(slow.running).toBe(true);
  slow.stop();
  await running;
  expect(slow.running).toBe(false);
  expect(slow.stopped).toBe(true);
  expect(slow.current).toBeNull();
  expect(stopped).toBe(1);
  void risk;
});
