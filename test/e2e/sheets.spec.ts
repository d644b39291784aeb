// The sheets as grids, driven as CONTRACT.md names them: a tab named after the
// sheet, role grid, column headers, gridcells; click selects, typing replaces,
// Enter commits, Escape cancels, Ctrl+Z and Ctrl+Y from any cell.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newContext, seriousViolations, serveDist, watch, type Served } from './harness';

let browser: Browser;
let served: Served;
beforeAll(async () => {
  [browser, served] = await Promise.all([launch(), serveDist()]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('a finance officer in the Posts grid', () => {
  it('edits an FTE by keyboard, sees every figure follow, and undoes and redoes it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const seen = watch(page, served.origin);
    await page.goto(served.url);
    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    await headline.getByText('£578,026', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    expect(await grid.getByRole('columnheader', { name: 'FTE', exact: true }).count()).toBe(1);
    const officer = grid.getByRole('row', { name: /^Commissioning Officer/ });
    await officer.getByRole('gridcell').nth(2).click(); // FTE: 1
    await page.keyboard.type('0.5'); // typing replaces
    await page.keyboard.press('Enter');
    // 1 FTE of Band C (£52,076) for a year is now half: 578,025.50 - 26,038 = 551,987.50
    await headline.getByText('£551,988', { exact: true }).waitFor();
    expect(await officer.getByRole('gridcell').last().innerText()).toBe('£26,038');
    // Enter moved down a row: the focus is on the Assistant Accountant's FTE
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('3:2');

    await page.keyboard.press('Control+z');
    await headline.getByText('£578,026', { exact: true }).waitFor();
    await page.keyboard.press('Control+y');
    await headline.getByText('£551,988', { exact: true }).waitFor();

    // What cannot be read is refused on the cell; Escape leaves the cell as it was.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('half');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'FTE: “half” is not a number' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await officer.getByRole('gridcell').nth(2).innerText()).toBe('0.5');

    expect(await seriousViolations(page)).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('moves with Home, End and the arrows, and edits a grade’s cost with F2', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(served.url);
    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    await headline.getByText('£578,026', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Posts' }).focus();
    await page.keyboard.press('ArrowLeft'); // tabs move with the arrows: Grades
    const grid = page.getByRole('grid', { name: 'Grades' });
    await grid.getByRole('gridcell', { name: 'Band E' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('F2');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('000'); // 62186 -> 62000
    await page.keyboard.press('Enter');
    // Band E posts: 24 + 15 months, 186 less a year each: 578,025.50 - 186 x 39 / 12 = 577,421
    await headline.getByText('£577,421', { exact: true }).waitFor();
    await context.close();
  });
});
