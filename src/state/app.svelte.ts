// The session: the open workbook, its figures, its undo history, and whether
// the work is saved; every change goes through its one lane. The kept
// workbooks and the tabs are the Library's (library.svelte.ts), imports are
// ImportState's. The engine and the store are passed in, so tests run this
// class with the engine in-process.
import { Cancelled, EngineLost, type Analysis, type Engine, type EngineRequest } from '../engine/protocol';
import { linesRequest, recostsPosts } from './requests';
import { rangesCsv } from '../io/ranges-sheet';
import type { Ranges } from '../model/sensitivity';
import type { StoredWorkbook } from '../store/db';
import { describeError } from '../store/errors';
import { costsCsv, gradesCsv, postsCsv, reconciliationCsv, savingsCsv, summaryCsv } from '../io/export';
import { figureDifferences, reconcile } from '../model/reconcile';
import { isUnreadable, readPercent } from '../io/values';
import { backupFile, isRefused, readBackup } from '../io/backup';
import type { InputValue, Results } from '../model/costing';
import { costWorkbook } from '../model/costing';
import { firstStartDelay, scenariosToRecost } from '../model/recost';
import type { FormAssumption } from '../model/assumptions';
import { ASSUMPTION_SPECS } from '../model/scenarios';
import { emptyWorkbook, type Assumptions, type Scenario, type Workbook } from '../model/workbook';

/** A workbook as kept: what the engine last costed, and any change still on its way when the page closed. */
export interface Kept {
  id: string;
  workbook: Workbook;
  pending?: Workbook;
  pendingProblem?: string;
}

export interface Store {
  save(id: string, workbook: Workbook, pending?: Workbook): Promise<void>;
  lastOpen(): Promise<Kept | null>;
  list?(): Promise<{ id: string; name: string; savedAt: number }[]>;
  get?(id: string): Promise<StoredWorkbook | null>;
  restore?(stored: StoredWorkbook): Promise<void>;
  remove?(id: string): Promise<void>;
}

/** The assumptions the workbook's own form shows (the assumption table's with a `form`). */
export type PercentAssumption = FormAssumption;
/** Sensible bounds, in percent, for what a person may type there: the assumption table's. */
export const PERCENT_RANGES = Object.fromEntries(ASSUMPTION_SPECS.flatMap((a) => (a.form ? [[a.key, a.form]] : []))) as Record<PercentAssumption, { min: number; max: number }>;

export type DownloadKind = 'summary' | 'posts' | 'grades' | 'costs' | 'savings' | 'ranges' | 'reconciliation';

export type SaveState = 'unsaved' | 'saving' | 'saved' | 'failed';

export interface Download {
  name: string;
  text: string;
}

/** A download that is not text: the Excel workbook. */
export interface BinaryDownload {
  name: string;
  bytes: Uint8Array;
  type: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const READ_ONLY = 'This workbook is open in another tab, which is the one that saves changes. Make changes there, or close it: this tab then takes over.';

const newId = () => (globalThis.crypto?.randomUUID?.() ?? `wb-${Date.now()}-${Math.random()}`);

/** A file name from a workbook name: `Care and support planning` -> `care-and-support-planning`. */
export function fileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workbook';
}

export class AppState {
  workbook = $state.raw<Workbook>(emptyWorkbook(''));
  results = $state.raw<Results | null>(null);
  /** A plain-words error the page shows until the next action. */
  error = $state<string | null>(null);
  /** The last thing done, announced politely to screen readers. */
  message = $state('');
  saveState = $state<SaveState>('unsaved');
  private id = '';
  get openId(): string {
    return this.id;
  }
  /** True while another tab has the workbook open for writing: this one only shows it (the library says which). */
  readOnly = $state(false);
  /**
   * Called once a workbook has been written to the store (`wrote`: its id and
   * name), and once at start, so the library of kept workbooks can follow;
   * the session knows nothing of lists or tabs.
   */
  stored: ((wrote: { id: string; name: string } | null) => Promise<void>) | null = null;

