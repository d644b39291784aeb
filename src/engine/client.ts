// The page's side of the engine's workers, loaded off the page's thread:
// the engine's (HyperFormula, started as the page loads: `warm`), which
// applies every change in order; the analysis worker (the pure model,
// started on first use), which searches for switching values and the
// tornado; the model's own, which costs a large workbook, or a change that
// recosts many posts, while the engine does; and the risk runs'. A search
// can take a while on a large establishment, so it never sits in front of
// an edit; while one runs, only the newest question waits (a worker started
// afresh would be slower than the search it replaced).
import type { Results } from '../model/costing';
import { mergeFigures } from '../model/recost';
import type { RiskResult } from '../model/risk';
import type { Workbook } from '../model/workbook';
import { Client, type ClientOptions } from '../rpc/rpc';
import { HeldWorkbook, type WorkbookMessage } from './analysis-workbook';
import { unpackPostCosts } from './post-costs';
import { Cancelled, EngineLost, type Analysis, type AnalysisHandlers, type AnalysisRequest, type Engine, type EngineHandlers, type EngineRequest, type RiskRequest, type ModelRequest } from './protocol';

// Vite finds a worker to bundle by `new Worker(new URL(...))` written out, so each is written in full.
const stopped = () => new Cancelled();
const lost = (what: string) => (reason: string | undefined) => new EngineLost(`The ${what} stopped: ${reason || 'it could not load'}`);

/** An analysis a newer one replaced before it started. */
export class Superseded extends Error {
  constructor() {
    super('A newer analysis replaced this one.');
  }
}

/**
 * The page's side of the analysis worker, which keeps the workbook it was
 * last sent: each request carries the workbook as what changed since
 * (an inserted post, a pay award), or nothing when it is the same, and whole
 * only to a worker that holds none (analysis-workbook.ts).
 */
export class AnalysisChannel {
  private readonly held = new HeldWorkbook();
  readonly rpc: Client<AnalysisHandlers>;

  constructor(options: ClientOptions) {
    this.rpc = new Client<AnalysisHandlers>({
      ...options,
      create: () => {
        // A worker started afresh holds no workbook, and has sent no post costs.
        this.held.forget();
        this.postCosts = null;
        return options.create();
      },
    });
  }

  /** The post costs of the last answer, to apply the next one's changed rows to. */
  private postCosts: number[][] | null = null;

  model({ reuse, ...request }: ModelRequest): Promise<Results> {
    if (reuse) return this.recost(request, reuse);
    return this.withWorkbook(request.workbook, async (workbook) => {
      const { results, posts } = await this.rpc.send('model', { ...request, workbook, known: this.postCosts !== null });
      this.postCosts = unpackPostCosts(this.postCosts, posts);
      if (!this.postCosts) throw new Error('The app’s own check calculation arrived incomplete.');
      return { ...results, postCosts: this.postCosts };
    });
  }

  /** Only the scenarios that changed costed in the worker; the rest, and the post costs unless the proposal changed, are the figures on the page. */
  private async recost(request: Omit<ModelRequest, 'reuse'>, { figures, recost }: NonNullable<ModelRequest['reuse']>): Promise<Results> {
    const answer = await this.withWorkbook(request.workbook, (workbook) => this.rpc.send('recost', { ...request, workbook, recost, known: this.postCosts !== null }));
    let postCosts: number[][] | null = null;
    if (answer.posts) {
      this.postCosts = unpackPostCosts(this.postCosts, answer.posts);
      if (!this.postCosts) throw new Error('The app’s own check calculation arrived incomplete.');
      postCosts = this.postCosts;
    }
    // Over another horizon (the year turned) nothing on the page serves: the workbook is costed whole.
    return mergeFigures(request.workbook, figures, recost, { ...answer.costed, postCosts }) ?? this.model(request);
  }

