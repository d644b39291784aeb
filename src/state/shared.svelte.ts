// A scenario shared by link (io/share-link.ts): making the link for the open
// scenario, and opening one. A workbook opened from a link is a shared copy:
// costed and shown like any other, but written to this browser's storage only
// when the user keeps it (AppState.shared), so a link can never take the place
// of work kept here. A link that cannot be read changes nothing.
import { isShareFragment, readShareLink, shareLink } from '../io/share-link';
import { emptyWorkbook, type Workbook } from '../model/workbook';
import type { AppState } from './app.svelte';
import type { ScenarioState } from './scenarios.svelte';

/** The page's address bar and clipboard (the browser's, or a test's). */
export interface Address {
  /** The page's address, fragment included (`location.href`). */
  href(): string;
  /** Drops the fragment from the address, once the link in it has been dealt with. */
  forget(): void;
  /** Puts text on the clipboard; a browser may refuse. */
  copy(text: string): Promise<void>;
}

export class ShareState {
  /** The last link made, with the workbook and scenario it was made from. */
  private made = $state.raw<{ link: string | null; note: string; workbook: Workbook; scenario: string } | null>(null);
  /** Only while the workbook and the open scenario are as they were when the link was made. */
  private readonly current = $derived.by(() => (this.made && this.made.workbook === this.app.workbook && this.made.scenario === this.scenarios.open ? this.made : null));
  /** The link to the open scenario, once copied; null after any change, until copied again. */
  readonly link = $derived(this.current?.link ?? null);
  /** Whether the link was copied, or why there is none. */
  readonly note = $derived(this.current?.note ?? null);

  constructor(
    private readonly app: AppState,
    private readonly scenarios: ScenarioState,
    private readonly address: Address,
  ) {
    // Once another workbook is open in the copy's place, a reload opens what is kept, not the link again.
    // (A link opened over a shared copy is the address's own: it stays.)
    app.sharedEnded = () => void (this.opening || address.forget());
  }

  /** True while a link is being opened, its fragment in the address. */
  private opening = false;

  private fragment(): string {
    const href = this.address.href();
    const at = href.indexOf('#');
    return at < 0 ? '' : href.slice(at);
  }

  /** What opens when there is nothing kept here to go back to. */
  private example: () => Workbook = () => emptyWorkbook('Untitled workbook');

  /** Opens the page: the link in its address, if it has one, else the workbook last open (AppState.start). */
  async start(example: () => Workbook): Promise<void> {
    this.example = example;
    if (!isShareFragment(this.fragment())) return this.app.start(example);
    if (!(await this.openLink())) {
      const problem = this.app.error;
      this.app.error = null;
      await this.app.start(example);
      this.app.error = [problem, this.app.error].filter(Boolean).join(' ');
    }
  }

  /**
   * The link now in the address bar (pasted into an open tab, which changes
   * only the fragment), when it is one of ours. Anything else is left alone.
   */
  async follow(): Promise<void> {
    const fragment = this.fragment();
    // The link of the shared copy open now, come back to (Back after a skip link took the
    // fragment away): opening it again would throw away the changes made to the copy.
    if (this.app.shared && fragment === this.openedFrom) return;
    if (isShareFragment(fragment)) await this.openLink();
  }

  /** The fragment the shared copy open now came from. */
  private openedFrom: string | null = null;

  /** Opens the link in the address as a shared copy; false, with the reason shown, when it cannot be. */
  private async openLink(): Promise<boolean> {
    this.opening = true;
    try {
      return await this.openRead();
    } finally {
      this.opening = false;
    }
  }

  private async openRead(): Promise<boolean> {
    const read = await readShareLink(this.fragment());
    if ('problem' in read) {
      this.address.forget();
      this.app.error = read.problem;
      return false;
    }
    if (!(await this.app.openShared(read.workbook, `A shared copy of “${read.workbook.name}” is open.`))) {
      this.address.forget();
      this.app.error = `The workbook in this link could not be worked out (${this.app.error ?? 'stopped'}). Nothing has been changed.`;
      return false;
    }
    this.scenarios.choose(read.scenario);
    this.openedFrom = this.fragment();
    return true;
  }

  /** Makes a link to the open scenario, copies it if the browser lets the page, and shows it either way. */
  async copy(): Promise<void> {
    const workbook = this.app.workbook;
    const scenario = this.scenarios.open;
    const made = await shareLink(this.address.href(), workbook, scenario);
    if ('problem' in made) return void (this.made = { link: null, note: made.problem, workbook, scenario });
    let note = 'Link copied. It is also in the box below.';
    try {
      await this.address.copy(made.link);
    } catch {
      // Browsers refuse the clipboard to pages not in focus, not on https, or by policy: the box holds it.
      note = 'This browser did not let the page copy the link: copy it from the box below.';
    }
    this.made = { link: made.link, note, workbook, scenario };
  }

  /** Keeps the shared copy as a workbook in this browser; the address then opens it, not the link. */
  async keep(): Promise<void> {
    if (await this.app.keepShared()) this.address.forget();
  }

  /** Leaves the shared copy unkept: the workbook last open here (or the example) opens again. */
  async close(): Promise<void> {
    this.address.forget();
    await this.app.start(this.example);
  }
}
