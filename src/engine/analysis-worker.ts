/// <reference lib="webworker" />
// Switching values and the tornado search the pure model, in a worker of
// their own: a search never queues in front of an edit in the engine's
// worker, and a newer question replaces this worker rather than waiting.
import { analyse } from './analysis';
import type { AnalysisRequest, EngineReply } from './protocol';

self.onmessage = (event: MessageEvent<{ id: number; analysis: AnalysisRequest }>) => {
  const { id } = event.data;
  const started = performance.now();
  let reply: EngineReply;
  try {
    reply = { id, ok: true, analysis: analyse(event.data.analysis), ms: performance.now() - started };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(reply);
};
