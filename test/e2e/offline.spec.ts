// Keeping work: the workbook file, under the strict Content-Security-Policy
// the README recommends; any violation fails the test.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, launch, newContext, serveDist, watch, type Served } from './harness';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

let browser: Browser;
let served: Served;
beforeAll(async () => {
  [browser, served] = await Promise.all([launch(), serveDist({ 'content-security-policy': STRICT_CSP })]);
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('under a strict Content-Security-Policy', () => {
  it('the app works, draws its charts, and nothing is refused', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const seen = watch(page, served.origin);
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    await expect
      .poll(() => page.locator('canvas').first().evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0)))
      .toBe(true);

    // The workbook file: download it, start afresh, open it again.
    const file = await download(page, 'Download workbook file');
    expect(file.file).toMatch(/\.workbook\.json$/);
    await page.getByRole('button', { name: 'New workbook' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Untitled workbook' }).waitFor();
    await page.getByLabel('Open workbook file').setInputFiles([{ name: 'care.workbook.json', mimeType: 'application/json', buffer: Buffer.from(file.text) }]);
    await page.getByRole('heading', { name: 'Care and support planning (October 2017)' }).waitFor();
    await page.getByText('£578,026', { exact: true }).first().waitFor();

    // A damaged file is refused, and the workbook stays.
    await page.getByLabel('Open workbook file').setInputFiles([{ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"council-scenario-explorer-workbook"') }]);
    await page.getByRole('alert').filter({ hasText: 'This is not a workbook file' }).waitFor();
    expect(await page.getByText('£578,026', { exact: true }).count()).toBeGreaterThan(0);

    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('with no network', () => {
  it('opens again after one visit, from the sub-path, with the work that was saved', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.getByRole('spinbutton', { name: 'Recruitment %' }).fill('50');
    await page.getByRole('spinbutton', { name: 'Recruitment %' }).press('Tab');
    await page.getByText('£289,013', { exact: true }).first().waitFor();
    await page.getByText('Saved in this browser').waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByText('£289,013', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'Care and support planning (October 2017)' }).waitFor();
    await context.close();
  });
});
