// `npm run bench`, in Node: the engine (HyperFormula, as the worker runs it)
// beside the pure TypeScript model doing the same work in the same run, at
// 100, 1,000, 10,000 and 25,000 posts with five scenarios. Printed and written to
// bench/out/engine.json for docs/PERFORMANCE.md; nothing is asserted.
import { writeFigures } from './out';
import { median } from './timing';
import { it } from 'vitest';
import { WorkbookEngine } from '../src/engine/engine';
import { analyse } from '../src/engine/analysis';
import { summaryCsv } from '../src/io/export';
import { previewImport } from '../src/io/import';
import { costWorkbook } from '../src/model/costing';
import { DEFAULT_RANGES } from '../src/model/sensitivity';
import { emptyWorkbook, type Workbook } from '../src/model/workbook';
import Papa from 'papaparse';
import { BENCH_SCENARIOS, importSynthetic, syntheticCsv } from './synthetic';

const TODAY = new Date(2026, 10, 23);

export interface EngineRow {
  posts: number;
  what: string;
  engineMs: number | null;
  modelMs: number;
}



/** Heap in use after a full collection (run with --expose-gc), in MB. */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

it('measures the engine beside the model', () => {
  const rows: EngineRow[] = [];
  const memory: { posts: number; engineMb: number; modelMb: number }[] = [];
  const add = (posts: number, what: string, engineMs: number | null, modelMs: number) => rows.push({ posts, what, engineMs, modelMs });

  for (const posts of (process.env.SIZES ?? '100,1000,10000,25000').split(',').map(Number)) {
    const csv = syntheticCsv(posts);
    const runs = posts >= 10000 ? 3 : 5;
    let wb!: Workbook;
    const read = median(runs, () => (wb = importSynthetic(csv)));
    let engine: WorkbookEngine | null = null;
    const build = median(runs, () => {
      engine?.destroy();
      engine = new WorkbookEngine(wb, TODAY);
      engine.results();
    });
    const e = engine! as WorkbookEngine;
    const model = median(runs, () => costWorkbook(wb, TODAY));
    add(posts, 'import: CSV text to every figure', read + build, read + model);
    add(posts, 'engine build and every figure read (model: costed whole)', build, model);

    // Memory: the engine holding the workbook, against the model's figures alone.
    e.destroy();
    const before = heapMb();
    const held = new WorkbookEngine(wb, TODAY);
    held.results();
    const engineMb = heapMb() - before;
    held.destroy();
    const beforeModel = heapMb();
    const figures = costWorkbook(wb, TODAY);
    const modelMb = heapMb() - beforeModel;
    void figures;
    memory.push({ posts, engineMb, modelMb });

    const live = new WorkbookEngine(wb, TODAY);
    live.results();
    let i = 0;
    const editRuns = posts >= 10000 ? 15 : 31;
    const edit = median(editRuns, () => {
      const index = (i++ * 7919) % wb.posts.length;
      live.setPost(index, { ...wb.posts[index], fte: wb.posts[index].fte + 0.1 });
      live.results();
    });
    add(posts, 'one post edit (FTE) to every figure', edit, model);
    let pence = 0;
    const grade = median(editRuns, () => {
      pence = (pence + 1) % 100;
      live.setLines('grades', [{ index: 3, line: { ...wb.grades[3], annualCost: wb.grades[3].annualCost + pence / 100 } }]);
      live.results();
    });
    add(posts, "one grade's annual cost (a pay scale) to every figure", grade, model);
    let award = 0;
    const assumption = median(editRuns, () => {
      award = award === 0 ? 0.03 : 0;
      live.setAssumptions({ payAward: award });
      live.results();
    });
    add(posts, 'one assumption change (pay award) to every figure', assumption, model);
    let r = 0.5;
    const control = median(editRuns, () => {
      r = r === 0.5 ? 0.6 : 0.5;
      live.setScenarios([{ ...BENCH_SCENARIOS[0], overrides: { recruitment: r } }, ...BENCH_SCENARIOS.slice(1)]);
      live.results();
    });
    add(posts, "one scenario's control moved (recruitment) to every figure", control, model);
    // A start delay slider: the first step writes the scenario's delayed sums (no rebuild), the next steps move it.
    // The first step happens once an engine, so it is one timing, not a median: the first delay set after the load,
    // after the edits above, as a person meets it (docs/SCALE.md, "A start delay").
    const firstSet = performance.now();
    live.setScenarios([{ ...BENCH_SCENARIOS[0], overrides: { startDelay: 3 } }, ...BENCH_SCENARIOS.slice(1)]);
    live.results();
    add(posts, 'a start delay no other scenario has, first set, to every figure (one run)', performance.now() - firstSet, model);
    let delay = 3;
    const slider = median(editRuns, () => {
      delay = delay === 3 ? 4 : 3;
      live.setScenarios([{ ...BENCH_SCENARIOS[0], overrides: { startDelay: delay } }, ...BENCH_SCENARIOS.slice(1)]);
      live.results();
    });
    add(posts, "one scenario's start delay slider moved a month to every figure", slider, model);
    live.setScenarios(BENCH_SCENARIOS);
    // Rows in and out of the Posts grid: an insert in the middle, then its delete (rows added and removed in the engine, no rebuild).
    const middle = Math.floor(wb.posts.length / 2);
    let inserted = false;
    // An odd count of runs (and one to warm up) leaves the workbook as it was.
    const structural = median(editRuns, () => {
      live.replaceLines('posts', middle, inserted ? 1 : 0, inserted ? [] : [wb.posts[middle]]);
      inserted = !inserted;
      live.results();
    });
    add(posts, 'a post inserted or deleted in the Posts grid to every figure', structural, model);
    // A scenario switch shows figures the engine already has; what it starts is the
    // search for switching values and the tornado, by the model in its own worker.
    const switching = median(runs, () => analyse({ workbook: wb, scenario: 'Late savings', ranges: DEFAULT_RANGES, today: TODAY.getTime() }));
    add(posts, 'scenario switch: switching values and tornado (model only)', null, switching);
    const exported = median(editRuns, () => summaryCsv(live.results()));
    const exportedModel = median(editRuns, () => summaryCsv(costWorkbook(wb, TODAY)));
    add(posts, 'export of the summary (figures read, CSV written)', exported, exportedModel);
    live.destroy();
  }

  // Reading files: what the import worker does before the preview shows.
  for (const posts of [10_000, 100_000]) {
    const csv = syntheticCsv(posts);
    const bytes = new TextEncoder().encode(csv.posts);
    const grades = emptyWorkbook('bench');
    grades.grades = importSynthetic(syntheticCsv(1)).grades;
    const read = median(3, () => previewImport([{ name: 'posts.csv', bytes }], grades));
    const parse = median(3, () => Papa.parse(csv.posts));
    add(posts, 'import preview of a Posts CSV (model: papaparse alone)', read, parse);
  }

  writeFigures('engine', { rows, memory });
  const fmt = (v: number | null) => (v === null ? '-' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  console.log(rows.map((r) => `${String(r.posts).padStart(6)}  ${r.what.padEnd(62)} ${fmt(r.engineMs).padStart(8)} ${fmt(r.modelMs).padStart(8)}`).join('\n'));
  console.log(memory.map((m) => `${m.posts} posts: engine ${m.engineMb.toFixed(0)} MB, model ${m.modelMb.toFixed(1)} MB`).join('\n'));
});
