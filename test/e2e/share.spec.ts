// A scenario shared by link, with no server: made in one browser, opened in
// another that has never seen the workbook, kept there; and a link cut short,
// opened where work is already kept, which changes nothing.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { download, newContext, openExample, seriousViolations, table, watch, useBrowser } from './harness';

const env = useBrowser();

/** The summary CSV's rows for one scenario, as downloaded. */
async function summaryOf(page: Page, scenario: string) {
  return table((await download(page, 'Download summary CSV')).rows).filter((r) => r.Scenario === scenario);
}

async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link to this scenario' }).click();
  const box = page.getByRole('textbox', { name: 'Link to this scenario' });
  await box.waitFor();
  return box.inputValue();
}

// The toolbar's button says the count since the file actions moved into one row (`Workbooks in this browser (1)`, part of it for screen readers only).
const kept = async (page: Page) => (await page.getByRole('button', { name: /^Workbooks in this browser \(\d+\)$/ }).textContent())!.replace(/\s+/g, ' ').trim();

describe('a scenario shared by link', () => {
  it('opens in a browser that has never seen it with the same figures, as a shared copy that can be kept', async () => {
    const { context, page, seen } = await openExample(env);
    // The clipboard may refuse the page: the link is in its box either way.
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.keyboard.type('Half recruited');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Half recruited at a glance' }).waitFor();
    await page.getByRole('textbox', { name: 'Recruitment %' }).fill('50');
    await page.getByRole('textbox', { name: 'Recruitment %' }).press('Tab');
    const headline = page.getByRole('region', { name: 'Half recruited at a glance' });
    await headline.getByText('£289,012', { exact: true }).waitFor(); // the years of £578,025.50 / 2, each rounded (£10,364 + £247,555 + £31,093)
    const link = await copyLink(page);
    expect(link.startsWith(`${env.served.url}#share=v1.`)).toBe(true);
    expect(link.length).toBeLessThan(8000);
    await page.getByText(/^(Link copied\. It is also in the box below\.|This browser did not let the page copy the link: copy it from the box below\.)$/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const summary = await summaryOf(page, 'Half recruited');
    expect(summary.length).toBeGreaterThan(0);
    const box = page.getByRole('region', { name: 'Share this scenario' });
    await box.screenshot({ path: '/tmp/share-link-1366.png' });
    await page.setViewportSize({ width: 820, height: 900 });
    await box.screenshot({ path: '/tmp/share-link-820.png' });
    await context.close();

    // Another browser, nothing stored: the shared copy, the same figures, nothing kept yet.
    const other = await newContext(env.browser);
    const page2 = await other.newPage();
    const seen2 = watch(page2, env.served.origin);
    await page2.goto(link);
    const banner = page2.getByRole('region', { name: 'Shared copy' });
    await banner.getByText(/This is a shared copy/).waitFor();
    await page2.getByRole('region', { name: 'Half recruited at a glance' }).getByText('£289,012', { exact: true }).waitFor();
    expect(await summaryOf(page2, 'Half recruited')).toEqual(summary);
    expect(await kept(page2)).toBe('Workbooks in this browser (0)');
    await page2.getByText('Shared copy: not kept in this browser').waitFor();
    expect(await seriousViolations(page2)).toEqual([]);
    await page2.screenshot({ path: '/tmp/share-banner-1366.png' });
    await page2.setViewportSize({ width: 820, height: 900 });
    await page2.screenshot({ path: '/tmp/share-banner-820.png' });

    await banner.getByRole('button', { name: 'Keep a copy in this browser' }).click();
    await page2.getByText('Saved in this browser').waitFor();
    await banner.waitFor({ state: 'detached' });
    // The list follows the save a moment after it.
    await expect.poll(() => kept(page2), { timeout: 5_000 }).toBe('Workbooks in this browser (1)');
    expect(new URL(page2.url()).hash).toBe('');

    await page2.reload();
    await page2.getByRole('heading', { name: 'Care and support planning (October 2017)' }).waitFor();
    await page2.getByText('£578,026', { exact: true }).first().waitFor();
    expect(await page2.getByRole('region', { name: 'Shared copy' }).count()).toBe(0);
    expect(await kept(page2)).toBe('Workbooks in this browser (1)');
    await page2.getByLabel('Scenario', { exact: true }).selectOption('Half recruited');
    await page2.getByRole('region', { name: 'Half recruited at a glance' }).getByText('£289,012', { exact: true }).waitFor();
    expect(seen.consoleErrors).toEqual([]);
    expect(seen2.consoleErrors).toEqual([]);
    await other.close();
  });

  it('a link cut short says so and leaves the workbook kept here as it was; a whole one pasted into the tab opens', async () => {
    const { context, page, seen } = await openExample(env);
    const link = await copyLink(page);
    // Work of this browser's own, kept here, with the service worker in charge of the page.
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Untitled workbook' }).waitFor();
    await page.getByText('Saved in this browser').waitFor();
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.close();

    const page2 = await context.newPage();
    const seen2 = watch(page2, env.served.origin);
    await page2.goto(link.slice(0, -25));
    await page2.getByRole('alert').getByText('This link is damaged or incomplete: it could not be read. Nothing has been changed.').waitFor();
    await page2.getByRole('heading', { name: 'Untitled workbook' }).waitFor();
    expect(await page2.getByRole('region', { name: 'Shared copy' }).count()).toBe(0);
    expect(await kept(page2)).toBe('Workbooks in this browser (1)');
    await page2.getByText('Saved in this browser').waitFor();
    expect(new URL(page2.url()).hash).toBe('');
    expect(await page2.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // The whole link pasted into the open tab's address bar changes only the fragment.
    await page2.evaluate((hash) => void (location.hash = hash), link.slice(link.indexOf('#')));
    const banner = page2.getByRole('region', { name: 'Shared copy' });
    await banner.waitFor();
    await page2.getByRole('heading', { name: 'Care and support planning (October 2017)' }).waitFor();
    // Closing it unkept goes back to the work kept here.
    await banner.getByRole('button', { name: 'Close the shared copy' }).click();
    await page2.getByRole('heading', { name: 'Untitled workbook' }).waitFor();
    expect(await kept(page2)).toBe('Workbooks in this browser (1)');
    await page2.reload();
    await page2.getByRole('heading', { name: 'Untitled workbook' }).waitFor();
    expect(seen.consoleErrors).toEqual([]);
    expect(seen2.consoleErrors).toEqual([]);
    await context.close();
  });
});
