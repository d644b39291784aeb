// The risk view (docs/RULES.md, "Uncertainty"): the open scenario's runs,
// worked out off the page's thread with progress and Stop, its seed and runs
// kept with the workbook, and the risk CSVs. A newer question (an edit, another
// scenario, another seed) stops the runs under way and starts afresh.
import { Cancelled, type Engine } from '../engine/protocol';
import { riskCsv, riskRunsCsv } from '../io/risk-csv';
import { riskOf, type RiskResult } from '../model/risk';
import type { Workbook } from '../model/workbook';
import { fileStem, message, type AppState, type Download } from './app.svelte';
import { setRisk } from './ranges';
import type { ScenarioState } from './scenarios.svelte';

export class RiskState {
  /** The newest runs, and the workbook they were worked out on. */
  result = $state.raw<RiskResult | null>(null);
  private resultOf = $state.raw<Workbook | null>(null);
  running = $state(false);
  /** Runs done of the run under way. */
  done = $state(0);
  /** What is running, when it is more than the open scenario (the CSV of every scenario). */
  doing = $state('');
  stopped = $state(false);
  error = $state<string | null>(null);
  private asked = 0;
  /** Each scenario's runs on one workbook: the risk CSV reuses what was already worked out. */
  private kept = { workbook: null as Workbook | null, byScenario: new Map<string, RiskResult>() };

  constructor(
    private readonly app: AppState,
    private readonly scenarios: ScenarioState,
    private readonly engine: Pick<Engine, 'risk' | 'stopRisk'>,
    private readonly today: () => Date = () => new Date(),
  ) {}

  readonly settings = $derived.by(() => riskOf(this.app.workbook));

  /** The runs for the workbook and scenario on screen, or null while they are being worked out. */
  readonly current = $derived.by(() => (this.result && this.resultOf === this.app.workbook && this.result.scenario === this.scenarios.open ? this.result : null));
  /** What the page shows: the current runs, else the scenario's last while newer ones are worked out (`stale`). */
  readonly shown = $derived.by(() => this.current ?? (this.result?.scenario === this.scenarios.open ? this.result : null));
  readonly stale = $derived(this.shown !== null && this.shown !== this.current);

  private keep(workbook: Workbook, result: RiskResult): void {
    if (this.kept.workbook !== workbook) this.kept = { workbook, byScenario: new Map() };
    this.kept.byScenario.set(result.scenario, result);
  }

  private async runOne(workbook: Workbook, scenario: string, ask: number): Promise<RiskResult> {
    const known = this.kept.workbook === workbook ? this.kept.byScenario.get(scenario) : undefined;
    if (known) return known;
    this.done = 0;
    const result = await this.engine.risk({ workbook, scenario, settings: riskOf(workbook), today: this.today().getTime() }, (done) => {
      if (ask === this.asked) this.done = done;
    });
    this.keep(workbook, result);
    return result;
  }

  /** What the runs follow: the workbook (its ranges, seed and runs too), its figures and the open scenario. */
  get question(): unknown[] {
    return [this.app.results, this.app.workbook, this.scenarios.open];
  }

  /** The open scenario's runs, unless those on screen are already its; any under way are stopped first. */
  async run(): Promise<void> {
    if (!this.app.results || this.current) return;
    const ask = this.begin();
    const [workbook, scenario] = [this.app.workbook, this.scenarios.open];
    // The minutes say no chance until the runs for this workbook are in.
    if (this.scenarios.chance && this.resultOf !== workbook) this.scenarios.chance = null;
    try {
      const result = await this.runOne(workbook, scenario, ask);
      if (ask === this.asked) this.show(workbook, result);
    } catch (error) {
      this.fail(ask, error);
    } finally {
      if (ask === this.asked) this.running = false;
    }
  }

  private show(workbook: Workbook, result: RiskResult): void {
    this.result = result;
    this.resultOf = workbook;
    this.scenarios.chance = { scenario: result.scenario, chance: result.chance, runs: result.runs };
  }

  private begin(): number {
    if (this.running) this.engine.stopRisk?.();
    this.running = true;
    this.stopped = false;
    this.error = null;
    this.doing = '';
    this.done = 0;
    return ++this.asked;
  }

  private fail(ask: number, error: unknown): void {
    if (ask !== this.asked) return;
    if (error instanceof Cancelled) this.stopped = true;
    else this.error = message(error);
  }

  /** Stop: the worker doing the runs is ended; the figures stay as they were before. */
  stop(): void {
    if (!this.running) return;
    this.asked++;
    this.engine.stopRisk?.();
    this.running = false;
    this.stopped = true;
  }

  setSeed(seed: number): Promise<string | null> {
    return setRisk(this.app, { seed });
  }

  setRuns(runs: number): Promise<string | null> {
    return setRisk(this.app, { runs });
  }

  /** Download risk CSV: a row per scenario, each run (or reused) on the workbook as it stands. */
  async downloadAll(): Promise<Download | null> {
    if (!this.app.results) return null;
    const ask = this.begin();
    const workbook = this.app.workbook;
    const names = this.scenarios.list.map((s) => s.name);
    const results: RiskResult[] = [];
    try {
      for (const [i, name] of names.entries()) {
        this.doing = `${name} (${i + 1} of ${names.length})`;
        results.push(await this.runOne(workbook, name, ask));
        if (ask !== this.asked) return null;
      }
    } catch (error) {
      this.fail(ask, error);
      return null;
    } finally {
      if (ask === this.asked) {
        this.running = false;
        this.doing = '';
      }
    }
    // The open scenario's runs were among them (a run of it under way was stopped for these).
    const open = results.find((r) => r.scenario === this.scenarios.open);
    if (open && this.app.workbook === workbook) this.show(workbook, open);
    return { name: `${fileStem(workbook.name)}-risk.csv`, text: riskCsv(results) };
  }

  /** Download risk runs CSV: the open scenario's runs as shown. */
  downloadRuns(): Download | null {
    const r = this.current;
    return r && { name: `${fileStem(this.app.workbook.name)}-${fileStem(r.scenario)}-risk-runs.csv`, text: riskRunsCsv(r) };
  }
}
