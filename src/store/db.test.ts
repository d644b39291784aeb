import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { openStore, WorkbookStore } from './db';

const pause = () => new Promise((r) => setTimeout(r, 2));

it('reopens the workbook last saved, exactly as it was written', async () => {
  const store = new WorkbookStore('test-reopen');
  expect(await store.lastOpen()).toBeNull();
  const wb = carePlanningWorkbook();
  await store.save('a', { ...wb, name: 'first' });
  await store.save('b', wb);
  const again = await new WorkbookStore('test-reopen').lastOpen();
  expect(again?.id).toBe('b');
  expect(again?.workbook).toEqual(wb);
});

/** Writes a record as a damaged or older browser might have kept it, past the store's own checks. */
async function keep(name: string, record: unknown, lastOpen?: string): Promise<void> {
  // restore() writes what it is given unchecked, with the name kept beside it, as a save would.
  await new WorkbookStore(name).restore(record as never);
  const db = await openStore(name);
  if (lastOpen) await db.put('meta', lastOpen, 'lastOpen');
  db.close();
}

it('reports a damaged record read back from the browser in words, and keeps it', async () => {
  const wb = carePlanningWorkbook();
  const posts = wb.posts.map((p, i) => (i === 0 ? { ...p, fte: Number.NaN } : p));
  await keep('test-damaged', { id: 'x', savedAt: 1, workbook: { ...wb, posts } }, 'x');
  const store = new WorkbookStore('test-damaged');
  const why = 'the workbook “Care and support planning (October 2017)” kept in this browser is damaged: post 1 (Strategic Development Manager) has an FTE that is not a number (“NaN”)';
  await expect(store.lastOpen()).rejects.toThrow(why);
  await expect(store.get('x')).rejects.toThrow(why);
  expect(await store.list()).toEqual([{ id: 'x', name: 'Care and support planning (October 2017)', savedAt: 1 }]);
});

it('lists a record with no workbook in it rather than failing the whole list', async () => {
  await keep('test-empty-record', { id: 'y', savedAt: 2, workbook: null });
  await keep('test-empty-record', { id: 'z', savedAt: 1, workbook: carePlanningWorkbook() });
  const store = new WorkbookStore('test-empty-record');
  expect(await store.list()).toEqual([
    { id: 'y', name: 'A damaged workbook', savedAt: 2 },
    { id: 'z', name: 'Care and support planning (October 2017)', savedAt: 1 },
  ]);
  await expect(store.get('y')).rejects.toThrow('a workbook kept in this browser is damaged: it holds no workbook');
});

it('refuses a __proto__ key kept in the browser, in words, and gives back fresh objects', async () => {
  const wb = carePlanningWorkbook();
  const overrides = JSON.parse('{"__proto__": {"payAward": 9}}');
  await keep('test-proto', { id: 'p', savedAt: 1, workbook: { ...wb, scenarios: [{ name: 'Half', overrides }] } }, 'p');
  await expect(new WorkbookStore('test-proto').lastOpen()).rejects.toThrow('scenario 1 (Half) has a field this app does not know (“__proto__”)');
  await keep('test-fresh', { id: 'f', savedAt: 1, workbook: wb }, 'f');
  const stored = await new WorkbookStore('test-fresh').lastOpen();
  expect(stored!.workbook).toEqual(wb);
});

/** The stored workbook record alone, damaged past the store's checks: the names kept beside it are left as they were. */
async function damageRecord(name: string, id: string): Promise<void> {
  const db = await openStore(name);
  await db.put('records', { id, savedAt: 1, workbook: null } as never, id);
  db.close();
}

it('lists names and dates without reading the workbooks, and still says what is wrong when one is opened', async () => {
  const store = new WorkbookStore('test-names');
  const wb = carePlanningWorkbook();
  await store.save('a', { ...wb, name: 'First' });
  await pause();
  await store.save('b', { ...wb, name: 'Second' });
  const listed = await store.list();
  expect(listed.map((w) => [w.id, w.name])).toEqual([['b', 'Second'], ['a', 'First']]);
  expect(listed[0].savedAt).toBe((await store.get('b'))!.savedAt);
  await damageRecord('test-names', 'a');
  // Still the name saved: the list never reads the (damaged) record.
  expect(await new WorkbookStore('test-names').list()).toEqual(listed);
  await expect(store.get('a')).rejects.toThrow('a workbook kept in this browser is damaged: it holds no workbook');
});

it('keeps the names in step when a workbook is saved again, removed and restored', async () => {
  const store = new WorkbookStore('test-names-step');
  const wb = carePlanningWorkbook();
  await store.save('a', { ...wb, name: 'Old name' });
  await store.save('a', { ...wb, name: 'New name' });
  const saved = (await store.get('a'))!;
  expect(await store.list()).toEqual([{ id: 'a', name: 'New name', savedAt: saved.savedAt }]);
  await store.remove('a');
  expect(await store.list()).toEqual([]);
  expect(await store.get('a')).toBeNull();
  await store.restore(saved);
  expect(await store.list()).toEqual([{ id: 'a', name: 'New name', savedAt: saved.savedAt }]);
  expect(await store.get('a')).toEqual(saved);
});

it('says so, rather than waiting for ever, when a tab of an older version holds the kept work open', async () => {
  // A tab still running version 1 (its code closes its connection for no newer version) keeps the database open.
  const { openDB } = await import('idb');
  const old = await openDB('test-blocked', 1, {
    upgrade(d) {
      d.createObjectStore('workbooks', { keyPath: 'id' });
      d.createObjectStore('meta');
    },
  });
  await expect(new WorkbookStore('test-blocked').lastOpen()).rejects.toThrow(
    'another tab has this app open in an older version; close or reload that tab, then reload this one',
  );
  old.close();
});

it('closes its own connection when a newer version of the app asks, so that tab is not held up', async () => {
  const store = new WorkbookStore('test-blocking');
  await store.save('a', carePlanningWorkbook());
  const { openDB } = await import('idb');
  // A newer version's upgrade goes through (it would wait for ever, blocked, if this connection stayed open).
  const newer = await openDB('test-blocking', 99, { upgrade() {} });
  expect(newer.version).toBe(99);
  newer.close();
  // This tab's store, closed, says why in the browser's terms rather than hanging.
  await expect(store.save('a', carePlanningWorkbook())).rejects.toThrow();
});
