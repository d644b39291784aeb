// The sheets as grids, driven as docs/RULES.md names them: a tab named after the
// sheet, role grid, column headers, gridcells; click selects, typing replaces,
// Enter commits, Escape cancels, Ctrl+Z and Ctrl+Y from any cell.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { gridCellAt, halfTimeOfficer, importFiles, newContext, newWorkbook, openExample, seriousViolations, useBrowser } from './harness';

const env = useBrowser();

describe('a finance officer in the Posts grid', () => {
  it('edits an FTE by keyboard, sees every figure follow, and undoes and redoes it', async () => {
    const { context, page, seen, headline } = await openExample(env);

    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    await grid.getByRole('columnheader', { name: 'FTE', exact: true }).waitFor();
    const officer = grid.getByRole('row', { name: /^Commissioning Officer/ });
    await officer.getByRole('gridcell').nth(2).click(); // FTE: 1
    await page.keyboard.type('0.5'); // typing replaces
    await page.keyboard.press('Enter');
    // 1 FTE of Band C (£52,076) for a year is now half: 578,025.50 - 26,038 = 551,987.50
    await headline.getByText('£551,988', { exact: true }).waitFor();
    await expect.poll(() => officer.getByRole('gridcell').last().innerText()).toBe('£26,038');
    // Enter moved down a row: the focus is on the Assistant Accountant's FTE
    await expect.poll(() => gridCellAt(page)).toBe('3:2');

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

  it('gives a post its own pay in the Annual cost column, which wins over its grade’s', async () => {
    const { context, page, seen, headline } = await openExample(env);

    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    await grid.getByRole('columnheader', { name: 'Annual cost', exact: true }).waitFor();
    const manager = grid.getByRole('row', { name: /^Strategic Development Manager/ });
    const own = manager.getByRole('gridcell').nth(9); // Annual cost: blank, so Band E's £62,186
    expect(await own.innerText()).toBe('');
    await own.click();
    await page.keyboard.type('70000');
    await page.keyboard.press('Enter');
    // 1 FTE for 24 months (Apr 2018 to Mar 2020) at £70,000, not £62,186: 578,025.50 + 7,814 x 24 / 12 = 593,653.50
    await headline.getByText('£593,654', { exact: true }).waitFor();
    await expect.poll(() => own.innerText()).toBe('70000');
    await expect.poll(() => manager.getByRole('gridcell').last().innerText()).toBe('£140,000');

    await page.keyboard.press('Control+z');
    await headline.getByText('£578,026', { exact: true }).waitFor();
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('moves with Home, End and the arrows, and edits a grade’s cost with F2', async () => {
    const { context, page, headline } = await openExample(env);
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

describe('formulas, paste and explanations', () => {
  it('sets the workbook’s pay award for 2019/20 by keyboard: that year’s staff cost follows, and Ctrl+Z undoes it', async () => {
    const { context, page, seen, headline } = await openExample(env);
    const staff = page.getByRole('grid', { name: 'Proposed investment', exact: true }).getByRole('row', { name: /^Staff cost/ });
    await staff.getByRole('button', { name: '£62,186' }).waitFor(); // 2019/20: the Band E post for a year, at the single award of 0%

    await page.getByRole('tab', { name: 'Assumptions' }).click();
    const grid = page.getByRole('grid', { name: 'Assumptions' });
    const year = grid.getByRole('row', { name: /^Pay award % 2019\/20/ });
    await year.getByRole('gridcell').nth(1).click(); // Value: blank, the single rate
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    // 62,186 x 1.1 = 68,404.60, shown £68,405; the total is the years as shown (docs/RULES.md, "Figures that add up"):
    // 20,729 + 495,111 + 68,405 = 584,245 (the exact 584,244.10 rounded alone would show 584,244).
    await staff.getByRole('button', { name: '£68,405' }).waitFor();
    await headline.getByText('£584,245', { exact: true }).waitFor();
    // The typed value stays in its cell (drawn in the grid's own update, which may come a task after the headline's on a busy machine).
    await expect.poll(() => year.getByRole('gridcell').nth(1).innerText()).toBe('10');

    await page.keyboard.press('Control+z');
    await staff.getByRole('button', { name: '£62,186' }).waitFor();
    await headline.getByText('£578,026', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('an FTE of =ReferralsPerWeek/CasesPerWorker follows either assumption, all by keyboard', async () => {
    const { context, page, headline } = await openExample(env);

    await page.getByRole('tab', { name: 'Assumptions' }).click();
    await page.getByRole('button', { name: 'Add a row to Assumptions' }).click();
    await page.getByRole('button', { name: 'Add a row to Assumptions' }).click();
    const grid = page.getByRole('grid', { name: 'Assumptions' });
    const ours = grid.getByRole('row', { name: /^Assumption_1/ }); // below the workbook's own and its pay award by year
    await ours.getByRole('gridcell').first().click();
    for (const text of ['ReferralsPerWeek', '40']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (const text of ['CasesPerWorker', '10']) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    await grid.getByRole('gridcell', { name: 'CasesPerWorker' }).waitFor();

    await page.getByRole('tab', { name: 'Posts' }).click();
    const posts = page.getByRole('grid', { name: 'Posts' });
    await posts.getByRole('row', { name: /^Community Care Officer Grade 5/ }).getByRole('gridcell').nth(2).click();
    await page.keyboard.type('=ReferralsPerWeek/CasesPerWorker');
    await page.keyboard.press('Enter');
    // 40 / 10 = 4 FTE, as before, so the headline cannot tell that the formula landed: the cell's edit field can.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('F2');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('=ReferralsPerWeek/CasesPerWorker');
    await page.keyboard.press('Escape');
    await headline.getByText('£578,026', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Assumptions' }).click();
    await page.getByRole('grid', { name: 'Assumptions' }).getByRole('gridcell', { name: '40', exact: true }).click();
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    // 50 / 10 = 5 FTE: one more Grade 5 officer for 2018/19, 578,025.50 + 32,774 = 610,799.50
    await headline.getByText('£610,800', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('an FTE of ="10" shows #VALUE! and costs nothing; =Totals!B2 is refused on the cell', async () => {
    const { context, page, seen, headline } = await openExample(env);

    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    const officer = grid.getByRole('row', { name: /^Commissioning Officer/ });
    await officer.getByRole('gridcell').nth(2).click(); // FTE: 1
    await page.keyboard.type('="10"');
    await page.keyboard.press('Enter');
    // Text, not a number: the post costs nothing. It was 1 FTE of Band C (£52,076) for 2018/19, so
    // 578,025.50 - 52,076 = 525,949.50 (costed as 10 FTE it would have been 578,025.50 + 9 x 52,076).
    await headline.getByText('£525,950', { exact: true }).waitFor();
    await expect.poll(() => officer.getByRole('gridcell').nth(2).innerText()).toMatch(/^#VALUE!\n[^]*it gives text or true\/false, not a number/);

    // A formula reading the engine's own workings is refused on the cell, and nothing changes.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('=Totals!B2');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'This formula reads Totals!B2: Totals is the engine’s own working, which a formula may not read' }).waitFor();
    await page.keyboard.press('Escape');
    await headline.getByText('£525,950', { exact: true }).waitFor();
    expect(await officer.getByRole('gridcell').nth(2).innerText()).toMatch(/^#VALUE!/);
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('pastes a block from Excel into Grades, and undoes it in one step', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    await page.getByRole('tab', { name: 'Grades' }).click();
    const grid = page.getByRole('grid', { name: 'Grades' });
    await grid.getByRole('gridcell', { name: 'Grade 5' }).click(); // the last grade: rows pasted past it are added
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Grade 5\t32774\r\nBand D\t58,000\r\nBand F\t£70,000\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await grid.getByRole('gridcell', { name: 'Band F' }).waitFor();
    expect(await grid.getByRole('row').count()).toBe(1 + 7);
    // Shift and the arrows select a block; copying it gives Excel's tab separated text.
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    const copied = await page.evaluate(() => {
      const data = new DataTransfer();
      document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied).toBe('Grade 5\t32774\r\nBand D\t58000');
    await page.getByRole('heading', { name: 'The workbook’s sheets' }).click(); // focus off the grid: Ctrl+Z still undoes
    await page.keyboard.press('Control+z');
    await grid.getByRole('gridcell', { name: 'Band F' }).waitFor({ state: 'detached' });
    expect(await grid.getByRole('row').count()).toBe(1 + 5);
    await context.close();
  });

  it('explains a figure down to the line it comes from, with the cell’s formula', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    const table = page.getByRole('grid', { name: 'Proposed investment', exact: true });
    await table.getByRole('row', { name: /^Staff cost/ }).getByRole('button', { name: '£495,111' }).click();
    const dialog = page.getByRole('dialog', { name: 'How this figure is made' });
    await dialog.getByText('Staff cost, Proposed investment, 2018/19: the council-funded posts below = £495,110.83.').waitFor();
    await dialog.getByRole('button', { name: 'Explain Commissioning Manager' }).click();
    await dialog.getByText('Commissioning Manager, 2018/19: 1 FTE x £62,186 (Band E) x 11 months / 12 = £57,004.').waitFor();
    // The post's year cells are filled by its chunk's one formula (Posts rows 2 to 9); the dialog names its cell, Q3.
    expect(await dialog.getByText(/^=ARRAYFORMULA\(MMULT\(\(\(12\*2017\+3\+\{0,12,24,36,48\}\)>\$L\$2:\$L\$9\).* \(Posts sheet, rows 2 to 9: the fraction of each year each post runs .*this post's 2018\/19 is Q3; .*the PostSums sheet multiplies it by O, FTE x annual cost/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });

  it('keeps 10,000 rows to hand by keyboard while drawing only those in view', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    const grades = Array.from({ length: 10_000 }, (_, i) => `Grade ${i + 1},${30000 + i}`).join('\n');
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Untitled workbook' }).waitFor();
    await page.getByLabel('Import CSV or Excel files').setInputFiles([{ name: 'pay-scales.csv', mimeType: 'text/csv', buffer: Buffer.from(`Grade,Annual cost\n${grades}\n`) }]);
    await page.getByRole('dialog').getByText('10,000 rows from 1 file will be imported.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 10,000 rows from 1 file.' }).waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByRole('tab', { name: 'Grades' }).click();
    const grid = page.getByRole('grid', { name: 'Grades' });
    expect(await grid.getAttribute('aria-rowcount')).toBe('10001');
    await grid.getByRole('gridcell', { name: 'Grade 1', exact: true }).click();
    await page.keyboard.press('Control+End');
    await grid.getByRole('gridcell', { name: '39999', exact: true }).waitFor();
    expect(await gridCellAt(page)).toBe('9999:1');
    expect(await grid.getByRole('row').count()).toBeLessThan(60);
    await context.close();
  });
});

describe('leaving a cell being edited', () => {
  it('keeps what was typed, by a click on another cell or on another sheet’s tab', async () => {
    const { context, page, headline } = await openExample(env);
    await page.getByRole('tab', { name: 'Grades' }).click();
    const grid = page.getByRole('grid', { name: 'Grades' });
    await grid.getByRole('gridcell', { name: '62186' }).click(); // Band E
    await page.keyboard.type('62000');
    await grid.getByRole('gridcell', { name: 'Band A' }).click(); // leaves the cell: 62,000 is kept
    await headline.getByText('£577,421', { exact: true }).waitFor(); // 578,025.50 - 186 x 39 / 12
    await grid.getByRole('gridcell', { name: '39820' }).click();
    await page.keyboard.type('40000');
    await page.getByRole('tab', { name: 'Costs' }).click(); // another sheet: 40,000 is kept
    // Band A: the Assistant Accountant, 0.5 FTE for a year: + 0.5 x 180 = 90
    await headline.getByText('£577,511', { exact: true }).waitFor();
    await context.close();
  });
});

/** Whether a chart's canvas has anything drawn on it. */
const inked = (c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0);

describe('the charts after an edit', () => {
  it('are drawn again with the new figures, their pattern fills made once, not again for every change', async () => {
    const context = await newContext(env.browser);
    // Each fill's pattern is a small canvas: count the canvases the page makes.
    await context.addInitScript(() => {
      const make = document.createElement.bind(document);
      const w = window as unknown as { canvases: number };
      w.canvases = 0;
      document.createElement = ((name: string, options?: ElementCreationOptions) => {
        if (name.toLowerCase() === 'canvas') w.canvases++;
        return make(name, options);
      }) as typeof document.createElement;
    });
    const page = await context.newPage();
    await page.goto(env.served.url);
    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    await headline.getByText('£578,026', { exact: true }).waitFor();
    const netCost = page.getByRole('img', { name: /^Bar chart of net cost per year/ }).first().locator('canvas');
    const pixels = () => netCost.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await netCost.scrollIntoViewIfNeeded();
    await expect.poll(() => netCost.evaluate(inked)).toBe(true);
    await page.waitForTimeout(1500); // the printed appendix, loaded once the page is idle
    const drawn = await pixels();
    const made = await page.evaluate(() => (window as unknown as { canvases: number }).canvases);

    await halfTimeOfficer(page, headline);
    // The grid took the page down to the sheets: the chart, out of view, waits to be seen before it is drawn again.
    await page.waitForTimeout(500);
    expect(await pixels()).toBe(drawn);
    await netCost.scrollIntoViewIfNeeded();
    await expect.poll(pixels).not.toBe(drawn);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { canvases: number }).canvases)).toBe(made);
    await context.close();
  });

  it('draws no chart below the view while the figures come, and one as soon as it is scrolled near', async () => {
    // The charts sit below the first screen at 1366 × 900: a new workbook's figures (here the example's) draw none of them.
    const { context, page } = await openExample(env);
    for (const name of ['Do nothing', 'Proposed investment']) await page.getByRole('grid', { name, exact: true }).waitFor();
    await page.getByRole('img', { name: /^Tornado chart/ }).waitFor({ state: 'attached' });
    await page.waitForTimeout(1500);
    const chart = (name: RegExp) => page.getByRole('img', { name }).first().locator('canvas');
    const names = [/^Bar chart of net cost per year/, /^Line chart of cumulative net cost/, /^Bar chart of savings per year/, /^Tornado chart/];
    for (const name of names) expect(await chart(name).evaluate(inked), String(name)).toBe(false);
    // Scrolled to, it is drawn with the figures; the tornado, far below, still is not.
    await chart(names[0]).scrollIntoViewIfNeeded();
    await expect.poll(() => chart(names[0]).evaluate(inked)).toBe(true);
    expect(await chart(names[3]).evaluate(inked)).toBe(false);
    await chart(names[3]).scrollIntoViewIfNeeded();
    await expect.poll(() => chart(names[3]).evaluate(inked)).toBe(true);
    await context.close();
  });
});

describe('a row inserted and undone from the keyboard', () => {
  it('keeps the focus in the grid, on the active cell, when the row it was in is taken away', async () => {
    const { context, page, headline } = await openExample(env);
    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    await grid.getByRole('row', { name: /^Commissioning Officer/ }).getByRole('gridcell').nth(2).click();
    await page.getByRole('button', { name: 'Insert a row below row 3' }).click();
    const added = grid.getByRole('row', { name: /^New post/ });
    await added.waitFor();
    await added.getByRole('gridcell').nth(2).click();
    await expect.poll(() => gridCellAt(page)).toBe('3:2');
    await page.keyboard.press('Control+z');
    await added.waitFor({ state: 'detached' });
    await headline.getByText('£578,026', { exact: true }).waitFor();
    // The row below moved up into its place: the focus is on the same cell of the grid, ready for the next key.
    await expect.poll(() => gridCellAt(page)).toBe('3:2');
    expect(await grid.getByRole('row', { name: /^Assistant Accountant/ }).getByRole('gridcell').nth(2).evaluate((c) => c === document.activeElement)).toBe(true);
    await context.close();
  });
});

describe('a row taken away above the focused cell', () => {
  it('keeps the focus on the active cell, not on the row that moved up out from under it', async () => {
    const { context, page, headline } = await openExample(env);
    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    await grid.getByRole('row', { name: /^Commissioning Officer/ }).getByRole('gridcell').nth(2).click();
    await page.getByRole('button', { name: 'Insert a row below row 3' }).click();
    const added = grid.getByRole('row', { name: /^New post/ });
    await added.waitFor();
    // The Community Care Officer is row 6 now (index 5), below the new row.
    await grid.getByRole('row', { name: /^Community Care Officer / }).getByRole('gridcell').nth(2).click();
    await expect.poll(() => gridCellAt(page)).toBe('5:2');
    await page.keyboard.press('Control+z');
    await added.waitFor({ state: 'detached' });
    await headline.getByText('£578,026', { exact: true }).waitFor();
    // The active cell stays 5:2 (the Senior Practitioner's FTE now), and the focus is on it: the cell the next key acts on.
    const active = () => gridCellAt(page, '[role=grid] td.active');
    expect(await active()).toBe('5:2');
    await expect.poll(() => gridCellAt(page)).toBe('5:2');
    await context.close();
  });
});

describe('a row inserted above others', () => {
  it('moves the rows below it as they are: none of their cells is written again, only each row’s index', async () => {
    const { context, page } = await openExample(env);
    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    await grid.getByRole('row', { name: /^Commissioning Officer/ }).getByRole('gridcell').nth(2).click();
    const rows = await grid.getByRole('row').count();
    // Every attribute written on a cell that was already there, from the insert until the engine's figures are shown.
    await grid.evaluate((table) => {
      const written: string[] = [];
      (window as unknown as { written: string[] }).written = written;
      new MutationObserver((records) => {
        for (const r of records) if ((r.target as Element).getAttribute('role') === 'gridcell') written.push(`${(r.target as Element).textContent}: ${r.attributeName}`);
      }).observe(table, { attributes: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Insert a row below row 3' }).click();
    await grid.getByRole('row', { name: /^New post/ }).waitFor();
    await expect.poll(() => grid.getByRole('row').count()).toBe(rows + 1);
    // The engine's figures for it shown (the page's own first, marked as being checked).
    await page.locator('.note.checking').waitFor({ state: 'detached' });
    await page.waitForTimeout(1000);
    // Each row moved down is the same row of the page, its cells untouched; only its index, which a screen reader reads, is one more.
    expect(await page.evaluate(() => (window as unknown as { written: string[] }).written)).toEqual([]);
    const indexes = await grid.getByRole('row').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('aria-rowindex'))));
    expect(indexes).toEqual(Array.from({ length: rows + 1 }, (_, i) => i + 1));
    expect(await gridCellAt(page, '[role=grid] td.active')).toBe('2:2');
    await context.close();
  });
});

/**
 * Turns the mouse wheel over a grid's scroll box until it has scrolled further down than `past` px, as a person goes
 * on turning it. Over the grid's first row, brought into the window if need be: the page's parts are drawn a task at
 * a time, so its layout may still be moving, and a point read once before the wheel could land outside the grid.
 */
async function wheelDown(page: Page, scroller: Locator, past: number) {
  await expect
    .poll(
      async () => {
        const { width } = (await scroller.boundingBox())!;
        await scroller.hover({ position: { x: width / 2, y: 60 } });
        await page.mouse.wheel(0, 2000);
        return scroller.evaluate((s) => s.scrollTop);
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(past);
}

describe('a long sheet scrolled with the mouse wheel', () => {
  it('stays where it was scrolled to when the focused cell leaves the rows drawn', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    const grades = Array.from({ length: 1_000 }, (_, i) => `Grade ${i + 1},${30000 + i}`).join('\n');
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Untitled workbook' }).waitFor();
    await page.getByLabel('Import CSV or Excel files').setInputFiles([{ name: 'pay-scales.csv', mimeType: 'text/csv', buffer: Buffer.from(`Grade,Annual cost\n${grades}\n`) }]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 1,000 rows from 1 file.' }).waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByRole('tab', { name: 'Grades' }).click();
    const grid = page.getByRole('grid', { name: 'Grades' });
    await grid.getByRole('gridcell', { name: 'Grade 1', exact: true }).click();
    expect(await gridCellAt(page)).toBe('0:0');
    // 40 px a row: some 400 rows down, far past the rows drawn around the focused cell.
    const scroller = page.locator('.grid-scroll');
    await wheelDown(page, scroller, 15_000);
    // A moment for any effect to pull the view back to the focused cell.
    await page.waitForTimeout(500);
    expect(await scroller.evaluate((s) => s.scrollTop)).toBeGreaterThan(15_000);
    expect(await grid.getByRole('gridcell', { name: 'Grade 1', exact: true }).count()).toBe(0);
    await context.close();
  });
});

/** A new workbook of 420 posts, each one FTE of Band A (£30,000) for 2024/25 (420 x 30,000 = £12,600,000), its Posts grid open. */
async function longPosts() {
  const { page, close, errors } = await newWorkbook(env);
  const posts = Array.from({ length: 420 }, (_, i) => `Post ${i + 1},Band A,1,2024-04,2025-03`).join('\n');
  await importFiles(page, [
    { name: 'Grades.csv', mimeType: 'text/csv', buffer: Buffer.from('Grade,Annual cost\nBand A,30000\n') },
    { name: 'Posts.csv', mimeType: 'text/csv', buffer: Buffer.from(`Title,Grade,FTE,Start,End\n${posts}\n`) },
  ]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
  await headline.getByText('£12,600,000', { exact: true }).first().waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Posts' }).click();
  const grid = page.getByRole('grid', { name: 'Posts' });
  const scroller = grid.locator('xpath=..');
  const focusedCell = () => gridCellAt(page);
  /** The wheel over the grid until the first rows, the active cell's among them, are no longer drawn; it stays there. */
  const scrollAway = async (focusInGrid = true) => {
    // Some 50 rows down at least (40 px a row), far past the few drawn beyond the view.
    await wheelDown(page, scroller, 2_000);
    await grid.getByRole('row', { name: /^Post 1 / }).waitFor({ state: 'detached' });
    await page.waitForTimeout(300); // a moment for anything that would pull the view back
    expect(await scroller.evaluate((s) => s.scrollTop)).toBeGreaterThan(2_000);
    // The focus stayed in the grid, on the grid itself, for the next key.
    if (focusInGrid) expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
  };
  /** The focused element lies inside the grid's box, below its header row. */
  const inView = () =>
    scroller.evaluate((s) => {
      const cell = document.activeElement!.getBoundingClientRect();
      const box = s.getBoundingClientRect();
      return cell.top >= box.top + 40 - 1 && cell.bottom <= box.bottom + 1;
    });
  const fte = (post: number) => grid.getByRole('row', { name: new RegExp(`^Post ${post} `) }).getByRole('gridcell').nth(2);
  return { page, close, errors, headline, grid, focusedCell, scrollAway, inView, fte };
}

describe('keys pressed after the focused row was scrolled out of the rows drawn', () => {
  it('act on the active cell, as in Excel: an arrow moves it and scrolls it into view, typing edits it', async () => {
    const { page, close, errors, headline, focusedCell, scrollAway, inView, fte } = await longPosts();
    await fte(1).click();
    expect(await focusedCell()).toBe('0:2');
    await scrollAway();
    await page.keyboard.press('ArrowDown');
    // The active cell is the one below, Post 2's FTE, scrolled back into view and focused for the next key.
    await expect.poll(focusedCell).toBe('1:2');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.querySelector('td')?.textContent)).toBe('Post 2');
    expect(await inView()).toBe(true);

    // Scrolled away again, typing edits the active cell: Post 2 is half time, 12,600,000 - 15,000 = £12,585,000.
    await scrollAway();
    await page.keyboard.type('0.5');
    await page.keyboard.press('Enter');
    await headline.getByText('£12,585,000', { exact: true }).first().waitFor();
    await expect.poll(() => fte(2).innerText()).toBe('0.5');
    expect(await fte(1).innerText()).toBe('1');
    await expect.poll(focusedCell).toBe('2:2'); // Enter moved down a row, as ever
    expect(await inView()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps what is typed into a cell being edited when its row was scrolled out, and goes on with it', async () => {
    const { page, close, errors, headline, grid, scrollAway, inView, fte } = await longPosts();
    await fte(3).click();
    await page.keyboard.type('0.2');
    await scrollAway();
    // "5" goes on the end of what was typed, in the cell's editor, back in view: Post 3 is a quarter time,
    // 12,600,000 - 0.75 x 30,000 = £12,577,500.
    await page.keyboard.type('5');
    await expect.poll(() => grid.getByRole('textbox').inputValue()).toBe('0.25');
    await expect.poll(inView).toBe(true);
    await page.keyboard.press('Enter');
    await headline.getByText('£12,577,500', { exact: true }).first().waitFor();
    await expect.poll(() => fte(3).innerText()).toBe('0.25');
    // Typed, scrolled away, then another sheet's tab chosen: what was typed is kept, as when the editor is left in view.
    // Post 4 half time: 12,577,500 - 15,000 = £12,562,500.
    await fte(4).click();
    await page.keyboard.type('0.5');
    await scrollAway();
    await page.getByRole('tab', { name: 'Grades' }).click();
    await headline.getByText('£12,562,500', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('reach the grid by Tab when the active cell was scrolled out with the focus elsewhere, and act on it', async () => {
    const { page, close, errors, focusedCell, scrollAway, inView, fte } = await longPosts();
    await fte(1).click();
    // The focus back on the sheet's tab (a keyboard user returning), then the grid scrolled by the wheel to read on.
    await page.getByRole('tab', { name: 'Posts' }).focus();
    await scrollAway(false);
    await page.keyboard.press('Tab');
    // The grid's Tab stop is the grid itself, named, while its active cell is not drawn; not a nameless scroll box.
    const focused = () => page.evaluate(() => `${document.activeElement?.getAttribute('role')}: ${document.activeElement?.getAttribute('aria-label')}`);
    expect(await focused()).toBe('grid: Posts');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedCell).toBe('1:2');
    expect(await inView()).toBe(true);
    // And Shift+Tab from the first cell leaves it the way it came, to the sheet's tab.
    await page.keyboard.press('Control+Home');
    await expect.poll(focusedCell).toBe('0:0');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focused).toBe('tab: null');
    expect(errors).toEqual([]);
    await close();
  });

  it('keep an edit the sheet refuses, in view or scrolled out, when another sheet’s tab is chosen: its reason shows and nothing typed is lost', async () => {
    for (const away of [false, true]) {
      const { page, close, errors, grid, scrollAway, fte } = await longPosts();
      await fte(3).click();
      await page.keyboard.type('lots');
      if (away) await scrollAway();
      await page.getByRole('tab', { name: 'Grades' }).click();
      // The reason shows under the grid, and the cell is still being edited, what was typed in it, in view.
      // Read at once, not waited for: before, the Posts grid was gone, Grades open, the typing lost.
      const problem = () => page.evaluate(() => document.getElementById('grid-posts-problem')?.textContent ?? '(no Posts grid)');
      await expect.poll(problem, { message: `away: ${away}`, timeout: 10_000 }).toMatch(/FTE/);
      await expect.poll(() => grid.evaluate((g) => g.querySelector('input')?.value ?? '(no editor)'), { message: `away: ${away}`, timeout: 10_000 }).toBe('lots');
      expect(await page.getByRole('tab', { name: 'Posts' }).getAttribute('aria-selected'), `away: ${away}`).toBe('true');
      expect(await fte(3).isVisible()).toBe(true);
      expect(errors).toEqual([]);
      await close();
    }
  });
});
