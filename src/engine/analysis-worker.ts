/// <reference lib="webworker" />
// Switching values and the tornado search the pure model, the risk view
// runs it thousands of times, and the pure model costs a large workbook (or
// a change that recosts many posts) while the engine does, in workers of
// their own (one each, from this file): a search never queues in front of an
// edit in the engine's worker, nor in front of the model's figures.
import { serve } from '../rpc/rpc';
import { analysisHandlers } from './analysis';

serve(self, analysisHandlers());
