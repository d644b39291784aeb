// The councillor's view by keyboard: the Posts grid within a few Tab presses of
// the top, each year table one stop moved in with the arrows, and the headline
// figures kept in view while a grid far down the page is edited.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gridCellAt, openExample, seriousViolations, useBrowser } from './harness';

const env = useBrowser();

const insidePosts = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('[role="grid"][aria-label="Posts"]'));
/** The name of the grid the focus is in (its label, or its caption), or null. */
const focusedGrid = (page: Page) =>
  page.evaluate(() => {
    const grid = document.activeElement?.closest('[role="grid"]');
    return grid ? (grid.getAttribute('aria-label') ?? grid.querySelector('caption')?.textContent ?? '') : null;
  });

/**
 * Presses Tab from where the focus is until it lands inside the Posts grid, as a
 * keyboard user would: following a skip link to the sheets if the page offers
 * one. What each press reached is kept for the failure message.
 */
async function tabUntilPosts(page: Page, limit: number): Promise<{ presses: number; reached: string[] }> {
  const reached: string[] = [];
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await insidePosts(page)) return { presses, reached };
    const at = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName.toLowerCase(), text: (el?.getAttribute('aria-label') ?? el?.innerText ?? '').slice(0, 40) };
    });
    const grid = await focusedGrid(page);
    reached.push(`${at.tag} ${at.text}${grid ? ` (in grid ${grid})` : ''}`);
    if (at.tag === 'a' && /sheets/i.test(at.text)) await page.keyboard.press('Enter');
  }
  return { presses: Infinity, reached };
}

