import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { inProcessEngine } from '../../test/in-process';
import { summaryCsv } from '../io/export';
import { WorkbookStore } from '../store/db';
import { Library } from './library.svelte';
import { AppState } from './app.svelte';
import { ScenarioState } from './scenarios.svelte';
import { ShareState, type Address } from './shared.svelte';

const BASE = 'https://council.example/finance/scenarios/';

/** The page's address bar and clipboard, as a browser that may refuse the clipboard. */
function address(hash = '', clipboard: 'allowed' | 'refused' = 'allowed') {
  const page = { href: BASE + hash, copied: [] as string[] };
  const api: Address = {
    href: () => page.href,
    forget: () => void (page.href = BASE),
    copy: async (text) => {
      if (clipboard === 'refused') throw new DOMException('Write permission denied.', 'NotAllowedError');
      page.copied.push(text);
    },
  };
  return { page, api };
}

/** One browser's app: a store of its own, and the page's parts as main.ts composes them. */
function browser(store: string, hash = '', clipboard: 'allowed' | 'refused' = 'allowed') {
  const kept = new WorkbookStore(store);
  const app = new AppState(inProcessEngine, kept);
  const library = new Library(app, kept);
  const scenarios = new ScenarioState(app);
  const { page, api } = address(hash, clipboard);
  return { app, library, scenarios, page, share: new ShareState(app, scenarios, api) };
}

const staff = (app: AppState, scenario: string) => app.results!.scenarios.find((s) => s.name === scenario)!.totals.staff;

/** The first browser: the example, a scenario of its own (half the posts filled), and its link. */
async function sharedFrom(store: string) {
  const first = browser(store);
  await first.share.start(carePlanningWorkbook);
  await first.scenarios.create('Half recruited');
  await first.scenarios.setValue('recruitment', 0.5);
  await first.share.copy();
  return first;
}