  analyse(request: AnalysisRequest): Promise<{ analysis: Analysis; ms: number }> {
    return this.withWorkbook(request.workbook, (workbook) => this.rpc.send('analyse', { ...request, workbook }));
  }

  private async withWorkbook<T>(workbook: Workbook, send: (message: WorkbookMessage) => Promise<T>): Promise<T> {
    this.rpc.warm(); // started (and so forgotten) before the message is made, so a new worker is sent the workbook whole
    const message = this.held.message(workbook);
    try {
      return await send(message);
    } catch (e) {
      // What the worker holds is no longer known: it is sent the workbook whole, once more if this was a patch it refused.
      this.held.forget();
      if (!('patch' in message) || e instanceof Cancelled) throw e;
      return send(this.held.message(workbook));
    }
  }
}

export class WorkerEngine implements Engine {
  /** The post costs the engine's worker last sent, to apply the changed rows of the next reply to. */
  private postCosts: number[][] | null = null;

  private readonly engine = new Client<EngineHandlers>({
    create: () => {
      this.postCosts = null;
      return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    },
    stopped,
    lost: lost('calculation engine'),
  });

  private readonly analysis = new AnalysisChannel({
    create: () => new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' }),
    stopped,
    lost: lost('analysis'),
  });

  /**
   * The model's figures while the engine builds or recosts many posts: a
   * worker of its own (the analysis worker's code), so they never wait
   * behind a search that the change before started (some 150-300 ms at
   * 10,000 posts).
   */
  private readonly modelling = new AnalysisChannel({
    create: () => new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' }),
    stopped,
    lost: lost('check calculation'),
  });

  /** The risk view's runs: a worker of its own (the analysis worker's code), so Stop ends only them. */
  private readonly runs = new Client<AnalysisHandlers>({
    create: () => new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' }),
    stopped,
    lost: lost('risk runs'),
  });

  risk(request: RiskRequest, progress?: (done: number) => void): Promise<RiskResult> {
    return this.runs.send('risk', request, progress);
  }

  /** The runs cannot be interrupted inside the worker: it is ended, and the next run starts another. */
  stopRisk(): void {
    this.runs.stop();
  }

  /**
   * Loads the engine's worker (HyperFormula, some 175 KB gzip) at once, while
   * the page paints and reads the saved workbook, rather than on first use.
   */
  warm(): void {
    this.engine.warm();
  }

  async send(request: EngineRequest): Promise<Results> {
    const { results, posts } = await this.engine.send('cost', request);
    const postCosts = unpackPostCosts(this.postCosts, posts);
    if (!postCosts) throw new Error('The figures from the engine arrived incomplete; reload the page to cost the workbook again.');
    this.postCosts = postCosts;
    return { ...results, postCosts };
  }

  /** HyperFormula cannot be interrupted in the middle of a build: its worker is ended and a new one started. */
  cancel(): void {
    this.engine.stop();
    this.engine.warm();
  }

  /** Beside the engine and a search, never in front of either: the model's figures of a workbook being built or recosted. */
  model(request: ModelRequest): Promise<Results> {
    return this.modelling.model(request);
  }

  private running = false;
  private waiting: { request: AnalysisRequest; resolve: (a: Analysis) => void; reject: (e: Error) => void } | null = null;

  analyse(request: AnalysisRequest): Promise<Analysis> {
    return new Promise<Analysis>((resolve, reject) => {
      // A question already waiting is replaced: only the newest answer is wanted.
      this.waiting?.reject(new Superseded());
      this.waiting = { request, resolve, reject };
      if (!this.running) this.nextAnalysis();
    });
  }

  private nextAnalysis(): void {
    const asked = this.waiting;
    this.waiting = null;
    if (!asked) return;
    this.running = true;
    this.analysis
      .analyse(asked.request)
      .then(({ analysis }) => asked.resolve(analysis), asked.reject)
      .finally(() => {
        this.running = false;
        this.nextAnalysis();
      });
  }
}
