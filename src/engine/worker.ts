/// <reference lib="webworker" />
// The engine's Web Worker: HyperFormula loads here, after the page has painted,
// and its work never blocks the page.
import { analyse, handle } from './handle';
import type { AnalysisRequest, EngineReply, EngineRequest } from './protocol';

type Message = { id: number; request: EngineRequest } | { id: number; analysis: AnalysisRequest };

self.onmessage = (event: MessageEvent<Message>) => {
  const { id } = event.data;
  const started = performance.now();
  let reply: EngineReply;
  try {
    reply =
      'analysis' in event.data
        ? { id, ok: true, analysis: analyse(event.data.analysis), ms: performance.now() - started }
        : { id, ok: true, results: handle(event.data.request), ms: performance.now() - started };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(reply);
};
