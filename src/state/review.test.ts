// The second review's repros, each now a test.
import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { inProcessEngine } from '../../test/in-process';
import { WorkbookEngine } from '../engine/engine';
import { Cancelled, type Engine, type EngineRequest } from '../engine/protocol';
import { costWorkbook, type Results } from '../model/costing';
import { AppState, type Store } from './app.svelte';
import { ScenarioState } from './scenarios.svelte';
import { SheetState } from './sheets.svelte';

/** Answers after a moment, as the worker does. */
const late: Engine = { send: (r) => new Promise((ok, no) => setTimeout(() => inProcessEngine.send(r).then(ok, no), 10)), analyse: inProcessEngine.analyse, risk: inProcessEngine.risk };

async function started(engine: Engine = inProcessEngine) {
  const app = new AppState(engine, null);
  await app.start(carePlanningWorkbook);
  return { app, sheets: new SheetState(app), scenarios: new ScenarioState(app) };
}

it('a start delay set on the Assumptions sheet moves the posts at once, as a reload would', async () => {
  const { app, sheets } = await started();
  expect(await sheets.assumptions.edit(sheets.assumptions.rowOf('StartDelay'), sheets.assumptions.column('value'), '6')).toBeNull();
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(costWorkbook(app.workbook).scenarios[1].totals.staff, 2);
  // The posts starting in December 2017 now start in June 2018: nothing is left in 2017/18 (on time, £20,729).
  expect(app.results!.scenarios[1].years[0].staff).toBe(0);
  // Savings slide with them: half of 2018/19's £1,630,000 moves into 2019/20.
  expect(app.results!.scenarios[1].years[1].savings).toBeCloseTo(1630000 / 2, 2);
});

it('refuses a value out of range on the cell, and the engine stays sound', async () => {
  const { app, sheets } = await started();
  expect(await sheets.assumptions.edit(sheets.assumptions.rowOf('DiscountRate'), sheets.assumptions.column('value'), '-100')).toBe('Discount rate % is above -100% and at most 100%');
  expect(await sheets.scenarios.edit(4, sheets.scenarios.column('Proposed investment'), '-6')).toBe('Savings delay (months) is from 0 to 600 months');
  expect(await sheets.posts.edit(2, sheets.posts.column('fte'), '0.5')).toBeNull();
  expect(app.results!.postCosts[2][1]).toBeCloseTo(26038, 2);
});

it('keeps quick changes of every kind, in order: an assumption with a cell edit, two line toggles, an undo', async () => {
  const { app, sheets, scenarios } = await started(late);
  await Promise.all([app.setAssumptions({ payAward: 0.05 }), sheets.posts.edit(2, sheets.posts.column('fte'), '0.5')]);
  expect(app.workbook.assumptions.payAward).toBe(0.05);
  expect(app.workbook.posts[2].fte).toBe(0.5);
  await scenarios.create('Lean');
  await Promise.all([scenarios.toggleLine('posts', 0), scenarios.toggleLine('posts', 1)]);
  expect(app.workbook.scenarios!.find((s) => s.name === 'Lean')!.toggled).toEqual({ posts: [0, 1] });
  const edit = sheets.posts.edit(3, sheets.posts.column('fte'), '2');
  await app.undo(); // waits for the edit, then undoes it
  await edit;
  expect(app.workbook.posts[3].fte).toBe(0.5);
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(costWorkbook(app.workbook).scenarios[1].totals.staff, 2);
});

it('renaming an assumption renames it in savings formulas too', async () => {
  const { app, sheets } = await started();
  await sheets.assumptions.addRow();
  const first = sheets.assumptions.rowOf('Assumption_1');
  await sheets.assumptions.edit(first, sheets.assumptions.column('value'), '1000');
  await sheets.savings.edit(0, sheets.savings.column('y2018'), '=Assumption_1*2');
  await sheets.assumptions.edit(first, sheets.assumptions.column('name'), 'Referrals');
  expect(app.workbook.savings[0].formulas).toEqual({ y2018: '=Referrals*2' });
  expect(app.workbook.savings[0].amounts[2018]).toBe(2000);
});

it('costs each post as the summary does when its FTE is a formula', async () => {
  const { app, sheets } = await started();
  await app.setAssumptions({ recruitment: 0.5 });
  await sheets.posts.edit(2, sheets.posts.column('fte'), '=-1');
  const sum = app.results!.postCosts.flat().reduce((a, b) => a + b, 0);
  expect(sum).toBeCloseTo(app.results!.scenarios[1].totals.staff, 2);
});

it('does not bring a scenario back twice when Ctrl+Z got there first', async () => {
  const { app, scenarios } = await started();
  await scenarios.create('Half');
  await scenarios.remove();
  await app.undo();
  await scenarios.undoRemove();
  expect(scenarios.list.map((s) => s.name)).toEqual(['Do nothing', 'Proposed investment', 'Half']);
});

