// The headline first: a councillor opening the page on a phone sees the
// figures on the first screen, with every file action still in reach.
import { describe, expect, it } from 'vitest';
import { download, openExample, seriousViolations, useBrowser } from './harness';

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
