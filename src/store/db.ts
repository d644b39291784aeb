// The workbook the user last had open, kept in IndexedDB so that a reload
// reopens it. What is kept is what the user wrote, never computed figures.
// One upgrade step per released version; a released step is never edited.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
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
}

interface Schema extends DBSchema {
  workbooks: { key: string; value: StoredWorkbook };
  meta: { key: string; value: string };
}

export const DB_NAME = 'council-scenario-explorer';
export const DB_VERSION = 1;

export function openStore(name = DB_NAME): Promise<IDBPDatabase<Schema>> {
  return openDB<Schema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('workbooks', { keyPath: 'id' });
        db.createObjectStore('meta');
      }
    },
  });
}

export class WorkbookStore {
  private db: Promise<IDBPDatabase<Schema>>;

  constructor(name = DB_NAME) {
    this.db = openStore(name);
  }

  /** Resolves once the transaction has committed: only then is it saved. */
  async save(id: string, workbook: Workbook, pending?: Workbook): Promise<void> {
    const db = await this.db;
    const tx = db.transaction(['workbooks', 'meta'], 'readwrite');
    const record: StoredWorkbook = pending ? { id, savedAt: Date.now(), workbook, pending } : { id, savedAt: Date.now(), workbook };
    const done = Promise.all([tx.objectStore('workbooks').put(record), tx.objectStore('meta').put(id, 'lastOpen'), tx.done]);
    // Commit now rather than when the page's tasks settle: a closing page may have none left.
    (tx as unknown as { commit?: () => void }).commit?.();
    await done;
  }

  /** Every workbook kept in this browser, most recently saved first. */
  async list(): Promise<{ id: string; name: string; savedAt: number }[]> {
    const db = await this.db;
    const all = await db.getAll('workbooks');
    return all.map((w) => ({ id: w.id, name: w.workbook.name, savedAt: w.savedAt })).sort((a, b) => b.savedAt - a.savedAt);
  }

  async get(id: string): Promise<StoredWorkbook | null> {
    const db = await this.db;
    return (await db.get('workbooks', id)) ?? null;
  }

  /** Puts a workbook back as it was (undoing a delete), without making it the one last open. */
  async restore(stored: StoredWorkbook): Promise<void> {
    const db = await this.db;
    await db.put('workbooks', stored);
  }

  async remove(id: string): Promise<void> {
    const db = await this.db;
    await db.delete('workbooks', id);
  }

  async lastOpen(): Promise<StoredWorkbook | null> {
    const db = await this.db;
    const id = await db.get('meta', 'lastOpen');
    return (id && (await db.get('workbooks', id))) || null;
  }
}
