// One engine per worker: applies a request and reads every figure back.
import type { Results } from '../model/costing';
import type { Workbook } from '../model/workbook';
import { WorkbookEngine } from './engine';
import { linesAtUserRows } from './layout';
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
    } else if (request.type === 'rows') {
      engine.replaceLines(request.sheet, request.at, request.removed, request.lines, request.scenarios);
    } else {
      engine.setLines(request.sheet, request.changes);
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

/**
 * Right after a load, while the person reads the figures, in steps the
 * worker runs one task each (so a change sent meanwhile goes first): one post
 * edited and put back, so the code an edit runs is compiled before their
 * first edit (at 10,000 posts a first edit took 60 ms in the worker, later
 * ones 20 ms); then a post added after the last and taken away again, so an
 * insert's and a delete's code is compiled too, and a sheet whose chunks of
 * rows are full (a workbook of one chunk has it sized to its posts) gets its
 * next chunk now rather than on the person's first insert (the first insert
 * in the built app took 180 ms in the worker at 100 posts, later ones some
 * 20 ms). The engine's figures are as they were.
 */
export const warmUpSteps: (() => void)[] = [
  () =>
    warm((wb) => {
      const post = wb.posts[0];
      if (!post || post.formulas?.fte !== undefined) return;
      engine!.setPost(0, { ...post, fte: post.fte + 1 });
      engine!.results();
      engine!.setPost(0, post);
      engine!.results();
    }),
  () =>
    warm((wb) => {
      // With a formula the user typed, lines in or out build the workbook again (seconds): not for a warm-up.
      if (wb.posts.length === 0 || linesAtUserRows(wb)) return;
      const last = wb.posts.length;
      engine!.replaceLines('posts', last, 0, [wb.posts[last - 1]]);
      engine!.results();
      engine!.replaceLines('posts', last, 1, []);
      engine!.results();
    }),
];

/** Every step at once. */
export function warmUp(): void {
  for (const step of warmUpSteps) step();
}

function warm(step: (wb: Workbook) => void): void {
  if (!engine) return;
  try {
    step(engine.current);
  } catch {
    // A warm-up that fails leaves the next real change to find out, as it would have anyway.
    if (good) {
      engine.destroy();
      engine = new WorkbookEngine(good.workbook, good.today);
    }
  }
}
