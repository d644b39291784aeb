// What the app promises about keeping work: only what the engine has costed
// is stored as the workbook; a change still on its way when the page goes is
// kept beside it and tried again; and a stored workbook the engine cannot
// cost still opens, with its sheets and every download.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { handle } from '../engine/handle';
import type { Engine, EngineRequest } from '../engine/protocol';
import { inProcessEngine } from '../../test/in-process';
import { WorkbookStore } from '../store/db';
import type { Workbook } from '../model/workbook';
import { Library } from './library.svelte';
import { AppState } from './app.svelte';
import { ImportState } from './imports.svelte';

/** The import of an app, as the page composes it (main.ts): one per app. */
const made = new WeakMap<AppState, ImportState>();
const imports = (app: AppState): ImportState => {
  if (!made.has(app)) made.set(app, new ImportState(app));
  return made.get(app)!;
};

/** An FTE this engine cannot cost, as a cycle through its own sheets could not be costed. */
const POISON = 999;
const poisoned = (r: EngineRequest): boolean =>
  (r.type === 'load' && r.workbook.posts.some((p) => p.fte === POISON)) || (r.type === 'lines' && r.sheet === 'posts' && r.changes.some((c) => c.line.fte === POISON));
/** The in-process engine, taking 30 ms over each request, and refusing a poisoned one as the real engine refuses a cycle. */
const fussy: Engine = {
  ...inProcessEngine,
  send: (r) => new Promise((ok, no) => setTimeout(() => (poisoned(r) ? no(new Error('Do nothing 2017 2 is not a number (CYCLE)')) : ok(handle(r))), 30)),
};
const withFte = (wb: Workbook, index: number, fte: number): Workbook => ({ ...wb, posts: wb.posts.map((p, i) => (i === index ? { ...p, fte } : p)) });
const staff = (app: AppState) => Math.round(app.results!.scenarios[1].totals.staff);

it('stores only what the engine has costed: a change still with the engine when the page goes is kept beside it, and refused on reopening if it cannot be costed', async () => {
  const store = new WorkbookStore('flush-poison');
  const app = new AppState(fussy, store);
  await app.start(carePlanningWorkbook);
  const edit = app.change(withFte(app.workbook, 0, POISON));
  await new Promise((r) => setTimeout(r, 5)); // Enter pressed; the page is hidden before the engine answers
  app.flush();
  await edit;
  await new Promise((r) => setTimeout(r, 20));

  const stored = await store.lastOpen();
  expect(stored!.workbook.posts[0].fte).not.toBe(POISON);

  const again = new AppState(fussy, store);
  await again.start(carePlanningWorkbook);
  expect(again.results).not.toBeNull();
  expect(staff(again)).toBe(578026);
  expect(again.workbook.posts[0].fte).not.toBe(POISON);
  expect(again.error).toMatch(/last change before the page closed could not be made.*CYCLE/);
});

it('a change still with the engine when the page goes is made on reopening, when the engine can cost it', async () => {
  const store = new WorkbookStore('flush-pending');
  const app = new AppState(fussy, store);
  await app.start(carePlanningWorkbook);
  await app.setAssumptions({ payAward: 0.02 }); // saved
  const edit = app.change(withFte(app.workbook, 0, 0)); // the Commissioning Manager post taken to 0 FTE
  await new Promise((r) => setTimeout(r, 5));
  app.flush();
  void edit;
  await new Promise((r) => setTimeout(r, 10)); // the page is gone before the engine answers: what flush wrote is what is kept

  const again = new AppState(fussy, store);
  await again.start(carePlanningWorkbook);
  expect(again.workbook.posts[0].fte).toBe(0);
  expect(again.workbook.assumptions.payAward).toBe(0.02);
  expect(again.message).toMatch(/last change before the page closed has been made/);
  expect(again.canUndo).toBe(true);
});

it('a stored workbook the engine cannot cost still opens: its sheets, the reason, every download; and the next change that can be costed puts it right', async () => {
  const store = new WorkbookStore('stored-poison');
  await store.save('bad', withFte(carePlanningWorkbook(), 0, POISON));
  const app = new AppState(fussy, store);
  await app.start(carePlanningWorkbook);
  expect(app.workbook.posts[0].fte).toBe(POISON);
  expect(app.workbook.posts).toHaveLength(8);
  expect(app.uncosted).toMatch(/could not work out this workbook.*CYCLE/);
  expect(app.results).not.toBeNull();
  for (const kind of ['summary', 'posts', 'grades', 'costs', 'savings', 'reconciliation'] as const) expect(app.download(kind)).not.toBeNull();
  expect(app.backupDownload().text).toContain(`"fte": ${POISON}`);

  expect(await app.change(withFte(app.workbook, 0, 1))).toBe(true);
  expect(app.uncosted).toBeNull();
  expect(app.error).toBeNull();
  expect(staff(app)).toBe(578026);
  expect((await store.lastOpen())!.workbook.posts[0].fte).toBe(1);
});

