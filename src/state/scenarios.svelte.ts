// The scenarios a councillor works with: which one is open, its controls, its
// lines in and out, new / duplicate / rename / delete (with undo), and what
// follows from them: the comparison, switching values, the tornado, the line
// for the minutes. Changes go through AppState, which owns the workbook.
import { comparisonCsv, scenariosCsv, switchingCsv } from '../io/export';
import { comparison } from '../model/comparison';
import { minutesLine } from '../model/minutes';
import { isBuiltIn, scenariosOf, type LineSheet } from '../model/scenarios';
import type { Analysis } from '../engine/protocol';
import { DEFAULT_RANGES, type Ranges } from '../model/sensitivity';
import { SCENARIO_PROPOSED, type Scenario, type ScenarioAssumption } from '../model/workbook';
import { fileStem, type AppState, type Download } from './app.svelte';

export class ScenarioState {
  open = $state(SCENARIO_PROPOSED);
  ranges = $state<Ranges>(structuredClone(DEFAULT_RANGES));
  /** The scenario last deleted, for undo. */
  deleted = $state.raw<{ scenario: Scenario; index: number } | null>(null);

  constructor(private readonly app: AppState) {}

  readonly list = $derived.by(() => scenariosOf(this.app.workbook));
  readonly figures = $derived.by(() => this.app.results?.scenarios.find((s) => s.name === this.open) ?? null);
  readonly comparison = $derived.by(() => this.app.results ? comparison(this.app.results) : []);
  /** The open scenario's switching values and tornado, once the worker has them. */
  analysis = $state.raw<Analysis | null>(null);
  readonly switching = $derived.by(() => (this.analysis?.scenario === this.open ? this.analysis.switching : []));
  readonly tornado = $derived.by(() => (this.analysis?.scenario === this.open ? this.analysis.tornado : []));
  private asked = 0;
  readonly minutes = $derived.by(() => this.app.results ? minutesLine(this.app.workbook, this.app.results, this.open) : '');

  /**
   * Works out switching values and the tornado off the page's thread; called
   * whenever the workbook, the open scenario or the ranges change. Only the
   * newest answer is kept.
   */
  async analyse(): Promise<void> {
    if (!this.app.results) return;
    const ask = ++this.asked;
    const analysis = await this.app.analyse(this.open, $state.snapshot(this.ranges) as Ranges);
    if (ask === this.asked) this.analysis = analysis;
  }

  private get current(): Scenario {
    return this.list.find((s) => s.name === this.open) ?? this.list[1];
  }

  /** The workbook's own list with one scenario replaced (built-ins are stored once they change). */
  private replaced(next: Scenario): Scenario[] {
    const own = this.app.workbook.scenarios ?? [];
    const at = own.findIndex((s) => s.name === next.name);
    return at >= 0 ? own.map((s, i) => (i === at ? next : s)) : [...own, next];
  }

  choose(name: string): void {
    if (this.list.some((s) => s.name === name)) this.open = name;
  }

  /** Set the open scenario's value of an assumption; null goes back to the workbook's. */
  async setValue(key: ScenarioAssumption, value: number | null): Promise<void> {
    const overrides = { ...this.current.overrides };
    if (value === null) delete overrides[key];
    else overrides[key] = value;
    await this.app.setScenarios(this.replaced({ ...this.current, overrides }));
  }

  /** Put a line in or take it out of the open scenario. */
  async toggleLine(sheet: LineSheet, index: number): Promise<void> {
    const toggled = { ...this.current.toggled };
    const list = toggled[sheet] ?? [];
    toggled[sheet] = list.includes(index) ? list.filter((i) => i !== index) : [...list, index].sort((a, b) => a - b);
    await this.app.setScenarios(this.replaced({ ...this.current, toggled }));
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
    const proposal = this.list[1];
    await this.app.setScenarios([...(this.app.workbook.scenarios ?? []), { name: name.trim(), overrides: { ...proposal.overrides }, toggled: structuredClone(proposal.toggled ?? {}) }]);
    this.open = name.trim();
    return null;
  }

  async duplicate(): Promise<void> {
    let name = `${this.current.name} (copy)`;
    for (let n = 2; this.nameProblem(name); n++) name = `${this.current.name} (copy ${n})`;
    const copy = structuredClone($state.snapshot(this.current)) as Scenario;
    await this.app.setScenarios([...(this.app.workbook.scenarios ?? []), { ...copy, name }]);
    this.open = name;
  }

  async rename(name: string): Promise<string | null> {
    if (isBuiltIn(this.current.name)) return `${this.current.name} cannot be renamed`;
    const problem = this.nameProblem(name, this.current.name);
    if (problem) return problem;
    const own = this.app.workbook.scenarios ?? [];
    await this.app.setScenarios(own.map((s) => (s.name === this.current.name ? { ...s, name: name.trim() } : s)));
    this.open = name.trim();
    return null;
  }

  async remove(): Promise<void> {
    const scenario = this.current;
    if (isBuiltIn(scenario.name)) return;
    const own = this.app.workbook.scenarios ?? [];
    const index = own.findIndex((s) => s.name === scenario.name);
    await this.app.setScenarios(own.filter((s) => s.name !== scenario.name));
    this.deleted = { scenario, index };
    this.open = SCENARIO_PROPOSED;
    this.app.message = `Scenario “${scenario.name}” deleted.`;
  }

  async undoRemove(): Promise<void> {
    const deleted = this.deleted;
    if (!deleted) return;
    const own = [...(this.app.workbook.scenarios ?? [])];
    own.splice(Math.min(deleted.index, own.length), 0, deleted.scenario);
    await this.app.setScenarios(own);
    this.deleted = null;
    this.open = deleted.scenario.name;
    this.app.message = `Scenario “${deleted.scenario.name}” restored.`;
  }

  download(kind: 'comparison' | 'switching' | 'scenarios'): Download | null {
    const stem = fileStem(this.app.workbook.name);
    if (kind === 'scenarios') return { name: `${stem}-scenarios.csv`, text: scenariosCsv(this.list) };
    if (kind === 'comparison') return { name: `${stem}-comparison.csv`, text: comparisonCsv(this.comparison) };
    return { name: `${stem}-switching-values.csv`, text: switchingCsv(this.open, this.switching) };
  }
}
