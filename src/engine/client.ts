// The page's side of the engine. Two workers, loaded off the page's thread:
// the engine's (HyperFormula, started as the page loads: `warm`), which
// applies every change in order, and the analysis worker (the pure model,
// started on first use), which searches for switching values and the
// tornado. A search can take a while on a large establishment, so it never
// sits in front of an edit; while one runs, only the newest question waits
// (a worker started afresh would be slower than the search it replaced).
import type { Results } from '../model/costing';
import { unpackPostCosts } from './post-costs';
import { Cancelled, EngineLost, type Analysis, type AnalysisRequest, type Engine, type EngineReply, type EngineRequest } from './protocol';

type Waiting = { resolve: (r: never) => void; reject: (e: Error) => void };

class Channel {
  private worker: Worker | null = null;
  private next = 1;
  readonly pending = new Map<number, Waiting>();
  /** The post costs this worker last sent, to apply the changed rows of the next reply to. */
  private postCosts: number[][] | null = null;

  constructor(
    private readonly create: () => Worker,
    private readonly what: string,
  ) {}

  private start(): Worker {
    this.postCosts = null;
    const worker = this.create();
    worker.onmessage = (event: MessageEvent<EngineReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if (!reply.ok) return waiting.reject(new Error(reply.error));
      if ('analysis' in reply) return waiting.resolve(reply.analysis as never);
      const postCosts = unpackPostCosts(this.postCosts, reply.posts);
      if (!postCosts) return waiting.reject(new Error('The figures from the engine arrived incomplete; reload the page to cost the workbook again.'));
      this.postCosts = postCosts;
      waiting.resolve({ ...reply.results, postCosts } as never);
    };
    worker.onerror = (event) => {
      // A worker that failed is ended, and the next request starts another: replies from
      // this one must not arrive after the page has given up on them.
      const error = new EngineLost(`The ${this.what} stopped: ${event.message || 'it could not load'}`);
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    return worker;
  }

  /** Starts the worker now, so it loads while the page does other work. */
  warm(): void {
    this.worker ??= this.start();
  }

  /** Ends the worker and what it was doing; each request waiting is told it was cancelled. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(new Cancelled());
    this.pending.clear();
  }

  post<T>(message: (id: number) => object): Promise<T> {
    this.worker ??= this.start();
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: never) => void, reject });
      this.worker!.postMessage(message(id));
    });
  }
}

/** An analysis a newer one replaced before it started. */
export class Superseded extends Error {
  constructor() {
    super('A newer analysis replaced this one.');
  }
}

export class WorkerEngine implements Engine {
  private readonly engine = new Channel(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }), 'calculation engine');
  private readonly analysis = new Channel(() => new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' }), 'analysis');

  /**
   * Loads the engine's worker (HyperFormula, some 175 KB gzip) at once, while
   * the page paints and reads the saved workbook, rather than on first use.
   */
  warm(): void {
    this.engine.warm();
  }

  send(request: EngineRequest): Promise<Results> {
    return this.engine.post((id) => ({ id, request }));
  }

  /** HyperFormula cannot be interrupted in the middle of a build: its worker is ended and a new one started. */
  cancel(): void {
    this.engine.stop();
    this.engine.warm();
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
      .post<Analysis>((id) => ({ id, analysis: asked.request }))
      .then(asked.resolve, asked.reject)
      .finally(() => {
        this.running = false;
        this.nextAnalysis();
      });
  }
}
