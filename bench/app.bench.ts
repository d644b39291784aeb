// `npm run bench`, in Chromium: what a person waits for in the built app,
// served from a sub-path as a council would, at 1,000 and 10,000 posts with
// five scenarios. Each time runs from the event that starts it (a key, a
// click, a file chosen) to the DOM showing the figure the pure model expects.
// Printed and written to bench/out/app.json for docs/PERFORMANCE.md; nothing
// here is asserted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFigures } from './out';
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, newContext, serveDist, STRICT_CSP } from '../test/e2e/harness';
import { costWorkbook } from '../src/model/costing';
import { headline } from '../src/model/headline';
import { formatPounds } from '../src/model/money';
import { scenariosCsv } from '../src/io/scenarios-sheet';
import { applyImport, previewImport } from '../src/io/import';
import { emptyWorkbook, type Workbook } from '../src/model/workbook';
import { BENCH_SCENARIOS, syntheticCsv } from './synthetic';
import { POSTS } from '../src/state/sheet-columns';

export interface AppFigures {
  browser: string;
  js: { firstPaintKb: number; totalKb: number; files: number };
  coldLoad: { firstPaintMs: number; figuresMs: number; longestTaskMs: number };
  sizes: { posts: number; steps: { what: string; ms: number; longestTaskMs: number }[]; memoryMb: number }[];
}

const dist = new URL('../dist/', import.meta.url);

