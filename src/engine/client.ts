// The page's side of the engine worker. The worker (and HyperFormula in it)
// is created on first use, so the page paints before the engine loads.
import type { Results } from '../model/costing';
import type { Engine, EngineReply, EngineRequest } from './protocol';

export class WorkerEngine implements Engine {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, { resolve: (r: Results) => void; reject: (e: Error) => void }>();
  /** Milliseconds the engine spent on the last request, for the status line. */
  lastMs = 0;

  private start(): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<EngineReply>) => {
      const reply = event.data;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if (reply.ok) {
        this.lastMs = reply.ms;
        waiting.resolve(reply.results);
      } else waiting.reject(new Error(reply.error));
    };
    worker.onerror = (event) => {
      const error = new Error(`The calculation engine stopped: ${event.message || 'it could not load'}`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    return worker;
  }

  send(request: EngineRequest): Promise<Results> {
    this.worker ??= this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, request });
    });
  }
}
