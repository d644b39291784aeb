import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from './costing';
import { minutesLine } from './minutes';
import { headline } from './headline';
import { formatPounds } from './money';
import { shownFigures } from './shown';
import { tornado } from './sensitivity';

const TODAY = new Date(2026, 10, 23);

it('says in words what a scenario changes against the proposal', () => {
  const wb = { ...carePlanningWorkbook(), scenarios: [{ name: 'A year late', overrides: { savingsDelay: 12, recruitment: 0.5 } }] };
  const line = minutesLine(wb, costWorkbook(wb, TODAY), 'A year late');
  expect(line).toMatch(/^A year late: recruitment 50% \(proposal 100%\), savings delay 12 months \(proposal 0 months\)\. Net present value a saving of £[\d,]+, better than doing nothing by £[\d,]+; payback in 2019\/20; £299,000 of savings falls beyond the horizon\.$/);
});

it('says a late start slides the savings with the posts, and what falls beyond the horizon', () => {
  const wb = { ...carePlanningWorkbook(), scenarios: [{ name: 'Six months late', overrides: { startDelay: 6 } }] };
  const line = minutesLine(wb, costWorkbook(wb, TODAY), 'Six months late');
  // Half of 2020/21's £299,000 slides past March 2021: 299,000 x 6 / 12 = £149,500.
  expect(line).toMatch(/^Six months late: start delay 6 months \(proposal 0 months\), posts and their savings sliding with it\. Net present value a saving of £[\d,]+, better than doing nothing by £[\d,]+; payback in 2018\/19; £149,500 of savings falls beyond the horizon\.$/);
});

it('draws a later start as worse, never cheaper: the start delay bar at 12 months is above its bar at none, as costing every line says', () => {
  const wb = carePlanningWorkbook();
  const bar = tornado(wb, 'Proposed investment', undefined, TODAY).find((b) => b.key === 'startDelay')!;
  const gap = (startDelay: number) => {
    const r = costWorkbook({ ...wb, scenarios: [{ name: 'Proposed investment', overrides: { startDelay } }] }, TODAY);
    return r.scenarios[1].npv - r.scenarios[0].npv;
  };
  expect(bar.atHigh).toBeCloseTo(gap(12), 2);
  expect(bar.atLow).toBeCloseTo(gap(0), 2);
  expect(bar.atHigh).toBeGreaterThan(bar.atLow);
});

it('gains the risk view’s chance of beating doing nothing, in words', () => {
  const wb = carePlanningWorkbook();
  const line = minutesLine(wb, costWorkbook(wb, TODAY), 'Proposed investment', { chance: 0.6712, runs: 10000 });
  expect(line).toMatch(/; payback in 2018\/19; a 67% chance of beating doing nothing, over 10,000 runs\.$/);
});

it('draws the widest bar first, each from its low to its high end', () => {
  const bars = tornado(carePlanningWorkbook(), 'Proposed investment', undefined, TODAY);
  const delivery = bars.find((b) => b.key === 'savingsDelivery')!;
  // NPV against doing nothing is linear in delivery: halving it adds half the savings' NPV
  const savingsNpv = 1630000 / 1.035 + 879000 / 1.035 ** 2 + 299000 / 1.035 ** 3;
  expect(delivery.atLow - delivery.atHigh).toBeCloseTo(0.5 * savingsNpv, 4);
  expect(bars[0].key).toBe('savingsDelivery');
  for (let i = 1; i < bars.length; i++) expect(Math.abs(bars[i - 1].atHigh - bars[i - 1].atLow)).toBeGreaterThanOrEqual(Math.abs(bars[i].atHigh - bars[i].atLow));
});

it('states the net present value the headline shows, the sum of the rounded years, not the exact total rounded alone', () => {
  const wb = { ...carePlanningWorkbook(), scenarios: [{ name: 'Two months late', overrides: { startDelay: 2 } }] };
  const results = costWorkbook(wb, TODAY);
  const h = headline(results, 'Two months late');
  // Its exact NPV, -2,052,753.11, rounded alone would say £2,052,753 under a headline of £2,052,754.
  expect(h.npv).toBe(shownFigures(results.scenarios[2]).years.reduce((sum, y) => sum + y.discounted, 0));
  const pounds = formatPounds(h.npv).replace(/[()]/g, '');
  const against = formatPounds(h.npvAgainstDoingNothing).replace(/[()]/g, '');
  expect(minutesLine(wb, results, 'Two months late')).toContain(`Net present value a saving of ${pounds}, better than doing nothing by ${against};`);
});
