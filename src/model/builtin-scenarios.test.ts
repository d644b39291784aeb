import { expect, it } from 'vitest';
import { costWorkbook } from './costing';
import { headline } from './headline';
import { minutesLine } from './minutes';
import { month } from './periods';
import { emptyWorkbook } from './workbook';

// A Scenarios sheet may spell the built-in proposal in its own case; it is still the proposal.
it('a proposal spelt “proposed investment” is the proposal: its figures head the page and the minutes', () => {
  const wb = emptyWorkbook('s');
  wb.grades = [{ grade: 'G', annualCost: 36000 }];
  wb.posts = [{ title: 'P', grade: 'G', fte: 1, team: '', group: '', start: month(2021, 4), end: month(2022, 3), months: null, funding: '' }];
  wb.assumptions = { ...wb.assumptions, payAward: 0, firstYear: 2021, horizonYears: 1 };
  wb.scenarios = [{ name: 'proposed investment', overrides: { recruitment: 0.5 } }];
  const results = costWorkbook(wb, new Date(2021, 3, 1));
  expect(headline(results).implementationCost).toBeCloseTo(36000 * 0.5, 2); // half the year's pay: recruitment 50%
  expect(minutesLine(wb, results, 'proposed investment')).not.toBe('');
});