/** Gzipped JavaScript the first paint needs (the entry and what it imports statically), and all of it. */
function javascript(): AppFigures['js'] {
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  const first = new Set<string>();
  const visit = (file: string) => {
    if (first.has(file)) return;
    first.add(file);
    const code = readFileSync(new URL(file, dist), 'utf8');
    // Static imports only (`import ... from "./x.js"`); dynamic `import("./x.js")` loads after.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{},\s$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  for (const m of html.matchAll(/(?:src|href)="[^"]*?(assets\/[^"]+\.js)"/g)) visit(m[1]);
  const gz = (file: string) => gzipSync(readFileSync(new URL(file, dist))).length / 1024;
  const all = readdirSync(new URL('assets/', dist)).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const sw = statSync(new URL('sw.js', dist), { throwIfNoEntry: false }) ? ['sw.js'] : [];
  return {
    firstPaintKb: [...first].reduce((sum, f) => sum + gz(f), 0),
    totalKb: [...all, ...sw].reduce((sum, f) => sum + gz(f), 0),
    files: all.length,
  };
}

/** Long tasks and the time of the last user event, recorded in the page. */
const INSTRUMENT = `
  window.__long = [];
  window.__tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__long.push(e.duration); window.__tasks.push([e.startTime, e.duration]); } }).observe({ type: 'longtask', buffered: true });
  window.__t0 = 0;
  for (const type of ['keydown', 'click']) addEventListener(type, (e) => { if (e.isTrusted) window.__t0 = e.timeStamp; }, true);
  // Files chosen: the file input's change (a script sets the files, so the event is not marked trusted).
  addEventListener('change', (e) => { if (e.target instanceof HTMLInputElement && e.target.type === 'file') window.__t0 = e.timeStamp; }, true);
`;

/**
 * Resolves once an element matching `selector` has exactly `text` (or, with
 * `text` null, once one is there again after none was); gives ms since the
 * last user event.
 */
async function until(page: Page, selector: string, text: string | null, start: () => Promise<unknown>, timeout = 120_000): Promise<{ ms: number; longestTaskMs: number }> {
  await page.evaluate(
    ([selector, text]: [string, string | null]) => {
      const w = window as unknown as { __done: number | null; __long: number[] };
      w.__done = null;
      w.__long.length = 0;
      (window as unknown as { __tasks: unknown[] }).__tasks.length = 0;
      let gone = false;
      const seen = () => {
        const all = [...document.querySelectorAll(selector)];
        if (text !== null) return all.some((e) => e.textContent?.trim() === text);
        gone ||= all.length === 0;
        return gone && all.length > 0;
      };
      const observer = new MutationObserver(() => {
        if (w.__done === null && seen()) {
          w.__done = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [selector, text] as [string, string | null],
  );
  await start();
  await page.waitForFunction(() => (window as unknown as { __done: number | null }).__done !== null, undefined, { timeout, polling: 50 });
  // Let a long task that ends after the DOM update be counted too.
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    // Tasks begun after the person's action: not the test driver's own (setting the files is a task of Playwright's).
    const w = window as unknown as { __done: number; __t0: number; __tasks: [number, number][] };
    return { ms: w.__done - w.__t0, longestTaskMs: Math.max(0, ...w.__tasks.filter(([start]) => start >= w.__t0 - 1).map(([, duration]) => duration)) };
  });
}

/**
 * Once the "Checking these figures" mark is gone: ms since the last user
 * event, and the longest task since. Where it is gone already (a small
 * workbook shows the engine's figures first), the figures shown were the engine's.
 */
async function checked(page: Page, shown: { ms: number; longestTaskMs: number }): Promise<{ ms: number; longestTaskMs: number }> {
  if ((await page.locator('.note.checking').count()) === 0) return { ms: shown.ms, longestTaskMs: shown.longestTaskMs };
  await page.locator('.note.checking').waitFor({ state: 'detached', timeout: 600_000 });
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const w = window as unknown as { __t0: number; __tasks: [number, number][] };
    const done = performance.now() - 200;
    return { ms: done - w.__t0, longestTaskMs: Math.max(0, ...w.__tasks.filter(([start]) => start >= w.__t0 - 1).map(([, duration]) => duration)) };
  });
}

const implementationCost = (wb: Workbook, scenario: string) => formatPounds(headline(costWorkbook(wb), scenario).implementationCost);
const HEADLINE_COST = 'section[aria-labelledby="headline-heading"] dd button.amount';

it('measures the app in Chromium', async () => {
  const browser = await launch();
  // Served as the README recommends; and cross-origin isolated too, so a page may measure its memory, workers and all.
  const plain = await serveDist();
  const served = await serveDist({ 'content-security-policy': STRICT_CSP, 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
  const figures: AppFigures = { browser: `Chromium ${browser.version()}`, js: javascript(), coldLoad: { firstPaintMs: 0, figuresMs: 0, longestTaskMs: 0 }, sizes: [] };
  try {
    // Cold load, three times: a new profile each time, nothing cached. The median of each.
    const loads: AppFigures['coldLoad'][] = [];
    for (let run = 0; run < 3; run++) {
      const context = await newContext(browser);
      await context.addInitScript(INSTRUMENT);
      // The clock stops when the figures are in the page, timed by the page itself: Playwright's own check
      // is answered late while the page draws what lies below them, which is the driver's wait, not the person's.
      await context.addInitScript(`
        new MutationObserver((_, observer) => {
          if ([...document.querySelectorAll(${JSON.stringify(HEADLINE_COST)})].some((e) => e.textContent?.trim() === '£578,026')) {
            window.__figuresAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true, characterData: true });
      `);
      const page = await context.newPage();
      await page.goto(plain.url);
      await page.locator(HEADLINE_COST).filter({ hasText: '£578,026' }).waitFor();
      loads.push(
        await page.evaluate(() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
          const w = window as unknown as { __tasks: [number, number][]; __figuresAt: number };
          // The longest task before the figures were in the page.
          return { firstPaintMs: paint, figuresMs: w.__figuresAt, longestTaskMs: Math.max(0, ...w.__tasks.filter(([start]) => start < w.__figuresAt).map(([, duration]) => duration)) };
        }),
      );
      await context.close();
    }
    const mid = (pick: (l: AppFigures['coldLoad']) => number) => loads.map(pick).sort((a, b) => a - b)[1];
    figures.coldLoad = { firstPaintMs: mid((l) => l.firstPaintMs), figuresMs: mid((l) => l.figuresMs), longestTaskMs: mid((l) => l.longestTaskMs) };

    for (const posts of (process.env.SIZES ?? '100,1000,10000,25000').split(',').map(Number)) {
      const csv = syntheticCsv(posts);
      const files = [
        ...Object.entries(csv).map(([name, text]) => ({ name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text) })),
        { name: 'scenarios.csv', mimeType: 'text/csv', buffer: Buffer.from(scenariosCsv(BENCH_SCENARIOS)) },
      ];
      // What the app should show, worked out by the pure model from the same files.
      let wb = applyImport(emptyWorkbook('bench'), previewImport(files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) })), emptyWorkbook('bench')));
      const steps: AppFigures['sizes'][number]['steps'] = [];
      const context = await newContext(browser);
      await context.addInitScript(INSTRUMENT);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(String(e)));
      await page.goto(served.url);
      await page.locator(HEADLINE_COST).filter({ hasText: '£578,026' }).waitFor();
      await page.getByRole('button', { name: 'New workbook' }).click();
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('heading', { name: 'Untitled workbook' }).waitFor();

      const read = await until(page, 'dialog h2', 'Check the import', () => page.getByLabel('Import CSV or Excel files').setInputFiles(files));
      steps.push({ what: 'import: files chosen to the preview', ...read });
      const shown = await until(page, HEADLINE_COST, implementationCost(wb, 'Proposed investment'), () => page.getByRole('button', { name: 'Import', exact: true }).click());
      steps.push({ what: 'import: Import pressed to every figure shown', ...shown });
      // The figures first shown are the model's, marked as being checked: the engine's (of record) follow.
      steps.push({ what: "import: Import pressed to the engine's figures (the mark gone)", ...(await checked(page, steps.at(-1)!)) });
      steps.push({ what: 'import: CSV to every figure (both, without the person)', ms: read.ms + shown.ms, longestTaskMs: Math.max(read.longestTaskMs, shown.longestTaskMs) });

      // Post edits: the FTE of the first post whose edit moves the headline, typed into the Posts grid;
      // the first after the import, then the median of three more.
      const before = implementationCost(wb, 'Proposed investment');
      const edited = (i: number, fte: number): Workbook => ({ ...wb, posts: wb.posts.map((p, j) => (j === i ? { ...p, fte } : p)) });
      const index = wb.posts.findIndex((_, i) => i < 20 && implementationCost(edited(i, 2.5), 'Proposed investment') !== before);
      await page.getByRole('tab', { name: 'Posts' }).click();
      const grid = page.getByRole('grid', { name: 'Posts' });
      await grid.getByRole('row').nth(index + 1).getByRole('gridcell').nth(2).click();
      const edits: { ms: number; longestTaskMs: number }[] = [];
      for (const fte of [2.5, 3.5, 1.5, 2.25]) {
        if (edits.length) await page.keyboard.press('ArrowUp'); // Enter moved down a row
        await page.keyboard.type(String(fte));
        wb = edited(index, fte);
        edits.push(await until(page, HEADLINE_COST, implementationCost(wb, 'Proposed investment'), () => page.keyboard.press('Enter')));
      }
      steps.push({ what: 'one post edit (FTE) to every figure, the first after the import', ...edits[0] });
      const later = edits.slice(1).sort((a, b) => a.ms - b.ms);
      steps.push({ what: 'one post edit (FTE) to every figure, later (median of three)', ms: later[1].ms, longestTaskMs: Math.max(...later.map((e) => e.longestTaskMs)) });

      // A post inserted below the edited one, then deleted: rows in and out of the engine, the model's figures meanwhile.
      await grid.getByRole('row').nth(index + 1).getByRole('gridcell').nth(2).click(); // Enter left the row below active
      const blank = POSTS.blank(wb);
      wb = { ...wb, posts: [...wb.posts.slice(0, index + 1), blank, ...wb.posts.slice(index + 1)] };
      steps.push({ what: 'a post inserted in the Posts grid to every figure shown', ...(await until(page, HEADLINE_COST, implementationCost(wb, 'Proposed investment'), () => page.getByRole('button', { name: `Insert a row below row ${index + 1}` }).click())) });
      steps.push({ what: "a post inserted in the Posts grid to the engine's figures", ...(await checked(page, steps.at(-1)!)) });
      await grid.getByRole('row').nth(index + 2).getByRole('gridcell').nth(2).click();
      wb = { ...wb, posts: [...wb.posts.slice(0, index + 1), ...wb.posts.slice(index + 2)] };
      steps.push({ what: 'a post deleted in the Posts grid to every figure shown', ...(await until(page, HEADLINE_COST, implementationCost(wb, 'Proposed investment'), () => page.getByRole('button', { name: `Delete row ${index + 2} of Posts` }).click())) });
      steps.push({ what: "a post deleted in the Posts grid to the engine's figures", ...(await checked(page, steps.at(-1)!)) });

      // One assumption: the pay award, typed and left with Tab.
      const field = page.getByLabel('Pay award a year (%)');
      await field.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('4');
      wb = { ...wb, assumptions: { ...wb.assumptions, payAward: 0.04 } };
      steps.push({ what: 'one assumption change (pay award) to every figure', ...(await until(page, HEADLINE_COST, implementationCost(wb, 'Proposed investment'), () => page.keyboard.press('Tab'))) });

      // Scenario switch: the figures, then the switching values and tornado.
      // By keyboard, as selectOption's events are not the person's own: Proposed investment, then Half recruited.
      await page.getByLabel('Scenario', { exact: true }).focus();
      // Let the search the assumption change started finish first.
      await page.locator('.switching li').first().waitFor({ timeout: 120_000 });
      steps.push({ what: 'scenario switch to its figures', ...(await until(page, HEADLINE_COST, implementationCost(wb, 'Half recruited'), () => page.keyboard.press('ArrowDown'))) });
      // The switching values (and tornado) of the scenario now open: searched by the pure model in its own worker.
      steps.push({ what: 'scenario switch to switching values and tornado', ...(await until(page, '.switching li', null, () => page.keyboard.press('ArrowDown'))) });

      // A start delay no other scenario has, set the first time: the open scenario's slider a month on (by key, as a person moves it).
      // The engine writes its delayed sums for the first time; the page may show the model's figures meanwhile.
      await page.locator('.switching li').first().waitFor({ timeout: 120_000 });
      const open = await page.getByLabel('Scenario', { exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0].text);
      const delayed = { ...wb, scenarios: (wb.scenarios ?? []).map((sc) => (sc.name === open ? { ...sc, overrides: { ...sc.overrides, startDelay: 1 } } : sc)) };
      if (implementationCost(delayed, open) === implementationCost(wb, open)) throw new Error(`A month of delay leaves ${open}'s headline as it was: this step would time nothing.`);
      wb = delayed;
      await page.getByRole('slider', { name: 'Start delay (months)' }).focus();
      steps.push({ what: 'a start delay no other scenario has, first set, to every figure shown', ...(await until(page, HEADLINE_COST, implementationCost(wb, open), () => page.keyboard.press('ArrowRight'))) });
      steps.push({ what: "a start delay no other scenario has, first set, to the engine's figures", ...(await checked(page, steps.at(-1)!)) });

      // Export of the summary: the click to the file (the choices opened first, untimed).
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const t0 = Date.now();
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download summary CSV' }).click()]);
      steps.push({ what: 'export of the summary (click to file)', ms: Date.now() - t0, longestTaskMs: await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long)) });

      // The page's memory, its workers' included, as Chromium measures it (after a collection).
      const memoryMb = await page.evaluate(async () => {
        const measure = (performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }).measureUserAgentSpecificMemory;
        return measure && crossOriginIsolated ? (await measure.call(performance)).bytes / 2 ** 20 : NaN;
      });
      figures.sizes.push({ posts, steps, memoryMb });
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
    await plain.close();
  }
  writeFigures('app', figures);
  console.log(JSON.stringify(figures, null, 2));
});