// Each test costs the example two or three times in-process: slow on a busy machine.
describe('a scenario shared by link', { timeout: 30_000 }, () => {
  it('copies a link to the open scenario and shows it, and a refused clipboard is no error', async () => {
    const first = await sharedFrom('share-copy');
    expect(first.share.link).toMatch(/^https:\/\/council\.example\/finance\/scenarios\/#share=v1\./);
    expect(first.page.copied).toEqual([first.share.link]);
    expect(first.share.note).toBe('Link copied. It is also in the box below.');

    const refused = browser('share-refused', '', 'refused');
    await refused.share.start(carePlanningWorkbook);
    await refused.share.copy();
    expect(refused.share.link).toMatch(/#share=v1\./);
    expect(refused.share.note).toBe('This browser did not let the page copy the link: copy it from the box below.');
    expect(refused.app.error).toBeNull();
  });

  it('the link shown is the one for the scenario and workbook as they are: a later change hides it until copied again', async () => {
    const first = await sharedFrom('share-stale');
    expect(first.share.link).not.toBeNull();
    await first.scenarios.setValue('recruitment', 0.25);
    expect(first.share.link).toBeNull();
    await first.share.copy();
    expect(first.share.link).not.toBeNull();
    first.scenarios.choose('Do nothing');
    expect(first.share.link).toBeNull();
  });

  it('opens in a browser that has never seen the workbook with the same figures, marked as a shared copy, and writes nothing there', async () => {
    const first = await sharedFrom('share-from');
    const link = first.share.link!;
    const other = browser('share-fresh', link.slice(link.indexOf('#')));
    await other.share.start(carePlanningWorkbook);
    expect(other.app.shared).toBe(true);
    expect(other.scenarios.open).toBe('Half recruited');
    // Half of the proposal's staff cost of £578,025.50 (the report's £578,026 less its £0.50 of rounding).
    expect(staff(other.app, 'Half recruited')).toBeCloseTo(578025.5 / 2, 2);
    expect(summaryCsv(other.app.results!)).toBe(summaryCsv(first.app.results!));
    expect(other.app.workbook).toEqual(first.app.workbook);

    // A change to the shared copy is made, and not written to this browser.
    await other.scenarios.setValue('recruitment', 1);
    expect(staff(other.app, 'Half recruited')).toBeCloseTo(578025.5, 2);
    expect(await new WorkbookStore('share-fresh').list()).toEqual([]);
    expect(await new WorkbookStore('share-fresh').lastOpen()).toBeNull();
  });

  it('“Keep a copy in this browser” stores it as a new workbook, which reopens after a reload', async () => {
    const first = await sharedFrom('share-keep-from');
    const link = first.share.link!;
    const other = browser('share-keep', link.slice(link.indexOf('#')));
    await other.share.start(carePlanningWorkbook);
    await other.share.keep();
    expect(other.app.shared).toBe(false);
    expect(other.app.saveState).toBe('saved');
    expect(other.page.href).toBe(BASE); // a reload opens what was kept, not the link again
    const kept = await new WorkbookStore('share-keep').list();
    expect(kept.map((w) => w.name)).toEqual(['Care and support planning (October 2017)']);

    const reloaded = browser('share-keep');
    await reloaded.share.start(carePlanningWorkbook);
    expect(reloaded.app.shared).toBe(false);
    expect(reloaded.app.openId).toBe(kept[0].id);
    expect(staff(reloaded.app, 'Half recruited')).toBeCloseTo(578025.5 / 2, 2);
  });

  it('never overwrites work kept in the browser that opens it, and closing it returns to that work', async () => {
    const mine = browser('share-mine');
    await mine.share.start(carePlanningWorkbook);
    await mine.app.renameWorkbook('My own work');
    const before = await new WorkbookStore('share-mine').lastOpen();

    const first = await sharedFrom('share-mine-from');
    const link = first.share.link!;
    const other = browser('share-mine', link.slice(link.indexOf('#')));
    await other.share.start(carePlanningWorkbook);
    expect(other.app.shared).toBe(true);
    expect(other.app.workbook.name).toBe('Care and support planning (October 2017)');
    await other.scenarios.setValue('recruitment', 0.1);
    expect(await new WorkbookStore('share-mine').lastOpen()).toEqual(before);
    expect((await new WorkbookStore('share-mine').list()).map((w) => w.name)).toEqual(['My own work']);

    await other.share.close();
    expect(other.app.shared).toBe(false);
    expect(other.app.workbook.name).toBe('My own work');
    expect(other.page.href).toBe(BASE);
    expect(await new WorkbookStore('share-mine').lastOpen()).toEqual(before);
  });

  it('opening a workbook kept here returns to normal: it is saved as usual', async () => {
    const mine = browser('share-switch');
    await mine.share.start(carePlanningWorkbook);
    await mine.app.renameWorkbook('Kept');
    const first = await sharedFrom('share-switch-from');
    const link = first.share.link!;
    const other = browser('share-switch', link.slice(link.indexOf('#')));
    await other.share.start(carePlanningWorkbook);
    await other.library.openStored(mine.app.openId);
    expect(other.app.shared).toBe(false);
    // The link leaves the address with the copy, so a reload opens the workbook kept here, not the link again.
    expect(other.page.href).toBe(BASE);
    await other.app.renameWorkbook('Kept, and changed');
    expect((await new WorkbookStore('share-switch').list()).map((w) => w.name)).toEqual(['Kept, and changed']);
  });

  it('a damaged or truncated link says so, and the workbook kept here opens as usual, unchanged', async () => {
    const mine = browser('share-damaged');
    await mine.share.start(carePlanningWorkbook);
    await mine.app.renameWorkbook('My own work');
    const before = await new WorkbookStore('share-damaged').lastOpen();
    const first = await sharedFrom('share-damaged-from');
    const link = first.share.link!;

    const other = browser('share-damaged', link.slice(link.indexOf('#'), -30));
    await other.share.start(carePlanningWorkbook);
    expect(other.app.error).toBe('This link is damaged or incomplete: it could not be read. Nothing has been changed.');
    expect(other.app.shared).toBe(false);
    expect(other.app.workbook.name).toBe('My own work');
    expect(other.page.href).toBe(BASE);
    expect(await new WorkbookStore('share-damaged').lastOpen()).toEqual(before);
  });

  it('a link pasted into an open tab opens as a shared copy; a damaged one there changes nothing', async () => {
    const first = await sharedFrom('share-follow-from');
    const link = first.share.link!;
    const mine = browser('share-follow');
    await mine.share.start(carePlanningWorkbook);
    await mine.app.renameWorkbook('My own work');
    const before = mine.app.workbook;

    mine.page.href = link.slice(0, -30);
    await mine.share.follow();
    expect(mine.app.error).toBe('This link is damaged or incomplete: it could not be read. Nothing has been changed.');
    expect(mine.app.workbook).toBe(before);
    expect(mine.page.href).toBe(BASE);

    mine.page.href = `${BASE}#main`; // the page's own skip link
    await mine.share.follow();
    expect(mine.app.workbook).toBe(before);

    mine.page.href = link;
    await mine.share.follow();
    expect(mine.app.shared).toBe(true);
    expect(mine.scenarios.open).toBe('Half recruited');
    expect(staff(mine.app, 'Half recruited')).toBeCloseTo(578025.5 / 2, 2);
  });

  it('coming back to the link of the shared copy open (Back after a skip link) keeps the changes made to it', async () => {
    const first = await sharedFrom('share-back-from');
    const link = first.share.link!;
    const other = browser('share-back', link.slice(link.indexOf('#')));
    await other.share.start(carePlanningWorkbook);
    await other.scenarios.setValue('recruitment', 1);
    const changed = other.app.workbook;
    other.page.href = `${BASE}#comparison-heading`; // a skip link
    await other.share.follow();
    other.page.href = link; // the browser's Back
    await other.share.follow();
    expect(other.app.workbook).toBe(changed);
    // Every post filled again, not the link's half: £578,025.50 of staff.
    expect(staff(other.app, 'Half recruited')).toBeCloseTo(578025.5, 2);
    expect(other.app.canUndo).toBe(true);
  });

  it('a second link opened over a shared copy stays in the address, so a reload shows it again', async () => {
    const first = await sharedFrom('share-second-from');
    const link = first.share.link!;
    await first.scenarios.setValue('recruitment', 0.25);
    await first.share.copy();
    const second = first.share.link!;
    const other = browser('share-second', link.slice(link.indexOf('#')));
    await other.share.start(carePlanningWorkbook);
    other.page.href = second;
    await other.share.follow();
    expect(other.app.shared).toBe(true);
    expect(staff(other.app, 'Half recruited')).toBeCloseTo(578025.5 / 4, 2);
    expect(other.page.href).toBe(second);
  });

  it('a workbook too large for a link says to send the file, and shows no link', async () => {
    const big = browser('share-big');
    const wb = carePlanningWorkbook();
    wb.posts = Array.from({ length: 1000 }, (_, i) => ({ ...wb.posts[i % wb.posts.length], title: `Post ${i} ${(i * 7919) % 10007}` }));
    await big.share.start(() => wb);
    await big.share.copy();
    expect(big.share.link).toBeNull();
    expect(big.page.copied).toEqual([]);
    expect(big.share.note).toMatch(/^This workbook is too large to share as a link .*Send the workbook file instead/);
  });
});
