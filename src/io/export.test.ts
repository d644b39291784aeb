// The Posts export: the columns docs/RULES.md fixes, in their order, and a post's own pay after them only where a post states one.
import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import { parseCsv } from './csv';
import { comparison } from '../model/comparison';
import { comparisonCsv, postsCsv } from './export';

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
