// The Posts export: the columns docs/RULES.md fixes, in their order, and a post's own pay after them only where a post states one.
import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import { parseCsv } from './csv';
import { comparison } from '../model/comparison';
import { comparisonCsv, postsCsv, switchingCsv } from './export';
import { switchingValues } from '../model/switching';

const CONTRACT = ['Title', 'Grade', 'FTE', 'Team', 'Group', 'Start', 'End', 'Months', 'Funding', 'Cost 2017/18', 'Cost 2018/19', 'Cost 2019/20', 'Cost 2020/21', 'Published cost', 'Full year cost', 'Note', 'Scenario'];

it('writes no Annual cost column where no post states its own pay', () => {
  const wb = carePlanningWorkbook();
  expect(parseCsv(postsCsv(wb, costWorkbook(wb))).rows[0]).toEqual(CONTRACT);
});

it('writes a post’s own pay in an Annual cost column after the others, blank for posts costed by their grade', () => {
  const wb = carePlanningWorkbook();
  wb.posts[0] = { ...wb.posts[0], title: 'General Counsel', grade: '', annualCost: 119999 }; // 2018-04 to 2020-03
  const rows = parseCsv(postsCsv(wb, costWorkbook(wb))).rows;
  expect(rows[0]).toEqual([...CONTRACT, 'Annual cost']);
  expect(rows[1].slice(0, 2)).toEqual(['General Counsel', '']);
  expect(rows[1].slice(9, 13)).toEqual(['0', '119999', '119999', '0']);
  expect(rows[1].at(-1)).toBe('119999');
  expect(rows[2].at(-1)).toBe(''); // the Commissioning Manager: Band E's cost
  expect(rows.every((r) => r.length === CONTRACT.length + 1)).toBe(true);
});

it('writes the comparison against its base: Scenario, Base, Net present value, Difference from base, Payback year first', () => {
  const text = comparisonCsv(comparison(costWorkbook(carePlanningWorkbook()), 'Proposed investment'));
  expect(text.startsWith('\uFEFF')).toBe(true);
  const { rows } = parseCsv(text);
  expect(rows[0].slice(0, 5)).toEqual(['Scenario', 'Base', 'Net present value', 'Difference from base', 'Payback year']);
  const doNothing = rows.find((r) => r[0] === 'Do nothing')!;
  const proposal = rows.find((r) => r[0] === 'Proposed investment')!;
  // Worked by hand at 3.5%: the proposal's NPV is its costs' less its savings'; doing nothing's is nil.
  const costs = 20728.666667 + 495110.833333 / 1.035 + 62186 / 1.035 ** 2;
  const savings = 1630000 / 1.035 + 879000 / 1.035 ** 2 + 299000 / 1.035 ** 3;
  expect(doNothing[1]).toBe('Proposed investment');
  expect(Number(doNothing[2])).toBe(0);
  expect(Number(doNothing[3])).toBeCloseTo(savings - costs, 0);
  expect(doNothing[4]).toBe('Not within the horizon');
  expect(Number(proposal[2])).toBeCloseTo(costs - savings, 0);
  expect(Number(proposal[3])).toBe(0);
  expect(proposal[4]).toBe('2018/19');
});

describe('the switching values CSV', () => {
  const TODAY = new Date(2026, 10, 23);
  const rows = parseCsv(switchingCsv('Proposed investment', switchingValues(carePlanningWorkbook(), 'Proposed investment', TODAY))).rows;
  const row = (name: string) => rows.find((r) => r[1] === name)!;

  it('writes fractions to 4 decimal places: savings delivery switches at 557,148 / 2,665,116 = 0.2091', () => {
    // Costs' NPV 20,728.67 + 495,110.83 / 1.035 + 62,186 / 1.035^2; savings' 1,630,000 / 1.035 + 879,000 / 1.035^2 + 299,000 / 1.035^3.
    expect(row('Savings delivery %').slice(2, 4)).toEqual(['1', '0.2091']);
    expect(row('Discount rate %')[2]).toBe('0.035');
  });

  it('writes months to 2 decimal places, and never a float’s tail', () => {
    expect(row('Start delay (months)')[3]).toMatch(/^\d+(\.\d{1,2})?$/);
    const third = { key: 'recruitment' as const, name: 'Recruitment %', current: 2 / 3 + 3e-9, npvEqual: 0.6666666699999999, paybackEdge: null, sentence: '', paybackSentence: '' };
    const months = { key: 'savingsDelay' as const, name: 'Savings delay (months)', current: 0, npvEqual: 31.456789, paybackEdge: 14.999999999, sentence: '', paybackSentence: '' };
    const written = parseCsv(switchingCsv('S', [third, months])).rows;
    expect(written[1].slice(2, 5)).toEqual(['0.6667', '0.6667', '']);
    expect(written[2].slice(2, 5)).toEqual(['0', '31.46', '15']);
  });
});
