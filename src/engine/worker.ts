/// <reference lib="webworker" />
// The engine's Web Worker: HyperFormula loads here, after the page has painted,
// and its work never blocks the page.
import { serve } from '../rpc/rpc';
import { handle, warmUp } from './handle';
import { packPostCosts } from './post-costs';
import type { EngineHandlers } from './protocol';

/** The post costs the page last received from this worker. */
let sent: number[][] | null = null;

serve<EngineHandlers>(self, {
  cost(request) {
    const started = performance.now();
    const { postCosts, ...results } = handle(request);
    const posts = packPostCosts(sent, postCosts);
    sent = postCosts;
    // After the answer has gone: the timer runs once this task, and its reply, are done.
    if (request.type === 'load') setTimeout(warmUp, 0);
    return { results, posts, ms: performance.now() - started };
  },
});
