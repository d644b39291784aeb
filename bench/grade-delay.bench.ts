// Issue 18, goal 4: at 10,000 posts, one grade's annual cost and a start
// delay no other scenario has, to every figure (the engine, in Node), beside
// the pure model costing the same workbook whole. Printed; nothing asserted.
// `SIZES=10000 npx vitest run --config vitest.bench.config.ts bench/grade-delay.bench.ts`
import { it } from 'vitest';
import { WorkbookEngine } from '../src/engine/engine';
import { costWorkbook } from '../src/model/costing';
import type { Workbook } from '../src/model/workbook';
import { BENCH_SCENARIOS, syntheticWorkbook } from './synthetic';
import { sortedTimes } from './timing';

const TODAY = new Date(2026, 10, 23);

function timings(runs: number, work: () => void): string {
  const times = sortedTimes(runs, work);
  return `median ${times[Math.floor(runs / 2)].toFixed(1)} ms (${times[0].toFixed(1)}–${times[runs - 1].toFixed(1)})`;
}

it("measures a grade's cost and a new start delay", () => {
  for (const posts of (process.env.SIZES ?? '10000').split(',').map(Number)) {
    const wb: Workbook = syntheticWorkbook(posts);
    const t0 = performance.now();
    const live = new WorkbookEngine(wb, TODAY);
    live.results();
    console.log(`${posts} posts: build ${(performance.now() - t0).toFixed(0)} ms; model ${timings(3, () => costWorkbook(wb, TODAY))}`);
    let pence = 0;
    const grade = (read: boolean) => () => {
      pence = (pence + 1) % 100;
      live.setLines('grades', [{ index: 3, line: { ...wb.grades[3], annualCost: wb.grades[3].annualCost + pence / 100 } }]);
      if (read) live.results();
    };
    // The middle post's FTE, a tenth up and back, to every figure.
    let tenths = 0;
    const postEdit = () => {
      tenths = (tenths + 1) % 2;
      const middle = Math.floor(posts / 2);
      live.setPost(middle, { ...wb.posts[middle], fte: wb.posts[middle].fte + tenths / 10 });
      live.results();
    };
    console.log(`  one post edit (FTE), no scenario delayed, to every figure: ${timings(5, postEdit)}`);
    console.log(`  grade cost, edit only: ${timings(5, grade(false))}`);
    console.log(`  grade cost to every figure: ${timings(5, grade(true))}`);
    // What every chunk's sums cost to recompute: one post in each chunk edited in one batch (a grade's posts are in every chunk).
    let step = 0;
    const everyChunk = () => {
      step++;
      live.setLines('posts', Array.from({ length: Math.ceil(posts / 200) }, (_, j) => ({ index: j * 200, line: { ...wb.posts[j * 200], fte: wb.posts[j * 200].fte + (step % 2) / 10 } })));
      live.results();
    };
    console.log(`  one post in every chunk to every figure: ${timings(5, everyChunk)}`);
    // A delay no other scenario has, then the slider moved a month on it.
    let delay = 3;
    const slide = () => {
      delay = delay === 3 ? 4 : 3;
      live.setScenarios([{ ...BENCH_SCENARIOS[0], overrides: { startDelay: delay } }, ...BENCH_SCENARIOS.slice(1)]);
      live.results();
    };
    const t1 = performance.now();
    live.setScenarios([{ ...BENCH_SCENARIOS[0], overrides: { startDelay: 3 } }, ...BENCH_SCENARIOS.slice(1)]);
    live.results();
    console.log(`  a new start delay (first step, builds: ${live.builds}): ${(performance.now() - t1).toFixed(0)} ms`);
    console.log(`  that delay moved a month: ${timings(5, slide)}`);
    // The proposal's own delay: its cost per post (the Posts grid) follows too, read from the engine's cells.
    let own = 3;
    const proposal = () => {
      own = own === 3 ? 4 : 3;
      live.setScenarios([{ name: 'Proposed investment', overrides: { startDelay: own } }, { ...BENCH_SCENARIOS[0], overrides: { startDelay: delay } }, ...BENCH_SCENARIOS.slice(1)]);
      live.results();
    };
    const t2 = performance.now();
    proposal();
    console.log(`  Proposed investment's own delay, first step (builds: ${live.builds}): ${(performance.now() - t2).toFixed(0)} ms`);
    console.log(`  that delay moved a month: ${timings(5, proposal)}`);
    // A post edit with two scenarios delayed: its chunk's delayed sums recompute beside its PostSums row.
    console.log(`  one post edit (FTE), two scenarios delayed, to every figure: ${timings(5, postEdit)}`);
    live.destroy();
  }
});
