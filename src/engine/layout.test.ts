import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { month } from '../model/periods';
import { horizonOf } from '../model/horizon';
import { scenariosOf } from '../model/scenarios';
import type { Workbook } from '../model/workbook';
import { costSums, costsSheet, gradesSheet, layoutOf, postSums, postsSheet, savingSums, savingsSheet, scenariosSheet, sumsSheet, summarySheet, totalsSheet, yearsSheet } from './layout';

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
  expect(posts[2][16]).toBe('=$O3*MAX(0,MIN($M3,12*2019+2)-MAX($L3,12*2018+3)+1)/12');
  const late = layout.blockOf(layout.scenarios.findIndex((s) => s.name === 'Late'));
  const from = layout.postFromCol(late);
  expect(posts[2][from]).toBe('=$L3+$N3*Scenarios!$E$4');
  // The End (or Months count) slides with the start: the post keeps its length.
  expect(posts[2][from + 1]).toBe('=$M3+$N3*Scenarios!$E$4');
  expect(posts[2][layout.postYearCol(late, 1)]).toBe('=$O3*MAX(0,MIN($U3,12*2019+2)-MAX($T3,12*2018+3)+1)/12');
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
    summary: summarySheet(layout),
    totals: totalsSheet(layout),
  }).toMatchSnapshot();
});
