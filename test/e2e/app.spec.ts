// The built app, served from a sub-path, driven as a person would: by role
// and accessible name (docs/RULES.md, "The page's public face"), through import, edit, reload and export.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import expected from '../care-planning-2017.expected.json';
import { download, newContext, seriousViolations, table, useBrowser, watch } from './harness';

const FIXTURE = new URL('../../src/example/care-planning-2017/', import.meta.url);
const fixtureFiles = ['Grades.csv', 'Posts.csv', 'Savings.csv'].map((name) => ({
  name,
  mimeType: 'text/csv',
  buffer: readFileSync(new URL(name, FIXTURE)),
}));

const env = useBrowser();

async function open(width = 1366, height = 900) {
  const context = await newContext(env.browser, width, height);
  const page = await context.newPage();
  const seen = watch(page, env.served.origin);
  await page.goto(env.served.url);
  return { context, page, seen };
}

/** The published figures of expected.json, read from the app's own two downloads. */
function expectPublishedFigures(summary: string[][], posts: string[][]) {
  const proposal = table(summary).filter((r) => r.Scenario === 'Proposed investment');
  const staff = proposal.reduce((s, r) => s + Number(r['Staff cost']) + Number(r['Other costs']), 0);
  expect(Math.abs(staff - expected.implementation_cost_published)).toBeLessThanOrEqual(1);
  for (const [year, amount] of Object.entries(expected.savings_by_year_published)) {
    expect(Number(proposal.find((r) => r.Year === year)!.Savings), year).toBe(amount);
  }
  expect(proposal.reduce((s, r) => s + Number(r.Savings), 0)).toBe(expected.savings_total_published);
  expect(table(summary).filter((r) => r.Scenario === 'Do nothing')).toHaveLength(proposal.length);
  const costs = table(posts);
  for (const [title, published] of Object.entries(expected.rows_published)) {
    const row = costs.find((r) => r.Title === title)!;
    const total = Object.entries(row).filter(([h]) => h.startsWith('Cost ')).reduce((s, [, v]) => s + Number(v), 0);
    expect(Math.abs(total - published), title).toBeLessThanOrEqual(1);
  }
}

describe('a first visit', () => {
  it('opens the care-planning example with its published figures and a chart, and nothing leaves the page', async () => {
    const { context, page, seen } = await open();
    await expect.poll(() => page.getByText('£578,026', { exact: true }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('£2,808,000', { exact: true }).count()).toBeGreaterThan(0);
    const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
    expect(await headline.getByText('2018/19').count()).toBe(1); // payback year
    // The year tables and the sheets are drawn a moment after the figures.
    for (const name of ['Do nothing', 'Proposed investment']) await page.getByRole('grid', { name, exact: true }).waitFor();
    const post = page.getByRole('row', { name: /Commissioning Manager/ });
    await post.getByText('£77,733').waitFor();
    // chart.js has drawn: the canvas has non-blank pixels
    // A chart is drawn as it comes near the view (the charts sit below the first screen).
    await page.locator('canvas').first().scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.locator('canvas').first().evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0)))
      .toBe(true);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.foreignRequests).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('exports a summary and posts that reproduce the report, as Excel expects them', async () => {
    const { context, page } = await open();
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    const summary = await download(page, 'Download summary CSV');
    const posts = await download(page, 'Download posts CSV');
    expect(summary.file).toMatch(/summary\.csv$/);
    expect(summary.text.startsWith('\uFEFFScenario,Year,')).toBe(true);
    expect(summary.text).toContain('\r\n');
    expect(summary.rows[0]).toEqual(expect.arrayContaining(['Scenario', 'Year', 'Staff cost', 'Other costs', 'Savings', 'Savings target', 'Net cost', 'Cumulative net cost', 'Discounted net cost', 'Externally funded']));
    expect(posts.rows[0].slice(0, 9)).toEqual(['Title', 'Grade', 'FTE', 'Team', 'Group', 'Start', 'End', 'Months', 'Funding']);
    expectPublishedFigures(summary.rows, posts.rows);
    await context.close();
  });
});

