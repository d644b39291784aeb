// Launches Debian's Chromium (no browser downloads work here) and serves the
// built dist/ from a sub-path, as a council web server would.
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseCsv } from '../../src/io/csv';
// @ts-expect-error: a plain ES module without types
import { serve } from '../../scripts/serve.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BASE = '/finance/scenarios/';

// This machine's network is closed: stop Chromium reaching for Google's services.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A browser with a profile on disk, to close and open again as a person would. */
export function launchProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1366, height: 900 }, acceptDownloads: true });
}

export interface Served {
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/** The policy the README recommends: every spec is served under it, so any violation (a console error) fails it. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

export async function serveDist(headers: Record<string, string> = { 'content-security-policy': STRICT_CSP }): Promise<Served> {
  if (!existsSync(new URL('../../dist/index.html', import.meta.url))) throw new Error('dist/ is missing: run `npm run build` first');
  const { server, url } = await serve({ base: BASE, headers });
  return { url, origin: new URL(url).origin, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Every console error and every request that leaves the page's origin, for a test to assert on. */
export function watch(page: Page, origin: string) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => {
    // A Content-Security-Policy violation is reported here too ("Refused to ...").
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) foreignRequests.push(u);
  });
  return { consoleErrors, foreignRequests };
}

export async function newContext(browser: Browser, width = 1366, height = 900): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: 'en-GB' });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A file action's button, opening `Export` first where the button sits behind it (the contract allows either). */
export async function fileButton(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.count()) === 0) await page.getByRole('button', { name: 'Export', exact: true }).click();
  return button;
}

export async function download(page: Page, name: string): Promise<{ file: string; text: string; rows: string[][] }> {
  const button = await fileButton(page, name);
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = readFileSync((await dl.path())!, 'utf8');
  return { file: dl.suggestedFilename(), text, rows: parseCsv(text).rows };
}

/** Column by header name, so the test does not depend on column order. */
export function table(rows: string[][]) {
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export async function seriousViolations(page: Page) {
  // Evaluated, not added as an inline <script>: the page's strict CSP (rightly) refuses those.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    if (result.passes.length === 0) return ['axe ran no checks'];
    return result.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  });
}


/** One browser and one server for a spec file, started before its tests and stopped after. */
export function useBrowser(headers?: Record<string, string>): { browser: Browser; served: Served } {
  const shared = {} as { browser: Browser; served: Served };
  beforeAll(async () => {
    [shared.browser, shared.served] = await Promise.all([launch(), serveDist(headers)]);
  });
  afterAll(async () => {
    await shared.browser?.close();
    await shared.served?.close();
  });
  return shared;
}

/** A fresh browser context on the built-in example, its headline shown. */
export async function openExample(env: { browser: Browser; served: Served }, width?: number, height?: number) {
  const context = await newContext(env.browser, width, height);
  const page = await context.newPage();
  const seen = watch(page, env.served.origin);
  await page.goto(env.served.url);
  const headline = page.getByRole('region', { name: 'Proposed investment at a glance' });
  await headline.getByText('£578,026', { exact: true }).waitFor();
  return { context, page, seen, headline };
}

/**
 * A fresh browser context on the app, with a New workbook open (nothing in it
 * yet); `onContext` sees the context before the page opens (to record requests).
 */
export async function newWorkbook(env: { browser: Browser; served: Served }, onContext?: (context: BrowserContext) => void): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const context = await newContext(env.browser);
  onContext?.(context);
  const page = await context.newPage();
  const seen = watch(page, env.served.origin);
  await page.goto(env.served.url);
  await page.getByText('£578,026', { exact: true }).first().waitFor();
  await page.getByRole('button', { name: 'New workbook' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Untitled workbook' }).waitFor();
  return { page, close: () => context.close(), errors: seen.consoleErrors };
}

/** Chooses files in the import control and waits for the preview. */
export async function importFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.getByLabel('Import CSV or Excel files').setInputFiles(files);
  const dialog = page.getByRole('dialog', { name: 'Check the import' });
  await dialog.waitFor();
  return dialog;
}

/** Two tabs of the app in one browser: the first is the writer, the second is read-only and says so. */
export async function twoTabs(env: { browser: Browser; served: Served }): Promise<{ context: BrowserContext; first: Page; second: Page }> {
  const context = await newContext(env.browser);
  const first = await context.newPage();
  await first.goto(env.served.url);
  await first.getByText('£578,026', { exact: true }).first().waitFor();
  const second = await context.newPage();
  await second.goto(env.served.url);
  await second.getByText('Open in another tab.').waitFor();
  return { context, first, second };
}

/**
 * A sheet's grid cell as "row:col" (from 0, below the header row), read from its row's and its own ARIA indexes as a
 * screen reader reads them: the focused element, or the first that `selector` finds; undefined if it is no cell.
 */
export function gridCellAt(page: Page, selector?: string): Promise<string | undefined> {
  return page.evaluate((selector) => {
    const el = selector ? document.querySelector(selector) : document.activeElement;
    if (el?.getAttribute('role') !== 'gridcell') return undefined;
    return `${Number(el.parentElement?.getAttribute('aria-rowindex')) - 2}:${Number(el.getAttribute('aria-colindex')) - 1}`;
  }, selector);
}

/**
 * In the built-in example, the Commissioning Officer made half time on the Posts sheet by keyboard, and the headline
 * followed: 1 FTE of Band C (£52,076) for a year is now half, 578,025.50 - 26,038 = 551,987.50.
 */
export async function halfTimeOfficer(page: Page, headline: Locator): Promise<void> {
  await page.getByRole('tab', { name: 'Posts' }).click();
  const officer = page.getByRole('grid', { name: 'Posts' }).getByRole('row', { name: /^Commissioning Officer/ });
  await officer.getByRole('gridcell').nth(2).click();
  await page.keyboard.type('0.5');
  await page.keyboard.press('Enter');
  await headline.getByText('£551,988', { exact: true }).waitFor();
}
