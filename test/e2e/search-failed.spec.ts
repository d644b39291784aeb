// The switching values' search can fail (its worker lost, or its script not
// loaded after a new version went up): the page says why where the values go,
// rather than "in a moment" for ever, and a button asks again.
import { describe, expect, it } from 'vitest';
import { newContext, seriousViolations, useBrowser } from './harness';

const env = useBrowser();

describe('switching values whose search failed', () => {
  it('say why in their place, and are worked out when asked again', async () => {
    const context = await newContext(env.browser);
    // The analysis worker's script refused, as when it cannot be loaded; the engine's is not touched.
    let refuse = true;
    await context.route(/analysis-worker[^/]*\.js$/, (route) => (refuse ? route.abort() : route.continue()));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(env.served.url);
    await page.getByRole('region', { name: 'Proposed investment at a glance' }).getByText('£578,026', { exact: true }).waitFor();
    const section = page.getByRole('region', { name: 'What would change the answer' });
    const alert = section.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 20_000 }).toMatch(/^The switching values for Proposed investment could not be worked out\. The analysis stopped/);
    expect(await section.getByText('Being worked out', { exact: false }).count()).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/search-failed.png' });
    expect(await seriousViolations(page)).toEqual([]);

    refuse = false;
    await section.getByRole('button', { name: 'Work them out again' }).click();
    await section.locator('ul.switching li').first().waitFor({ timeout: 20_000 });
    expect(await alert.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
