// The scenarios a councillor works with: which one is open, its controls, its
// lines in and out, new / duplicate / rename / delete (with undo), and what
// follows from them: the comparison, switching values, the tornado, the line
// for the minutes. Changes go through AppState, which owns the workbook.
import { comparisonCsv, scenariosCsv, switchingCsv } from '../io/export';
import { isUnreadable, readNumber } from '../io/values';
import { comparison, shownComparison } from '../model/comparison';
import { minutesLine } from '../model/minutes';
import { ASSUMPTION_SPECS, isBuiltIn, scenariosOf, storedValue, valueProblem, type LineSheet } from '../model/scenarios';
import type { Analysis } from '../engine/protocol';
import { rangesOf, type Ranges } from '../model/sensitivity';
import { setRange } from './ranges';
import { SCENARIO_DO_NOTHING, SCENARIO_PROPOSED, type Scenario, type ScenarioAssumption, type Workbook } from '../model/workbook';
import { fileStem, type AppState, type Download } from './app.svelte';

/** A number as typed in a control, `%` allowed after it; null where it is no number. */
export function readTyped(typed: string): number | null {
  const value = readNumber(typed.replace(/\u2212/g, '-').replace(/%\s*$/, ''));
  return value === null || isUnreadable(value) ? null : value;
}

export class ScenarioState {
  open = $state(SCENARIO_PROPOSED);
  /**
   * The comparison's base. Kept for the session, like the open scenario, and
   * not in the workbook: choosing how to look at the figures is not a change
   * to undo, save or send with the file (docs/RULES.md, "Comparing scenarios").
   */
  base = $state(SCENARIO_DO_NOTHING);
  /** Each assumption's Low and High, as the workbook keeps them (the Ranges sheet). */
  readonly ranges = $derived.by(() => rangesOf(this.app.workbook));
  /** The risk view's chance for a scenario, once it has run (risk.svelte.ts): the minutes line says it. */
  chance = $state.raw<{ scenario: string; chance: number; runs: number } | null>(null);
  /** The scenario last deleted, for undo. */
  deleted = $state.raw<{ scenario: Scenario; index: number } | null>(null);

  constructor(private readonly app: AppState) {}

  readonly list = $derived.by(() => scenariosOf(this.app.workbook));
  readonly figures = $derived.by(() => this.app.results?.scenarios.find((s) => s.name === this.open) ?? null);
  /** The base the comparison uses: the one chosen, or doing nothing if that one is gone (an undo took it away). */
  readonly baseInUse = $derived.by(() => this.comparison[0]?.base ?? this.base);
  /** To the penny: the comparison CSV. */
  readonly comparison = $derived.by(() => (this.app.results ? comparison(this.app.results, this.base) : []));
  /** In whole pounds that add up with the headline and the year tables: the page and the printed appendix. */
  readonly shownComparison = $derived.by(() => (this.app.results ? shownComparison(this.app.results, this.base) : []));
  /**
   * The last switching values and tornado the worker sent, with the workbook
   * they are of and which workbook in the page's place that was (`replaced`,
   * and `wholeLoads`: a workbook sent to the engine whole, opened in place too):
   * after an edit they stay on screen, marked as being worked out again; a
   * workbook in another's place never shows another's.
   */
  analysis = $state.raw<{ of: Workbook; replaced: number; wholeLoads: number; answer: Analysis } | null>(null);
  /** The open scenario's analysis of the workbook on screen, or of it before its latest change; null when there is none yet. */
  private readonly shown = $derived.by(() => {
    const a = this.analysis;
    if (!a || a.answer.scenario !== this.open) return null;
    // Another workbook in the page's place (opened, imported, followed from another tab, or back by an undo across an
    // import) never shows this one's.
    const same = a.replaced === this.app.replaced && a.wholeLoads === this.app.wholeLoads;
    return a.of === this.app.workbook || same ? a : null;
  });
  /** True until the switching values and tornado shown are those of the workbook on screen (and its search has not failed). */
  readonly analysing = $derived.by(() => this.shown?.of !== this.app.workbook && this.problem === null);
  /** Why the last search of the workbook on screen failed (the analysis worker lost, say): said, not "in a moment" for ever. */
  private failed = $state.raw<{ of: Workbook; open: string; reason: string } | null>(null);
  readonly problem = $derived.by(() => {
    const f = this.failed;
    return f && f.of === this.app.workbook && f.open === this.open ? f.reason : null;
  });
  // None where the search of the workbook on screen failed: the values before it are not its own.
  readonly switching = $derived.by(() => (this.problem === null ? (this.shown?.answer.switching ?? []) : []));
  readonly tornado = $derived.by(() => (this.problem === null ? (this.shown?.answer.tornado ?? []) : []));
  private asked = 0;
  /** What the search now on its way (or last answered) was asked of, so the same question is not asked twice. */
  private sought: { workbook: Workbook; open: string; ranges: string } | null = null;
  readonly minutes = $derived.by(() =>
    this.app.results ? minutesLine(this.app.workbook, this.app.results, this.open, this.chance?.scenario === this.open ? this.chance : undefined) : '',
  );

