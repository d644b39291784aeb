// The engine on the test's own thread, as the worker runs it in the browser.
import { analyse, risk } from '../src/engine/analysis';
import { handle } from '../src/engine/handle';
import type { Engine } from '../src/engine/protocol';

export const inProcessEngine: Engine = {
  send: async (request) => handle(request),
  analyse: async (request) => analyse(request),
  risk: async (request, progress) => risk(request, progress),
};
