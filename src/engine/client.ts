// The page's side of the engine. Two workers, each created on first use so
// the page paints before either loads: the engine's (HyperFormula), which
// applies every change in order, and the analysis worker (the pure model),
// which searches for switching values and the tornado. A search can take a
// while on a large establishment, so it never sits in front of an edit, and
// a newer question ends a search still running instead of queueing behind it.
import type { Results } from '../model/costing';
import type { Analysis, AnalysisRequest, Engine, EngineReply, EngineRequest } from './protocol';

type Waiting = { resolve: (r: never) => void; reject: (e: Error) => void };

class Channel {
  private worker: Worker | null = null;
  private next = 1;
  readonly pending = new Map<number, Waiting>();

  constructor(
    private readonly create: () => Worker,
    private readonly what: string,
  ) {}

  private start(): Worker {
    const worker = this.create();
    worker.onmessage = (event: MessageEvent<EngineReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if (!reply.ok) return waiting.reject(new Error(reply.error));
      waiting.resolve(('results' in reply ? reply.results : reply.analysis) as never);
    };
    worker.onerror = (event) => {
      const error = new Error(`The ${this.what} stopped: ${event.message || 'it could not load'}`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    return worker;
  }

  post<T>(message: (id: number) => object): Promise<T> {
    this.worker ??= this.start();
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: never) => void, reject });
      this.worker!.postMessage(message(id));
    });
  }

  /** Ends the worker and whatever it was doing; each question waiting is told it was superseded. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(new Superseded());
    this.pending.clear();
  }
}

/** An analysis a newer one replaced before it finished. */
export class Superseded extends Error {
  constructor() {
    super('A newer analysis replaced this one.');
  }
}

export class WorkerEngine implements Engine {
  private readonly engine = new Channel(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }), 'calculation engine');
  private readonly analysis = new Channel(() => new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' }), 'analysis');

  send(request: EngineRequest): Promise<Results> {
    return this.engine.post((id) => ({ id, request }));
  }

  analyse(request: AnalysisRequest): Promise<Analysis> {
    // Only the newest answer is wanted: a search still running is ended, not waited for.
    if (this.analysis.pending.size > 0) this.analysis.stop();
    return this.analysis.post((id) => ({ id, analysis: request }));
  }
}