  /** One end of an assumption's range, in its own units: the reason it cannot be used, or null once kept. */
  setRange(key: ScenarioAssumption, end: 0 | 1, value: number): Promise<string | null> {
    const range: [number, number] = [...this.ranges[key]];
    range[end] = value;
    return setRange(this.app, key, range[0], range[1]);
  }

  /**
   * Works out switching values and the tornado off the page's thread; called
   * whenever the workbook, the open scenario or the ranges change. Only the
   * newest answer is kept. While the page shows figures the engine is still
   * checking (a workbook being built, some seconds at 10,000 posts), the
   * search waits for the engine's figures: on two cores it would slow the
   * engine down, and it is worked out once, of the workbook the engine costed.
   */
  async analyse(): Promise<void> {
    if (!this.app.results) return;
    const ask = ++this.asked;
    await this.app.checked();
    if (ask !== this.asked || !this.app.results) return;
    const ranges = $state.snapshot(this.ranges) as Ranges;
    const sought = { workbook: this.app.workbook, open: this.open, ranges: JSON.stringify(ranges) };
    // The engine's figures replacing the model's change no input of the search: the one asked already serves.
    if (this.sought && this.sought.workbook === sought.workbook && this.sought.open === sought.open && this.sought.ranges === sought.ranges) return;
    this.sought = sought;
    const replaced = this.app.replaced;
    const wholeLoads = this.app.wholeLoads;
    try {
      const answer = await this.app.analyse(sought.open, ranges);
      if (this.sought === sought) {
        this.analysis = { of: sought.workbook, replaced, wholeLoads, answer };
        this.failed = null;
      }
    } catch (error) {
      // A newer question replaced this one before it ran (client.ts): its answer is the one wanted.
      if (this.sought !== sought) return;
      this.sought = null; // asked again next time
      // Kept to be said where the values go (a lost worker is started afresh when asked again).
      this.failed = { of: sought.workbook, open: sought.open, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private get current(): Scenario {
    return this.list.find((s) => s.name === this.open) ?? this.list[1];
  }

  /**
   * One scenario changed, worked out from the scenarios as the change before
   * left them (two quick clicks both count). Built-ins are stored once they change.
   */
  private update(name: string, change: (s: Scenario) => Scenario): Promise<boolean> {
    return this.app.setScenarios((own) => {
      const current = scenariosOf({ scenarios: own } as Workbook).find((s) => s.name === name);
      if (!current) return own;
      const next = change(current);
      return own.some((s) => s.name === name) ? own.map((s) => (s.name === name ? next : s)) : [...own, next];
    });
  }

  choose(name: string): void {
    if (this.list.some((s) => s.name === name)) this.open = name;
  }

  chooseBase(name: string): void {
    if (this.list.some((s) => s.name === name)) this.base = name;
  }

  /** Set the open scenario's value of an assumption; null goes back to the workbook's. */
  async setValue(key: ScenarioAssumption, value: number | null): Promise<string | null> {
    const problem = value === null ? null : valueProblem(key, value);
    if (problem) return problem;
    const ok = await this.update(this.open, (s) => {
      const overrides = { ...s.overrides };
      if (value === null) delete overrides[key];
      else overrides[key] = value;
      return { ...s, overrides };
    });
    return ok ? null : (this.app.error ?? 'The change could not be made');
  }

  /**
   * An assumption as a person types it in the open scenario's controls:
   * `50`, `50%`, `1,000`, `−10` with a typographic minus. Returns why it
   * cannot be used (and nothing changes), or null once the figures use it.
   */
  setTyped(key: ScenarioAssumption, typed: string): Promise<string | null> {
    const spec = ASSUMPTION_SPECS.find((a) => a.key === key)!;
    const shown = readTyped(typed);
    if (shown === null) return Promise.resolve(`Enter ${spec.name} as a number of ${spec.unit === '%' ? 'percent, like 3.5' : 'months, like 6'}`);
    return this.setValue(key, storedValue(spec, shown));
  }

  /** The open scenario's own pay award for one year (2025 for 2025/26); null gives the year back to the single rate. */
  async setPayAwardYear(year: number, value: number | null): Promise<string | null> {
    const problem = value === null ? null : valueProblem('payAward', value);
    if (problem) return problem;
    const ok = await this.update(this.open, (s) => {
      const byYear = { ...s.payAwardByYear };
      if (value === null) delete byYear[year];
      else byYear[year] = value;
      const { payAwardByYear: _, ...rest } = s;
      return Object.keys(byYear).length ? { ...rest, payAwardByYear: byYear } : rest;
    });
    return ok ? null : (this.app.error ?? 'The change could not be made');
  }

  /** Put a line in or take it out of the open scenario. */
  async toggleLine(sheet: LineSheet, index: number): Promise<void> {
    await this.update(this.open, (s) => {
      const toggled = { ...s.toggled };
      const list = toggled[sheet] ?? [];
      toggled[sheet] = list.includes(index) ? list.filter((i) => i !== index) : [...list, index].sort((a, b) => a - b);
      return { ...s, toggled };
    });
  }

  /** Why a name cannot be used, or null. */
  nameProblem(name: string, except = ''): string | null {
    const clean = name.trim();
    if (clean === '') return 'Enter a name for the scenario';
    if (this.list.some((s) => s.name.toLowerCase() === clean.toLowerCase() && s.name !== except)) return `There is already a scenario called ${clean}`;
    return null;
  }

  /** A new scenario starts as a copy of Proposed investment: every line in. */
  async create(name: string): Promise<string | null> {
    const problem = this.nameProblem(name);
    if (problem) return problem;
    const clean = name.trim();
    await this.app.setScenarios((own) => {
      if (own.some((s) => s.name.toLowerCase() === clean.toLowerCase())) return own;
      const proposal = scenariosOf({ scenarios: own } as Workbook)[1];
      return [...own, { name: clean, overrides: { ...proposal.overrides }, toggled: structuredClone($state.snapshot(proposal.toggled) ?? {}) }];
    });
    this.open = clean;
    return null;
  }

  async duplicate(): Promise<void> {
    const source = this.open;
    let name = `${source} (copy)`;
    for (let n = 2; this.nameProblem(name); n++) name = `${source} (copy ${n})`;
    await this.app.setScenarios((own) => {
      const from = scenariosOf({ scenarios: own } as Workbook).find((s) => s.name === source);
      return from && !own.some((s) => s.name === name) ? [...own, { ...(structuredClone($state.snapshot(from)) as Scenario), name }] : own;
    });
    this.open = name;
  }

  async rename(name: string): Promise<string | null> {
    const from = this.open;
    if (isBuiltIn(from)) return `${from} cannot be renamed`;
    const problem = this.nameProblem(name, from);
    if (problem) return problem;
    await this.app.setScenarios((own) => own.map((s) => (s.name === from ? { ...s, name: name.trim() } : s)));
    this.open = name.trim();
    if (this.base === from) this.base = this.open;
    return null;
  }

  async remove(): Promise<void> {
    const scenario = this.current;
    if (isBuiltIn(scenario.name)) return;
    const index = (this.app.workbook.scenarios ?? []).findIndex((s) => s.name === scenario.name);
    await this.app.setScenarios((own) => own.filter((s) => s.name !== scenario.name));
    this.deleted = { scenario, index };
    this.open = SCENARIO_PROPOSED;
    if (this.base === scenario.name) this.base = SCENARIO_DO_NOTHING;
    this.app.message = `Scenario “${scenario.name}” deleted.`;
  }

  /** Puts back the scenario last deleted, unless one of that name is there again (Ctrl+Z got there first). */
  async undoRemove(): Promise<void> {
    const deleted = this.deleted;
    if (!deleted) return;
    this.deleted = null;
    await this.app.setScenarios((own) => {
      if (own.some((s) => s.name.toLowerCase() === deleted.scenario.name.toLowerCase())) return own;
      const next = [...own];
      next.splice(Math.min(deleted.index, next.length), 0, deleted.scenario);
      return next;
    });
    this.open = deleted.scenario.name;
    this.app.message = `Scenario “${deleted.scenario.name}” restored.`;
  }

  download(kind: 'comparison' | 'switching' | 'scenarios'): Download | null {
    const stem = fileStem(this.app.workbook.name);
    if (kind === 'scenarios') return { name: `${stem}-scenarios.csv`, text: scenariosCsv(this.list) };
    if (kind === 'comparison') return { name: `${stem}-comparison.csv`, text: comparisonCsv(this.comparison) };
    // Never the values of the workbook before a change: said, and asked again in a moment.
    if (this.problem !== null) {
      this.app.error = `The switching values for ${this.open} could not be worked out. ${this.problem}. Press “Work them out again” under them.`;
      return null;
    }
    if (this.analysing) {
      this.app.error = `The switching values for ${this.open} are still being worked out: download them again in a moment.`;
      return null;
    }
    return { name: `${stem}-switching-values.csv`, text: switchingCsv(this.open, this.switching) };
  }
}
