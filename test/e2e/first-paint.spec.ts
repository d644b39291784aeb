// What the page's first paint waits for: the entry script and what it imports
// statically. The parts below the first screen, the dialogs and the printed
// appendix load after it (src/ui/parts.ts, App.svelte), so their code is not
// in those files. Their sizes are measured by `npm run bench`, never asserted.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { BENCH_SCENARIOS, syntheticCsv } from '../../bench/synthetic';
import { scenariosCsv } from '../../src/io/scenarios-sheet';
import { importFiles, newContext, newWorkbook, useBrowser } from './harness';

const env = useBrowser();

const dist = new URL('../../dist/', import.meta.url);

/** The entry's code and every file it imports statically (`import ... from "./x.js"`; a dynamic `import()` loads after). */
function firstPaintCode(): string {
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const code = readFileSync(new URL(file, dist), 'utf8');
    seen.set(file, code);
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{},\s$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  for (const m of html.matchAll(/src="[^"]*?(assets\/[^"]+\.js)"/g)) visit(m[1]);
  return [...seen.values()].join('\n');
}

it('paints first without the parts below the first screen, the dialogs or the printed appendix', () => {
  const code = firstPaintCode();
  expect(code).toContain('Print for committee'); // the toolbar is there
  for (const words of ['below the dark zero line is a saving', 'Risk: how likely it beats doing nothing', 'How this figure is made', 'Link to this scenario', 'Check the import']) {
    expect(code.includes(words), words).toBe(false);
  }
});

it('draws the year-by-year tables of newly imported scenarios one to a task, so none keeps the page busy for long', async () => {
  const { page, close, errors } = await newWorkbook(env);
  // Each batch of DOM changes a task made reaches a MutationObserver in one call: count the new year tables in each.
  await page.evaluate(() => {
    const w = window as unknown as { __batches: number[] };
    w.__batches = [];
    new MutationObserver((records) => {
      let tables = 0;
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) tables += (n.matches('table.year-grid') ? 1 : 0) + n.querySelectorAll('table.year-grid').length;
      if (tables) w.__batches.push(tables);
    }).observe(document.body, { subtree: true, childList: true });
  });
  const csv = syntheticCsv(100);
  const files = [
    ...Object.entries(csv).map(([name, text]) => ({ name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text) })),
    { name: 'scenarios.csv', mimeType: 'text/csv', buffer: Buffer.from(scenariosCsv(BENCH_SCENARIOS)) },
  ];
  const dialog = await importFiles(page, files);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const tables = page.locator('table.year-grid');
  // Do nothing and Proposed investment, and the bench's own three.
  await expect.poll(() => tables.count(), { timeout: 30_000 }).toBe(2 + BENCH_SCENARIOS.length);
  const batches = await page.evaluate(() => (window as unknown as { __batches: number[] }).__batches);
  expect(batches.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(BENCH_SCENARIOS.length) // the three new ones at least;
  expect(Math.max(...batches)).toBe(1);
  expect(errors).toEqual([]);
  await close();
});

it('says so when part of the page cannot be loaded, and keeps the figures on screen', async () => {
  // Offline, or a page older than the files now served: the parts below the first screen and the appendix never arrive.
  const context = await newContext(env.browser);
  await context.route(/\/assets\/(parts|CommitteePrint)-[^/]*\.js$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(env.served.url);
  await page.getByRole('alert').filter({ hasText: 'Part of this page could not be loaded' }).waitFor();
  await page.locator('section[aria-labelledby="headline-heading"]').getByText('£578,026').first().waitFor();
  await context.close();
});
