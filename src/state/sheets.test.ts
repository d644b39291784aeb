import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { inProcessEngine } from '../../test/in-process';
import { AppState } from './app.svelte';
import { SheetState } from './sheets.svelte';

async function started() {
  const app = new AppState(inProcessEngine, null);
  await app.start(carePlanningWorkbook);
  return { app, sheets: new SheetState(app) };
}

it('an edited FTE costs the post again: the Commissioning Officer at 0.5 FTE is £26,038', async () => {
  const { app, sheets } = await started();
  expect(await sheets.edit('Posts', 2, 2, '0.5')).toBeNull();
  expect(app.results!.postCosts[2][1]).toBeCloseTo(26038, 2);
  expect(app.workbook.posts[2].fte).toBe(0.5);
});

it('refuses what cannot be read, on the cell, and changes nothing', async () => {
  const { app, sheets } = await started();
  const before = app.workbook;
  expect(await sheets.edit('Posts', 2, 2, 'half')).toBe('FTE: “half” is not a number');
  expect(await sheets.edit('Posts', 2, 6, '2017-01')).toBe('Commissioning Officer would end before it starts');
  expect(await sheets.edit('Grades', 0, 1, '£39,820.5x')).toMatch(/is not an amount of money/);
  expect(app.workbook).toBe(before);
});

it('undoes and redoes every change: an edit, an added row, a deleted row', async () => {
  const { app, sheets } = await started();
  await sheets.edit('Grades', 3, 1, '£70,000'); // Band E
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + ((70000 - 62186) * (24 + 15)) / 12, 2); // Band E posts: 24 + 15 months
  await sheets.addRow('Costs');
  expect(app.workbook.costs).toHaveLength(1);
  await sheets.deleteRow('Posts', 0);
  expect(app.workbook.posts).toHaveLength(7);
  await app.undo();
  expect(app.workbook.posts).toHaveLength(8);
  await app.undo();
  expect(app.workbook.costs).toHaveLength(0);
  await app.undo();
  expect(Math.round(app.results!.scenarios[1].totals.staff)).toBe(578026);
  expect(app.canUndo).toBe(false);
  await app.redo();
  expect(app.workbook.grades[3].annualCost).toBe(70000);
  expect(app.canRedo).toBe(true);
});
