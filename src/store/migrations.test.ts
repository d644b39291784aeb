// Every released version of the database, opened by today's code.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { costWorkbook } from '../model/costing';
import { DB_VERSION, WorkbookStore } from './db';

interface Dump {
  version: number;
  stores: { workbooks: { id: string; savedAt: number; workbook: unknown }[]; meta: { key: string; value: string }[] };
}

/** Writes a dump as its version wrote it: the stores that version's upgrade made, with its data. */
async function restore(name: string, dump: Dump): Promise<void> {
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
  const dump: Dump = JSON.parse(readFileSync(new URL('../../test/fixtures/db-v1.json', import.meta.url), 'utf8'));
  await restore('from-v1', dump);
  expect(DB_VERSION).toBeGreaterThanOrEqual(dump.version);
  const stored = await new WorkbookStore('from-v1').lastOpen();
  expect(stored!.id).toBe('wb-1');
  const results = costWorkbook(stored!.workbook, new Date(2026, 10, 23));
  // Commissioning Manager 62,186 x 15 / 12 + Commissioning Officer 52,076 for a year
  expect(results.scenarios[1].totals.staff).toBeCloseTo(77732.5 + 52076, 2);
  expect(results.scenarios.map((s) => s.name)).toEqual(['Do nothing', 'Proposed investment']);
});
