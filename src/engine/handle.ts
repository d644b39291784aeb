// One engine per worker: applies a request and reads every figure back.
import type { Results } from '../model/costing';
import { WorkbookEngine } from './engine';
import type { EngineRequest } from './protocol';

let engine: WorkbookEngine | null = null;

export function handle(request: EngineRequest): Results {
  if (request.type === 'load') {
    engine?.destroy();
    engine = new WorkbookEngine(request.workbook, new Date(request.today));
  } else if (!engine) {
    throw new Error('The engine has no workbook yet.');
  } else if (request.type === 'assumptions') {
    engine.setAssumptions(request.change);
  } else if (request.type === 'scenarios') {
    engine.setScenarios(request.scenarios);
  } else {
    engine.setPost(request.index, request.post);
  }
  return engine.results();
}