  /** Workbooks before and after the current one, for Ctrl+Z and Ctrl+Y. */
  private past = $state.raw<Workbook[]>([]);
  private future = $state.raw<Workbook[]>([]);
  readonly canUndo = $derived(this.past.length > 0);
  readonly canRedo = $derived(this.future.length > 0);

  constructor(
    private readonly engine: Engine,
    private readonly store: Store | null,
    private readonly today: () => Date = () => new Date(),
  ) {}

  /** Reopens the workbook last open; a fresh browser gets the example. */
  async start(example: () => Workbook): Promise<void> {
    let stored: Kept | null = null;
    let unread: string | null = null;
    try {
      stored = (await this.store?.lastOpen()) ?? null;
    } catch (e) {
      unread = `Saved work could not be read (${message(e)}); the example is open instead.`;
    }
    if (stored) await this.reopen(stored);
    else await this.enqueue(() => this.run(() => this.open(newId(), example(), false)));
    if (unread) this.error = unread;
    await this.stored?.(null);
  }

  /**
   * Why the engine could not cost the open workbook, in words, while the page
   * shows the app's own check calculation instead; null when the engine's
   * figures are shown.
   */
  uncosted = $state<string | null>(null);

  /**
   * A workbook kept in this browser opens whatever the engine makes of it:
   * if the engine cannot cost it, its sheets, the reason and every download
   * are there all the same. A change kept beside it (the page closed while the
   * engine had it) is then made, or refused with the reason.
   */
  async reopen(stored: Kept, replaced = true): Promise<void> {
    const opened = await this.enqueue(async () => {
      try {
        await this.open(stored.id, stored.workbook, false, replaced);
      } catch (e) {
        // Stopped by the user: the workbook open before stays, as after any Stop.
        if (e instanceof Cancelled && !(e instanceof EngineLost)) return (await this.run(() => Promise.reject(e)), false);
        // The engine could not cost it, or was lost doing so: it opens as it was kept, all the same.
        this.openUncosted(stored.id, stored.workbook, message(e), replaced);
      }
      this.saved = stored.workbook;
      this.saveState = 'saved';
      return true;
    });
    // A change kept beside a workbook is made on that workbook only, never on another left open.
    if (!opened || this.id !== stored.id) return;
    if (stored.pendingProblem) this.error = `Your last change before the page closed could not be read back (${stored.pendingProblem}); the workbook is as it was last saved.`;
    if (!stored.pending) return;
    const problem = await this.changeWith((current) => (this.id === stored.id ? stored.pending! : current));
    if (problem === null) this.message = 'Your last change before the page closed has been made.';
    else this.error = `Your last change before the page closed could not be made (${problem}); the workbook is as it was last saved.`;
  }

  /** Opens a workbook with the pure model's figures, when the engine cannot cost it. */
  private openUncosted(id: string, workbook: Workbook, reason: string, replaced: boolean): void {
    if (id !== this.id) this.endShared();
    this.id = id;
    this.workbook = workbook;
    this.results = costWorkbook(workbook, this.today());
    this.formulaValues = new Map();
    this.uncosted = `The formula engine could not work out this workbook (${reason}). It is open with the app’s own check calculation, each formula at its last value; correct the cell at fault and the engine works the figures out again.`;
    if (replaced) this.replaced++;
  }

  /**
   * How many times the open workbook has been replaced by another (opened,
   * imported, started afresh), not changed in place: the page draws its
   * larger parts for a new workbook a moment after the figures.
   */
  replaced = $state(0);
  /**
   * How many times a workbook has gone to the engine whole (opened, imported,
   * or an undo or redo across such a change): what the page showed of the
   * workbook before it (its switching values) is not shown as this one's.
   */
  wholeLoads = $state(0);
  /** The workbook an `open` is replacing the page's with, while it is costed. */
  private replacing: Workbook | null = null;
  /** That workbook, once the model's figures of it were shown first (and `replaced` counted then). */
  private replacedShown: Workbook | null = null;

