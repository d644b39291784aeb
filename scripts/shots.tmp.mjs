import { chromium } from 'playwright-core';
import { serve } from './serve.js';
const served = await serve({ root: '/tmp/shots/dist' });
const url = typeof served === 'string' ? served : served.url;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h] of [[1366, 768], [1024, 768], [820, 1180], [390, 844]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(url);
  await page.getByText('£578,026', { exact: true }).first().waitFor();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shots/top-${w}.png` });
  await page.screenshot({ path: `/tmp/shots/full-${w}.png`, fullPage: true });
  if (w === 1366) {
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: '/tmp/shots/print.pdf', format: 'A4' });
  }
  await page.close();
}
await browser.close();
process.exit(0);
