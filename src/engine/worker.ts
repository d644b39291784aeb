/// <reference lib="webworker" />
// The engine's Web Worker: HyperFormula loads here, after the page has painted,
// and its work never blocks the page.
import { handle } from './handle';
import type { EngineReply, EngineRequest } from './protocol';

self.onmessage = (event: MessageEvent<{ id: number; request: EngineRequest }>) => {
  const { id } = event.data;
  const started = performance.now();
  let reply: EngineReply;
  try {
    reply = { id, ok: true, results: handle(event.data.request), ms: performance.now() - started };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(reply);
};