  /** The engine costs the workbook first; only if that works does it become the open one. */
  private async open(id: string, workbook: Workbook, save: boolean, replaced = true): Promise<void> {
    this.replacing = replaced ? workbook : null;
    let results: Results;
    let shownFirst = false;
    try {
      results = await this.load(workbook);
    } finally {
      shownFirst = this.replacedShown === workbook;
      this.replacing = null;
      this.replacedShown = null;
    }
    if (id !== this.id) this.endShared(); // another workbook in a shared copy's place is kept as usual
    this.id = id;
    this.workbook = workbook;
    this.uncosted = null;
    this.take(results);
    // Counted once: when the model's figures were shown first, the workbook took the page's place then.
    if (replaced && !shownFirst) this.replaced++;
    if (save) await this.save();
  }

  /**
   * Words saying the figures on the page are the pure model's, shown while
   * the engine builds the workbook and checks them; null once the engine's
   * figures (those of record) are shown.
   */
  checking = $state<string | null>(null);
  /** Where the figures shown first and the engine's differed, in words: a fault in one of the two calculations, never hidden. */
  disagreement = $state<string | null>(null);
  /** A workbook of this many lines or more has the model's figures shown first: below it the engine answers in a moment. */
  modelFirstFrom = MODEL_FIRST_FROM;
  /** How long a change that recosts many posts waits for the engine before the model's worker is asked too (tests make it longer). */
  modelAfterChangeMs = MODEL_AFTER_CHANGE_MS;
  /** Whether the engine has answered since the page loaded: until then, a small workbook's figures are the model's first too. */
  private engineAnswered = false;
  /** The workbook open before the model's figures of another were shown: what a Stop or the engine's refusal goes back to. */
  private shownOver: Workbook | null = null;

