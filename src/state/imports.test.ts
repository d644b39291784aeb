import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { inProcessEngine } from '../../test/in-process';
import { AppState } from './app.svelte';
import { ImportState, inProcessImporter } from './imports.svelte';
import { costWorkbook } from '../model/costing';
import type { Workbook } from '../model/workbook';

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
