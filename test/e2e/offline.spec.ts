// Keeping work: the workbook file, under the strict Content-Security-Policy
// the README recommends; any violation fails the test.
import { describe, expect, it } from 'vitest';
import { download, newContext, STRICT_CSP, twoTabs, watch, useBrowser } from './harness';

const env = useBrowser({ 'content-security-policy': STRICT_CSP });

describe('under a strict Content-Security-Policy', () => {
  it('the app works, draws its charts, and nothing is refused', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const seen = watch(page, env.served.origin);
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(env.served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    // A chart is drawn as it comes near the view (the charts sit below the first screen).
    await page.locator('canvas').first().scrollIntoViewIfNeeded();
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
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.getByRole('textbox', { name: 'Recruitment %' }).fill('50');
    await page.getByRole('textbox', { name: 'Recruitment %' }).press('Tab');
    await page.getByText('£289,012', { exact: true }).first().waitFor();
    await page.getByText('Saved in this browser').waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByText('£289,012', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'Care and support planning (October 2017)' }).waitFor();
    await context.close();
  });
});

describe('two tabs', () => {
  it('never overwrite each other: the second is read-only, follows the first, and takes over when it closes', async () => {
    const { context, first, second } = await twoTabs(env);

    // The second tab refuses a change and says why; the first tab's work stands.
    await second.getByRole('textbox', { name: 'Recruitment %' }).fill('10');
    await second.getByRole('textbox', { name: 'Recruitment %' }).press('Tab');
    await second.getByRole('alert').filter({ hasText: 'open in another tab' }).first().waitFor();

    // The first tab's change reaches the second.
    await first.getByRole('textbox', { name: 'Recruitment %' }).fill('50');
    await first.getByRole('textbox', { name: 'Recruitment %' }).press('Tab');
    await first.getByText('Saved in this browser').waitFor();
    await second.getByText('£289,012', { exact: true }).first().waitFor();

    // Closing the first tab hands over: the second can now change the workbook.
    await first.close();
    await second.getByText('Open in another tab.').waitFor({ state: 'detached' });
    await second.getByRole('textbox', { name: 'Recruitment %' }).fill('100');
    await second.getByRole('textbox', { name: 'Recruitment %' }).press('Tab');
    await second.getByText('£578,026', { exact: true }).first().waitFor();
    await second.getByText('Saved in this browser').waitFor();
    await context.close();
  });
});

describe('closing the browser', () => {
  it('50 ms after an edit keeps the edit: the same profile reopens on it', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { launchProfile } = await import('./harness');
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    let context = await launchProfile(dir);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(env.served.url);
    await page.getByText('£578,026', { exact: true }).first().waitFor();
    await page.getByRole('tab', { name: 'Posts' }).click();
    await page.getByRole('grid', { name: 'Posts' }).getByRole('row', { name: /^Commissioning Officer/ }).getByRole('gridcell').nth(2).click();
    await page.keyboard.type('0.5');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(50);
    await context.close();

    context = await launchProfile(dir);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(env.served.url);
    // 578,025.50 - 26,038 = 551,987.50
    await page.getByRole('region', { name: 'Proposed investment at a glance' }).getByText('£551,988', { exact: true }).waitFor();
    await context.close();
  });
});