  /**
   * The engine costs a workbook whole, or a change that recosts many posts
   * (rows that came or went, a grade, a start delay). A large workbook takes
   * it seconds (such a change, some hundreds of ms), so the
   * pure model's figures (to the penny of the engine's, some 50 ms at 10,000
   * posts, worked out beside the engine) are shown first, marked as being
   * checked; the engine's then replace them, and any figure where the two
   * differ is said. If the engine refuses or is stopped, the workbook open
   * before is back as it was. A workbook with formulas waits for the engine:
   * only it works formulas out.
   */
  private async load(workbook: Workbook, change?: EngineRequest): Promise<Results> {
    const today = this.today();
    if (!change || change.type === 'load') this.wholeLoads++;
    // A change that recosts many posts (rows in or out, a grade, a start delay: requests.ts, recostsPosts) goes as that change, which at 10,000 posts still takes the engine some hundreds of ms.
    const engine = this.send(change ?? { type: 'load', workbook, today: today.getTime() });
    // The first workbook after the page loads waits for the engine's worker to load HyperFormula (most of a second), however small.
    const small = lineCount(workbook) < this.modelFirstFrom;
    if ((small && this.engineAnswered) || hasFormulas(workbook)) {
      const results = await engine;
      // Costed whole by the engine alone, nothing shown first: a disagreement said before named figures no longer on the page.
      if (!change) this.disagreement = null;
      return results;
    }
    const before = { workbook: this.workbook, results: this.results, formulaValues: this.formulaValues, uncosted: this.uncosted };
    let answered = false;
    let shown: Results | null = null;
    // A small workbook is costed here in a few ms, sooner than the analysis worker could load.
    // A workbook costed whole goes to the model's worker a task after the engine's: each message copies it whole.
    // A change goes to the model's worker only if the engine has not answered it in MODEL_AFTER_CHANGE_MS: most
    // it answers sooner, and the two workers working at once on two cores slow the engine's answer down.
    // A change to the scenarios alone costs only those it changed: the figures on the page serve for the rest.
    const reuse = change && before.results ? scenariosToRecost(before.workbook, before.results, workbook) : null;
    const toModel = () => this.engine.model!({ workbook, today: today.getTime(), ...(reuse && before.results && { reuse: { figures: before.results, recost: reuse } }) });
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)).then(() => (answered ? null : toModel()));
    // A start delay the engine does not yet sum takes it longest of all (some 150 ms at 10,000 posts): no wait.
    const wait = change && !(before.results && firstStartDelay(before.results, workbook)) ? this.modelAfterChangeMs : 0;
    const model = this.engine.model && !small ? later(wait) : Promise.resolve().then(() => costWorkbook(workbook, today));
    void model.then(
      (results) => {
        if (answered || !results) return;
        shown = results;
        this.shownOver = before.workbook;
        this.workbook = workbook;
        this.results = results;
        this.formulaValues = new Map();
        this.uncosted = null;
        this.checking = CHECKING;
        // A workbook opened in the page's place takes it now, so the page draws its larger parts once, for these figures.
        if (!change && this.replacing === workbook) {
          this.replaced++;
          this.replacedShown = workbook;
        }
      },
      () => undefined, // the engine's figures come all the same
    );
    try {
      const results = await engine;
      answered = true;
      if (shown) {
        const differ = figureDifferences(shown, results);
        this.disagreement = differ.length === 0 ? null : `The figures first shown (the app’s own check calculation) and the formula engine’s disagree, which is a fault in one of them: ${differ.join('; ')}. The engine’s figures are the ones shown and exported; please report this.`;
        // The answer's copy and this comparison (7–11 ms of CPU at 10,000 posts) are one task; the page redrawn for
        // the engine's figures (9–19 ms) is the next, not the same long task.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return results;
    } catch (e) {
      answered = true;
      if (shown) Object.assign(this, before);
      throw e;
    } finally {
      this.checking = null;
      this.shownOver = null;
      // A task on, once the engine's figures are taken in (or the workbook before is back).
      const waiting = this.whenChecked.splice(0);
      if (waiting.length) setTimeout(() => waiting.forEach((resolve) => resolve()), 0);
    }
  }

  private whenChecked: (() => void)[] = [];

  /** Resolves once no figures on the page wait for the engine's check: at once when none do. */
  async checked(): Promise<void> {
    while (this.checking !== null) await new Promise<void>((resolve) => this.whenChecked.push(resolve));
  }

  private async run(action: () => Promise<void>, failure = ''): Promise<boolean> {
    this.error = null;
    try {
      await action();
      return true;
    } catch (e) {
      if (e instanceof Cancelled) {
        // The engine was started afresh (Stop, or its worker was lost): it costs the workbook as
        // it was again before anything queued behind this change goes to it.
        if (e instanceof EngineLost) this.error = `${failure}${e.message}`;
        else this.message = STOPPED;
        await this.restore();
        return false;
      }
      this.error = `${failure}${message(e)}`;
      return false;
    }
  }

  /**
   * Work the engine has taken longer than half a second over, for the page to
   * show with a way to stop it; null when there is none.
   */
  costing = $state.raw<{ what: string; since: number; stoppable: boolean } | null>(null);
  /** Whether this engine's work can be stopped (a worker can; the tests' in-process engine cannot). */
  get canStop(): boolean {
    return this.engine.cancel !== undefined;
  }

  /**
   * A request to the engine, shown if it takes more than half a second. It
   * can be stopped only where there is a workbook to go back to: not the
   * first one opened, and not the engine costing the open one again.
   */
  private async send(request: EngineRequest, stoppable = this.id !== '' && this.results !== null): Promise<Results> {
    const what = request.type === 'load' ? `Working out the figures for ${count(request.workbook.posts.length, 'post')}` : 'Working out the figures';
    const slow = setTimeout(() => (this.costing = { what, since: Date.now(), stoppable }), 500);
    try {
      const results = await this.engine.send(request);
      this.engineAnswered = true;
      return results;
    } finally {
      clearTimeout(slow);
      this.costing = null;
    }
  }

  /** Stops the engine's work in hand; the change it was for is not made. */
  stopCosting(): void {
    if (this.costing?.stoppable) this.engine.cancel?.();
  }

  private restoring: Promise<void> | null = null;

  /** The engine, started afresh, costs the open workbook again: once, however many changes were stopped. */
  private restore(): Promise<void> {
    if (this.id === '') return Promise.resolve(); // nothing was open yet
    this.restoring ??= (async () => {
      try {
        this.take(await this.send({ type: 'load', workbook: this.workbook, today: this.today().getTime() }, false));
      } catch (e) {
        this.error = `The figures could not be worked out again (${message(e)}); reload the page.`;
      } finally {
        this.restoring = null;
      }
    })();
    return this.restoring;
  }

  /**
   * "Saved" shows only once the browser has committed the write. A failure
   * (storage full, private mode) is said at once and tried again a few times;
   * the work stays open here, and the workbook file is offered as a copy.
   */
  async save(attempt = 0): Promise<void> {
    if (!this.store || this.readOnly || this.id === '' || this.shared) return; // nothing open yet has no record to write
    this.saveState = 'saving';
    // A save tried again after a failure comes outside the queue of changes, perhaps while the
    // figures of another workbook are being checked (`load`): what is stored under this id is
    // still the workbook the engine last costed for it, never the one being opened (a shared
    // copy written over the kept workbook).
    const id = this.id;
    const workbook = this.shownOver ?? this.workbook;
    try {
      // Storing copies the whole workbook (some 40 ms at 10,000 posts): in a task of its own, after the figures are drawn.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await this.store.save(id, workbook);
      this.saved = workbook;
      if (this.workbook === workbook) this.saveState = 'saved';
      await this.stored?.({ id, name: workbook.name });
    } catch (e) {
      this.saveState = 'failed';
      this.error = `Your work could not be saved in this browser (${message(e)}). It is still open here: use “Download workbook file” to keep a copy.`;
      if (attempt < SAVE_ATTEMPTS) setTimeout(() => void this.save(attempt + 1), 1000 * 2 ** attempt);
    }
  }

  /** Renames the open workbook (undoable). */
  renameWorkbook(name: string): Promise<string | null> {
    const clean = name.trim();
    if (!clean) return Promise.resolve('Enter a name for the workbook');
    return this.changeWith((wb) => ({ ...wb, name: clean }));
  }

  /** Whether the open workbook is the one last written to the store. */
  get isSaved(): boolean {
    return this.workbook === this.saved;
  }

  /** Resolves once every change already asked for has been made or refused. */
  settled(): Promise<void> {
    return this.enqueue(async () => {});
  }

  /** The whole workbook as one file, to keep or to send. */
  backupDownload(): Download {
    return { name: `${fileStem(this.workbook.name)}.workbook.json`, text: backupFile(this.workbook) };
  }

  /**
   * The workbook as an Excel file whose Summary is formulas over its sheets
   * (docs/RULES.md, "The Excel workbook"); null until the figures are worked
   * out. The workbook and its figures are taken together, before the writer
   * loads, so a change made meanwhile cannot mix two versions in one file.
   */
  async excelDownload(): Promise<BinaryDownload | null> {
    const { workbook, results } = this;
    if (!results) return null;
    try {
      // The layout and its writer load on the first click: the page's first paint carries neither.
      const { workbookXlsx } = await import('../io/excel');
      return { name: `${fileStem(workbook.name)}.xlsx`, bytes: await workbookXlsx(workbook, results), type: XLSX_TYPE };
    } catch (e) {
      this.error = `The Excel workbook could not be made (${message(e)}); nothing changed. The CSV downloads still work.`;
      return null;
    }
  }

  /** Opens a workbook file; a damaged or newer one is refused and nothing changes. */
  async openBackup(text: string): Promise<void> {
    if (this.readOnly) return void (this.error = READ_ONLY);
    const workbook = readBackup(text);
    if (isRefused(workbook)) {
      this.error = workbook.problem;
      return;
    }
    await this.replaceWith(() => workbook, () => `Workbook “${workbook.name}” is open.`, 'The workbook file could not be opened, and nothing changed: ');
  }

  async newWorkbook(name: string): Promise<void> {
    if (this.readOnly) return void (this.error = READ_ONLY);
    const title = name.trim() || 'Untitled workbook';
    await this.replaceWith(() => emptyWorkbook(title), () => `New workbook “${title}” is open.`);
  }

  /**
   * Another workbook in the open one's place (a new one, a copy, a file), on
   * the lane after every change before it. The history rule: a workbook put in
   * another's place starts its undo history afresh; a change to the open one
   * (`changeWith`) adds to it.
   */
  replaceWith(make: (current: Workbook) => Workbook, done: (workbook: Workbook) => string, failure = ''): Promise<boolean> {
    return this.enqueue(async () => {
      if (this.readOnly) return void (this.error = READ_ONLY), false;
      const workbook = make(this.workbook);
      if (!(await this.run(() => this.open(newId(), workbook, true), failure))) return false;
      this.startHistory();
      this.message = done(workbook);
      return true;
    });
  }

  startHistory(): void {
    this.past = [];
    this.future = [];
  }

  /** What each formula the user typed works out to, or why it does not, by `sheet:index:field`. */
  formulaValues = $state.raw<Map<string, InputValue>>(new Map());

  /**
   * New figures from the engine. Formulas the user typed are worked out there;
   * their values become the workbook's cached numbers (so every other
   * calculation agrees with the engine), and their errors are shown.
   */
  private take(results: Results): void {
    this.results = results;
    const inputs = results.inputs ?? [];
    this.formulaValues = new Map(inputs.map((v) => [`${v.sheet}:${v.index}:${v.field}`, v]));
    let next = this.workbook;
    for (const v of inputs) {
      if (v.sheet === 'assumptions') continue;
      const key = v.sheet;
      const line = next[key][v.index] as unknown as Record<string, unknown> | undefined;
      if (!line) continue;
      // A saving's formulas are by year (`y2018`): the value goes into its amounts.
      const year = key === 'savings' ? Number(v.field.slice(1)) : null;
      const amounts = line.amounts as Record<number, number> | undefined;
      if (year !== null ? amounts?.[year] === v.value : line[v.field] === v.value) continue;
      const updated = year !== null ? { ...line, amounts: { ...amounts, [year]: v.value } } : { ...line, [v.field]: v.value };
      next = { ...next, [key]: next[key].map((l, i) => (i === v.index ? updated : l)) } as Workbook;
    }
    this.workbook = next;
  }

  /** Keep the workbook a change replaces; a new change ends any redo. */
  private remember(before: Workbook = this.workbook): void {
    this.past = [...this.past.slice(-99), before];
    this.future = [];
  }

  /**
   * Make `next` the workbook, once the engine has costed it: by the request
   * given (one post's row) or by loading it whole. Undoable.
   */
  async change(next: Workbook, request?: EngineRequest): Promise<boolean> {
    return (await this.changeWith(() => next, () => request)) === null;
  }

  /** Changes wait for the one before, so two quick clicks both count. */
  private lane: Promise<unknown> = Promise.resolve();

  /**
   * A change worked out from the workbook as the change before it left it
   * (not as it was when the user asked): the reason it cannot be made, or
   * null once it is costed, saved and undoable.
   */
  changeWith(update: (current: Workbook) => Workbook | string, request?: (next: Workbook) => EngineRequest | undefined, failure = ''): Promise<string | null> {
    const work = async (): Promise<string | null> => {
      if (this.readOnly) return (this.error = READ_ONLY);
      const next = update(this.workbook);
      if (typeof next === 'string') return next;
      if (next === this.workbook) return null;
      const before = this.workbook;
      this.unsaved = next;
      const ok = await this.run(async () => {
        // A workbook the engine could not cost is costed whole again, not patched.
        const patch = this.uncosted === null ? (request?.(next) ?? linesRequest(this.workbook, next)) : undefined;
        const results = await (patch && patch.type !== 'load' && !recostsPosts(patch, this.workbook, next) ? this.send(patch) : this.load(next, patch?.type === 'load' ? undefined : patch));
        this.remember(before);
        this.workbook = next;
        this.uncosted = null;
        this.unsaved = null;
        this.take(results);
        // A workbook replaced whole (an import) takes the page's place once, as one opened does (`open`).
        if (this.replacing === next && this.replacedShown !== next) this.replaced++;
        await this.save();
      }, failure);
      if (this.replacing === next) this.replacing = this.replacedShown = null;
      this.unsaved = null;
      return ok ? null : (this.error ?? STOPPED);
    };
    return this.enqueue(work);
  }

  /** Ctrl+Z: the workbook before the last change, whatever it was; after any change still on its way. */
  undo(): Promise<void> {
    return this.travel('past', 'future', 'Undone.');
  }

  /** Ctrl+Y: the change last undone. */
  redo(): Promise<void> {
    return this.travel('future', 'past', 'Redone.');
  }

  /** Opens the last workbook of one history (past or future), keeping the current one in the other. */
  private travel(from: 'past' | 'future', to: 'past' | 'future', message: string): Promise<void> {
    return this.enqueue(async () => {
      if (this.readOnly) return void (this.error = READ_ONLY);
      const target = this[from].at(-1);
      if (!target) return;
      const current = this.workbook;
      // Undoing an edit, an insert or a delete goes to the engine as the lines that differ, as the change did.
      const patch = this.uncosted === null ? linesRequest(current, target) : undefined;
      const apply = async () => {
        if (!patch) return this.open(this.id, target, true, false);
        const results = await (recostsPosts(patch, current, target) ? this.load(target, patch) : this.send(patch));
        this.workbook = target;
        this.take(results);
        await this.save();
      };
      if (await this.run(apply)) {
        this[from] = this[from].slice(0, -1);
        this[to] = [...this[to], current];
        this.message = message;
      }
    });
  }

  /** A change on its way to the engine, not yet costed. */
  private unsaved: Workbook | null = null;
  /** The workbook last written to the store. */
  private saved: Workbook | null = null;

  /**
   * The tab is closing or hidden: write now what a save still waiting would
   * have written. Only a workbook the engine has costed is stored as the
   * workbook; a change still with the engine is kept beside it, to be made or
   * refused on the next visit, so that no stored workbook is one the engine
   * has never accepted.
   */
  flush(): void {
    if (!this.store || this.readOnly || this.id === '' || this.shared) return;
    // Figures shown first are not the engine's: the workbook they are of is not stored as costed.
    const costed = this.shownOver ?? this.workbook;
    if (costed === this.saved && !this.unsaved) return;
    void this.store.save(this.id, costed, this.unsaved ?? undefined).catch(() => undefined);
  }

  /** Work that must wait for the changes before it. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lane.then(work, work);
    this.lane = run.catch(() => undefined);
    return run;
  }

  /** A change the engine costs whole, not as lines patched in place (an import adds and replaces lines). */
  changeWhole(update: (current: Workbook) => Workbook | string, failure = ''): Promise<string | null> {
    const replacing = (current: Workbook) => {
      const next = update(current);
      // Drawn as a new workbook: the page's larger parts a task after its figures, not in the same long task.
      if (typeof next !== 'string' && next !== current) this.replacing = next;
      return next;
    };
    return this.changeWith(replacing, (next) => ({ type: 'load', workbook: next, today: this.today().getTime() }), failure);
  }

  /** Change workbook assumptions: queued like every change, and undoable. */
  async setAssumptions(change: Partial<Assumptions>): Promise<boolean> {
    return (await this.changeWith((wb) => ({ ...wb, assumptions: { ...wb.assumptions, ...change } }), () => ({ type: 'assumptions', change }))) === null;
  }

  /**
   * A percentage assumption as the user typed it (`3.5` or `3.5%`). Returns
   * the reason it cannot be used, or null once it is applied.
   */
  async setPercent(key: PercentAssumption, typed: string): Promise<string | null> {
    const { min, max } = PERCENT_RANGES[key];
    const value = readPercent(typed, min, max);
    if (isUnreadable(value)) return value.problem;
    if (value !== this.workbook.assumptions[key] && !(await this.setAssumptions({ [key]: value }))) return this.error ?? 'The change could not be made';
    return null;
  }

  /** Switching values and sensitivity of a scenario, worked out beside the engine. */
  analyse(scenario: string, ranges: Ranges): Promise<Analysis> {
    return this.engine.analyse({ workbook: this.workbook, scenario, ranges, today: this.today().getTime() });
  }

  /**
   * Replace the scenarios (an assumption moved, a line in or out, one added
   * or deleted): given whole, or as a change to the scenarios as the change
   * before left them. Queued like every change, and undoable.
   */
  async setScenarios(scenarios: Scenario[] | ((current: Scenario[]) => Scenario[])): Promise<boolean> {
    return (
      (await this.changeWith(
        (wb) => ({ ...wb, scenarios: typeof scenarios === 'function' ? scenarios(wb.scenarios ?? []) : scenarios }),
        (next) => ({ type: 'scenarios', scenarios: next.scenarios ?? [] }),
      )) === null
    );
  }

  /** The printed figures against the app's own, recomputed only when the workbook changes. */
  readonly reconciliation = $derived(reconcile(this.workbook));

  /**
   * True while the open workbook is a shared copy, opened from a link and not
   * kept: nothing of it is written to this browser's storage (so it can never
   * take the place of work kept here) until `keepShared`. Opening any other
   * workbook ends it.
   */
  shared = $state(false);
  /** Told when another workbook takes a shared copy's place (not when it is kept): the link leaves the address. */
  sharedEnded: (() => void) | null = null;

  private endShared(): void {
    if (!this.shared) return;
    this.shared = false;
    this.sharedEnded?.();
  }

  /** Opens a workbook from a link, costed like any other but not kept; its history starts afresh. */
  openShared(workbook: Workbook, done: string): Promise<boolean> {
    return this.enqueue(async () => {
      if (!(await this.run(() => this.open(newId(), workbook, false)))) return false;
      this.shared = true;
      this.saved = null;
      this.saveState = 'unsaved';
      this.startHistory();
      this.message = done;
      await this.stored?.(null);
      return true;
    });
  }

  /** Keeps the open shared copy in this browser as a workbook of its own (a new one: it replaces none); true once written. */
  keepShared(): Promise<boolean> {
    return this.enqueue(async () => {
      if (!this.shared) return false;
      if (this.readOnly) return void (this.error = READ_ONLY), false;
      this.shared = false;
      await this.save();
      if (this.saveState !== 'saved') return false; // the link still holds it: a reload opens it again
      this.message = `Workbook “${this.workbook.name}” is kept in this browser.`;
      return true;
    });
  }

  /** Every download the page offers, by the name of its button. */
  download(kind: DownloadKind): Download | null {
    const stem = fileStem(this.workbook.name);
    const r = this.results;
    switch (kind) {
      case 'summary':
        return r && { name: `${stem}-summary.csv`, text: summaryCsv(r) };
      case 'posts':
        return r && { name: `${stem}-posts.csv`, text: postsCsv(this.workbook, r) };
      case 'grades':
        return { name: `${stem}-grades.csv`, text: gradesCsv(this.workbook) };
      case 'costs':
        return { name: `${stem}-costs.csv`, text: costsCsv(this.workbook) };
      case 'savings':
        return { name: `${stem}-savings.csv`, text: savingsCsv(this.workbook) };
      case 'ranges':
        return { name: `${stem}-ranges.csv`, text: rangesCsv(this.workbook) };
      case 'reconciliation':
        return { name: `${stem}-reconciliation.csv`, text: reconciliationCsv(this.reconciliation) };
    }
  }
}

