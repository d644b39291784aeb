// The workbook the user last had open, kept in IndexedDB so that a reload
// reopens it. What is kept is what the user wrote, never computed figures.
// One upgrade step per released version; a released step is never edited.
// Every record read back is checked against the workbook's one schema (the
// workbook file's too): storage can be damaged, or written by other code, and
// a damaged record is said in words rather than opened with NaN figures.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { readWorkbook } from '../model/schema';
import type { Workbook } from '../model/workbook';

export interface StoredWorkbook {
  id: string;
  savedAt: number;
  /** What the engine last costed: only that is ever stored as the workbook. */
  workbook: Workbook;
  /**
   * A change still on its way to the engine when the page closed: kept beside
   * the workbook, never in its place, and made (or refused) on reopening.
   */
  pending?: Workbook;
  /** Why a pending change could not be read back, when it could not: the workbook itself still opens. */
  pendingProblem?: string;
}

/** What the list of kept workbooks shows, kept apart so that listing never reads a whole workbook. */
interface Listed {
  name: string;
  savedAt: number;
}

interface Schema extends DBSchema {
  /** Version 1's store (key inside the record); moved into records and names by version 2's step. */
  workbooks: { key: string; value: StoredWorkbook };
  /** Version 2: the key beside the record, which Chromium puts in about half the time of a key inside it. */
  records: { key: string; value: StoredWorkbook };
  /** Version 2: each record's name and savedAt, written in the same transaction as the record. */
  names: { key: string; value: Listed };
  meta: { key: string; value: string };
}

/** The name and date to list for a record, whatever state it is in: a damaged record is listed too. */
function listed(record: unknown): Listed {
  const { savedAt, workbook } = (record ?? {}) as { savedAt?: unknown; workbook?: { name?: unknown } | null };
  return { name: typeof workbook?.name === 'string' ? workbook.name : 'A damaged workbook', savedAt: typeof savedAt === 'number' ? savedAt : 0 };
}

/** A record kept in this browser that is not a workbook the app can open; the message says where and why. */
export class DamagedWorkbook extends Error {
  override name = 'DamagedWorkbook';
}

/** The record as the app may use it, or DamagedWorkbook. The record itself stays as it was. */
function checked(record: unknown): StoredWorkbook {
  const { id, savedAt, workbook, pending } = (record ?? {}) as Partial<Record<keyof StoredWorkbook, unknown>>;
  const name = (workbook as { name?: unknown } | null | undefined)?.name;
  const which = typeof name === 'string' ? `the workbook “${name}”` : 'a workbook';
  const read = readWorkbook(workbook);
  if ('problem' in read) throw new DamagedWorkbook(`${which} kept in this browser is damaged: ${read.problem}`);
  if (typeof id !== 'string' || typeof savedAt !== 'number') throw new DamagedWorkbook(`${which} kept in this browser is damaged: it does not say when it was saved`);
  if (pending === undefined) return { id, savedAt, workbook: read.workbook };
  const change = readWorkbook(pending);
  return 'problem' in change ? { id, savedAt, workbook: read.workbook, pendingProblem: change.problem } : { id, savedAt, workbook: read.workbook, pending: change.workbook };
}

export const DB_NAME = 'council-scenario-explorer';
export const DB_VERSION = 2;

/**
 * Copies every version-1 record, then deletes version 1's store, all inside the
 * upgrade's one transaction: if any step fails the browser keeps version 1 as it was.
 */
async function moveVersion1(db: IDBPDatabase<Schema>, tx: IDBPTransaction<Schema, StoreNames<Schema>[], 'versionchange'>): Promise<void> {
  const records = tx.objectStore('records');
  const names = tx.objectStore('names');
  const copied: Promise<string>[] = [];
  for (let cursor = await tx.objectStore('workbooks').openCursor(); cursor; cursor = await cursor.continue()) {
    copied.push(records.put(cursor.value, cursor.key), names.put(listed(cursor.value), cursor.key));
  }
  await Promise.all(copied);
  db.deleteObjectStore('workbooks');
}

/** Why the kept work cannot be opened while another tab holds it in an older version. */
export const HELD_BY_OLDER_TAB = 'another tab has this app open in an older version; close or reload that tab, then reload this one';

export function openStore(name = DB_NAME): Promise<IDBPDatabase<Schema>> {
  let refuse: (e: Error) => void = () => undefined;
  const held = new Promise<never>((_, reject) => (refuse = reject));
  const opening = openDB<Schema>(name, DB_VERSION, {
    // A tab of an older version keeps its connection open (version 1 had no way to close it): the upgrade waits
    // until it closes. Said rather than waited for, so the page opens (the example, with the reason) instead of hanging.
    blocked() {
      refuse(new Error(HELD_BY_OLDER_TAB));
    },
    // A newer version of the app in another tab asks to upgrade: this tab lets go (its next save says the
    // browser closed its storage) rather than hold that tab up.
    blocking() {
      void opening.then((db) => db.close());
    },
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('workbooks', { keyPath: 'id' });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        db.createObjectStore('records');
        db.createObjectStore('names');
        await moveVersion1(db, tx);
      }
    },
  });
  return Promise.race([opening, held]);
}

export class WorkbookStore {
  private db: Promise<IDBPDatabase<Schema>>;

  constructor(name = DB_NAME) {
    this.db = openStore(name);
  }

  /** Resolves once the transaction has committed: only then is it saved. */
  async save(id: string, workbook: Workbook, pending?: Workbook): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(['records', 'names', 'meta'], 'readwrite');
    const record: StoredWorkbook = pending ? { id, savedAt: Date.now(), workbook, pending } : { id, savedAt: Date.now(), workbook };
    const done = Promise.all([
      tx.objectStore('records').put(record, id),
      tx.objectStore('names').put(listed(record), id),
      tx.objectStore('meta').put(id, 'lastOpen'),
      tx.done,
    ]);
    // Commit now rather than when the page's tasks settle: a closing page may have none left.
    (tx as unknown as { commit?: () => void }).commit?.();
    await done;
  }

  /** Every workbook kept in this browser, most recently saved first. */
  async list(): Promise<{ id: string; name: string; savedAt: number }[]> {
    const db = await this.db;
    // Only the names store is read: a damaged record is listed, and says what is wrong when opened.
    const tx = db.transaction('names');
    const [ids, names] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    return ids.map((id, i) => ({ id, name: names[i].name, savedAt: names[i].savedAt })).sort((a, b) => b.savedAt - a.savedAt);
  }

  async get(id: string): Promise<StoredWorkbook | null> {
    const db = await this.db;
    const record = await db.get('records', id);
    return record === undefined ? null : checked(record);
  }

  /** Puts a workbook back as it was (undoing a delete), without making it the one last open. */
  async restore(stored: StoredWorkbook): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(['records', 'names'], 'readwrite');
    // Read as the list would, since what is put back may be a damaged record.
    await Promise.all([tx.objectStore('records').put(stored, stored.id), tx.objectStore('names').put(listed(stored), stored.id), tx.done]);
  }

  async remove(id: string): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(['records', 'names'], 'readwrite');
    await Promise.all([tx.objectStore('records').delete(id), tx.objectStore('names').delete(id), tx.done]);
  }

  async lastOpen(): Promise<StoredWorkbook | null> {
    const db = await this.db;
    const id = await db.get('meta', 'lastOpen');
    const record = id ? await db.get('records', id) : undefined;
    return record === undefined ? null : checked(record);
  }
}
