import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { linesRequest } from './requests';

const wb = carePlanningWorkbook();

it('sends lines edited in place as those lines alone', () => {
  const grades = wb.grades.map((g, i) => (i === 1 ? { ...g, annualCost: 70000 } : g));
  expect(linesRequest(wb, { ...wb, grades })).toEqual({ type: 'lines', sheet: 'grades', changes: [{ index: 1, line: grades[1] }] });
  const posts = wb.posts.map((p, i) => (i === 0 || i === 3 ? { ...p, fte: 2 } : p));
  expect(linesRequest(wb, { ...wb, posts })).toEqual({ type: 'lines', sheet: 'posts', changes: [{ index: 0, line: posts[0] }, { index: 3, line: posts[3] }] });
});

it('sends the workbook whole when lines come or go, or anything else changes', () => {
  expect(linesRequest(wb, { ...wb, posts: wb.posts.slice(1) })).toBeUndefined();
  expect(linesRequest(wb, { ...wb, costs: [...wb.costs, wb.costs[0]] })).toBeUndefined();
  expect(linesRequest(wb, { ...wb, assumptions: { ...wb.assumptions, payAward: 0.02 } })).toBeUndefined();
  // Two sheets at once (a grade renamed and its posts with it) go whole too.
  expect(linesRequest(wb, { ...wb, grades: wb.grades.slice(), posts: wb.posts.slice() })).toBeUndefined();
  expect(linesRequest(wb, { ...wb, userAssumptions: [] })).toBeUndefined();
});
