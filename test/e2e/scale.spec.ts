// A council's whole establishment: 10,000 posts. The app's own calculation
// is shown at once, marked as being checked, until the formula engine's
// figures (those of record) take its place; rows inserted and deleted in the
// Posts grid carry every figure with them.
import { describe, expect, it } from 'vitest';
import { importFiles, newWorkbook, useBrowser } from './harness';
import { BENCH_SCENARIOS, syntheticCsv } from '../../bench/synthetic';
import { scenariosCsv } from '../../src/io/scenarios-sheet';
import { applyImport, previewImport } from '../../src/io/import';
import { costWorkbook } from '../../src/model/costing';
import { headline } from '../../src/model/headline';
import { formatPounds } from '../../src/model/money';
import { emptyWorkbook, type Workbook } from '../../src/model/workbook';
import { POSTS } from '../../src/state/sheet-columns';

const env = useBrowser();

const implementationCost = (wb: Workbook) => formatPounds(headline(costWorkbook(wb), 'Proposed investment').implementationCost);

describe('10,000 posts', () => {
  it('shows the figures at once, marked as being checked, then the engine’s; an inserted and a deleted post carry the figures', async () => {
    const csv = syntheticCsv(10_000);
    const files = [
      ...Object.entries(csv).map(([name, text]) => ({ name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text) })),
      { name: 'scenarios.csv', mimeType: 'text/csv', buffer: Buffer.from(scenariosCsv(BENCH_SCENARIOS)) },
    ];
    // What the page should show, worked out by the pure model from the same files.
    let wb = applyImport(emptyWorkbook('Untitled workbook'), previewImport(files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) })), emptyWorkbook('Untitled workbook')));
    const { page, close, errors } = await newWorkbook(env);
    const figure = page.getByRole('region', { name: 'Proposed investment at a glance' });
    const checking = page.getByRole('status').filter({ hasText: 'Checking these figures…' });
    // A disagreement between the two calculations, or any other problem, is an alert with words in it.
    const problems = page.getByRole('alert').filter({ hasText: /\S/ });

    const dialog = await importFiles(page, files);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await checking.waitFor({ timeout: 30_000 });
    await figure.getByText(implementationCost(wb), { exact: true }).first().waitFor();
    await checking.waitFor({ state: 'detached', timeout: 120_000 });
    await figure.getByText(implementationCost(wb), { exact: true }).first().waitFor();
    expect(await problems.allInnerTexts()).toEqual([]);

    await page.getByRole('tab', { name: 'Posts' }).click();
    const grid = page.getByRole('grid', { name: 'Posts' });
    await grid.getByRole('row').nth(1).getByRole('gridcell').nth(2).click(); // the first post
    // A new post (1 FTE of the first grade, over the whole horizon) below the first.
    await page.getByRole('button', { name: 'Insert a row below row 1' }).click();
    wb = { ...wb, posts: [wb.posts[0], POSTS.blank(wb), ...wb.posts.slice(1)] };
    await figure.getByText(implementationCost(wb), { exact: true }).first().waitFor({ timeout: 120_000 });
    await checking.waitFor({ state: 'detached', timeout: 120_000 });
    await expect.poll(() => grid.getByRole('row').nth(2).getByRole('gridcell').first().innerText()).toBe('New post');

    // The first post deleted.
    await grid.getByRole('row').nth(1).getByRole('gridcell').nth(2).click();
    await page.getByRole('button', { name: 'Delete row 1 of Posts' }).click();
    wb = { ...wb, posts: wb.posts.slice(1) };
    await figure.getByText(implementationCost(wb), { exact: true }).first().waitFor({ timeout: 120_000 });
    await checking.waitFor({ state: 'detached', timeout: 120_000 });
    await figure.getByText(implementationCost(wb), { exact: true }).first().waitFor();
    expect(await problems.allInnerTexts()).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  }, 400_000);
});
