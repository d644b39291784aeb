// Two tabs of the app never overwrite each other's work: one tab at a time
// holds the writer's lock (Web Locks); any other tab is read-only, follows
// the writer's saves (BroadcastChannel), and becomes the writer when the
// writer's tab closes.
export interface Tabs {
  /**
   * Resolves true if this tab is the writer now. `becameWriter` is called if
   * it becomes the writer later; `changed` when the writer has saved.
   */
  start(becameWriter: () => void, changed: () => void): Promise<boolean>;
  /** The writer tells the other tabs it has saved. */
  announce(): void;
}

const LOCK = 'council-scenario-explorer:writer';

export class BrowserTabs implements Tabs {
  private channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('council-scenario-explorer');

  async start(becameWriter: () => void, changed: () => void): Promise<boolean> {
    if (this.channel) this.channel.onmessage = () => changed();
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks) return true; // no Web Locks: nothing to coordinate with
    const hold = () => new Promise<void>(() => {}); // held until the tab closes
    const now = await new Promise<boolean>((answer) => {
      void locks.request(LOCK, { ifAvailable: true }, (lock) => {
        answer(lock !== null);
        return lock ? hold() : undefined;
      });
    });
    if (!now) void locks.request(LOCK, () => (becameWriter(), hold()));
    return now;
  }

  announce(): void {
    this.channel?.postMessage('saved');
  }
}
