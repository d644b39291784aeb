/// <reference lib="webworker" />
// The engine's Web Worker: HyperFormula loads here, after the page has painted,
// and its work never blocks the page.
import { handle, warmUp } from './handle';
import { packPostCosts } from './post-costs';
import type { EngineReply, EngineRequest } from './protocol';

/** The post costs the page last received from this worker. */
let sent: number[][] | null = null;

self.onmessage = (event: MessageEvent<{ id: number; request: EngineRequest }>) => {
  const { id } = event.data;
  const started = performance.now();
  let reply: EngineReply;
  try {
    const { postCosts, ...results } = handle(event.data.request);
    reply = { id, ok: true, results, posts: packPostCosts(sent, postCosts), ms: performance.now() - started };
    sent = postCosts;
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(reply);
  if (reply.ok && event.data.request.type === 'load') setTimeout(warmUp, 0);
};
