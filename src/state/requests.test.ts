import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { linesRequest, recostsPosts } from './requests';
import { insertLine } from '../model/lines';

const wb = carePlanningWorkbook();

it('sends lines edited in place as those lines alone', () => {
  const grades = wb.grades.map((g, i) => (i === 1 ? { ...g, annualCost: 70000 } : g));
  expect(linesRequest(wb, { ...wb, grades })).toEqual({ type: 'lines', sheet: 'grades', changes: [{ index: 1, line: grades[1] }] });
  const posts = wb.posts.map((p, i) => (i === 0 || i === 3 ? { ...p, fte: 2 } : p));
  expect(linesRequest(wb, { ...wb, posts })).toEqual({ type: 'lines', sheet: 'posts', changes: [{ index: 0, line: posts[0] }, { index: 3, line: posts[3] }] });
});

it('sends lines added or taken away on one sheet as the run that differs, with the scenarios that moved with them', () => {
  expect(linesRequest(wb, { ...wb, posts: wb.posts.slice(1) })).toEqual({ type: 'rows', sheet: 'posts', at: 0, removed: 1, lines: [] });
  expect(linesRequest(wb, { ...wb, grades: [...wb.grades, wb.grades[0]] })).toEqual({ type: 'rows', sheet: 'grades', at: wb.grades.length, removed: 0, lines: [wb.grades[0]] });
  const blank = { ...wb.posts[0], title: 'New post' };
  const withScenario = { ...wb, scenarios: [{ name: 'Fewer', overrides: {}, toggled: { posts: [0, 5] } }] };
  const inserted = insertLine(withScenario, 'posts', 3, blank);
  // Post 5 is post 6 now: the scenario's reference moved with it, and goes with the rows.
  expect(linesRequest(withScenario, inserted)).toEqual({ type: 'rows', sheet: 'posts', at: 3, removed: 0, lines: [blank], scenarios: [{ name: 'Fewer', overrides: {}, toggled: { posts: [0, 6] } }] });
  // A paste over the last of three savings and on past the end.
  const three = { ...wb, savings: ['A', 'B', 'C'].map((line) => ({ ...wb.savings[0], line })) };
  const pasted = { ...three, savings: [...three.savings.slice(0, 2), { ...wb.savings[0], line: 'Pasted' }, { ...wb.savings[0], line: 'Past the end' }] };
  expect(linesRequest(three, pasted)).toEqual({ type: 'rows', sheet: 'savings', at: 2, removed: 1, lines: pasted.savings.slice(2) });
});

it('sends the workbook whole when anything else changes', () => {
  expect(linesRequest(wb, { ...wb, assumptions: { ...wb.assumptions, payAward: 0.02 } })).toBeUndefined();
  // Two sheets at once (a grade renamed and its posts with it) go whole too.
  expect(linesRequest(wb, { ...wb, grades: wb.grades.slice(), posts: wb.posts.slice() })).toBeUndefined();
  expect(linesRequest(wb, { ...wb, userAssumptions: [] })).toBeUndefined();
});

it('says which changes recost many posts: a grade, a start delay that moves, rows in or out; not a post, nor another assumption', () => {
  const grades = wb.grades.map((g, i) => (i === 1 ? { ...g, annualCost: 70000 } : g));
  const posts = wb.posts.map((p, i) => (i === 0 ? { ...p, fte: 2 } : p));
  const late = { ...wb, scenarios: [{ name: 'Late', overrides: { startDelay: 3 } }] };
  const plain = { ...wb, scenarios: [{ name: 'Late', overrides: {} }] };
  const half = { ...wb, scenarios: [{ name: 'Late', overrides: { recruitment: 0.5 } }] };
  expect(recostsPosts(linesRequest(wb, { ...wb, grades })!, wb, { ...wb, grades })).toBe(true);
  expect(recostsPosts(linesRequest(wb, { ...wb, posts })!, wb, { ...wb, posts })).toBe(false);
  expect(recostsPosts({ type: 'scenarios', scenarios: late.scenarios }, wb, late)).toBe(true);
  expect(recostsPosts({ type: 'scenarios', scenarios: half.scenarios }, plain, half)).toBe(false);
  const workbookDelay = { ...wb, assumptions: { ...wb.assumptions, startDelay: 2 } };
  expect(recostsPosts({ type: 'assumptions', change: { startDelay: 2 } }, wb, workbookDelay)).toBe(true);
  expect(recostsPosts({ type: 'assumptions', change: { payAward: 0.05 } }, wb, { ...wb, assumptions: { ...wb.assumptions, payAward: 0.05 } })).toBe(false);
  const inserted = insertLine(wb, 'posts', 1, wb.posts[0]);
  expect(recostsPosts(linesRequest(wb, inserted)!, wb, inserted)).toBe(true);
});
