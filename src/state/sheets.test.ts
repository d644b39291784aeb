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

it('takes a formula with the user’s own assumptions, follows them, and follows a rename', async () => {
  const { app, sheets } = await started();
  await sheets.addRow('Assumptions');
  await sheets.addRow('Assumptions');
  const first = 7; // after the workbook's seven own assumptions
  expect(await sheets.edit('Assumptions', first, 0, 'ReferralsPerWeek')).toBeNull();
  expect(await sheets.edit('Assumptions', first, 1, '40')).toBeNull();
  expect(await sheets.edit('Assumptions', first + 1, 0, 'CasesPerWorker')).toBeNull();
  expect(await sheets.edit('Assumptions', first + 1, 1, '10')).toBeNull();
  // Community Care Officer (row 4): FTE 4 -> =ReferralsPerWeek/CasesPerWorker = 4
  expect(await sheets.edit('Posts', 4, 2, '=ReferralsPerWeek/CasesPerWorker')).toBeNull();
  expect(app.workbook.posts[4].fte).toBe(4);
  expect(sheets.editText('Posts', 4, 2)).toBe('=ReferralsPerWeek/CasesPerWorker');
  // 50 referrals a week: 5 FTE, so one more Grade 5 officer for the year (+£32,774)
  expect(await sheets.edit('Assumptions', first, 1, '50')).toBeNull();
  expect(app.workbook.posts[4].fte).toBe(5);
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + 32774, 2);
  // A rename follows through the formula
  expect(await sheets.edit('Assumptions', first, 0, 'Referrals')).toBeNull();
  expect(app.workbook.posts[4].formulas).toEqual({ fte: '=Referrals/CasesPerWorker' });
  expect(app.workbook.posts[4].fte).toBe(5);
});

it('shows a formula’s error on its cell and costs it at nothing, leaving the rest standing', async () => {
  const { app, sheets } = await started();
  expect(await sheets.edit('Posts', 4, 2, '=Nobody/2')).toBeNull();
  expect(sheets.show('Posts', 4, 2)).toBe('#NAME?');
  expect(sheets.problem('Posts', 4, 2)).toMatch(/^#NAME\?: it uses a name that is not an assumption or a function/);
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 - 131096, 2);
  expect(await sheets.edit('Posts', 4, 2, '=' + '('.repeat(60) + '1' + ')'.repeat(60))).toBe('This formula nests 60 brackets deep; the limit is 40');
  expect(await sheets.edit('Posts', 4, 0, '=HYPERLINK("x")')).toBeNull(); // text stays text
  expect(app.workbook.posts[4].title).toBe('=HYPERLINK("x")');
  expect(await sheets.edit('Posts', 4, 7, '=12')).toBe('Months takes a value here, not a formula');
  await sheets.edit('Posts', 4, 2, '4'); // a value replaces the formula
  expect(app.workbook.posts[4].formulas).toBeUndefined();
  expect(Math.round(app.results!.scenarios[1].totals.staff)).toBe(578026);
});
