import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { month } from '../model/periods';
import { horizonOf } from '../model/horizon';
import { scenariosOf } from '../model/scenarios';
import type { Workbook } from '../model/workbook';
import { columnLetter, costSums, costsSheet, delayedCol, delayedSumsSheet, gradesSheet, layoutOf, postSums, postsSheet, savingSums, savingsSheet, scenariosSheet, sumsSheet, summarySheet, totalsSheet, yearsSheet } from './layout';

const TODAY = new Date(2026, 10, 23);

/** A small workbook touching every way a line is laid out: a delayed block, own pay, formulas, each kind of cost and saving. */
function smallWorkbook(): Workbook {
  const wb = carePlanningWorkbook();
  wb.posts = [
    ...wb.posts.slice(0, 2),
    { title: 'Own pay', grade: '', fte: 1, annualCost: 40000, team: 'T', group: 'G', start: null, end: month(2019, 9), months: null, funding: 'Grant', formulas: { annualCost: '=Assumptions!B1*2' } },
    { title: 'Formula FTE', grade: 'Band A', fte: 0.5, team: 'T', group: 'G', start: null, end: null, months: null, funding: '', formulas: { fte: '=1/2' } },
    { title: 'Deleted', grade: 'Band B', fte: -1, team: 'T', group: 'G', start: null, end: month(2020, 3), months: 6, funding: '' },
  ];
  wb.costs = [
    { description: 'Laptops', group: 'G', year: 2018, amount: null, quantity: 3, unitCost: 800, funding: '' },
    { description: 'Training', group: 'G', year: null, amount: 5000, quantity: null, unitCost: null, funding: 'Grant' },
  ];
  wb.savings = [...wb.savings, { line: 'Recurring', group: 'G', type: 'Target', recurring: true, amounts: { 2017: 1000, 2019: 2000 } }];
  wb.scenarios = [{ name: 'Late', overrides: { startDelay: 3, savingsDelay: 5 }, payAwardByYear: { 2019: 0.02 }, toggled: { posts: [1] } }];
  return wb;
}

it('lays the workbook out as the engine builds it, formula for formula', () => {
  const wb = smallWorkbook();
  const horizon = horizonOf(wb, TODAY);
  const layout = layoutOf(wb, horizon, scenariosOf(wb));
  const posts = postsSheet(wb, layout);
  // A few by hand: Commissioning Manager (row 3) in 2018/19, in the block with no delay and in Late's.
  expect(posts[2][14]).toBe('=IFERROR(C3*K3,0)');
  // Its year cells hold the fraction of each year it runs, filled by its chunk's one formula in the chunk's first year
  // cell (P2, rows 2 to 6 here); PostSums weighs them by FTE x annual cost (O).
  expect(posts[2][16]).toBeNull();
  expect(posts[1][15]).toBe(
    '=ARRAYFORMULA(MMULT(((12*2017+3+{0,12,24,36,48})>$L$2:$L$6)*((12*2017+3+{0,12,24,36,48})-$L$2:$L$6)-((12*2017+2+{0,12,24,36,48})>$M$2:$M$6)*((12*2017+2+{0,12,24,36,48})-$M$2:$M$6),{-1,0,0,0;1,-1,0,0;0,1,-1,0;0,0,1,-1;0,0,0,1})*($M$2:$M$6>=$L$2:$L$6)/12)',
  );
  // Late starts 3 months late: no cell per post for it; its new posts are summed a chunk at a time on DelayedSums,
  // the horizon's year edges (April 2017 is 12*2017+3, then each April, and the month after the last year) less Late's delay cell.
  const late = layout.scenarios.findIndex((s) => s.name === 'Late');
  expect(layout.delayed).toEqual([false, false, true]);
  expect(posts[0].some((h) => String(h).includes('start delay'))).toBe(false);
  const delayed = delayedSumsSheet(layout);
  const n = layout.years;
  // The year edges sit once in row 1, right of the three scenarios' years: April 2017 is 12*2017+3 = 24207, then 12 apart.
  const edgesAt = delayedCol(layout, 3, 0) + 1;
  expect(delayed[0].slice(edgesAt)).toEqual([24207, 24219, 24231, 24243, 24255].slice(0, n + 1));
  const edges = `$${columnLetter(edgesAt)}$1:$${columnLetter(edgesAt + n)}$1`;
  expect(delayed[1][delayedCol(layout, late, 0)]).toContain(`(${edges}-Scenarios!$E$4)>Posts!$L$2:$L$6`);
  expect(delayed[1][delayedCol(layout, late, 0)]).toContain(`TRANSPOSE(Posts!$J$2:$J$6)`);
  expect(delayed[1][delayedCol(layout, 0, 0)]).toBeNull(); // Do nothing has no delay: its new posts are the Posts sheet's year columns
  // The Summary reads Late's new posts from DelayedSums' totals (council-funded on the first row), its existing ones from PostSums.
  const summary = summarySheet(layout);
  expect(summary[1 + late * n][2]).toContain(`DelayedSums!$${columnLetter(delayedCol(layout, late, 0))}$4`);
  // Every sheet, whole: the refactor to addresses by name must leave each formula the same string.
  expect({
    scenarios: scenariosSheet(wb, layout),
    years: yearsSheet(layout),
    grades: gradesSheet(wb, layout),
    posts,
    costs: costsSheet(wb, layout),
    savings: savingsSheet(wb, layout),
    postSums: sumsSheet(layout, postSums(layout)),
    costSums: sumsSheet(layout, costSums(layout)),
    savingSums: sumsSheet(layout, savingSums(layout)),
    delayedSums: delayed,
    summary: summarySheet(layout),
    totals: totalsSheet(layout),
  }).toMatchSnapshot();
});
