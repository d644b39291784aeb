// The committee's appendix: the page printed, as the browser's Print or the
// `Print for committee` button gives it, on A4 portrait.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { halfTimeOfficer, newContext, openExample, useBrowser, watch } from './harness';

const env = useBrowser();

/** Pages in a PDF: each page object says `/Type /Page` (the page tree says `/Pages`). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

describe('the committee’s printed appendix', () => {
  it('prints the example on at most three A4 pages, with no controls, and the headline, comparison and net cost chart', async () => {
    const { context, page, seen } = await openExample(env);
    // The switching values come from the analysis worker a moment after the figures.
    await page.getByText(/Proposed investment still beats doing nothing while savings delivery stays above/).first().waitFor();

    // The button asks the browser to print (the dialog itself cannot be driven headless).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Print for committee' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // On screen the appendix is not there to be found: each sentence is on the page once.
    const minutes = page.getByText(/^Proposed investment: the proposal as reported\./);
    expect(await minutes.count()).toBe(1);

    await page.emulateMedia({ media: 'print' });
    // The appendix writes its words when the page goes on paper (a change of media the page hears a moment later).
    await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 10_000 }).toMatch(/In words, for the minutes/);
    const shown = await page.evaluate(() => {
      const visible = (e: Element) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && e.getBoundingClientRect().width > 1 && e.getBoundingClientRect().height > 1;
      const controls = [...document.querySelectorAll('button, input, select, textarea, label.button, [role="slider"], [role="grid"], [role="tab"], .grid')].filter(visible);
      return { controls: controls.map((e) => `${e.tagName.toLowerCase()} ${e.textContent?.trim().slice(0, 40) || e.getAttribute('aria-label') || ''}`), text: document.body.innerText };
    });
    expect(shown.controls).toEqual([]);
    expect(shown.text).toContain('£578,026');
    // The net over the horizon as the headline states it (£2,808,000 - £578,026), in the comparison and the net cost table too: never the exact £2,229,974.50 rounded alone.
    expect(shown.text).toContain('(£2,229,974)');
    expect(shown.text).not.toContain('2,229,975');
    expect(shown.text).toMatch(/Against Do nothing/);
    expect(shown.text).toMatch(/Net cost by year/);
    expect(shown.text).toMatch(/In words, for the minutes/);
    expect(shown.text).toMatch(/still beats doing nothing while savings delivery stays above/);
    expect(shown.text).toContain(new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }));

    // The net cost chart is drawn, at the width of the page, under its heading.
    const chart = page.getByRole('img', { name: /net cost per year for each scenario/i }).filter({ visible: true });
    expect(await chart.count()).toBe(1);
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(500);
    const inked = await chart.evaluate((el) => {
      const c = el.querySelector('canvas')!;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(1000);

    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync('/tmp/print-appendix.pdf', pdf); // to look at: pdftoppm -png /tmp/print-appendix.pdf
    expect(pageCount(pdf)).toBeGreaterThan(0);
    expect(pageCount(pdf)).toBeLessThanOrEqual(3);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => minutes.count()).toBe(1);
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('draws its chart only when printing starts, in the print event’s own task, and again only for new figures', async () => {
    // At three times the pixels the appendix's chart is the page's costliest to draw: not for every change on screen.
    const { context, page, headline } = await openExample(env);
    await page.locator('.committee-print').waitFor({ state: 'attached' });
    // chart.js is loaded for it ahead, once the page is idle.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/assets\/chart-[^/]*\.js$/.test(r.name)))).toBe(true);
    await page.waitForTimeout(1000);
    const paper = page.locator('.committee-print canvas');
    const inked = (c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.filter((v, i) => i % 4 === 3 && v > 0).length;
    expect(await paper.evaluate(inked)).toBe(0);
    // The browser lays out the printed pages as soon as its print event's handlers return: the chart is drawn by then.
    const printed = () =>
      paper.evaluate((c: HTMLCanvasElement) => {
        dispatchEvent(new Event('beforeprint'));
        return c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.filter((v, i) => i % 4 === 3 && v > 0).length;
      });
    expect(await printed()).toBeGreaterThan(1000);
    const first = await paper.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));

    // An edit on screen leaves it as it was; the next print draws the new figures.
    await halfTimeOfficer(page, headline);
    await page.waitForTimeout(500);
    expect(await paper.evaluate((c: HTMLCanvasElement) => c.toDataURL())).toBe(first);
    await printed();
    expect(await paper.evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(first);
    await context.close();
  });

  it('prints the appendix from the browser’s own menu even when printing began before it loaded', async () => {
    // The appendix loads once the first figures are on screen and the page is idle: a page already on paper by then still gets its words.
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const seen = watch(page, env.served.origin);
    await page.emulateMedia({ media: 'print' });
    await page.goto(env.served.url);
    await page.locator('.committee-print').waitFor({ state: 'attached' });
    await expect.poll(() => page.evaluate(() => document.body.innerText)).toMatch(/In words, for the minutes/);
    expect(await page.evaluate(() => document.body.innerText)).toContain('£578,026');
    // Its chart too, once chart.js has loaded.
    await expect.poll(() => page.locator('.committee-print canvas').evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0))).toBe(true);
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('printing while the figures are being checked', () => {
  it('says on paper that the figures are the app’s own, not yet checked by the engine', async () => {
    // The engine's worker held back: the page shows the app's own figures, marked as being checked.
    const context = await newContext(env.browser);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await context.route(/\/assets\/worker-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(env.served.url);
    await page.getByRole('status').filter({ hasText: 'Checking these figures…' }).waitFor();
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: 'Print for committee' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.evaluate(() => document.body.innerText), { timeout: 10_000 }).toMatch(/printed before the formula engine had finished checking them/);
    expect(await page.evaluate(() => document.body.innerText)).toContain('£578,026');
    release();
    await context.close();
  });
});
