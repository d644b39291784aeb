// `npm run bench`: what the user waits for, in the engine (Node), beside the
// plain-TypeScript model doing the same work in the same run. Printed, never
// asserted. Issue 8 adds the whole app in Chromium.
import { cpus, totalmem } from 'node:os';
import { it } from 'vitest';
import { WorkbookEngine } from '../src/engine/engine';
import { applyImport, previewImport } from '../src/io/import';
import { costWorkbook } from '../src/model/costing';
import { tornado } from '../src/model/sensitivity';
import { switchingValues } from '../src/model/switching';
import { emptyWorkbook, type Workbook } from '../src/model/workbook';
import Papa from 'papaparse';
import { syntheticCsv } from './synthetic';

const TODAY = new Date(2026, 10, 23);
const ms = (t0: number) => performance.now() - t0;
const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** Median of `runs` timings of `work`. */
function median(runs: number, work: () => void): number {
  const times = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    work();
    return ms(t0);
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function importCsv(csv: ReturnType<typeof syntheticCsv>): Workbook {
  const files = Object.entries(csv).map(([name, text]) => ({ name: `${name}.csv`, bytes: new TextEncoder().encode(text) }));
  return applyImport(emptyWorkbook('bench'), previewImport(files, emptyWorkbook('bench')));
}

it('prints the benchmark', () => {
  const rows: string[][] = [];
  const add = (posts: number, what: string, engine: number, model: number) => rows.push([String(posts), what, fmt(engine), fmt(model), (engine / model).toFixed(1)]);

  for (const posts of [100, 1000, 10000]) {
    const csv = syntheticCsv(posts);
    const runs = posts >= 10000 ? 1 : 5;
    let wb!: Workbook;
    const read = median(runs, () => (wb = importCsv(csv)));
    let engine!: WorkbookEngine;
    const build = median(runs, () => {
      engine?.destroy();
      engine = new WorkbookEngine(wb, TODAY);
      engine.results();
    });
    const modelAll = median(runs, () => costWorkbook(wb, TODAY));
    add(posts, 'CSV text to every figure (read + build + results)', read + build, read + modelAll);
    add(posts, 'engine build + results (model: whole recompute)', build, modelAll);

    let i = 0;
    const editRuns = posts >= 10000 ? 5 : 21;
    const edit = median(editRuns, () => {
      const index = (i++ * 7919) % wb.posts.length;
      engine.setPost(index, { ...wb.posts[index], fte: wb.posts[index].fte + 0.1 });
      engine.results();
    });
    add(posts, 'one post FTE edit to every figure', edit, modelAll);
    let award = 0;
    const assumption = median(editRuns, () => {
      award = award === 0 ? 0.03 : 0;
      engine.setAssumptions({ payAward: award });
      engine.results();
    });
    add(posts, 'pay award change to every figure', assumption, modelAll);
    engine.destroy();
  }

  // Five scenarios (issue 5): moving a control recomputes in the engine; switching
  // scenario recomputes what follows the open scenario (switching values, tornado).
  for (const posts of [100, 1000]) {
    const wb = importCsv(syntheticCsv(posts));
    wb.scenarios = [
      { name: 'Half recruited', overrides: { recruitment: 0.5 } },
      { name: 'Late savings', overrides: { savingsDelay: 12 } },
      { name: 'Pay award 5%', overrides: { payAward: 0.05 } },
    ];
    let engine!: WorkbookEngine;
    const build = median(3, () => {
      engine?.destroy();
      engine = new WorkbookEngine(wb, TODAY);
      engine.results();
    });
    const model = median(5, () => costWorkbook(wb, TODAY));
    add(posts, '5 scenarios: engine build + results', build, model);
    let r = 0.5;
    const control = median(11, () => {
      r = r === 0.5 ? 0.6 : 0.5;
      engine.setScenarios([{ ...wb.scenarios![0], overrides: { recruitment: r } }, ...wb.scenarios!.slice(1)]);
      engine.results();
    });
    add(posts, '5 scenarios: move a control to every figure', control, model);
    const switching = median(3, () => {
      switchingValues(wb, 'Late savings', TODAY);
      tornado(wb, 'Late savings', undefined, TODAY);
    });
    add(posts, '5 scenarios: switching values + tornado (in the worker)', switching, model);
    engine.destroy();
  }

  // Reading files: what the import worker does before the preview shows.
  for (const posts of [10_000, 100_000]) {
    const csv = syntheticCsv(posts);
    const bytes = new TextEncoder().encode(csv.posts);
    const grades = emptyWorkbook('bench');
    grades.grades = importCsv(syntheticCsv(1)).grades;
    const read = median(3, () => previewImport([{ name: 'posts.csv', bytes }], grades));
    const parse = median(3, () => Papa.parse(csv.posts));
    rows.push([String(posts), 'import preview of a Posts CSV (model: papaparse alone)', fmt(read), fmt(parse), (read / parse).toFixed(1)]);
  }

  const widths = [6, 60, 10, 10, 6];
  const line = (cells: string[]) => `| ${cells.map((c, k) => (k < 2 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join(' | ')} |`;
  console.log(
    [
      `Benchmark ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
      'Milliseconds, median of runs (1 run at 10,000 posts). Model: plain TypeScript recomputing everything.',
      line(['posts', 'what the user waits for', 'engine ms', 'model ms', 'ratio']),
      line(widths.map((w) => '-'.repeat(w))),
      ...rows.map(line),
    ].join('\n'),
  );
});
