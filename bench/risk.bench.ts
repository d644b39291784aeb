// The risk view's runs (model/risk.ts, as its worker runs them) beside one
// plain calculation of the same workbook: 10,000 runs over the built-in
// example, and at 1,000 and 10,000 posts with five scenarios. Goals: under
// 0.5 s, 2 s and 5 s. Printed and written to bench/out/risk.json; nothing is
// asserted.
import { it } from 'vitest';
import { carePlanningWorkbook } from '../test/care-planning';
import { costWorkbook } from '../src/model/costing';
import { simulate } from '../src/model/risk';
import type { Workbook } from '../src/model/workbook';
import { writeFigures } from './out';
import { median } from './timing';
import { syntheticWorkbook } from './synthetic';

const TODAY = new Date(2026, 10, 23);
const RUNS = 10_000;



it('measures 10,000 runs beside one plain calculation', () => {
  const rows: { workbook: string; posts: number; goalMs: number; runsMs: number; plainMs: number }[] = [];
  const cases: [string, Workbook, number][] = [
    ['the 2017 care-planning report', carePlanningWorkbook(), 500],
    ['synthetic', syntheticWorkbook(1000), 2000],
    ['synthetic', syntheticWorkbook(10000), 5000],
  ];
  for (const [name, wb, goalMs] of cases) {
    const runsMs = median(3, () => simulate(wb, 'Proposed investment', { seed: 2017, runs: RUNS }, { today: TODAY }));
    const plainMs = median(3, () => costWorkbook(wb, TODAY));
    rows.push({ workbook: name, posts: wb.posts.length, goalMs, runsMs: Math.round(runsMs), plainMs: Math.round(plainMs * 10) / 10 });
  }
  console.table(rows);
  writeFigures('risk', { runs: RUNS, rows });
});
