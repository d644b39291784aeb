// The engine on the test's own thread, as the worker runs it in the browser.
import { analyse, risk } from '../src/engine/analysis';
import { handle } from '../src/engine/handle';
import type { Engine } from '../src/engine/protocol';
import { AppState } from '../src/state/app.svelte';
import { carePlanningWorkbook } from './care-planning';

export const inProcessEngine: Engine = {
  send: async (request) => handle(request),
  analyse: async (request) => analyse(request),
  risk: async (request, progress) => risk(request, progress),
};

/** The app as a fresh browser opens it: the built-in example, costed by the engine in-process, nothing stored. */
export async function exampleApp(): Promise<AppState> {
  const app = new AppState(inProcessEngine, null);
  await app.start(carePlanningWorkbook);
  return app;
}
