/// <reference lib="webworker" />
// Switching values and the tornado search the pure model, the risk view
// runs it thousands of times, and the pure model costs a large workbook whole
// while the engine builds it, in workers of their own (one each, from this
// file): a search never queues in front of an edit in the engine's worker, and
// a newer question replaces this worker rather than waiting.
import { serve } from '../rpc/rpc';
import { analyse, risk } from './analysis';
import { costWorkbook } from '../model/costing';
import type { AnalysisHandlers } from './protocol';

serve<AnalysisHandlers>(self, {
  analyse(request) {
    const started = performance.now();
    return { analysis: analyse(request), ms: performance.now() - started };
  },
  risk,
  model({ workbook, today }) {
    return costWorkbook(workbook, new Date(today));
  },
});
