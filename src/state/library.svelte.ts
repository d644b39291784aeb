// The library: the workbooks kept in this browser and the tabs that share
// them. It opens, duplicates, deletes (with undo) and lists kept workbooks,
// decides which tab writes, and starts a new version of the app only once the
// work is saved. The open workbook itself, its figures and its history are
// the session's (AppState); the library asks the session to open what it
// chooses and follows what the session stores.
import type { StoredWorkbook } from '../store/db';
import type { Tabs } from '../store/tabs';
import type { Workbook } from '../model/workbook';
import { AppState, READ_ONLY, SAVE_ATTEMPTS, message, type Kept, type Store } from './app.svelte';

export class Library {
  /** The workbooks kept in this browser, most recently saved first. */
  workbooks = $state.raw<{ id: string; name: string; savedAt: number }[]>([]);
  /** The workbook last deleted from the list, for undo. */
  deletedWorkbook = $state.raw<StoredWorkbook | null>(null);
  /** What the browser said about keeping this site's storage. */
  persistence = $state<'kept' | 'may be cleared' | 'unknown'>('unknown');
  /** Set when a new version of the app is ready: calling it reloads into it, when the user chooses. */
  update = $state<(() => Promise<void>) | null>(null);
  /** The user asked for the new version while their latest work was not saved: it waits for them to say so again. */
  updateHeld = $state(false);
  private tabs: Tabs | null = null;

  constructor(
    private readonly session: AppState,
    private readonly store: Store | null,
  ) {
    // Every write the session makes: other tabs follow it, and the list shows it.
    session.stored = async (wrote) => {
      if (wrote) this.tabs?.announce();
      // The workbook just written, already listed, moves to the top under its name without
      // reading every kept workbook back (whole records: some 50 ms at 10,000 posts, after every change).
      const listed = wrote && this.workbooks.find((w) => w.id === wrote.id);
      if (!wrote || !listed) return this.refresh();
      this.workbooks = [{ ...listed, name: wrote.name, savedAt: Date.now() }, ...this.workbooks.filter((w) => w !== listed)];
    };
    // Listed at once: the first figures may be the model's, a second before the engine's, and the count should not wait for them.
    void this.refresh();
  }

  async refresh(): Promise<void> {
    this.workbooks = (await this.store?.list?.().catch(() => [])) ?? [];
  }

  /** Opens a workbook kept in this browser; its undo history starts afresh. */
  async openStored(id: string): Promise<void> {
    const app = this.session;
    if (app.readOnly) return void (app.error = READ_ONLY);
    let stored: Kept | null | undefined;
    try {
      stored = await this.store?.get?.(id);
    } catch (e) {
      return void (app.error = `This workbook could not be opened: ${message(e)}. It is still kept in this browser, and the open workbook is as it was.`);
    }
    if (!stored) return;
    app.error = null;
    app.message = '';
    await app.reopen(stored);
    if (app.openId !== stored.id) return;
    app.startHistory();
    app.message ||= `Workbook “${stored.workbook.name}” is open.`;
    // It is the one last open now.
    await app.save();
  }

  /** A copy of the open workbook, kept and opened as a workbook of its own. */
  async duplicate(): Promise<void> {
    const app = this.session;
    if (app.readOnly) return void (app.error = READ_ONLY);
    await app.replaceWith((current: Workbook) => ({ ...current, name: `${current.name} (copy)` }), (copy) => `Workbook “${copy.name}” is open.`);
  }

  /** Deletes a kept workbook other than the open one; undo puts it back. */
  async delete(id: string): Promise<void> {
    const app = this.session;
    if (app.readOnly) return void (app.error = READ_ONLY);
    if (id === app.openId) return void (app.error = 'This workbook is open: open another before deleting it.');
    let stored: StoredWorkbook | null | undefined;
    try {
      stored = await this.store?.get?.(id);
    } catch {
      // A damaged workbook can be deleted, but not brought back: there is no workbook to bring back.
      await this.store?.remove?.(id);
      this.deletedWorkbook = null;
      app.message = 'The damaged workbook has been deleted.';
      return void (await this.refresh());
    }
    if (!stored) return;
    await this.store?.remove?.(id);
    this.deletedWorkbook = stored;
    app.message = `Workbook “${stored.workbook.name}” deleted.`;
    await this.refresh();
  }

  async undoDelete(): Promise<void> {
    const stored = this.deletedWorkbook;
    if (!stored) return;
    await this.store?.restore?.(stored);
    this.deletedWorkbook = null;
    this.session.message = `Workbook “${stored.workbook.name}” restored.`;
    await this.refresh();
  }

  /**
   * One tab writes at a time. A read-only tab follows the writer's saves and
   * takes over when the writer's tab closes, reopening what was saved.
   */
  async coordinate(tabs: Tabs): Promise<void> {
    this.tabs = tabs;
    const writer = await tabs.start(
      () => {
        this.session.readOnly = false;
        void this.reloadSaved('This tab can now make changes.');
      },
      () => {
        if (this.session.readOnly) void this.reloadSaved('');
      },
    );
    this.session.readOnly = !writer;
  }

  /** The workbook as it was last saved (by this tab or another). */
  private async reloadSaved(said: string): Promise<void> {
    const app = this.session;
    if (app.shared) return; // a shared copy stays open until kept or closed; it is in no store to follow
    const stored = await this.store?.lastOpen().catch(() => null);
    if (!stored) return;
    // A reader only follows: a change the writer left on its way is the new writer's to make.
    await app.reopen(app.readOnly ? { id: stored.id, workbook: stored.workbook } : stored, false);
    if (said) app.message = said;
  }

  /**
   * Starts the new version (a reload) only once the work in hand is costed
   * and saved: a reload loses anything not yet in the browser's storage. If it
   * cannot be saved, says so and starts the new version only when asked again
   * (`anyway`), once the user has had the chance to keep a copy.
   */
  async useNewVersion(anyway = false): Promise<void> {
    const update = this.update;
    const app = this.session;
    if (!update) return;
    await app.settled(); // changes still with the engine come first
    if (!anyway && this.store && !app.readOnly && !app.isSaved) {
      await app.save(SAVE_ATTEMPTS);
      if (!app.isSaved) {
        this.updateHeld = true;
        app.error = 'Your latest changes could not be saved in this browser, so the new version has not been started: starting it would lose them. Use “Download workbook file” to keep a copy first.';
        return;
      }
    }
    app.flush();
    await update();
  }

  /** Asks the browser to keep saved work even when space runs low. */
  async askToPersist(ask: (() => Promise<boolean>) | undefined): Promise<void> {
    if (!ask) return;
    try {
      this.persistence = (await ask()) ? 'kept' : 'may be cleared';
    } catch {
      this.persistence = 'may be cleared';
    }
  }
}