describe('a keyboard user', () => {
  it('reaches the Posts grid in fewer than 30 Tab presses from the page’s load', async () => {
    const { context, page } = await openExample(env);
    await page.getByRole('grid', { name: 'Posts' }).getByRole('gridcell').first().waitFor();
    // From the top, as the page loads: nothing focused yet.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    const { presses, reached } = await tabUntilPosts(page, 200);
    console.log(`Tab presses to the Posts grid: ${presses}`);
    expect(presses, reached.join('\n')).toBeLessThan(30);
    await context.close();
  });

  it('finds each year table one Tab stop, and a skip link to every section at the top', async () => {
    const { context, page } = await openExample(env);
    await page.getByRole('grid', { name: 'Posts' }).getByRole('gridcell').first().waitFor();
    const skips = page.getByRole('navigation', { name: 'Skip to a section' });
    const links = ['Skip to the headline figures', 'Skip to the scenarios', 'Skip to the comparison with doing nothing', 'Skip to the year-by-year tables', 'Skip to the workbook’s sheets'];
    for (const name of links) {
      const target = await skips.getByRole('link', { name, exact: true }).getAttribute('href');
      expect(await page.locator(target!).count(), name).toBe(1);
    }
    // Tabbing through the whole page, without the skip links: each year table is one stop.
    const stops: (string | null)[] = [];
    for (let i = 0; i < 300 && !(await insidePosts(page)); i++) {
      await page.keyboard.press('Tab');
      stops.push(await focusedGrid(page));
    }
    expect(stops.filter((g) => g === 'Do nothing')).toHaveLength(1);
    expect(stops.filter((g) => g === 'Proposed investment')).toHaveLength(1);
    await context.close();
  });

  it('moves inside a year table with the arrows, and Enter or Space opens the explanation', async () => {
    const { context, page } = await openExample(env);
    const grid = page.getByRole('grid', { name: 'Proposed investment', exact: true });
    await grid.waitFor();
    // One stop: exactly one cell of the table is in the Tab order.
    expect(await grid.locator('[tabindex="0"]').count()).toBe(1);
    await grid.locator('[tabindex="0"]').focus();
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).innerText);
    // The first figure: Staff cost, 2017/18 (the example's posts start in December 2017).
    expect(await focused()).toBe('£20,729');
    await page.keyboard.press('ArrowRight'); // Staff cost, 2018/19
    expect(await focused()).toBe('£495,111');
    await page.keyboard.press('ArrowDown'); // Other costs, 2018/19
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.querySelector('th')?.textContent)).toBe('Other costs');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('£495,111');
    // The stop moved with the focus: Tab leaves the table, Shift+Tab comes back to the same cell.
    await page.keyboard.press('Tab');
    expect(await focusedGrid(page)).not.toBe('Proposed investment');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('£495,111');

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'How this figure is made' });
    await dialog.getByText('Staff cost, Proposed investment, 2018/19: the council-funded posts below = £495,110.83.').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Back where it was, and Space opens it too.
    expect(await focused()).toBe('£495,111');
    await page.keyboard.press(' ');
    await dialog.getByText('Staff cost, Proposed investment, 2018/19: the council-funded posts below = £495,110.83.').waitFor();
    await page.keyboard.press('Escape');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('editing with the effect in view', () => {
  it('keeps the open scenario’s figures in view at the Posts grid, and they follow an edit', async () => {
    const { context, page } = await openExample(env);
    const grid = page.getByRole('grid', { name: 'Posts' });
    const officer = grid.getByRole('row', { name: /^Commissioning Officer/ });
    await officer.getByRole('gridcell').nth(2).scrollIntoViewIfNeeded();
    const bar = page.getByRole('region', { name: 'Proposed investment: figures in view' });
    const inView = () =>
      bar.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
      });
    await expect.poll(inView).toBe(true);
    await bar.getByText('£578,026', { exact: true }).waitFor();

    await officer.getByRole('gridcell').nth(2).click(); // FTE: 1
    await page.keyboard.type('0.5');
    await page.keyboard.press('Enter');
    // 1 FTE of Band C (£52,076) for a year is now half: 578,025.50 - 26,038 = 551,987.50
    await bar.getByText('£551,988', { exact: true }).waitFor();
    expect(await inView()).toBe(true);
    // The bar never covers the cell being edited: Enter moved to the next row's FTE, and it is clear of the bar.
    const covered = await page.evaluate(() => {
      const cell = document.activeElement!.getBoundingClientRect();
      const bar = document.querySelector('.sticky-summary')!.getBoundingClientRect();
      return cell.top < bar.bottom && cell.bottom > bar.top;
    });
    expect(covered).toBe(false);
    await context.close();
  });

  it('keeps a post’s title in view as the Posts grid scrolls sideways, and a cell focused beside it clear of it', async () => {
    const { context, page } = await openExample(env, 820, 1180);
    const grid = page.getByRole('grid', { name: 'Posts' });
    const officer = grid.getByRole('row', { name: /^Commissioning Officer/ });
    await officer.getByRole('gridcell').first().click();
    await page.keyboard.press('End'); // the row's Total, at the far right
    const box = async (n: number) => (await officer.getByRole('gridcell').nth(n).boundingBox())!;
    const scroller = (await grid.locator('xpath=..').boundingBox())!;
    expect(await grid.locator('xpath=..').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const title = await box(0);
    expect(title.x).toBeGreaterThanOrEqual(scroller.x);
    expect(title.x).toBeLessThan(scroller.x + 5);
    // Back along the row to Grade, beside the title: it scrolls out from under the title, not behind it.
    for (let i = 0; i < 40 && (await gridCellAt(page)) !== '2:1'; i++) await page.keyboard.press('ArrowLeft');
    expect(await gridCellAt(page)).toBe('2:1');
    expect((await box(1)).x).toBeGreaterThanOrEqual((await box(0)).x + (await box(0)).width - 1);
    await context.close();
  });

  it('keeps each measure’s name in view as a year table scrolls sideways on a phone', async () => {
    const { context, page } = await openExample(env, 390, 844);
    const grid = page.getByRole('grid', { name: 'Proposed investment', exact: true });
    await grid.locator('[tabindex="0"]').focus(); // Staff cost, 2017/18
    await page.keyboard.press('End'); // its Total, at the far right
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe('£578,026');
    const scroller = grid.locator('xpath=..');
    expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const name = grid.getByRole('rowheader', { name: 'Staff cost' });
    const left = (await scroller.boundingBox())!.x;
    expect(Math.abs((await name.boundingBox())!.x - left)).toBeLessThan(1);
    await page.keyboard.press('Home'); // back to 2017/18, beside the name: clear of it
    const first = (await page.evaluate(() => document.activeElement!.closest('td')!.getBoundingClientRect().left));
    const header = (await name.boundingBox())!;
    expect(first).toBeGreaterThanOrEqual(header.x + header.width - 1);
    await context.close();
  });
});
