// The reconciliation and the check of the model's figures run on every change
// at 10,000 posts, in the task that draws the figures: what did not change is
// not worked out again, and figures that agree are not put into words.
import { expect, it, vi } from 'vitest';
import * as costing from './costing';
import { costWorkbook } from './costing';
import * as periods from './periods';
import { figureDifferences, reconcile } from './reconcile';
import { twoReportedPosts } from '../../test/reconcile-workbook';

vi.mock('./costing', async (original) => {
  const actual = await original<typeof import('./costing')>();
  return { ...actual, annualCostOf: vi.fn(actual.annualCostOf) };
});
vi.mock('./periods', async (original) => {
  const actual = await original<typeof import('./periods')>();
  return { ...actual, formatFinancialYear: vi.fn(actual.formatFinancialYear) };
});

const workbook = twoReportedPosts;

it('keeps the check of a post left as it was, and works out again the post changed', () => {
  const wb = workbook();
  const [cco, cm] = reconcile(wb);
  const changed = { ...wb, posts: [wb.posts[0], { ...wb.posts[1], fte: 2 }] };
  const [cco2, cm2, period] = reconcile(changed);
  expect(cco2).toBe(cco);
  expect(cm2).not.toBe(cm);
  // 2 x £62,186 x 15 / 12 = £155,465
  expect(cm2.explanation).toBe('Commissioning Manager: 2 x £62,186 x 15 months / 12 is £155,465; the report shows £77,733.');
  expect(period.kind).toBe('period');
});

it('works a post’s check out again when its grade’s cost changes, though the post did not', () => {
  const wb = workbook();
  reconcile(wb);
  const [cco] = reconcile({ ...wb, grades: [{ grade: 'Grade 5', annualCost: 30000 }, wb.grades[1]] });
  // 4 x £30,000 = £120,000
  expect(cco.explanation).toBe('Community Care Officers: 4 x £30,000 is £120,000; the report shows £131,097.');
});

it('writes no figure out in words where the model’s and the engine’s agree', () => {
  const wb = workbook();
  wb.posts = Array.from({ length: 50 }, (_, i) => ({ ...wb.posts[i % 2], title: `Post ${i + 1}` }));
  const model = costWorkbook(wb, new Date(2026, 10, 23));
  const engine = { ...model, postCosts: model.postCosts.map((r) => [...r]) };
  vi.mocked(periods.formatFinancialYear).mockClear();
  expect(figureDifferences(model, engine)).toEqual([]);
  expect(vi.mocked(periods.formatFinancialYear)).not.toHaveBeenCalled();
});

it('keeps the checks, working out no post’s annual cost again, when the grade table is made afresh with the same grades and costs', () => {
  const wb = workbook();
  const [cco] = reconcile(wb);
  vi.mocked(costing.annualCostOf).mockClear();
  const [again] = reconcile({ ...wb, grades: wb.grades.map((g) => ({ ...g })) });
  expect(again).toBe(cco);
  expect(vi.mocked(costing.annualCostOf)).not.toHaveBeenCalled();
});
