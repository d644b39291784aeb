import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { handle } from '../engine/handle';
import type { Engine } from '../engine/protocol';
import { inProcessEngine } from '../../test/in-process';
import { openStore, WorkbookStore } from '../store/db';
import { Library } from './library.svelte';
import { AppState } from './app.svelte';
import { ImportState } from './imports.svelte';

/** The import of an app, as the page composes it (main.ts): one per app. */
const made = new WeakMap<AppState, ImportState>();
const imports = (app: AppState): ImportState => {
  if (!made.has(app)) made.set(app, new ImportState(app));
  return made.get(app)!;
};

const inProcess: Engine = inProcessEngine;
const bytes = (text: string) => new TextEncoder().encode(text);
const implementation = (app: AppState) => {
  const p = app.results!.scenarios[1].totals;
  return Math.round(p.staff + p.other);
};

describe('the app', () => {
  it('opens the example on a fresh browser and costs it at £578,026', async () => {
    const app = new AppState(inProcess, new WorkbookStore('fresh'));
    await app.start(carePlanningWorkbook);
    expect(implementation(app)).toBe(578026);
    expect(app.saveState).toBe('unsaved');
  });

  it('reopens what was saved, after a reload', async () => {
    const first = new AppState(inProcess, new WorkbookStore('reload'));
    await first.start(carePlanningWorkbook);
    await first.setAssumptions({ payAward: 0.02 });
    expect(first.saveState).toBe('saved');
    const again = new AppState(inProcess, new WorkbookStore('reload'));
    await again.start(carePlanningWorkbook);
    expect(again.workbook.assumptions.payAward).toBe(0.02);
  });

  it('leaves the workbook as it was when an import is cancelled or fails', async () => {
    const app = new AppState(inProcess, null);
    await app.start(carePlanningWorkbook);
    const before = app.workbook;
    await imports(app).chooseFiles([{ name: 'g.csv', bytes: bytes('Grade,Annual cost\nBand E,1\n') }]);
    imports(app).cancelImport();
    expect(app.workbook).toBe(before);

    const failing: Engine = { ...inProcessEngine, send: async (r) => (r.type === 'load' && r.workbook !== before ? Promise.reject(new Error('engine down')) : handle(r)) };
    const app2 = new AppState(failing, null);
    await app2.start(() => before);
    await imports(app2).chooseFiles([{ name: 'g.csv', bytes: bytes('Grade,Annual cost\nBand E,1\n') }]);
    await imports(app2).confirmImport();
    expect(app2.workbook).toBe(before);
    expect(app2.error).toMatch(/import failed and your workbook is as it was: engine down/);
  });

  it('a new workbook is empty, and imports report what they did', async () => {
    const app = new AppState(inProcess, null);
    await app.start(carePlanningWorkbook);
    await app.newWorkbook('Restructure 2026');
    expect(app.workbook.posts).toEqual([]);
    expect(app.results!.scenarios[1].totals.net).toBe(0);
    await imports(app).chooseFiles([
      { name: 'Grades.csv', bytes: bytes('Grade,Annual cost\nBand A,36000\n') },
      { name: 'Posts.csv', bytes: bytes('Title,Grade,FTE,Start,End\nOfficer,Band A,1,2026-04,2027-03\nGhost,Band Q,1,2026-04,\n') },
    ]);
    expect(imports(app).preview!.problems).toHaveLength(1);
    await imports(app).confirmImport();
    expect(app.message).toBe('Imported 2 rows from 2 files; 1 row not imported.');
    expect(app.results!.scenarios[1].years[0].staff).toBe(36000);
    expect(app.download('summary')!.name).toBe('restructure-2026-summary.csv');
    expect(app.download('grades')!.text).toBe('\uFEFFGrade,Annual cost\r\nBand A,36000\r\n');
  });
});

it('keeps both of two quick assumption changes, in memory and in what is saved', async () => {
  const slow: Engine = { ...inProcessEngine, send: (r) => new Promise((ok) => setTimeout(() => ok(handle(r)), 20)) };
  const store = new WorkbookStore('quick');
  const app = new AppState(slow, store);
  await app.start(carePlanningWorkbook);
  await Promise.all([app.setAssumptions({ payAward: 0.05 }), app.setAssumptions({ discountRate: 0.06 })]);
  expect(app.workbook.assumptions).toMatchObject({ payAward: 0.05, discountRate: 0.06 });
  expect((await store.lastOpen())!.workbook.assumptions).toMatchObject({ payAward: 0.05, discountRate: 0.06 });
});

