// A large workbook shows the pure model's figures at once, marked as being
// checked, until the engine's (the figures of record) arrive.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { ownPayWorkbookArb, workbookArb } from '../../test/arbitraries';
import { inProcessEngine } from '../../test/in-process';
import { analysisChannel } from '../../test/analysis-worker';
import { handle } from '../engine/handle';
import { Cancelled, type Engine, type EngineRequest } from '../engine/protocol';
import { costWorkbook, type Results } from '../model/costing';
import { formatMoney as money, formatPounds } from '../model/money';
import { headline } from '../model/headline';
import { figureDifferences } from '../model/reconcile';
import type { Workbook } from '../model/workbook';
import { AppState, MODEL_AFTER_CHANGE_MS, type Kept, type Store } from './app.svelte';
import { ScenarioState } from './scenarios.svelte';

const TODAY = new Date(2026, 10, 23);

/** An engine that answers a whole workbook, or rows in or out (or whatever `holds`), only when the test says, noting what the page showed meanwhile. */
function heldEngine(answer: (r: EngineRequest) => Promise<Results> = async (r) => handle(r), holds: (r: EngineRequest) => boolean = (r) => r.type === 'load' || r.type === 'rows') {
  const held: { release: () => void }[] = [];
  const engine: Engine = {
    ...inProcessEngine,
    send: (r) => (holds(r) ? new Promise<void>((release) => held.push({ release })).then(() => answer(r)) : Promise.resolve(handle(r))),
  };
  /** Lets the engine answer once the page has had time to show the model's figures. */
  const release = async () => {
    while (held.length === 0) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    held.shift()!.release();
  };
  return { engine, release };
}

/** The example opened in `app`, its engine's answer let through: where each test starts. */
async function opened(app: AppState, release: () => Promise<void>): Promise<void> {
  const start = app.start(carePlanningWorkbook);
  await release();
  await start;
}

async function openedApp(engine: Engine, store: Store | null = null): Promise<AppState> {
  const app = new AppState(engine, store, () => TODAY);
  app.modelFirstFrom = 0;
  return app;
}

/** The engine's figures made wrong by £1 in one place: Proposed investment's staff cost in its first year. */
function staffPoundUp(results: Results): Results {
  const [first, ...rest] = results.scenarios[1].years;
  return { ...results, scenarios: results.scenarios.map((s, i) => (i === 1 ? { ...s, years: [{ ...first, staff: first.staff + 1 }, ...rest] } : s)) };
}

