// The page's side of the engine worker. The worker (and HyperFormula in it)
// is created on first use, so the page paints before the engine loads.
import type { Results } from '../model/costing';
import type { Analysis, AnalysisRequest, Engine, EngineReply, EngineRequest } from './protocol';

export class WorkerEngine implements Engine {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();

  private start(): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<EngineReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if (!reply.ok) return waiting.reject(new Error(reply.error));
      waiting.resolve(('results' in reply ? reply.results : reply.analysis) as never);
    };
    worker.onerror = (event) => {
      const error = new Error(`The calculation engine stopped: ${event.message || 'it could not load'}`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    return worker;
  }

  send(request: EngineRequest): Promise<Results> {
    return this.post((id) => ({ id, request }));
  }

  analyse(analysis: AnalysisRequest): Promise<Analysis> {
    return this.post((id) => ({ id, analysis }));
  }

  private post<T>(message: (id: number) => object): Promise<T> {
    this.worker ??= this.start();
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: never) => void, reject });
      this.worker!.postMessage(message(id));
    });
  }
}