it('takes a typed percentage, or says why not', async () => {
  const app = new AppState(inProcess, null);
  await app.start(carePlanningWorkbook);
  expect(await app.setPercent('savingsDelivery', '50%')).toBeNull();
  expect(app.results!.scenarios[1].totals.savings).toBe(1404000);
  expect(await app.setPercent('discountRate', 'lots')).toBe('Enter a number of percent, like 3.5');
  expect(app.workbook.assumptions.discountRate).toBe(0.035);
});

it('reads a column the user points to, and nothing the user points away from', async () => {
  const app = new AppState(inProcess, null);
  await app.start(carePlanningWorkbook);
  await imports(app).chooseFiles([{ name: 'g.csv', bytes: bytes('Band name,Cost per FTE,Old cost\nBand A,1,39820\n') }]);
  expect(imports(app).preview!.files[0].refused).toMatch(/are not those of Grades, Posts, Costs or Savings/);
  await imports(app).readFileAs('g.csv', 'Grades');
  await imports(app).mapColumn('g.csv', 'grade', 0);
  await imports(app).mapColumn('g.csv', 'annualCost', 2);
  expect(imports(app).preview!.sheets.grades).toEqual([{ grade: 'Band A', annualCost: 39820 }]);
  expect(imports(app).preview!.files[0].sample).toEqual([['Band A', '1', '39820']]);
});

it('costs pay ranges at the point the user chooses, and keeps the choice while the preview is open', async () => {
  const app = new AppState(inProcess, null);
  await app.start(carePlanningWorkbook);
  await imports(app).chooseFiles([{ name: 'chart.csv', bytes: bytes('Job Title,Salary band\nOfficer,50000 - 54999\n') }]);
  expect(imports(app).preview!.sheets.posts![0].annualCost).toBe(54999);
  await imports(app).choosePayPoint('chart.csv', 'bottom');
  expect(imports(app).preview!.files[0].payPoint).toBe('bottom');
  expect(imports(app).preview!.sheets.posts![0].annualCost).toBe(50000);
  await imports(app).mapColumn('chart.csv', 'team', null);
  expect(imports(app).preview!.sheets.posts![0].annualCost).toBe(50000);
});

it('says plainly, as a warning, when an import leaves a sheet empty', async () => {
  const app = new AppState(inProcess, null);
  await app.start(carePlanningWorkbook);
  await imports(app).chooseFiles([
    { name: 'Grades.csv', bytes: bytes('Grade,Annual cost\nBand A,36000\n') },
    { name: 'Posts.csv', bytes: bytes('Title,Grade,FTE\nGhost,Band Q,1\nPhantom,Band Q,1\n') },
  ]);
  await imports(app).confirmImport();
  expect(app.error).toBe('The Posts sheet is now empty: every row of its files was refused (2 rows not imported). 1 row was imported.');
  expect(app.message).not.toMatch(/^Imported/);
});

it('reports progress through a long read, and a cancelled read changes nothing', async () => {
  const rows = Array.from({ length: 12_000 }, (_, i) => `Post ${i},Band A,1,2026-04,2027-03`).join('\n');
  const seen: number[] = [];
  let cancelled = false;
  const watching: import('../io/import-protocol').Importer = {
    preview: async (files, open, choices, onProgress) => {
      const { previewImport } = await import('../io/import');
      return previewImport(files, open, choices, (p) => {
        seen.push(p.rows);
        onProgress(p);
      });
    },
    cancel: () => (cancelled = true),
  };
  const app = new AppState(inProcess, null);
  made.set(app, new ImportState(app, watching));
  await app.start(carePlanningWorkbook);
  await imports(app).chooseFiles([{ name: 'p.csv', bytes: bytes(`Title,Grade,FTE,Start,End\n${rows}\n`) }]);
  expect(seen).toEqual([0, 0, 5000, 10000, 12000]);
  expect(imports(app).preview!.files[0].lines).toBe(12_000);
  expect(imports(app).importProgress).toBeNull();
  const before = app.workbook;
  imports(app).cancelImport();
  expect(cancelled).toBe(false); // nothing under way: the preview just closes
  expect(imports(app).preview).toBeNull();
  expect(app.workbook).toBe(before);
});

it('opens a workbook file, and refuses a damaged one changing nothing', async () => {
  const app = new AppState(inProcess, null);
  await app.start(carePlanningWorkbook);
  const file = app.backupDownload();
  expect(file.name).toBe('care-and-support-planning-october-2017.workbook.json');
  await app.newWorkbook('Empty');
  await app.openBackup(file.text);
  expect(app.workbook.posts).toHaveLength(8);
  expect(Math.round(app.results!.scenarios[1].totals.staff)).toBe(578026);
  const before = app.workbook;
  await app.openBackup('{"format":"council-scenario-explorer-workbook","version":9,"workbook":{}}');
  expect(app.workbook).toBe(before);
  expect(app.error).toMatch(/newer version of the app/);
});