describe('a finance officer', () => {
  it('starts a new workbook, imports the report’s CSV files and gets the published figures', async () => {
    const { context, page, seen } = await open();
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('dialog').getByLabel('Workbook name').fill('Care planning, re-keyed');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Care planning, re-keyed' }).waitFor();
    await expect.poll(() => page.getByText('£578,026', { exact: true }).count()).toBe(0);

    await page.getByLabel('Import CSV or Excel files').setInputFiles(fixtureFiles);
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Read Posts.csv as' }).inputValue()).toBe('Posts');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByText('15 rows from 3 files will be imported.').waitFor();
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(1); // one button to confirm, not the toolbar's
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByText('£578,026', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('status').filter({ hasText: 'Imported 15 rows from 3 files.' }).waitFor({ state: 'attached' });

    expectPublishedFigures((await download(page, 'Download summary CSV')).rows, (await download(page, 'Download posts CSV')).rows);
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('sees every row that cannot be read, with file, row and reason; cancelling changes nothing', async () => {
    const { context, page } = await open();
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    await page.getByLabel('Import CSV or Excel files').setInputFiles([
      { name: 'establishment.csv', mimeType: 'text/csv', buffer: Buffer.from('Job Title,Grade,FTE,Start\nSocial Worker,Band C,1,2018-04\nGhost,Band Q,1,2018-04\nClerk,Band A,lots,2018-04\n') },
    ]);
    const dialog = page.getByRole('dialog', { name: 'Check the import' });
    const problems = dialog.getByRole('table', { name: 'Rows not imported, with the reason' });
    await problems.waitFor();
    expect(await problems.getByRole('row').allInnerTexts()).toEqual([
      'File\tRow\tReason',
      'establishment.csv\t4\tFTE: “lots” is not a number',
      'establishment.csv\t3\tGhost: grade “Band Q” is not in the Grades sheet',
    ]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText('£578,026', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('row', { name: /Social Worker/ }).count()).toBe(0);
    await context.close();
  });
});

describe('a councillor', () => {
  it('changes an assumption with the keyboard alone, sees every figure follow, and finds it again after a reload', async () => {
    const { context, page, seen } = await open();
    await page.getByText('£2,808,000', { exact: true }).first().waitFor();
    const field = page.getByLabel('Savings delivery (%)');
    // Tab order: the toolbar comes before the figures
    const skipLinks = await page.getByRole('navigation', { name: 'Skip to a section' }).getByRole('link').count();
    for (let i = 0; i <= skipLinks; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New workbook');
    await field.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('50');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByText('£1,404,000', { exact: true }).count()).toBeGreaterThan(0); // 50% of £2,808,000
    await expect.poll(() => page.getByText('Saved in this browser').count()).toBe(1);

    await field.fill('lots');
    await field.press('Tab');
    await page.locator('#assumption-savingsDelivery-error').getByText('Enter a number of percent, like 3.5').waitFor();
    expect(await field.inputValue()).toBe('lots'); // what was typed stays

    await page.reload();
    await expect.poll(() => page.getByText('£1,404,000', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Savings delivery (%)').inputValue()).toBe('50');
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('reads the page on an iPad without the page itself scrolling sideways', async () => {
    const { context, page } = await open(820, 1180);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    const sideways = () => page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
    expect(await sideways()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // Seven years wide: the tables scroll in their own boxes, and nothing in them (not even text
    // kept for screen readers) pushes the page sideways.
    await page.getByRole('tab', { name: 'Posts' }).click();
    const officer = page.getByRole('grid', { name: 'Posts' }).getByRole('row', { name: /^Commissioning Officer/ });
    await officer.getByRole('gridcell').nth(6).click(); // End
    await page.keyboard.type('2024-03');
    await page.keyboard.press('Enter');
    await page.getByRole('columnheader', { name: '2023/24', exact: true }).first().waitFor();
    expect(await sideways()).toBe(0);
    await context.close();
  });
});
