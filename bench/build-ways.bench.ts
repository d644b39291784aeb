// Issue 18: the engine's build, for docs/UPSTREAM.md. Run it once with
// HyperFormula as installed and once with a patch from docs/ applied inside
// node_modules/hyperformula (then reinstall it), in the same minute. The
// machine is shared, so each build prints its CPU time beside the wall time,
// the heap left after a full collection, and a digest of every figure read
// back (which must not change with a patch). Then the two halves of the
// posts, each built alone: two engines on two cores would take about the
// longer of the two. Printed; nothing asserted.
// `SIZES=10000 npx vitest run --config vitest.bench.config.ts bench/build-ways.bench.ts`
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { it } from 'vitest';
import { WorkbookEngine } from '../src/engine/engine';
import type { Workbook } from '../src/model/workbook';
import { syntheticWorkbook } from './synthetic';

const TODAY = new Date(2026, 10, 23);

function build(wb: Workbook) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const engine = new WorkbookEngine(wb, TODAY);
  const results = engine.results();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage().heapUsed / 1e6;
  engine.destroy();
  return { wall, cpu: (cpu.user + cpu.system) / 1000, heap, results };
}

const line = (what: string, b: ReturnType<typeof build>) =>
  `  ${what}: wall ${b.wall.toFixed(0)} ms, CPU ${b.cpu.toFixed(0)} ms, heap ${b.heap.toFixed(0)} MB, load ${loadavg()[0].toFixed(2)}`;

it('measures the engine build, whole and in halves', () => {
  for (const posts of (process.env.SIZES ?? '10000').split(',').map(Number)) {
    const wb: Workbook = syntheticWorkbook(posts);
    const whole = build(wb);
    const digest = createHash('sha1').update(JSON.stringify(whole.results)).digest('hex').slice(0, 10);
    console.log(`${posts} posts, figures ${digest}`);
    console.log(line('whole', whole));
    // The second half carries no costs or savings: the first holds them, and the Summary would add the two by value.
    const half = Math.floor(posts / 2);
    const first = build({ ...wb, posts: wb.posts.slice(0, half) });
    const second = build({ ...wb, posts: wb.posts.slice(half), costs: [], savings: [] });
    console.log(line('first half, with costs and savings', first));
    console.log(line('second half, posts only', second));
    // Staff cost adds over the halves; the largest difference from the whole, in pounds, shows the split loses nothing.
    const staff = (r: typeof whole.results) => r.scenarios.map((s) => s.years.map((y) => y.staff));
    const [w, a, b] = [whole, first, second].map((x) => staff(x.results));
    const worst = Math.max(...w.flatMap((ys, s) => ys.map((v, k) => Math.abs(v - (a[s][k] + b[s][k])))));
    console.log(`  staff cost, whole against the halves added: largest difference £${worst.toExponential(1)}`);
  }
});