it('shows work the engine takes over half a second over, and stopping it changes nothing', async () => {
  // An engine whose loads take until they are stopped, as a 10,000-post build seems to a person.
  const stopped: (() => void)[] = [];
  let slow = false;
  const engine: Engine = {
    send: (r) => (slow && r.type === 'load' ? new Promise((_, no) => stopped.push(() => no(new Cancelled()))) : inProcessEngine.send(r)),
    analyse: inProcessEngine.analyse, risk: inProcessEngine.risk,
    cancel: () => stopped.splice(0).forEach((stop) => stop()),
  };
  const app = new AppState(engine, null);
  await app.start(carePlanningWorkbook);
  const before = app.workbook;
  slow = true;
  const change = app.changeWith((wb) => ({ ...wb, assumptions: { ...wb.assumptions, horizonYears: 6 } }));
  expect(app.costing).toBeNull(); // not for a moment's work
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(app.costing?.what).toBe('Working out the figures for 8 posts');
  expect(app.canStop).toBe(true);
  slow = false;
  app.stopCosting();
  expect(await change).toBe('Stopped before the figures were worked out; nothing changed.');
  expect(app.costing).toBeNull();
  expect(app.workbook).toBe(before);
  expect(app.message).toBe('Stopped before the figures were worked out; nothing changed.');
  // The engine, started afresh, has the workbook as it was: the next edit is costed on it.
  expect(await app.setAssumptions({ payAward: 0.03 })).toBe(true);
  expect(app.results!.scenarios[1].years[1].staff).toBeCloseTo(costWorkbook({ ...before, assumptions: { ...before.assumptions, payAward: 0.03 } }).scenarios[1].years[1].staff, 2);
});

/**
 * Like the engine's worker: loads can be held until released, and cancel
 * ends the engine (it has no workbook after) and rejects what is waiting.
 */
function workerLike() {
  let engine: WorkbookEngine | null = null;
  let held: { run: () => void; no: (e: Error) => void }[] = [];
  let slow = false;
  const apply = (r: EngineRequest): Results => {
    if (r.type === 'load') {
      engine?.destroy();
      engine = new WorkbookEngine(r.workbook, new Date(r.today));
    } else if (!engine) throw new Error('The engine has no workbook yet.');
    else if (r.type === 'assumptions') engine.setAssumptions(r.change);
    else if (r.type === 'scenarios') engine.setScenarios(r.scenarios);
    else if (r.type === 'rows') engine.replaceLines(r.sheet, r.at, r.removed, r.lines, r.scenarios);
    else engine.setLines(r.sheet, r.changes as never);
    return engine.results();
  };
  return {
    send: (r: EngineRequest) =>
      new Promise<Results>((yes, no) => {
        const run = () => {
          try {
            yes(apply(r));
          } catch (x) {
            no(x as Error);
          }
        };
        if (slow && r.type === 'load') held.push({ run, no });
        else run();
      }),
    analyse: inProcessEngine.analyse, risk: inProcessEngine.risk,
    cancels: 0,
    cancel() {
      this.cancels++;
      engine?.destroy();
      engine = null;
      held.splice(0).forEach((h) => h.no(new Cancelled()));
    },
    slow: (on: boolean) => (slow = on),
    release: () => held.splice(0).forEach((h) => h.run()),
  } satisfies Engine & { slow: (on: boolean) => void; release: () => void; cancels: number };
}

const moment = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
const slowChange = (app: AppState) => app.changeWith((wb) => ({ ...wb, assumptions: { ...wb.assumptions, horizonYears: 6 } }));

it('after Stop, the engine costs the workbook as it was before a change queued behind the stopped one', async () => {
  const engine = workerLike();
  const app = new AppState(engine, null);
  await app.start(carePlanningWorkbook);
  engine.slow(true);
  const stopped = slowChange(app);
  const typed = app.setAssumptions({ payAward: 0.03 }); // typed while the engine works
  await moment(600);
  engine.slow(false);
  app.stopCosting();
  expect(await stopped).toBe('Stopped before the figures were worked out; nothing changed.');
  expect(await typed).toBe(true);
  expect(app.results!.scenarios[1].npv).toBeCloseTo(costWorkbook({ ...carePlanningWorkbook(), assumptions: { ...carePlanningWorkbook().assumptions, payAward: 0.03 } }).scenarios[1].npv, 2);
});

it('the engine costing the workbook again after a Stop cannot itself be stopped', async () => {
  const engine = workerLike();
  const app = new AppState(engine, null);
  await app.start(carePlanningWorkbook);
  engine.slow(true);
  const stopped = slowChange(app);
  await moment(600);
  expect(app.costing?.stoppable).toBe(true);
  app.stopCosting(); // the change stops; the engine starts costing the workbook as it was
  await moment(600);
  expect(app.costing).toMatchObject({ what: 'Working out the figures for 8 posts', stoppable: false });
  app.stopCosting(); // not offered, and nothing happens
  expect(engine.cancels).toBe(1);
  engine.release();
  expect(await stopped).toBe('Stopped before the figures were worked out; nothing changed.');
  expect(app.costing).toBeNull();
  expect(await app.setAssumptions({ payAward: 0.02 })).toBe(true);
});

it('the first workbook opened cannot be stopped: there is nothing to go back to', async () => {
  const engine = workerLike();
  engine.slow(true);
  const saved: string[] = [];
  const store = { lastOpen: async () => ({ id: 'mine', workbook: carePlanningWorkbook() }), save: async (id: string) => void saved.push(id), list: async () => [] } as unknown as Store;
  const app = new AppState(engine, store);
  const started = app.start(carePlanningWorkbook);
  await moment(600);
  expect(app.costing?.stoppable).toBe(false);
  app.stopCosting();
  engine.release();
  await started;
  expect(engine.cancels).toBe(0);
  expect(app.openId).toBe('mine');
  expect(app.workbook.posts.length).toBe(8);
  expect(app.saveState).toBe('saved');
});
