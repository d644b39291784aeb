// Every released version of the database, opened by today's code.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { costWorkbook } from '../model/costing';
import { DB_VERSION, WorkbookStore } from './db';

interface Dump {
  version: 1;
  stores: { workbooks: { id: string; savedAt: number; workbook: unknown }[]; meta: { key: string; value: string }[] };
}

/** Version 2's dump: every store keyed from outside its records. */
interface DumpV2 {
  version: 2;
  stores: Record<'records' | 'names' | 'meta', { key: string; value: unknown }[]>;
}

const dumpOf = (version: number) => JSON.parse(readFileSync(new URL(`../../test/fixtures/db-v${version}.json`, import.meta.url), 'utf8'));

/** Writes a dump as its version wrote it: the stores that version's upgrade made, with its data. */
async function restore(name: string, dump: Dump | DumpV2): Promise<void> {
  if (dump.version === 2) {
    const stores = Object.keys(dump.stores) as (keyof DumpV2['stores'])[];
    const db = await openDB(name, 2, { upgrade: (d) => stores.forEach((s) => d.createObjectStore(s)) });
    for (const s of stores) for (const { key, value } of dump.stores[s]) await db.put(s, value, key);
    db.close();
    return;
  }
  const db = await openDB(name, dump.version, {
    upgrade(d) {
      d.createObjectStore('workbooks', { keyPath: 'id' });
      d.createObjectStore('meta');
    },
  });
  for (const w of dump.stores.workbooks) await db.put('workbooks', w);
  for (const m of dump.stores.meta) await db.put('meta', m.value, m.key);
  db.close();
}

it('opens a database written by version 1 and reopens its workbook, costed as it was', async () => {
  const dump: Dump = dumpOf(1);
  await restore('from-v1', dump);
  expect(DB_VERSION).toBeGreaterThanOrEqual(dump.version);
  const stored = await new WorkbookStore('from-v1').lastOpen();
  expect(stored!.id).toBe('wb-1');
  const results = costWorkbook(stored!.workbook, new Date(2026, 10, 23));
  // Commissioning Manager 62,186 x 15 / 12 + Commissioning Officer 52,076 for a year
  expect(results.scenarios[1].totals.staff).toBeCloseTo(77732.5 + 52076, 2);
  expect(results.scenarios.map((s) => s.name)).toEqual(['Do nothing', 'Proposed investment']);
});

it('moves every version-1 workbook into the names-and-records stores, a damaged one too, losing nothing', async () => {
  const dump: Dump = dumpOf(1);
  const kept = dump.stores.workbooks[0];
  const workbook = kept.workbook as { name: string; posts: Record<string, unknown>[] };
  // A record damaged while version 1 kept it: its first post's FTE is words, not a number.
  const damaged = { id: 'wb-damaged', savedAt: kept.savedAt - 1000, workbook: { ...workbook, name: 'Damaged copy', posts: workbook.posts.map((p, i) => (i === 0 ? { ...p, fte: 'one' } : p)) } };
  await restore('moved-from-v1', { ...dump, stores: { ...dump.stores, workbooks: [kept, damaged] } });
  const store = new WorkbookStore('moved-from-v1');
  expect(await store.list()).toEqual([
    { id: 'wb-1', name: 'Care and support planning (October 2017)', savedAt: 1795400000000 },
    { id: 'wb-damaged', name: 'Damaged copy', savedAt: 1795400000000 - 1000 },
  ]);
  const exact = { id: 'wb-1', savedAt: 1795400000000, workbook: (await store.get('wb-1'))!.workbook };
  expect(await store.lastOpen()).toEqual(exact);
  // What was kept comes back exactly as version 1 wrote it (read through today's schema).
  expect(JSON.parse(JSON.stringify(exact.workbook))).toMatchObject(JSON.parse(JSON.stringify(workbook)));
  await expect(store.get('wb-damaged')).rejects.toThrow('the workbook “Damaged copy” kept in this browser is damaged: post 1');
  // Both records now sit in the new stores and version 1's store is gone, so nothing is read twice or left behind.
  const db = await openDB('moved-from-v1');
  expect([...db.objectStoreNames].sort()).toEqual(['meta', 'names', 'records']);
  expect(await db.getAllKeys('records' as never)).toEqual(['wb-1', 'wb-damaged']);
  db.close();
});

it('opens a database written by version 2 and lists and reopens its workbook exactly', async () => {
  const dump: DumpV2 = dumpOf(2);
  await restore('from-v2', dump);
  expect(DB_VERSION).toBeGreaterThanOrEqual(dump.version);
  const store = new WorkbookStore('from-v2');
  expect(await store.list()).toEqual([{ id: 'wb-2', name: 'Care and support planning (October 2017)', savedAt: 1795900000000 }]);
  expect(await store.lastOpen()).toEqual(dump.stores.records[0].value);
  expect(costWorkbook((await store.get('wb-2'))!.workbook, new Date(2026, 10, 23)).scenarios.map((s) => s.name)).toEqual(['Do nothing', 'Proposed investment']);
});
