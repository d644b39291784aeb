// The analysis worker keeps the workbook it was last sent, as the engine's
// worker does, and the page sends it only what changed: at 10,000 posts a
// workbook takes the page some 10-30 ms to copy into a message and the worker
// as long again to read, where an inserted post is one line. It keeps each
// post's costs too, so after an insert or a delete only the new post is
// costed and the sums added up again (docs/RULES.md, "Figures first, then the
// engine's").
import { costWorkbook, postCosting, type PostCosting, type Results } from '../model/costing';
import type { Horizon } from '../model/horizon';
import type { Post, Workbook } from '../model/workbook';

const LINE_SHEETS = ['grades', 'posts', 'costs', 'savings'] as const;
type LineSheet = (typeof LINE_SHEETS)[number];

/** Lines [at, at + removed) of a sheet become `lines`. */
export interface Run {
  at: number;
  removed: number;
  lines: unknown[];
}

/** What changed from one workbook to the next: each other part that changed, whole (all small); each sheet of lines, as the run that differs. */
export interface WorkbookPatch {
  set: Partial<Workbook>;
  runs: Partial<Record<LineSheet, Run>>;
}

/** A workbook as a message carries it: whole, or as a patch to the one the worker holds (`base`); `version` names the result. */
export type WorkbookMessage = { whole: Workbook; version: number } | { patch: WorkbookPatch; base: number; version: number };

const isLineSheet = (key: string): key is LineSheet => (LINE_SHEETS as readonly string[]).includes(key);

/** The run of lines that differs between two versions of a sheet: lines the same before it and after it (the same objects) stay. */
function runOf(a: readonly unknown[], b: readonly unknown[]): Run {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  let same = 0;
  while (same < a.length - at && same < b.length - at && a[a.length - 1 - same] === b[b.length - 1 - same]) same++;
  return { at, removed: a.length - at - same, lines: b.slice(at, b.length - same) };
}

export function workbookPatch(before: Workbook, after: Workbook): WorkbookPatch {
  const patch: WorkbookPatch = { set: {}, runs: {} };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Workbook>) {
    if (before[key] === after[key]) continue;
    if (isLineSheet(key)) patch.runs[key] = runOf(before[key], after[key]);
    else (patch.set as Record<string, unknown>)[key] = after[key];
  }
  return patch;
}

/** The workbook a patch makes of `held`: lines outside each run are `held`'s own objects. */
export function applyPatch(held: Workbook, patch: WorkbookPatch): Workbook {
  const next = { ...held, ...patch.set } as Record<string, unknown>;
  // A part taken away travels as undefined.
  for (const [key, value] of Object.entries(patch.set)) if (value === undefined) delete next[key];
  for (const [sheet, run] of Object.entries(patch.runs) as [LineSheet, Run][]) {
    const lines = [...held[sheet]] as unknown[];
    lines.splice(run.at, run.removed, ...run.lines);
    next[sheet] = lines;
  }
  return next as unknown as Workbook;
}

/** The page's side: which workbook the worker holds, so that only what changed is sent. */
export class HeldWorkbook {
  private held: { workbook: Workbook; version: number } | null = null;
  private versions = 0;

  /** The message for `workbook`, taking it as the one the worker holds once the message has gone. */
  message(workbook: Workbook): WorkbookMessage {
    const held = this.held;
    const version = held?.workbook === workbook ? held.version : ++this.versions;
    this.held = { workbook, version };
    return held ? { patch: workbookPatch(held.workbook, workbook), base: held.version, version } : { whole: workbook, version };
  }

  /** The worker was started afresh, or refused a message: it is sent the next workbook whole. */
  forget(): void {
    this.held = null;
  }
}

/** The worker's side: the workbook the page last sent. */
export class WorkbookHolder {
  private held: { workbook: Workbook; version: number } | null = null;

  receive(message: WorkbookMessage): Workbook {
    if ('whole' in message) {
      this.held = { workbook: message.whole, version: message.version };
    } else {
      // A patch to a workbook this worker does not hold (it was started afresh) is refused: the page sends the workbook whole.
      if (this.held?.version !== message.base) throw new Error('The analysis worker needs the workbook whole.');
      this.held = { workbook: applyPatch(this.held.workbook, message.patch), version: message.version };
    }
    return this.held.workbook;
  }
}

/**
 * costWorkbook with each post's costs kept, by the post (the same object
 * while its line is unchanged) and the setting it was costed under. The
 * sums are added up afresh in the same order, so the figures are exactly
 * costWorkbook's. A new horizon or grade table costs every post again.
 */
export class CostingCache {
  /** Posts costed since made (or since set to 0): how much the cache saved. */
  costed = 0;
  private context: { years: string; grades: Map<string, number> } | null = null;
  private bySetting = new Map<string, WeakMap<Post, ReturnType<PostCosting>>>();

  /** How many settings' costs are kept: those the last costing used, so moving a slider through many values keeps no more. */
  get settings(): number {
    return this.bySetting.size;
  }

  cost(workbook: Workbook, today: Date): Results {
    const used = new Set<string>();
    const results = costWorkbook(workbook, today, (horizon, grades) => this.costing(horizon, grades, used));
    for (const setting of this.bySetting.keys()) if (!used.has(setting)) this.bySetting.delete(setting);
    return results;
  }

  private costing(horizon: Horizon, grades: Map<string, number>, used: Set<string>): PostCosting {
    const years = horizon.years.join();
    const context = this.context;
    if (!context || context.years !== years || !sameEntries(context.grades, grades)) {
      this.context = { years, grades };
      this.bySetting = new Map();
    }
    const fresh = postCosting(horizon, grades);
    // A scenario asks for all its posts under one setting (one pay array): its key is made once, not per post.
    let last: { recruitment: number; startDelay: number; pay: number[]; posts: WeakMap<Post, ReturnType<PostCosting>> } | null = null;
    return (post, recruitment, startDelay, pay) => {
      if (last?.pay !== pay || last.recruitment !== recruitment || last.startDelay !== startDelay) {
        const setting = `${recruitment}|${startDelay}|${pay.join()}`;
        let known = this.bySetting.get(setting);
        if (!known) this.bySetting.set(setting, (known = new WeakMap()));
        used.add(setting);
        last = { recruitment, startDelay, pay, posts: known };
      }
      const { posts } = last;
      let costed = posts.get(post);
      if (!costed) {
        costed = fresh(post, recruitment, startDelay, pay);
        posts.set(post, costed);
        this.costed++;
      }
      return costed;
    };
  }
}

const sameEntries = (a: Map<string, number>, b: Map<string, number>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
