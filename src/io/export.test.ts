// The Posts export: the columns docs/RULES.md fixes, in their order, and a post's own pay after them only where a post states one.
import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import { parseCsv } from './csv';
import { postsCsv } from './export';

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