it('one lane: an import, a new workbook or a workbook file confirmed while an edit is with the engine waits for it, and the edit is kept', async () => {
  const store = new WorkbookStore('lane-import');
  const app = new AppState(fussy, store);
  await app.start(carePlanningWorkbook);
  await imports(app).chooseFiles([{ name: 'Grades.csv', bytes: new TextEncoder().encode('Grade,Annual cost\nBand Z,50000\n') }]);
  const edit = app.change(withFte(app.workbook, 0, 0)); // with the engine for 30 ms
  await imports(app).confirmImport();
  await edit;
  expect(app.workbook.posts[0].fte).toBe(0);
  expect(app.workbook.grades.map((g) => g.grade)).toContain('Band Z');
  // Undo takes the import back, then the edit.
  await app.undo();
  expect(app.workbook.grades.map((g) => g.grade)).not.toContain('Band Z');
  expect(app.workbook.posts[0].fte).toBe(0);

  const file = app.backupDownload().text;
  const edit2 = app.change(withFte(app.workbook, 1, 0));
  const opened = app.openBackup(file);
  await Promise.all([edit2, opened]);
  // The file opened after the edit was made (and saved), not under it.
  expect(app.workbook.posts[1].fte).toBe(1);
  expect(app.canUndo).toBe(false);
  expect((await store.list()).length).toBeGreaterThanOrEqual(2);
});

it('a kept workbook whose opening is stopped, or whose engine is lost, never has its pending change made on another workbook', async () => {
  const { Cancelled, EngineLost } = await import('../engine/protocol');
  const store = new WorkbookStore('reopen-stopped');
  const b = { ...carePlanningWorkbook(), name: 'B saved' };
  let fail: Error | null = null;
  const flaky: Engine = { ...inProcessEngine, send: async (r) => (fail && r.type === 'load' && r.workbook.name.startsWith('B') ? Promise.reject(fail) : handle(r)) };
  const app = new AppState(flaky, store);
  const library = new Library(app, store);
  await app.start(carePlanningWorkbook);
  await app.setAssumptions({ payAward: 0.01 }); // A is kept
  const a = app.openId;
  await store.restore({ id: 'b', savedAt: 1, workbook: b, pending: { ...b, name: 'B pending' } });

  fail = new Cancelled();
  await library.openStored('b');
  expect(app.openId).toBe(a);
  expect(app.workbook.name).not.toMatch(/^B/);
  expect((await store.get(a))!.workbook.name).not.toMatch(/^B/);
  expect(app.message).toMatch(/Stopped/);

  fail = new EngineLost('The calculation engine stopped: out of memory');
  await library.openStored('b');
  // The engine could not cost it: it opens as it was kept, with the reason, and its pending change waits on the engine too.
  expect(app.openId).toBe('b');
  expect(app.uncosted).toMatch(/out of memory/);
  expect((await store.get(a))!.workbook.name).not.toMatch(/^B/);
});

it('an engine lost on the first workbook at start still opens it, under its own id, and says why', async () => {
  const { EngineLost } = await import('../engine/protocol');
  const store = new WorkbookStore('start-lost');
  const b = { ...carePlanningWorkbook(), name: 'B saved' };
  await store.save('b', b, { ...b, name: 'B pending' });
  const lost: Engine = { ...inProcessEngine, send: async () => Promise.reject(new EngineLost('The calculation engine stopped: out of memory')) };
  const app = new AppState(lost, store);
  await app.start(carePlanningWorkbook);
  expect(app.openId).toBe('b');
  expect(app.workbook.name).toBe('B saved');
  expect(app.uncosted).toMatch(/out of memory/);
  expect((await store.lastOpen())!.id).toBe('b');
  expect((await store.list()).map((w) => w.id)).not.toContain('');
});

it('nothing typed or imported can make a workbook the store will not open again: figures beyond the bounds are refused where they are entered', async () => {
  const { SheetState } = await import('./sheets.svelte');
  const { LIMITS } = await import('../io/values');
  const { BOUNDS } = await import('../model/schema');
  const { ImportState } = await import('./imports.svelte');
  // The bounds a person meets lie inside what the store keeps.
  expect(LIMITS.fte).toBeLessThanOrEqual(BOUNDS.fte);
  expect(LIMITS.quantity).toBeLessThanOrEqual(BOUNDS.quantity);
  expect(LIMITS.money).toBeLessThanOrEqual(BOUNDS.money);
  expect(LIMITS.months).toBeLessThanOrEqual(BOUNDS.months.max);
  expect(LIMITS.firstYear).toBeGreaterThanOrEqual(BOUNDS.year.min);
  expect(LIMITS.lastYear).toBeLessThanOrEqual(BOUNDS.year.max);

  const store = new WorkbookStore('bounds-typed');
  const app = new AppState(inProcessEngine, store);
  await app.start(carePlanningWorkbook);
  const sheets = new SheetState(app);
  expect(await sheets.posts.edit(0, sheets.posts.column('fte'), '2000000000000')).toBe('FTE must be from -1,000 to 1,000');
  expect(await sheets.posts.edit(0, sheets.posts.column('months'), '5000')).toBe('Months must be from 1 to 600');
  expect(await sheets.posts.edit(0, sheets.posts.column('title'), 'y'.repeat(100_001))).toBe('Title is longer than 100,000 characters');
  await sheets.costs.insertRow(-1);
  expect(await sheets.costs.edit(0, sheets.costs.column('year'), '2500/01')).toBe('The year must be from 1990/91 to 2100/01');
  expect(await sheets.costs.edit(0, sheets.costs.column('quantity'), '2000000000000')).toBe('Quantity must be from -1,000,000 to 1,000,000');

  const imports = new ImportState(app);
  await imports.chooseFiles([{ name: 'long.csv', bytes: new TextEncoder().encode(`Title,Grade,FTE\n${'y'.repeat(100_001)},Band A,1\n`) }]);
  expect(imports.preview!.files[0].refused).toMatch(/^Row 2 has a cell of more than 100,000 characters/);

  // And what was kept opens again.
  const again = new AppState(inProcessEngine, store);
  await again.start(carePlanningWorkbook);
  expect(again.error).toBeNull();
  expect(again.workbook.costs).toHaveLength(1);
});
