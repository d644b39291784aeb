import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { openStore, WorkbookStore } from './db';

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
  const db = await openStore(name);
  await db.put('workbooks', record as never);
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
