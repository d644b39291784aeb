// One engine per worker: applies a request and reads every figure back.
import type { Results } from '../model/costing';
import type { Workbook } from '../model/workbook';
import { WorkbookEngine } from './engine';
import type { EngineRequest } from './protocol';

let engine: WorkbookEngine | null = null;

/** The last workbook the engine costed without fault, to go back to when a change fails. */
let good: { workbook: Workbook; today: Date } | null = null;

export function handle(request: EngineRequest): Results {
  try {
    if (request.type === 'load') {
      engine?.destroy();
      engine = new WorkbookEngine(request.workbook, new Date(request.today));
      good = { workbook: request.workbook, today: new Date(request.today) };
    } else if (!engine) {
      throw new Error('The engine has no workbook yet.');
    } else if (request.type === 'assumptions') {
      engine.setAssumptions(request.change);
    } else if (request.type === 'scenarios') {
      engine.setScenarios(request.scenarios);
    } else {
      engine.setPost(request.index, request.post);
    }
    const results = engine.results();
    good = { workbook: engine.current, today: good?.today ?? new Date() };
    return results;
  } catch (error) {
    // A change the engine cannot cost is refused whole: the engine goes back to the last good workbook.
    if (good) {
      engine?.destroy();
      engine = new WorkbookEngine(good.workbook, good.today);
    }
    throw error;
  }
}
