// Messages between the page and the engine's Web Worker. The page sends what
// the user wrote; the worker answers with every figure, read once per change.
import type { Results } from '../model/costing';
import type { Assumptions, Post, Scenario, Workbook } from '../model/workbook';

export type EngineRequest =
  | { type: 'load'; workbook: Workbook; today: number }
  | { type: 'assumptions'; change: Partial<Assumptions> }
  | { type: 'post'; index: number; post: Post }
  | { type: 'scenarios'; scenarios: Scenario[] };

export type EngineReply =
  | { id: number; ok: true; results: Results; ms: number }
  | { id: number; ok: false; error: string };

/** What the page needs of an engine: the worker in the browser, the class itself in tests. */
export interface Engine {
  send(request: EngineRequest): Promise<Results>;
}