it('refuses a damaged workbook file, saying where and why, and the open workbook stays as it was', async () => {
  const app = new AppState(inProcess, new WorkbookStore('damaged-file'));
  await app.start(carePlanningWorkbook);
  const file = JSON.parse(app.backupDownload().text);
  file.workbook.posts[1].start = '2018-04';
  await app.newWorkbook('Mine');
  const before = app.workbook;
  await app.openBackup(JSON.stringify(file));
  expect(app.workbook).toBe(before);
  expect(app.error).toBe('This workbook file is damaged: post 2 (Commissioning Manager) has a start that is not a month (“2018-04”).');
  expect((await new WorkbookStore('damaged-file').lastOpen())!.workbook.name).toBe('Mine');
});

it('opens the example when the work kept in this browser is damaged, and keeps the damaged record', async () => {
  const wb = carePlanningWorkbook();
  await new WorkbookStore('damaged-store').restore({ id: 'x', savedAt: 1, workbook: { ...wb, assumptions: { ...wb.assumptions, firstYear: -5 } } });
  const db = await openStore('damaged-store');
  await db.put('meta', 'x', 'lastOpen');
  db.close();
  const store = new WorkbookStore('damaged-store');
  const app = new AppState(inProcess, store);
  const library = new Library(app, store);
  await app.start(carePlanningWorkbook);
  expect(implementation(app)).toBe(578026);
  expect(app.workbook.assumptions.firstYear).toBeNull();
  await expect(store.get('x')).rejects.toThrow('the workbook has a first year that is not a financial year from 1990/91 to 2100/01 (“-5”)');
  expect(app.error).toMatch(/^Saved work could not be read \(the workbook “Care and support planning \(October 2017\)” kept in this browser is damaged: .*-5.*\); the example is open instead\.$/);

  // Chosen from the list, it says why it cannot open, and the open workbook stays.
  await app.setAssumptions({ payAward: 0.02 });
  const open = app.workbook;
  await library.openStored('x');
  expect(app.workbook).toBe(open);
  expect(app.error).toMatch(/could not be opened: the workbook .* is damaged: .*-5/);
  // It can be deleted, though not brought back.
  await library.delete('x');
  expect(library.workbooks.map((w) => w.id)).not.toContain('x');
  expect(app.message).toMatch(/deleted/);
});

it('says in plain words that the browser’s storage is full when it refuses with no message', async () => {
  const store = { save: async () => { throw new DOMException('', 'QuotaExceededError'); }, lastOpen: async () => null };
  const app = new AppState(inProcess, store);
  await app.start(carePlanningWorkbook);
  await app.setAssumptions({ payAward: 0.02 });
  expect(app.error).toBe('Your work could not be saved in this browser (this browser’s storage for the app is full). It is still open here: use “Download workbook file” to keep a copy.');
});

it('says so when saving fails, keeps the work open, and tries again', async () => {
  let fail = true;
  const store = { save: async () => { if (fail) throw new Error('QuotaExceededError'); }, lastOpen: async () => null };
  const app = new AppState(inProcess, store);
  await app.start(carePlanningWorkbook);
  await app.setAssumptions({ payAward: 0.02 });
  expect(app.saveState).toBe('failed');
  expect(app.error).toMatch(/could not be saved in this browser \(QuotaExceededError\)/);
  expect(app.workbook.assumptions.payAward).toBe(0.02);
  fail = false;
  await new Promise((r) => setTimeout(r, 1100)); // the first retry, after a second
  expect(app.saveState).toBe('saved');
});

it('a second tab is read-only: it saves nothing, refuses changes, follows the writer and takes over when it closes', async () => {
  const store = new WorkbookStore('two-tabs');
  const listeners: { becameWriter: () => void; changed: () => void }[] = [];
  let holder: number | null = null;
  const tabsFor = (tab: number) => ({
    start: async (becameWriter: () => void, changed: () => void) => {
      listeners[tab] = { becameWriter, changed };
      if (holder === null) holder = tab;
      return holder === tab;
    },
    announce: () => listeners.forEach((l, i) => i !== tab && l?.changed()),
  });
  const first = new AppState(inProcess, store);
  await new Library(first, store).coordinate(tabsFor(0));
  await first.start(carePlanningWorkbook);
  const second = new AppState(inProcess, store);
  await new Library(second, store).coordinate(tabsFor(1));
  await second.start(carePlanningWorkbook);
  expect([first.readOnly, second.readOnly]).toEqual([false, true]);

  expect(await second.setAssumptions({ payAward: 0.09 })).toBe(false);
  expect(second.error).toMatch(/open in another tab/);
  await first.setAssumptions({ payAward: 0.02 });
  await new Promise((r) => setTimeout(r, 20)); // the second tab reloads what was saved
  expect(second.workbook.assumptions.payAward).toBe(0.02);
  expect((await store.lastOpen())!.workbook.assumptions.payAward).toBe(0.02);

  listeners[1].becameWriter(); // the first tab closed
  await new Promise((r) => setTimeout(r, 20));
  expect(second.readOnly).toBe(false);
  expect(await second.setAssumptions({ payAward: 0.03 })).toBe(true);
});