describe('a large workbook’s figures first from the model', () => {
  it('shows the model’s figures, marked as being checked, and they are the figures the engine then shows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(workbookArb, ownPayWorkbookArb), async (wb) => {
        const { engine, release } = heldEngine();
        const app = await openedApp(engine);
        await opened(app, release);
        const done = app.changeWhole(() => wb);
        // The engine has not answered yet: the page shows the model's figures of the new workbook, marked.
        while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
        expect(app.workbook).toBe(wb);
        const first = app.results!;
        expect(app.checking).toMatch(/^Checking these figures/);
        await release();
        expect(await done).toBeNull();
        expect(app.checking).toBeNull();
        expect(app.results).not.toBe(first); // the engine's, of record
        expect(figureDifferences(first, app.results!, Infinity)).toEqual([]);
        expect(app.disagreement).toBeNull();
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('takes the engine’s figures in a task after the one its answer came in, so the answer’s copy and the redraw are not one long task', async () => {
    const { engine, release } = heldEngine();
    const app = await openedApp(engine);
    await opened(app, release);
    const done = app.changeWhole((wb) => ({ ...wb, posts: wb.posts.map((p, i) => (i === 0 ? { ...p, fte: p.fte + 1 } : p)) }));
    while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
    const first = app.results!;
    await release();
    // Every microtask of the answer's task run: the model's figures still shown, still marked.
    for (let i = 0; i < 200; i++) await Promise.resolve();
    expect(app.results).toBe(first);
    expect(app.checking).not.toBeNull();
    expect(await done).toBeNull();
    expect(app.results).not.toBe(first);
    expect(app.checking).toBeNull();
    expect(figureDifferences(first, app.results!, Infinity)).toEqual([]);
  });

  it('shows them for a post inserted and its undo (a delete), each sent to the engine as the rows alone', async () => {
    const sent: string[] = [];
    const { engine, release } = heldEngine();
    const app = await openedApp({ ...engine, send: (r) => (sent.push(r.type), engine.send(r)) });
    await opened(app, release);
    const before = app.workbook;
    const extra = { ...before.posts[0], title: 'Another', fte: 2 };
    const done = app.changeWith((wb) => ({ ...wb, posts: [...wb.posts.slice(0, 2), extra, ...wb.posts.slice(2)] }));
    while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
    const first = app.results!;
    await release();
    expect(await done).toBeNull();
    expect(figureDifferences(first, app.results!, Infinity)).toEqual([]);
    const undone = app.undo();
    while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
    await release();
    await undone;
    expect(app.workbook).toBe(before);
    expect(sent).toEqual(['load', 'rows', 'rows']);
  });

  it('shows them for posts inserted and deleted, and their undo, from the analysis worker sent only the posts that changed', async () => {
    const { analysis, posted, close } = analysisChannel();
    try {
      const { engine, release } = heldEngine();
      const app = await openedApp({ ...engine, model: (r) => analysis.model(r) });
      await opened(app, release);
      const post = app.workbook.posts[0];
      const changes: (() => Promise<unknown>)[] = [
        () => app.changeWith((wb) => ({ ...wb, posts: [...wb.posts.slice(0, 2), { ...post, title: 'Another', fte: 2 }, ...wb.posts.slice(2)] })),
        () => app.changeWith((wb) => ({ ...wb, posts: wb.posts.filter((_, i) => i !== 0) })),
        () => app.undo(),
        () => app.undo(),
        () => app.redo(),
      ];
      for (const change of changes) {
        const done = change();
        while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
        const first = app.results!;
        await release();
        await done;
        expect(app.checking).toBeNull();
        expect(figureDifferences(first, app.results!, Infinity)).toEqual([]);
        expect(first).toEqual(costWorkbook(app.workbook, TODAY)); // exactly the model's, worked out from the change
        expect(app.disagreement).toBeNull();
      }
      // The workbook went whole once (the example opened); then each change as the one post that came or went.
      const sent = posted.map((m) => m.args.workbook as { whole?: Workbook; patch?: { runs: { posts?: { lines: unknown[] } } } });
      expect(sent.map((m) => ('whole' in m ? 'whole' : m.patch!.runs.posts!.lines.length))).toEqual(['whole', 1, 0, 1, 0, 1]);
    } finally {
      close();
    }
  });

  it('sends a change the engine answers at once to the engine alone, not to the model’s worker too (two workers on two cores slow each other)', async () => {
    const asked: string[] = [];
    const { engine, release } = heldEngine();
    const app = await openedApp({ ...engine, model: async (r) => (asked.push('asked'), costWorkbook(r.workbook, TODAY)) });
    await opened(app, release);
    asked.length = 0;
    // An engine that answers a row inserted in a few ms, as it does at 10,000 posts: nothing is shown first and the model is not asked.
    const quick = app.changeWith((wb) => ({ ...wb, posts: [...wb.posts, { ...wb.posts[0], title: 'Another', fte: 2 }] }));
    await release();
    expect(await quick).toBeNull();
    await new Promise((r) => setTimeout(r, MODEL_AFTER_CHANGE_MS + 20));
    expect(asked).toEqual([]);
    // An engine slower than that: the model's figures are shown meanwhile, as ever.
    const slow = app.changeWith((wb) => ({ ...wb, posts: wb.posts.slice(0, -1) }));
    while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual(['asked']);
    await release();
    expect(await slow).toBeNull();
  });

  it('shows them for a grade’s new cost and a start delay no other scenario has, each sent to the engine as the change alone', async () => {
    // Both recost every post of a grade, or every post in a block of its own: hundreds of ms for the engine at 10,000 posts.
    const sent: string[] = [];
    const { engine, release } = heldEngine(undefined, () => true);
    const app = await openedApp({ ...engine, send: (r) => (sent.push(r.type), engine.send(r)) });
    await opened(app, release);
    const changes: (() => Promise<boolean>)[] = [
      async () => (await app.changeWith((wb) => ({ ...wb, grades: wb.grades.map((g) => (g.grade === 'Band E' ? { ...g, annualCost: 70000 } : g)) }))) === null,
      () => app.setScenarios([{ name: 'Late start', overrides: { startDelay: 5 } }]),
      () => app.setScenarios([{ name: 'Late start', overrides: { startDelay: 6 } }]),
      () => app.setAssumptions({ startDelay: 2 }),
    ];
    for (const change of changes) {
      const done = change();
      while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
      const first = app.results!;
      await release();
      expect(await done).toBe(true);
      expect(app.checking).toBeNull();
      expect(figureDifferences(first, app.results!, Infinity)).toEqual([]);
    }
    expect(sent).toEqual(['load', 'lines', 'scenarios', 'scenarios', 'assumptions']);
  });

  it('shows a start delay no other scenario has, set the first time, from the model at once and costing that scenario alone, then the engine’s, and they agree', async () => {
    const { analysis, posted, replies, close } = analysisChannel();
    try {
      const { engine, release } = heldEngine(undefined, (r) => r.type === 'load' || r.type === 'scenarios');
      const app = await openedApp({ ...engine, model: (r) => analysis.model(r) });
      // Any other change waits for the engine this long before the model is asked: here, longer than the test.
      app.modelAfterChangeMs = 600_000;
      const opened = app.start(() => ({ ...carePlanningWorkbook(), scenarios: [{ name: 'Late start', overrides: {} }, { name: 'Half recruited', overrides: { recruitment: 0.5 } }] }));
      await release();
      await opened;
      const engines = app.results!;
      const calls = posted.length;
      const delayed = app.setScenarios((list) => list.map((s) => (s.name === 'Late start' ? { ...s, overrides: { startDelay: 3 } } : s)));
      while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
      const first = app.results!;
      // Late start alone was costed: the other scenarios' figures and the post costs are the engine's, as on the page.
      expect(posted.slice(calls).map((p) => p.name)).toEqual(['recost']);
      expect((replies.at(-1) as { value: { costed: { scenarios: { name: string }[] }; posts: unknown } }).value).toMatchObject({ costed: { scenarios: [{ name: 'Late start' }] }, posts: null });
      for (const i of [0, 1, 3]) expect(first.scenarios[i]).toBe(engines.scenarios[i]);
      expect(first.postCosts).toBe(engines.postCosts);
      // Three months late, Late start's first year's staff cost is less than the proposal's.
      expect(first.scenarios[2].years[0].staff).toBeLessThan(first.scenarios[1].years[0].staff);
      await release();
      expect(await delayed).toBe(true);
      expect(app.checking).toBeNull();
      expect(app.results).not.toBe(first);
      expect(figureDifferences(first, app.results!, Infinity)).toEqual([]);
      expect(app.disagreement).toBeNull();
      expect(app.results!.delayedScenarios).toEqual([false, false, true, false]);
      // The engine sums Late start's delay now: a move of it waits for the engine as any quick change does.
      const moved = app.setScenarios((list) => list.map((s) => (s.name === 'Late start' ? { ...s, overrides: { startDelay: 4 } } : s)));
      await release();
      expect(await moved).toBe(true);
      expect(posted.length).toBe(calls + 1);
      // The proposal's first delay: its figures and each post's costs from the model, the rest the engine's.
      const costs = app.results!.postCosts;
      const proposal = app.setScenarios((list) => [...list, { name: 'Proposed investment', overrides: { startDelay: 2 } }]);
      while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
      const second = app.results!;
      expect(second.postCosts).not.toEqual(costs);
      await release();
      expect(await proposal).toBe(true);
      expect(figureDifferences(second, app.results!, Infinity)).toEqual([]);
      expect(second.postCosts).toEqual(app.results!.postCosts);
      expect(app.disagreement).toBeNull();
    } finally {
      close();
    }
  });

  it('says where the engine’s figures differ from those shown first, as an error, and shows the engine’s', async () => {
    const { engine, release } = heldEngine(async (r) => {
      return staffPoundUp(handle(r));
    });
    const app = await openedApp(engine);
    await opened(app, release);
    const staff = app.results!.scenarios[1].years[0].staff;
    expect(app.disagreement).toMatch(/disagree.*Proposed investment 2017\/18 staff: checked £[\d,.]+, engine £[\d,.]+/);
    // The engine's answer was made £1 more than its own staff cost in that one figure.
    expect(app.disagreement).toContain(`checked ${money(staff - 1)}, engine ${money(staff)}`);
  });

  it('drops the disagreement once another workbook is costed whole by the engine alone: it named figures no longer on the page', async () => {
    let fault = true;
    const { engine, release } = heldEngine(async (r) => {
      const results = handle(r);
      return fault ? staffPoundUp(results) : results;
    });
    const app = await openedApp(engine);
    await opened(app, release);
    expect(app.disagreement).toMatch(/disagree/);
    fault = false;
    app.modelFirstFrom = 1000; // a workbook of the report's 20-odd lines: the engine's figures alone, nothing shown first
    const shared: Workbook = { ...carePlanningWorkbook(), name: 'From a link' };
    const opening = app.openShared(shared, 'A shared copy is open.');
    await release();
    expect(await opening).toBe(true);
    expect(app.workbook).toBe(shared);
    expect(app.disagreement).toBeNull();
  });

  it('puts the workbook open before back when the engine refuses the new one, or is stopped', async () => {
    for (const refusal of [new Error('engine down'), new Cancelled()]) {
      let refuse = false;
      const { engine, release } = heldEngine(async (r) => (refuse ? Promise.reject(refusal) : handle(r)));
      const app = await openedApp(engine);
      await opened(app, release);
      const before = app.workbook;
      const figures = app.results;
      refuse = true;
      const next: Workbook = { ...before, posts: before.posts.map((p) => ({ ...p, fte: p.fte + 1 })) };
      const done = app.changeWhole(() => next);
      while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
      expect(app.workbook).toBe(next);
      await release();
      if (refusal instanceof Cancelled) {
        refuse = false;
        await release(); // the engine costs the workbook open before again
      }
      expect(await done).not.toBeNull();
      expect(app.workbook).toBe(before);
      expect(figureDifferences(figures!, app.results!, Infinity)).toEqual([]);
      expect(app.checking).toBeNull();
      expect(app.canUndo).toBe(false);
    }
  });

  it('keeps only the engine’s workbook as the one stored while the figures are being checked', async () => {
    const saves: Kept[] = [];
    const store: Store = { save: async (id, workbook, pending) => void saves.push({ id, workbook, pending }), lastOpen: async () => null };
    const { engine, release } = heldEngine();
    const app = await openedApp(engine, store);
    await opened(app, release);
    const before = app.workbook;
    const next: Workbook = { ...before, name: 'Bigger' };
    const done = app.changeWhole(() => next);
    while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
    app.flush(); // the tab closes while the engine builds
    expect(saves.at(-1)!.workbook).toBe(before);
    expect(saves.at(-1)!.pending).toBe(next);
    await release();
    await done;
  });

  it('never writes a shared copy over the kept workbook when a failed save is tried again while its figures are checked', async () => {
    const saves: Kept[] = [];
    let fail = false;
    const store: Store = {
      save: async (id, workbook, pending) => {
        if (fail) {
          fail = false;
          throw new Error('the disk is full');
        }
        saves.push({ id, workbook, pending });
      },
      lastOpen: async () => null,
    };
    const { engine, release } = heldEngine();
    const app = await openedApp(engine, store);
    await opened(app, release);
    const keptId = app.openId;
    fail = true;
    const mine: Workbook = { ...app.workbook, name: 'Mine' };
    // A change the engine makes in place (no cell to write): its save fails, to be tried again in a second.
    expect(await app.change(mine, { type: 'assumptions', change: {} })).toBe(true);
    expect(app.saveState).toBe('failed');
    const shared: Workbook = { ...carePlanningWorkbook(), name: 'From a link' };
    const opening = app.openShared(shared, 'A shared copy is open.');
    while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
    // The second try comes while the engine still builds the shared copy.
    await new Promise((r) => setTimeout(r, 1200));
    await release();
    expect(await opening).toBe(true);
    expect(app.shared).toBe(true);
    expect(saves.filter((s) => s.workbook === shared)).toEqual([]);
    expect(saves.filter((s) => s.id === keptId).at(-1)?.workbook).toBe(mine);
  });

  it('shows the model’s figures of the first workbook opened while the engine still loads, however small, and then the engine’s', async () => {
    const { engine, release } = heldEngine();
    const model = { asked: 0 };
    // The report's 20-odd lines, on the page's own thread: the analysis worker would be loading too.
    const app = new AppState({ ...engine, model: async () => (model.asked++, Promise.reject(new Error('not for a small workbook'))) }, null, () => TODAY);
    const opened = app.start(carePlanningWorkbook);
    while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
    const first = app.results!;
    expect(formatPounds(headline(first).implementationCost)).toBe('£578,026');
    expect(model.asked).toBe(0);
    // The workbook took the page's place once, when its first figures were shown: the engine's then only change the figures, so
    // the parts drawn for a new workbook (year tables, sheets) are not drawn afresh under a person already using them.
    const replaced = app.replaced;
    await release();
    await opened;
    expect(app.replaced).toBe(replaced);
    expect(app.checking).toBeNull();
    expect(app.disagreement).toBeNull();
    expect(app.results).not.toBe(first); // the engine's, of record
    expect(figureDifferences(first, app.results!, Infinity)).toEqual([]);
    // Once the engine has answered, a small workbook waits for it: it answers in a moment.
    const small = app.changeWhole((wb) => ({ ...wb, name: 'Small' }));
    await new Promise((r) => setTimeout(r, 10));
    expect(app.checking).toBeNull();
    await release();
    await small;
  });

  it('counts an import as the workbook taking the page’s place, once: when its first figures show, large or small', async () => {
    // The page draws its larger parts (year tables, sheets) for a new workbook a task after the figures (App.svelte, Later),
    // so an import's figures and those parts are not drawn in one long task; the engine's figures after the model's only change them.
    const { engine, release } = heldEngine();
    const app = await openedApp(engine);
    await opened(app, release);
    const before = app.replaced;
    const large = app.changeWhole((wb) => ({ ...wb, name: 'Imported' }));
    while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
    expect(app.replaced).toBe(before + 1);
    await release();
    expect(await large).toBeNull();
    expect(app.replaced).toBe(before + 1);
    app.modelFirstFrom = 1000; // the report's 20-odd lines: the engine's figures are the first shown
    const small = app.changeWhole((wb) => ({ ...wb, name: 'Imported again' }));
    await release();
    expect(await small).toBeNull();
    expect(app.replaced).toBe(before + 2);
    // An edit in place is not a new workbook: the parts on the page stay as they are, under the person using them.
    expect(await app.change({ ...app.workbook, name: 'Renamed' }, { type: 'assumptions', change: {} })).toBe(true);
    expect(app.replaced).toBe(before + 2);
  });

  it('waits for the engine where there are formulas (only it works them out), and for a small workbook', async () => {
    const { engine, release } = heldEngine();
    const app = await openedApp(engine);
    await opened(app, release);
    const withFormula: Workbook = { ...app.workbook, grades: app.workbook.grades.map((g, i) => (i === 0 ? { ...g, formulas: { annualCost: '=1+1' } } : g)) };
    const done = app.changeWhole(() => withFormula);
    await new Promise((r) => setTimeout(r, 10));
    expect(app.checking).toBeNull();
    expect(app.workbook).not.toBe(withFormula);
    await release();
    await done;
    app.modelFirstFrom = 1000; // the report's 20-odd lines: the engine answers in a moment
    const small = app.changeWhole((wb) => ({ ...wb, name: 'Small' }));
    await new Promise((r) => setTimeout(r, 10));
    expect(app.checking).toBeNull();
    await release();
    await small;
  });
});

describe('switching values and the tornado around the engine’s check', () => {
  /** The app and its scenarios, noting each workbook the analysis worker is asked to search. */
  async function searched() {
    const { engine, release } = heldEngine();
    const asked: Workbook[] = [];
    const app = await openedApp({ ...engine, analyse: (r) => (asked.push(r.workbook), engine.analyse(r)) });
    await opened(app, release);
    const scenarios = new ScenarioState(app);
    await scenarios.analyse();
    expect(asked).toEqual([app.workbook]);
    return { app, scenarios, asked, release };
  }

  it('are not searched while the engine builds a new workbook, nor the last workbook’s shown for it; searched once its figures are in', async () => {
    const { app, scenarios, asked, release } = await searched();
    const example = scenarios.switching;
    expect(example.length).toBeGreaterThan(0);
    // The Strategic Development Manager (£124,372 of the £578,026) taken out: another workbook in the page's place.
    const other = { ...app.workbook, name: 'Without the SDM', posts: app.workbook.posts.slice(1) };
    const done = app.changeWhole(() => other);
    while (app.checking === null) await new Promise((r) => setTimeout(r, 0));
    expect(app.workbook).toBe(other);
    // The page asks as its figures change (App.svelte, 150 ms on): the search waits for the engine.
    const search = scenarios.analyse();
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toHaveLength(1);
    // Meanwhile the example's values are not shown for this workbook, nor downloaded: they are being worked out.
    expect(scenarios.analysing).toBe(true);
    expect(scenarios.switching).toEqual([]);
    expect(scenarios.tornado).toEqual([]);
    expect(scenarios.download('switching')).toBeNull();
    expect(app.error).toBe('The switching values for Proposed investment are still being worked out: download them again in a moment.');
    await release();
    expect(await done).toBeNull();
    await search;
    expect(app.workbook).toBe(other);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toBe(other);
    expect(scenarios.analysing).toBe(false);
    expect(scenarios.switching.length).toBeGreaterThan(0);
    expect(scenarios.switching).not.toEqual(example);
    // Asked again as the engine's figures replace the model's (the page's timer): the same question is not searched twice.
    await scenarios.analyse();
    expect(asked).toHaveLength(2);
  });

  it('follow an edit the engine answers at once, the values before it shown meanwhile as being worked out again', async () => {
    const { app, scenarios, asked } = await searched();
    const example = scenarios.switching;
    // Half the Strategic Development Manager's post: the engine answers the one row, nothing is shown first.
    expect(await app.change({ ...app.workbook, posts: app.workbook.posts.map((p, i) => (i === 0 ? { ...p, fte: 0.5 } : p)) })).toBe(true);
    expect(app.checking).toBeNull();
    expect(scenarios.analysing).toBe(true);
    expect(scenarios.switching).toBe(example);
    await scenarios.analyse();
    expect(asked).toEqual([asked[0], app.workbook]);
    expect(scenarios.analysing).toBe(false);
    expect(scenarios.switching).not.toEqual(example);
  });

  it('say why when the search fails, rather than "in a moment" for ever, and are searched again when asked', async () => {
    let fail = true;
    const { engine, release } = heldEngine();
    const asked: Workbook[] = [];
    const app = await openedApp({
      ...engine,
      analyse: (r) => (asked.push(r.workbook), fail ? Promise.reject(new Error('The analysis stopped: it could not load')) : engine.analyse(r)),
    });
    await opened(app, release);
    const scenarios = new ScenarioState(app);
    await scenarios.analyse();
    expect(asked).toHaveLength(1);
    // Not being worked out: it failed, and the page says so on screen, in the download and on paper.
    expect(scenarios.analysing).toBe(false);
    expect(scenarios.problem).toBe('The analysis stopped: it could not load');
    expect(scenarios.switching).toEqual([]);
    expect(scenarios.download('switching')).toBeNull();
    expect(app.error).toBe('The switching values for Proposed investment could not be worked out. The analysis stopped: it could not load. Press “Work them out again” under them.');
    // Asked again (Try again, or the page's next change): searched again, and the reason goes with its answer.
    fail = false;
    await scenarios.analyse();
    expect(asked).toHaveLength(2);
    expect(scenarios.problem).toBeNull();
    expect(scenarios.switching.length).toBeGreaterThan(0);
  });

  it('of another workbook are not shown for one that took the page’s place in another tab’s wake', async () => {
    const { app, scenarios, release } = await searched();
    expect(scenarios.switching.length).toBeGreaterThan(0);
    // A reader tab following the writer, which opened another workbook: reopened in place, not counted as replaced.
    const other = { ...app.workbook, name: 'Another', posts: app.workbook.posts.slice(1) };
    const reopened = app.reopen({ id: 'another-workbook', workbook: other }, false);
    await release();
    await reopened;
    expect(app.workbook).toBe(other);
    expect(scenarios.switching).toEqual([]);
    expect(scenarios.analysing).toBe(true);
  });

  it('of an imported workbook are not shown for the workbook an undo brings back', async () => {
    const { app, scenarios, release } = await searched();
    const first = app.workbook;
    // An import of another workbook (its name and posts): it goes to the engine whole, as does its undo.
    const other = { ...app.workbook, name: 'Imported', posts: app.workbook.posts.slice(1) };
    const imported = app.changeWhole(() => other);
    await release();
    expect(await imported).toBeNull();
    await scenarios.analyse();
    expect(scenarios.analysing).toBe(false);
    expect(scenarios.switching.length).toBeGreaterThan(0);
    const undone = app.undo();
    await release();
    await undone;
    expect(app.workbook).toBe(first);
    expect(scenarios.switching).toEqual([]);
    expect(scenarios.analysing).toBe(true);
    await scenarios.analyse();
    expect(scenarios.analysing).toBe(false);
    expect(scenarios.switching.length).toBeGreaterThan(0);
  });
});
