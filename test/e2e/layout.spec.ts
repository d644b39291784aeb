// The headline first: a councillor opening the page on a phone sees the
// figures on the first screen, with every file action still in reach.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { download, importFiles, newContext, newWorkbook, openExample, seriousViolations, useBrowser } from './harness';

const env = useBrowser();

describe('the first screen', () => {
  it('on a phone (390 x 844) shows the headline’s first two figures; the file actions sit in one compact place above', async () => {
    const { context, page, headline } = await openExample(env, 390, 844);
    for (const amount of ['£578,026', '£2,808,000']) {
      const box = (await headline.getByText(amount, { exact: true }).boundingBox())!;
      expect(box.y + box.height, amount).toBeLessThanOrEqual(844);
    }
    // Every name people and scripts rely on still works: the two used most at once, the rest behind Export.
    await page.getByRole('button', { name: 'New workbook' }).waitFor();
    await page.getByText('Import CSV or Excel files').waitFor();
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    expect(await exportButton.getAttribute('aria-expanded')).toBe('false');
    expect((await download(page, 'Download summary CSV')).file).toMatch(/-summary\.csv$/);
    expect(await exportButton.getAttribute('aria-expanded')).toBe('true');
    expect((await download(page, 'Download posts CSV')).file).toMatch(/-posts\.csv$/);
    await page.getByRole('button', { name: 'Download workbook file' }).waitFor();
    await page.getByText('Open workbook file').waitFor();
    // Escape closes the choices and gives the focus back to Export.
    await page.getByRole('button', { name: 'Download workbook file' }).focus();
    await page.keyboard.press('Escape');
    expect(await exportButton.getAttribute('aria-expanded')).toBe('false');
    expect(await exportButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Workbooks in this browser (0)' }).click();
    await page.getByRole('heading', { name: 'Workbooks in this browser' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the first screen while the figures are being checked', () => {
  it('on a phone still shows the headline’s first two figures beneath the note that says so', async () => {
    // The engine's worker held back as a slow connection would: the app's own figures come first, marked as being checked.
    const context = await newContext(env.browser, 390, 844);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/assets\/worker-[^/]*\.js$/, async (route) => (await held, route.continue()));
    const page = await context.newPage();
    await page.goto(env.served.url);
    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    await headline.getByText('£578,026', { exact: true }).waitFor();
    const note = page.getByRole('status').filter({ hasText: 'Checking these figures' });
    await note.waitFor();
    // And, a second on, the engine's progress above the workbook's name: the most the first screen then holds.
    await page.getByText('Working out the figures for 8 posts', { exact: false }).waitFor();
    for (const amount of ['£578,026', '£2,808,000']) {
      const box = (await headline.getByText(amount, { exact: true }).boundingBox())!;
      expect(box.y + box.height, amount).toBeLessThanOrEqual(844);
    }
    // The sentence saying why is still there for a screen reader.
    expect(await note.textContent()).toContain('its figures replace these in a moment');
    await page.screenshot({ path: '/tmp/phone-checking.png' });
    release();
    await note.waitFor({ state: 'detached', timeout: 30_000 });
    await context.close();
  });
});

describe('the parts below the first screen', () => {
  it('are laid out as they come into view, not all at once with the figures, and are all there to read and use', async () => {
    // A large workbook's year tables and sheets laid out with the figures made one long task of the page's thread (docs/SCALE.md, "The longest task").
    const { context, page } = await openExample(env);
    const sheets = page.locator('section[aria-labelledby="sheets-heading"]');
    await page.getByRole('grid', { name: 'Posts' }).waitFor({ state: 'attached' });
    const laidOut = () => page.getByRole('grid', { name: 'Posts' }).evaluate((grid) => grid.checkVisibility({ contentVisibilityAuto: true }));
    expect(await laidOut()).toBe(false);
    await sheets.scrollIntoViewIfNeeded();
    await expect.poll(laidOut).toBe(true);
    // Everything in them is still in the page for a screen reader and for find-in-page.
    expect(await page.getByRole('grid', { name: 'Proposed investment', exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

/** A council's senior staff as an organogram publishes them: job titles of 60 to 120 characters. */
const LONG_TITLES = [
  'Strategic Director of Adults, Health and Wellbeing and Statutory Director of Adult Social Services (DASS)',
  'Assistant Director for Commissioning, Quality Assurance and Market Development in Adult Social Care',
  'Head of Safeguarding Adults, Mental Capacity Act and Deprivation of Liberty Safeguards Service',
  'Principal Social Worker and Professional Lead for Occupational Therapy and Practice Development',
  'Service Manager, Reablement, Intermediate Care and Hospital Discharge to Assess (Integrated Team)',
  'Senior Commissioning Manager for Learning Disabilities, Autism and Transitions to Adulthood',
];

/** The title column's measured width and the grid's own width, both as laid out on the page now. */
async function titleColumn(page: Page) {
  const grid = page.getByRole('grid', { name: 'Posts' });
  await grid.scrollIntoViewIfNeeded();
  const title = (await grid.getByRole('columnheader', { name: 'Title', exact: true }).boundingBox())!;
  const scroller = (await grid.locator('xpath=..').boundingBox())!;
  const fte = (await grid.getByRole('columnheader', { name: 'FTE', exact: true }).boundingBox())!;
  return { title: title.width, grid: scroller.width, fteRight: fte.x + fte.width - scroller.x };
}

/** Title cells whose text does not fit them (drawn cut short, with an ellipsis). */
const cutTitles = (page: Page) =>
  page.getByRole('grid', { name: 'Posts' }).evaluate((grid) => [...grid.querySelectorAll<HTMLElement>('td[aria-colindex="1"]')].filter((td) => td.scrollWidth > td.clientWidth).map((td) => td.textContent));

describe('the Posts grid with long job titles', () => {
  it('caps the Title column at 1366 and 820 px wide, keeping FTE in sight, each title whole for a screen reader and in the edit field', async () => {
    const { page, close, errors } = await newWorkbook(env);
    const posts = LONG_TITLES.map((t, i) => `"${t}",Band A,1,2024-04,2025-03,${i === 0 ? 'Council' : ''}`).join('\n');
    await importFiles(page, [
      { name: 'Grades.csv', mimeType: 'text/csv', buffer: Buffer.from('Grade,Annual cost\nBand A,60000\n') },
      { name: 'Posts.csv', mimeType: 'text/csv', buffer: Buffer.from(`Title,Grade,FTE,Start,End,Funding\n${posts}\n`) },
    ]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // Six posts of Band A, a year each: 6 x 60,000 = 360,000.
    await page.getByRole('region', { name: 'Proposed investment at a glance' }).getByText('£360,000', { exact: true }).first().waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    for (const width of [1366, 820]) {
      await page.setViewportSize({ width, height: 1000 });
      const at = await titleColumn(page);
      await page.screenshot({ path: `/tmp/long-titles-${width}.png` });
      console.log(`long titles at ${width} px: title column ${at.title} of ${at.grid} px`);
      // The title takes no more than two fifths of the grid: the figures beside it stay in sight.
      expect(at.title, `at ${width} px`).toBeLessThanOrEqual(at.grid * 0.4);
      expect(at.fteRight, `at ${width} px`).toBeLessThanOrEqual(at.grid);
      expect((await cutTitles(page)).length, `at ${width} px`).toBeGreaterThan(0);
      // Cut short on screen only: each cell's accessible name is its whole title.
      for (const t of LONG_TITLES) expect(await grid.getByRole('gridcell', { name: t, exact: true }).count(), t).toBe(1);
      // And for the mouse, the whole title on hovering over it.
      for (const t of LONG_TITLES) expect(await grid.getByRole('gridcell', { name: t, exact: true }).getAttribute('title'), t).toBe(t);
    }
    // The edit field holds the whole title, and what is typed onto its end is kept whole.
    await grid.getByRole('gridcell', { name: LONG_TITLES[1], exact: true }).click();
    await page.keyboard.press('F2');
    const field = grid.getByRole('textbox');
    expect(await field.inputValue()).toBe(LONG_TITLES[1]);
    await page.keyboard.type(' (interim)');
    await page.keyboard.press('Enter');
    await grid.getByRole('gridcell', { name: `${LONG_TITLES[1]} (interim)`, exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps FTE in sight at 820 px with a council’s published organisation chart, its long grade names cut on screen only', async () => {
    // Trafford Council's organisation chart as published (80 posts): grades such as "Soulbury Educational Professionals"
    // and teams such as "Education Standards Quality & Performance" beside titles of up to 82 characters.
    const { page, close, errors } = await newWorkbook(env);
    const name = 'trafford_council_organisation_structure.csv';
    const dialog = await importFiles(page, [{ name, mimeType: 'text/csv', buffer: readFileSync(`test/corpus/17-organisation-chart-bands-na-trafford/${name}`) }]);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    const grade = 'Soulbury Educational Professionals';
    await grid.getByRole('gridcell', { name: grade, exact: true }).first().waitFor({ timeout: 20_000 });
    for (const width of [1366, 820]) {
      await page.setViewportSize({ width, height: 1000 });
      const at = await titleColumn(page);
      await page.screenshot({ path: `/tmp/organisation-chart-${width}.png` });
      expect(at.fteRight, `at ${width} px: FTE's right edge against the grid's width`).toBeLessThanOrEqual(at.grid);
    }
    // Cut short on screen only: the cell's accessible name and its hover text are the whole grade.
    expect(await grid.getByRole('gridcell', { name: grade, exact: true }).first().getAttribute('title')).toBe(grade);
    expect(errors).toEqual([]);
    await close();
  });

  it('leaves the example’s short titles whole, as they were, at 1366 and 820 px wide', async () => {
    for (const width of [1366, 820]) {
      const { context, page } = await openExample(env, width, 1000);
      await page.getByRole('tab', { name: 'Posts' }).click();
      const at = await titleColumn(page);
      await page.screenshot({ path: `/tmp/example-titles-${width}.png` });
      console.log(`example at ${width} px: title column ${at.title} of ${at.grid} px`);
      expect(await cutTitles(page)).toEqual([]);
      await context.close();
    }
  });
});