it('keeps a list of workbooks: open, rename, duplicate, delete with undo; the last open reopens', async () => {
  const store = new WorkbookStore('list');
  const app = new AppState(inProcess, store);
  const library = new Library(app, store);
  await app.start(carePlanningWorkbook);
  await app.renameWorkbook('Care planning');
  await library.duplicate();
  expect(app.workbook.name).toBe('Care planning (copy)');
  expect(library.workbooks.map((w) => w.name)).toEqual(['Care planning (copy)', 'Care planning']);
  const original = library.workbooks[1].id;
  await library.openStored(original);
  expect(app.workbook.name).toBe('Care planning');
  const copy = library.workbooks.find((w) => w.name === 'Care planning (copy)')!.id;
  await library.delete(copy);
  expect(library.workbooks.map((w) => w.name)).toEqual(['Care planning']);
  await library.undoDelete();
  expect(library.workbooks.map((w) => w.name).sort()).toEqual(['Care planning', 'Care planning (copy)']);
  await library.delete(original);
  expect(app.error).toBe('This workbook is open: open another before deleting it.');
  const again = new AppState(inProcess, store);
  await again.start(carePlanningWorkbook);
  expect(again.workbook.name).toBe('Care planning');
});

it('follows each save of the open workbook in the list without reading every kept workbook back', async () => {
  // Listing reads whole records: at 10,000 posts, some 50 ms of the page's thread after every change.
  const store = new WorkbookStore('listed');
  let listed = 0;
  const counting = Object.assign(Object.create(store) as WorkbookStore, { list: () => (listed++, store.list()) });
  const app = new AppState(inProcess, counting);
  const library = new Library(app, counting);
  await app.start(carePlanningWorkbook);
  await app.setAssumptions({ payAward: 0.01 }); // the example is kept once changed
  await library.duplicate();
  await library.openStored(library.workbooks.find((w) => w.name !== app.workbook.name)!.id);
  const [other, open] = [library.workbooks.find((w) => w.id !== app.openId)!, app.openId];
  const before = listed;
  await app.setAssumptions({ payAward: 0.02 });
  await app.renameWorkbook('Care planning');
  await app.changeWith((wb) => ({ ...wb, posts: wb.posts.slice(1) }));
  expect(listed).toBe(before);
  // The open one first, as saved last, under its new name; as the store lists them.
  expect(library.workbooks.map((w) => [w.id, w.name])).toEqual([
    [open, 'Care planning'],
    [other.id, other.name],
  ]);
  expect((await store.list()).map((w) => [w.id, w.name])).toEqual(library.workbooks.map((w) => [w.id, w.name]));
});

it('downloads the open workbook as an Excel file: its own sheets, and a Summary of formulas', { timeout: 60_000 }, async () => {
  const app = new AppState(inProcess, new WorkbookStore('excel'));
  await app.start(carePlanningWorkbook);
  await app.setAssumptions({ payAward: 0.02 });
  const file = (await app.excelDownload())!;
  expect(file.name).toMatch(/\.xlsx$/);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Summary', 'Grades', 'Posts', 'Costs', 'Savings', 'Assumptions', 'Scenarios']));
  expect(book.getWorksheet('Grades')!.getCell('B5').value).toBe(62186); // Band E, as typed
  expect(book.getWorksheet('Assumptions')!.getCell('B2').value).toBe(0.02); // the pay award just set
  expect(book.getWorksheet('Summary')!.getCell('C2').formula).toMatch(/SUMIFS\('Post costs'!/);
});

it('lists the workbooks kept in this browser as the page starts, before the first workbook is costed', async () => {
  const wb = carePlanningWorkbook();
  await new WorkbookStore('listed-at-start').restore({ id: 'kept', savedAt: 1, workbook: wb });
  const store = new WorkbookStore('listed-at-start');
  // An engine that never answers: nothing is costed, yet the toolbar counts what is kept.
  const app = new AppState({ send: () => new Promise(() => undefined) } as unknown as Engine, store);
  const library = new Library(app, store);
  await expect.poll(() => library.workbooks.map((w) => w.id)).toEqual(['kept']);
});