/** `1 row`, `2 rows`, `100,000 rows`. */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;
}

/** A failed save is tried again this many times, a second, then two, then four later. */
export const SAVE_ATTEMPTS = 3;

/**
 * How long a change that recosts many posts waits for the engine before the
 * model's worker is asked for its figures too: at 10,000 posts the engine
 * answers a row in or out, or a grade's cost, in some 20-50 ms; a start
 * delay first set, or a busy machine, takes longer (docs/RULES.md).
 */
export const MODEL_AFTER_CHANGE_MS = 60;

/** Lines from which the engine's build takes long enough (about half a second) to show the model's figures first. */
const MODEL_FIRST_FROM = 1000;

const CHECKING = 'Checking these figures…';

const lineCount = (wb: Workbook) => wb.grades.length + wb.posts.length + wb.costs.length + wb.savings.length;

/** Formulas are worked out by the engine alone: the model has only their last values. */
const hasFormulas = (wb: Workbook) =>
  (wb.userAssumptions ?? []).some((a) => typeof a.value === 'string') ||
  [wb.grades, wb.posts, wb.costs, wb.savings].some((lines: { formulas?: Record<string, string | undefined> }[]) => lines.some((l) => l.formulas && Object.values(l.formulas).some((f) => f !== undefined)));

const STOPPED = 'Stopped before the figures were worked out; nothing changed.';

export function message(e: unknown): string {
  return describeError(e);
}
