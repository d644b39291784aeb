import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { inProcessEngine } from '../../test/in-process';
import { AppState } from './app.svelte';
import { ImportState, inProcessImporter } from './imports.svelte';
import { costWorkbook } from '../model/costing';
import type { Workbook } from '../model/workbook';
import { ImportCancelled, type Importer } from '../io/import-protocol';

const bytes = (text: string) => new TextEncoder().encode(text);

it('confirms a successful import visibly, sheet by sheet, until dismissed or another workbook is opened', async () => {
  const app = new AppState(inProcessEngine, null);
  await app.start(carePlanningWorkbook);
  await app.newWorkbook('Restructure 2026');
  const imports = new ImportState(app);
  await imports.chooseFiles([
    { name: 'Grades.csv', bytes: bytes('Grade,Annual cost\nBand A,36000\nBand B,40000\n') },
    { name: 'Posts.csv', bytes: bytes('Title,Grade,FTE,Start,End\nOfficer,Band A,1,2026-04,2027-03\nGhost,Band Q,1,2026-04,\n') },
    { name: 'Savings.csv', bytes: bytes('Line,2026/27\nAgency cover,50000\n') },
  ]);
  expect(imports.done).toBeNull();
  await imports.confirmImport();
  // 2 grades, 1 post (Ghost's grade is unknown), 1 savings line, from 3 files.
  expect(imports.done).toBe('Imported 3 files: 2 grades, 1 post and 1 savings line; 1 row not imported.');
  imports.dismissDone();
  expect(imports.done).toBeNull();

  await imports.chooseFiles([{ name: 'Grades.csv', bytes: bytes('Grade,Annual cost\nBand C,50000\n') }]);
  await imports.confirmImport();
  expect(imports.done).toBe('Imported 1 file: 1 grade.');
  await app.newWorkbook('Another');
  expect(imports.done).toBeNull();
});

it('closes the preview in one task, sends the imported workbook to the engine in the next and to the model’s worker in the one after', async () => {
  // Each copies the whole workbook into a message (tens of ms at 10,000 posts): one task for all three was the
  // longest task of an import (docs/SCALE.md, "The longest task").
  const sent: string[] = [];
  const engine = {
    ...inProcessEngine,
    // The engine takes a moment, as it does with a large workbook: the model's figures come first.
    send: (r: Parameters<typeof inProcessEngine.send>[0]) => (sent.push(`engine ${r.type}`), new Promise((ok) => setTimeout(ok, 20)).then(() => inProcessEngine.send(r))),
    model: async (r: { workbook: Workbook; today: number }) => (sent.push('model'), costWorkbook(r.workbook, new Date(r.today))),
  };
  const app = new AppState(engine, null);
  await app.start(carePlanningWorkbook);
  await app.newWorkbook('Restructure 2026');
  app.modelFirstFrom = 0; // as a large workbook: the model's figures are shown first
  const imports = new ImportState(app);
  await imports.chooseFiles([{ name: 'Grades.csv', bytes: bytes('Grade,Annual cost\nBand A,36000\n') }]);
  sent.length = 0;
  const done = imports.confirmImport();
  for (let i = 0; i < 20; i++) await Promise.resolve();
  expect(imports.preview).toBeNull();
  expect(sent).toEqual([]);
  await new Promise((r) => setTimeout(r, 0));
  expect(sent).toEqual(['engine load']);
  await new Promise((r) => setTimeout(r, 0));
  expect(sent).toEqual(['engine load', 'model']);
  await done;
  expect(imports.done).toBe('Imported 1 file: 1 grade.');
});

it('shows the preview a task after the files’ reading arrives: the message is read in one task and the dialog drawn in the next', async () => {
  const app = new AppState(inProcessEngine, null);
  await app.start(carePlanningWorkbook);
  const arrived: { at: number | null } = { at: null };
  const importer = {
    ...inProcessImporter,
    preview: async (...args: Parameters<typeof inProcessImporter.preview>) => {
      const preview = await inProcessImporter.preview(...args);
      arrived.at = Date.now();
      return preview;
    },
  };
  const imports = new ImportState(app, importer);
  const chosen = imports.chooseFiles([{ name: 'Grades.csv', bytes: bytes('Grade,Annual cost\nBand A,36000\n') }]);
  while (arrived.at === null) await Promise.resolve();
  for (let i = 0; i < 20; i++) await Promise.resolve();
  expect(imports.preview).toBeNull();
  expect(imports.importProgress).not.toBeNull(); // still reading, as far as the page says
  await chosen;
  expect(imports.preview?.files.map((f) => f.kind)).toEqual(['Grades']);
  expect(imports.importProgress).toBeNull();
});

