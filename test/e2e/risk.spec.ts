// The risk view through the built page: ranges set on the Ranges tab by
// keyboard, the chance read on the page and in the risk CSV, the histogram
// with its table, and the same seed giving the same chance after a reload.
import { describe, expect, it } from 'vitest';
import { download, openExample, seriousViolations, table, useBrowser } from './harness';

const env = useBrowser();

const CHANCE = /^Proposed investment: an? (\d+)% chance of beating doing nothing, over ([\d,]+) runs \(seed (\d+)\)\.$/;

describe('a finance officer weighing the risk', () => {
  it('sets a range on the Ranges tab by keyboard, reads the chance on the page and in the CSV, and gets it again after a reload', async () => {
    const { context, page, seen } = await openExample(env);
    // The tabs move with the arrows and wrap: left of Grades is Ranges.
    await page.getByRole('tab', { name: 'Posts' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const grid = page.getByRole('grid', { name: 'Ranges' });
    await grid.getByRole('columnheader', { name: 'Low', exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ranges');
    await page.keyboard.press('Tab'); // into the grid, at its first cell
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // Savings delivery %
    await page.keyboard.press('ArrowRight'); // Low
    await page.keyboard.type('0%');
    await page.keyboard.press('Enter'); // and down a row, as in Excel: Savings delay
    const delivery = grid.getByRole('row', { name: /^Savings delivery %/ });
    await expect.poll(() => delivery.getByRole('gridcell').nth(1).innerText()).toBe('0');
    // Optimism bias up to 400%: costs up to five times the report's, so the answer is in doubt.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight'); // High
    await page.keyboard.type('400');
    await page.keyboard.press('Enter');
    const bias = grid.getByRole('row', { name: /^Optimism bias %/ });
    await expect.poll(() => bias.getByRole('gridcell').nth(2).innerText()).toBe('400');

    // The seed, by keyboard too. The runs are worked out once the view is near the screen.
    const heading = page.getByRole('heading', { name: 'Risk: how likely it beats doing nothing' });
    const seed = page.getByRole('spinbutton', { name: 'Seed' });
    await seed.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('42');
    await page.keyboard.press('Tab');
    const chance = page.locator('#risk-chance');
    await expect.poll(() => chance.innerText(), { timeout: 20_000 }).toMatch(/\(seed 42\)\.$/);
    const [, percent, runs] = CHANCE.exec(await chance.innerText())!;
    expect(runs).toBe('10,000');

    const risk = table((await download(page, 'Download risk CSV')).rows);
    expect(risk.map((r) => r.Scenario)).toEqual(['Do nothing', 'Proposed investment']);
    const proposal = risk[1];
    expect([proposal.Runs, proposal.Seed]).toEqual(['10000', '42']);
    const fraction = Number(proposal['Chance better than doing nothing']);
    expect(fraction).toBeGreaterThanOrEqual(0);
    expect(fraction).toBeLessThanOrEqual(1);
    // The page rounds to a whole percent (never 0% or 100% unless every run agrees).
    expect(Math.min(99, Math.max(1, Math.round(fraction * 100)))).toBe(Number(percent));
    expect(fraction).toBeGreaterThan(0.05);
    expect(fraction).toBeLessThan(0.95);
    expect(Number(proposal['NPV P10'])).toBeLessThanOrEqual(Number(proposal['NPV P50']));
    expect(Number(proposal['NPV P50'])).toBeLessThanOrEqual(Number(proposal['NPV P90']));
    // The minutes say it in words.
    await page.getByText(new RegExp(`; an? ${percent}% chance of beating doing nothing, over 10,000 runs\\.$`)).waitFor();

    // The runs themselves: one row per run, each assumption's draw and the NPV.
    const runsCsv = await download(page, 'Download risk runs CSV');
    expect(runsCsv.rows[0]).toEqual(['Run', 'Pay award %', 'Recruitment %', 'Start delay (months)', 'Savings delivery %', 'Savings delay (months)', 'Optimism bias %', 'Discount rate %', 'NPV', 'Do nothing NPV']);
    expect(runsCsv.rows.filter((r) => r.length > 1)).toHaveLength(10_001);
    const draws = runsCsv.rows.slice(1, 10_001).map((r) => Number(r[4]));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(100);

    // The histogram and its table of bins, axe clean.
    await page.getByRole('img', { name: /^Histogram of Proposed investment’s net present value/ }).waitFor();
    const bins = page.getByRole('table', { name: 'Runs by net present value of net cost' });
    const counts = await bins.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(counts.reduce((n, c) => n + Number(c.replace(/,/g, '')), 0)).toBe(10_000);
    expect((await bins.locator('tbody').innerText()).match(/P10|P50|P90/g)?.sort()).toEqual(['P10', 'P50', 'P90']);
    await heading.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/risk-1366.png', fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);

    // The same seed after a reload: the same chance, to the run.
    const before = await chance.innerText();
    await expect.poll(() => page.getByText('Saved in this browser').count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: 'Risk: how likely it beats doing nothing' }).scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#risk-chance').innerText(), { timeout: 20_000 }).toBe(before);
    expect(await page.getByRole('spinbutton', { name: 'Seed' }).inputValue()).toBe('42');
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('shows the risk view on an iPad without the page scrolling sideways', async () => {
    const { context, page } = await openExample(env, 820, 1180);
    await page.getByRole('heading', { name: 'Risk: how likely it beats doing nothing' }).scrollIntoViewIfNeeded();
    await page.locator('#risk-chance').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: '/tmp/risk-820.png', fullPage: false });
    expect(await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth))).toBe(0);
    await context.close();
  });
});
