import { chromium } from 'playwright-core';
import { serve } from './serve.js';
const served = await serve({ root: '/tmp/shots/dist' });
const url = typeof served === 'string' ? served : served.url;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h] of [[1366, 900], [820, 1180]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(url);
  await page.getByText('£578,026', { exact: true }).first().waitFor();
  const total = await page.evaluate(() => document.body.scrollHeight);
  for (let y = h, i = 1; y < total && i < 9; y += h, i++) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/shots/s${w}-${i}.png` });
  }
  await page.close();
}
await browser.close();
process.exit(0);
