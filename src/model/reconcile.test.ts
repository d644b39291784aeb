import { describe, expect, it } from 'vitest';
import { costWorkbook, type Results } from './costing';
import { formatMoney } from './money';
import { month } from './periods';
import { differences, figureDifferences, reconcile } from './reconcile';
import type { Workbook } from './workbook';
import { twoReportedPosts } from '../../test/reconcile-workbook';

function workbook(): Workbook {
  const wb = twoReportedPosts();
  wb.reported = [{ label: 'Total', file: 'Posts.csv', row: 4, year: null, published: 208930, posts: [0, 1], costs: [], savings: [] }];
  return wb;
}

it('checks each line against the app’s own sum, within the report’s rounding of £1', () => {
  const [cco, cm] = reconcile(workbook());
  expect(cco.explanation).toBe('Community Care Officers: 4 x £32,774 is £131,096; the report shows £131,097 (its rounding).');
  expect(cco.agrees).toBe(true);
  expect(cm.explanation).toBe('Commissioning Manager: 1 x £62,186 x 15 months / 12 is £77,732.50; the report shows £77,733 (its rounding).');
});

it('checks a printed total against the app’s sum of its lines: 131,096 + 77,732.50 = 208,828.50, not 208,930', () => {
  const total = reconcile(workbook()).find((c) => c.kind === 'total')!;
  expect(total.calculated).toBeCloseTo(208828.5, 2);
  expect(total.agrees).toBe(false);
  expect(total.explanation).toBe('Total: the report shows £208,930; the app’s sum of its 2 lines is £208,828.50 (a difference of £101.50).');
  expect(total.source).toBe('Posts.csv row 4');
});

it('lists a period whose count and range disagree, and only what differs', () => {
  const checks = reconcile(workbook());
  expect(checks.filter((c) => c.kind === 'period').map((c) => c.explanation)).toEqual(['Commissioning Manager: 15 months from Dec 2017 ends Feb 2019, but End says Mar 2019 (16 months); costed at 15 months.']);
  expect(differences(checks).map((c) => c.kind)).toEqual(['total', 'period']);
});

it('checks a post with its own pay against that pay, whatever its grade: 1 x £119,999 x 6 months / 12 is £59,999.50', () => {
  const wb = workbook();
  wb.posts = [{ title: 'General Counsel', grade: '', fte: 1, annualCost: 119999, team: '', group: '', start: month(2018, 4), end: month(2018, 9), months: null, funding: '', publishedCost: 60000 }];
  wb.reported = [];
  const [line] = reconcile(wb);
  expect(line.explanation).toBe('General Counsel: 1 x £119,999 x 6 months / 12 is £59,999.50; the report shows £60,000 (its rounding).');
  expect(line.agrees).toBe(true);
});

it('says what is missing where a post has neither a grade with a cost nor its own pay', () => {
  const wb = workbook();
  wb.reported = [];
  wb.posts = [{ ...wb.posts[0], grade: 'Band Z' }, { ...wb.posts[0], grade: '' }];
  expect(reconcile(wb).map((c) => c.explanation)).toEqual([
    'Community Care Officers: the report shows £131,097, but grade Band Z has no annual cost, and the post no Annual cost of its own, to check it against.',
    'Community Care Officers: the report shows £131,097, but the post has no grade and no Annual cost of its own to check it against.',
  ]);
});

describe('the model’s figures against the engine’s', () => {
  const wb = workbook();
  const model = costWorkbook(wb, new Date(2026, 10, 23));
  const nudged = (by: number): Results => ({ ...model, scenarios: model.scenarios.map((s, i) => (i === 1 ? { ...s, npv: s.npv + by } : s)), postCosts: model.postCosts.map((r) => [...r]) });

  it('agree within half a penny, and a penny apart is a difference named in words', () => {
    expect(figureDifferences(model, nudged(0.004))).toEqual([]);
    const npv = model.scenarios[1].npv;
    expect(figureDifferences(model, nudged(0.01))).toEqual([`${model.scenarios[1].name} net present value: checked ${formatMoney(npv)}, engine ${formatMoney(npv + 0.01)}`]);
  });

  it('name a post’s cost by its row, and stop at the limit', () => {
    const engine = { ...model, postCosts: model.postCosts.map((r) => r.map((v) => v + 1)) };
    const found = figureDifferences(model, engine, 3);
    expect(found).toHaveLength(3);
    expect(found[0]).toBe(`post 1 in 2017/18: checked ${formatMoney(model.postCosts[0][0])}, engine ${formatMoney(model.postCosts[0][0] + 1)}`);
  });
});
