// What the page asks of the engine's Web Worker and of the analysis worker.
// The page sends what the user wrote; the worker answers with every figure,
// read once per change.
import type { Results } from '../model/costing';
import type { PostCostsMessage } from './post-costs';
import type { RiskResult } from '../model/risk';
import type { Bar, Ranges } from '../model/sensitivity';
import type { SwitchingValue } from '../model/switching';
import type { Assumptions, Cost, Grade, Post, RiskSettings, Saving, Scenario, Workbook } from '../model/workbook';
import type { WorkbookMessage } from './analysis-workbook';
import type { Costed as RecostCosted, Recost } from '../model/recost';

export type EngineRequest =
  | { type: 'load'; workbook: Workbook; today: number }
  | { type: 'assumptions'; change: Partial<Assumptions> }
  /** Lines changed in place on one sheet, none added or taken away: each changed line, whole. */
  | { type: 'lines'; sheet: 'grades'; changes: { index: number; line: Grade }[] }
  | { type: 'lines'; sheet: 'posts'; changes: { index: number; line: Post }[] }
  | { type: 'lines'; sheet: 'costs'; changes: { index: number; line: Cost }[] }
  | { type: 'lines'; sheet: 'savings'; changes: { index: number; line: Saving }[] }
  | { type: 'scenarios'; scenarios: Scenario[] }
  | RowsRequest;

type LineSheets = { grades: Grade; posts: Post; costs: Cost; savings: Saving };
/**
 * Lines added or taken away on one sheet: lines [at, at + removed) become
 * `lines`; `scenarios` when their references to lines moved with them.
 */
export type RowsRequest = { [K in keyof LineSheets]: { type: 'rows'; sheet: K; at: number; removed: number; lines: LineSheets[K][]; scenarios?: Scenario[] } }[keyof LineSheets];

/** Switching values and sensitivity of one scenario: model searches, run beside the engine. */
export interface AnalysisRequest {
  workbook: Workbook;
  scenario: string;
  ranges: Ranges;
  today: number;
}

/** The risk view of one scenario (model/risk.ts): its runs, with the workbook's ranges. */
export interface RiskRequest {
  workbook: Workbook;
  scenario: string;
  settings: RiskSettings;
  today: number;
}

export interface Analysis {
  scenario: string;
  switching: SwitchingValue[];
  tornado: Bar[];
}

/** The engine's answer to a request: every figure but the post costs, which come as `posts` (post-costs.ts). */
export interface Costed {
  results: Omit<Results, 'postCosts'>;
  posts: PostCostsMessage;
  ms: number;
}

/** What the engine's worker answers, by name (rpc/rpc.ts carries the calls). */
export interface EngineHandlers {
  cost(request: EngineRequest): Costed;
}

/**
 * A request as it travels to the analysis worker, which keeps the workbook
 * it was last sent: the workbook whole, or what changed since
 * (analysis-workbook.ts).
 */
export type Sent<R extends { workbook: Workbook }> = Omit<R, 'workbook'> & { workbook: WorkbookMessage };

/** What the analysis worker answers, by name. */
export interface AnalysisHandlers {
  analyse(request: Sent<AnalysisRequest>): { analysis: Analysis; ms: number };
  /** Reports the runs done as it goes (the risk runs' own worker: the workbook whole). */
  risk(request: RiskRequest, progress: (done: number) => void): RiskResult;
  /** The post costs as rows changed since its last answer (post-costs.ts), or whole where the page has none (`known` false). */
  model(request: Sent<Omit<ModelRequest, 'reuse'>> & { known: boolean }): Costed;
  /** Only the scenarios named costed again (model/recost.ts), and the post costs only if asked for: as `model` sends them, else null. */
  recost(request: Sent<Omit<ModelRequest, 'reuse'>> & { known: boolean; recost: Recost }): { costed: Omit<RecostCosted, 'postCosts'>; posts: PostCostsMessage | null; ms: number };
}

/** A workbook for the pure model to cost whole (its figures shown while the engine builds). */
export interface ModelRequest {
  workbook: Workbook;
  today: number;
  /**
   * Figures of the workbook before, on the page, and what of them a change
   * to the scenarios alone leaves as it was (model/recost.ts): only the rest
   * is costed. Ignored by a model that costs every figure.
   */
  reuse?: { figures: Results; recost: Recost };
}

/** A request the person stopped before the engine answered it. */
export class Cancelled extends Error {
  constructor(message = 'Stopped before it finished.') {
    super(message);
  }
}

/** A request whose worker stopped before answering (it could not load, or it failed): the engine starts afresh. */
export class EngineLost extends Cancelled {}

/** What the page needs of an engine: the worker in the browser, the class itself in tests. */
export interface Engine {
  send(request: EngineRequest): Promise<Results>;
  /**
   * Stops what the engine is working out: each request waiting rejects with
   * `Cancelled`, and the engine starts afresh with no workbook. Only where
   * work can be stopped (a worker); the page offers it when this is there.
   */
  cancel?(): void;
  /** Off the page's thread in the browser: it runs the model a few hundred times. */
  analyse(request: AnalysisRequest): Promise<Analysis>;
  /** The risk view's runs, off the page's thread in the browser, reporting the runs done. */
  risk(request: RiskRequest, progress?: (done: number) => void): Promise<RiskResult>;
  /** Stops the runs under way: the call waiting rejects with `Cancelled`. */
  stopRisk?(): void;
  /**
   * The pure model's figures for a workbook, off the page's thread where
   * there is a worker for it: shown while the engine builds a large one.
   */
  model?(request: ModelRequest): Promise<Results>;
}
