/// <reference lib="webworker" />
// Switching values and the tornado search the pure model, in a worker of
// their own: a search never queues in front of an edit in the engine's
// worker, and a newer question replaces this worker rather than waiting.
import { serve } from '../rpc/rpc';
import { analyse } from './analysis';
import type { AnalysisHandlers } from './protocol';

serve<AnalysisHandlers>(self, {
  analyse(request) {
    const started = performance.now();
    return { analysis: analyse(request), ms: performance.now() - started };
  },
});