// A read replaced by a newer one (two column choices in quick succession) must not end the newer one's
// "reading" state, and a preview confirmed meanwhile must not come back when the newer read ends.

/** As WorkerImporter: a new preview cancels the one under way (its promise rejects with ImportCancelled); answers only when the test says. */
function heldImporter() {
  const pending: { resolve: () => void; reject: (e: unknown) => void; done: boolean }[] = [];
  const importer: Importer = {
    preview: (...args) => {
      importer.cancel();
      return new Promise((resolve, reject) => {
        const p = { done: false, resolve: () => ((p.done = true), resolve(inProcessImporter.preview(...args))), reject: (e: unknown) => ((p.done = true), reject(e)) };
        pending.push(p);
      });
    },
    cancel: () => {
      const last = pending.at(-1);
      if (last && !last.done) last.reject(new ImportCancelled());
    },
  };
  return { importer, pending };
}

it('keeps saying a read is under way (Import disabled) while the newest read runs, when an older one is superseded', async () => {
  const app = new AppState(inProcessEngine, null);
  await app.start(carePlanningWorkbook);
  const { importer, pending } = heldImporter();
  const imports = new ImportState(app, importer);
  const chosen = imports.chooseFiles([{ name: 'Grades.csv', bytes: bytes('Grade,Annual cost,Other\nBand A,36000,1\n') }]);
  pending[0].resolve();
  await chosen;
  expect(imports.preview).not.toBeNull();
  // Two column choices in quick succession: the second read starts while the first is under way.
  const first = imports.mapColumn('Grades.csv', 'annualCost', 2);
  const second = imports.mapColumn('Grades.csv', 'annualCost', 1);
  await first; // the first read, superseded, ends
  // The second read is still under way: the dialog must still say so (its Import button is disabled by importProgress).
  expect(imports.importProgress).not.toBeNull();
  pending[2].resolve();
  await second;
});

it('same, with an importer whose superseded read still answers (not cancelled) during the new one-task gap', async () => {
  const app = new AppState(inProcessEngine, null);
  await app.start(carePlanningWorkbook);
  const held: (() => void)[] = [];
  const importer: Importer = {
    preview: (...args) => new Promise((resolve) => held.push(() => resolve(inProcessImporter.preview(...args)))),
    cancel: () => {},
  };
  const imports = new ImportState(app, importer);
  const chosen = imports.chooseFiles([{ name: 'Grades.csv', bytes: bytes('Grade,Annual cost,Other\nBand A,36000,1\n') }]);
  held[0]();
  await chosen;
  const first = imports.mapColumn('Grades.csv', 'annualCost', 2);
  const second = imports.mapColumn('Grades.csv', 'annualCost', 1);
  held[1]();
  await first;
  expect(imports.importProgress).not.toBeNull();
  held[2]();
  await second;
});

it('does not reopen a preview after its import was confirmed while a newer read was under way', async () => {
  const app = new AppState(inProcessEngine, null);
  await app.start(carePlanningWorkbook);
  const { importer, pending } = heldImporter();
  const imports = new ImportState(app, importer);
  const chosen = imports.chooseFiles([{ name: 'Grades.csv', bytes: bytes('Grade,Annual cost,Other\nBand A,36000,1\n') }]);
  pending[0].resolve();
  await chosen;
  const first = imports.mapColumn('Grades.csv', 'annualCost', 2);
  const second = imports.mapColumn('Grades.csv', 'annualCost', 1);
  await first;
  // Import pressed on the preview shown while the newer read runs (the dialog disables it; a keyboard shortcut or a slow click may not wait).
  await imports.confirmImport();
  expect(app.workbook.grades.map((g) => g.grade)).toEqual(['Band A']);
  pending[2].resolve();
  await second;
  // The newer read's preview opens again, after the import: a second Import would apply it on top.
  expect(imports.preview).toBeNull();
});
