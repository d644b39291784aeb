/// <reference lib="webworker" />
// The engine's Web Worker: HyperFormula loads here, after the page has painted,
// and its work never blocks the page.
import { serve } from '../rpc/rpc';
import { handle, warmUpSteps } from './handle';
import { packPostCosts } from './post-costs';
import type { EngineHandlers } from './protocol';

/** The post costs the page last received from this worker. */
let sent: number[][] | null = null;
/** Loads so far: a warm-up left waiting when another workbook is loaded stops. */
let loads = 0;

/** The warm-up's steps, each in a task of its own after the one before, so a change sent meanwhile waits at most one step. */
function warmUpAfter(load: number, step = 0): void {
  if (load !== loads || step >= warmUpSteps.length) return;
  warmUpSteps[step]();
  setTimeout(() => warmUpAfter(load, step + 1), 0);
}

serve<EngineHandlers>(self, {
  cost(request) {
    const started = performance.now();
    const { postCosts, ...results } = handle(request);
    const posts = packPostCosts(sent, postCosts);
    sent = postCosts;
    // After the answer has gone: the timer runs once this task, and its reply, are done.
    if (request.type === 'load') {
      const load = ++loads;
      setTimeout(() => warmUpAfter(load), 0);
    }
    return { results, posts, ms: performance.now() - started };
  },
});
