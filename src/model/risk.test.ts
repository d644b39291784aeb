import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from './costing';
import { mulberry32, triangular } from './random';
import { describeChance, histogram, quantile, simulate } from './risk';
import { ASSUMPTION_SPECS, effectiveValues, scenariosOf } from './scenarios';
import { rangesOf, tornado } from './sensitivity';
import { switchingValues } from './switching';
import { emptyWorkbook, type ScenarioAssumption, type Workbook } from './workbook';

const TODAY = new Date(2026, 10, 23);

/**
 * One year, 2024/25: a cost of £100,000 and a saving of £200,000. The year
 * is the horizon's first, so nothing is discounted: the proposal's NPV of net
 * cost is 100,000 - 200,000 x d, for savings delivery d, and doing nothing
 * (no lines) is £0. The proposal beats doing nothing when
 * 100,000 - 200,000 d < 0, that is d > 0.5: the switching value is 50%.
 * Every range is closed at the scenario's own value but savings delivery's.
 */
function oneYear(delivery: number, low: number, high: number): Workbook {
  const wb = emptyWorkbook('One year');
  wb.assumptions = { ...wb.assumptions, firstYear: 2024, horizonYears: 1, savingsDelivery: delivery };
  wb.costs = [{ description: 'Set-up', group: '', year: 2024, amount: 100000, quantity: null, unitCost: null, funding: '' }];
  wb.savings = [{ line: 'Saving', group: '', type: 'Saving', recurring: false, amounts: { 2024: 200000 } }];
  const own = effectiveValues(scenariosOf(wb)[1], wb);
  wb.ranges = Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, [own[a.key], own[a.key]]])) as Workbook['ranges'];
  wb.ranges!.savingsDelivery = [low, high];
  return wb;
}

/** Four standard errors of a share p estimated from n runs. */
const fourSe = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

describe('Mulberry32', () => {
  it('gives the same stream from the same seed, another from another, all in [0, 1)', () => {
    const a = mulberry32(2017);
    const b = mulberry32(2017);
    const c = mulberry32(2018);
    const [xa, xb, xc] = [0, 0, 0].map(() => [] as number[]);
    for (let i = 0; i < 1000; i++) [xa.push(a()), xb.push(b()), xc.push(c())];
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    expect(xa.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('is uniform: each tenth of [0, 1) holds a tenth of 100,000 numbers, within four standard errors', () => {
    const next = mulberry32(1);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[Math.floor(next() * 10)]++;
    // A count of a tenth of n: mean 10,000, standard error sqrt(n x 0.1 x 0.9) = sqrt(9,000) = 94.9.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(4 * Math.sqrt(9_000));
  });
});

describe('the triangular distribution', () => {
  it('puts u at its own distribution function, worked by hand for (0.2, 0.6, 0.8)', () => {
    // Below the mode F(x) = (x - 0.2)^2 / (0.6 x 0.4) = (x - 0.2)^2 / 0.24: F(0.5) = 0.09 / 0.24 = 0.375.
    expect(triangular(0.2, 0.6, 0.8, 0.375)).toBeCloseTo(0.5, 12);
    // Above it F(x) = 1 - (0.8 - x)^2 / (0.6 x 0.2) = 1 - (0.8 - x)^2 / 0.12: F(0.7) = 1 - 0.01 / 0.12 = 0.91667.
    expect(triangular(0.2, 0.6, 0.8, 1 - 0.01 / 0.12)).toBeCloseTo(0.7, 12);
    // At the split (c - a) / (b - a) = 0.4 / 0.6 it is the mode; a closed range is its one value.
    expect(triangular(0.2, 0.6, 0.8, 0.4 / 0.6)).toBeCloseTo(0.6, 12);
    expect(triangular(0.3, 0.3, 0.3, 0.9)).toBe(0.3);
  });
});

describe('quantiles and bins', () => {
  it('interpolate between neighbours as PERCENTILE.INC does', () => {
    // 1..11: position (11 - 1) x 0.1 = 1 is the second value; 0.5 the sixth; 0.25 is 2.5 places in: 3.5.
    const xs = Array.from({ length: 11 }, (_, i) => i + 1);
    expect(quantile(xs, 0.1)).toBe(2);
    expect(quantile(xs, 0.5)).toBe(6);
    expect(quantile(xs, 0.25)).toBe(3.5);
  });

  it('count every value once, the greatest in the last bar', () => {
    const bins = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(bins.map((b) => b.count)).toEqual([2, 2, 2, 2, 3]);
    expect(bins[0]).toMatchObject({ from: 0, to: 2 });
    expect(bins[4].to).toBe(10);
  });
});

describe('the chance of beating doing nothing, against closed forms', () => {
  it('is the triangular tail at the switching value, with delivery (20%, 60%, 80%)', () => {
    const wb = oneYear(0.6, 0.2, 0.8);
    // The model's switching value is the hand-worked 50%.
    expect(switchingValues(wb, 'Proposed investment', TODAY).find((v) => v.key === 'savingsDelivery')!.npvEqual).toBeCloseTo(0.5, 9);
    // P(d > 0.5) = 1 - (0.5 - 0.2)^2 / ((0.8 - 0.2)(0.6 - 0.2)) = 1 - 0.09 / 0.24 = 0.625.
    const r = simulate(wb, 'Proposed investment', { seed: 2017, runs: 10_000 }, { today: TODAY });
    // Four standard errors: 4 x sqrt(0.625 x 0.375 / 10,000) = 0.0194.
    expect(Math.abs(r.chance - 0.625)).toBeLessThan(fourSe(0.625, 10_000));
    // Its median: the mode 0.6 is above the middle 0.5, so the median is on the lower arm,
    // F(m) = 0.5: m = 0.2 + sqrt(0.5 x 0.24) = 0.2 + 0.34641 = 0.54641, and NPV is linear
    // (falling) in d, so the median NPV is 100,000 - 200,000 x 0.54641 = -£9,282.03.
    // The density there is 2(m - 0.2) / 0.24 = 2.8868, so the median's standard error is
    // 1 / (2 x 2.8868 x sqrt(10,000)) = 0.001732 of delivery, £346 of NPV.
    expect(Math.abs(r.p50 - -9282.03)).toBeLessThan(4 * 346);
    // The draws are the runs' own: NPV = 100,000 - 200,000 x each run's delivery, to the penny.
    for (let i = 0; i < 50; i++) expect(r.npv[i]).toBeCloseTo(100000 - 200000 * r.draws.savingsDelivery[i], 6);
    expect(r.doNothingNpv.every((x) => x === 0)).toBe(true);
  });

  it('has the median at the mode when the range is symmetric (40%, 60%, 80%), and the tail at 50%', () => {
    const wb = oneYear(0.6, 0.4, 0.8);
    const r = simulate(wb, 'Proposed investment', { seed: 7, runs: 10_000 }, { today: TODAY });
    // Median delivery 0.6: NPV 100,000 - 120,000 = -£20,000. Density at the mode 2 / 0.4 = 5:
    // standard error 1 / (2 x 5 x 100) = 0.001 of delivery, £200 of NPV.
    expect(Math.abs(r.p50 - -20000)).toBeLessThan(4 * 200);
    // P(d > 0.5) = 1 - (0.1)^2 / (0.4 x 0.2) = 1 - 0.125 = 0.875.
    expect(Math.abs(r.chance - 0.875)).toBeLessThan(fourSe(0.875, 10_000));
    // P10 and P90 of NPV are NPV at delivery's P90 and P10 (NPV falls as delivery rises):
    // P(d < x) = 0.1 below the mode: x = 0.4 + sqrt(0.1 x 0.08) = 0.48944, NPV £2,111.
    expect(r.p90).toBeCloseTo(100000 - 200000 * (0.4 + Math.sqrt(0.008)), -3);
  });

  it('on the care-planning report: the tail of delivery (10%, 25%, 40%) above the hand-worked switching value', () => {
    const wb = carePlanningWorkbook();
    wb.scenarios = [{ name: 'Quarter delivered', overrides: { savingsDelivery: 0.25 } }];
    const own = effectiveValues(wb.scenarios[0], wb);
    wb.ranges = Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, [own[a.key], own[a.key]]])) as Workbook['ranges'];
    wb.ranges!.savingsDelivery = [0.1, 0.4];
    // The switching value, as switching.test.ts works it: the costs' NPV over the savings' at 3.5%.
    const costs = 20728.666667 + 495110.833333 / 1.035 + 62186 / 1.035 ** 2;
    const savings = 1630000 / 1.035 + 879000 / 1.035 ** 2 + 299000 / 1.035 ** 3;
    const s = costs / savings; // 557,150 / 2,665,122 = 0.20906
    // Below the mode 0.25: P(d > s) = 1 - (s - 0.1)^2 / ((0.4 - 0.1)(0.25 - 0.1)) = 1 - 0.10906^2 / 0.045 = 1 - 0.011894 / 0.045 = 0.7357.
    const tail = 1 - (s - 0.1) ** 2 / (0.3 * 0.15);
    const r = simulate(wb, 'Quarter delivered', { seed: 2017, runs: 10_000 }, { today: TODAY });
    expect(Math.abs(r.chance - tail)).toBeLessThan(fourSe(tail, 10_000));
    // Symmetric about 0.25: the median NPV is the scenario's own, as costed.
    const atMode = costWorkbook(wb, TODAY).scenarios.find((x) => x.name === 'Quarter delivered')!.npv;
    // NPV falls by £2,665,122 per unit of delivery; the median delivery's standard error is 1 / (2 x (2 / 0.3) x 100) = 0.00075.
    expect(Math.abs(r.p50 - atMode)).toBeLessThan(4 * 0.00075 * savings);
  });

  it('gives the same runs from the same seed, and from another seed other runs with the same answer', () => {
    const wb = oneYear(0.6, 0.2, 0.8);
    const a = simulate(wb, 'Proposed investment', { seed: 11, runs: 10_000 }, { today: TODAY });
    const b = simulate(wb, 'Proposed investment', { seed: 11, runs: 10_000 }, { today: TODAY });
    const c = simulate(wb, 'Proposed investment', { seed: 12, runs: 10_000 }, { today: TODAY });
    expect(b.npv).toEqual(a.npv);
    expect(b.chance).toBe(a.chance);
    expect(c.npv).not.toEqual(a.npv);
    expect(Math.abs(c.chance - 0.625)).toBeLessThan(fourSe(0.625, 10_000));
  });

  it('draws doing nothing from the same random numbers: with the discount rate the only open range, both move together', () => {
    // The care-planning proposal with doing nothing's own inaction cost: both NPVs depend on the rate.
    const wb = carePlanningWorkbook();
    wb.costs = [{ description: 'Agency cover', group: '', year: 2019, amount: 50000, quantity: null, unitCost: null, funding: '', doNothing: true }];
    const own = effectiveValues(scenariosOf(wb)[1], wb);
    wb.ranges = Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, [own[a.key], own[a.key]]])) as Workbook['ranges'];
    wb.ranges!.discountRate = [0.015, 0.06];
    const r = simulate(wb, 'Proposed investment', { seed: 3, runs: 200 }, { today: TODAY });
    for (let i = 0; i < 200; i += 37) {
      const rate = r.draws.discountRate[i];
      const costed = costWorkbook({ ...wb, scenarios: [{ name: 'Do nothing', overrides: { discountRate: rate } }, { name: 'Proposed investment', overrides: { discountRate: rate } }] }, TODAY);
      expect(r.npv[i]).toBeCloseTo(costed.scenarios[1].npv, 4);
      expect(r.doNothingNpv[i]).toBeCloseTo(costed.scenarios[0].npv, 4);
    }
  });

  it('widens a range to take in the scenario’s own value, and says so', () => {
    const wb = oneYear(0.9, 0.2, 0.8);
    const r = simulate(wb, 'Proposed investment', { seed: 1, runs: 1000 }, { today: TODAY });
    expect(r.widened).toEqual(['Proposed investment’s savings delivery of 90% lies above its High (80%): the range is taken to 90%.']);
    expect(Math.max(...r.draws.savingsDelivery)).toBeLessThanOrEqual(0.9);
    expect(Math.max(...r.draws.savingsDelivery)).toBeGreaterThan(0.8);
  });

  it('says so for doing nothing’s own value too, where doing nothing has lines to cost', () => {
    const wb = oneYear(0.6, 0.2, 0.8);
    wb.costs.push({ description: 'Agency cover', group: '', year: 2024, amount: 30000, quantity: null, unitCost: null, funding: '', doNothing: true });
    wb.scenarios = [{ name: 'Do nothing', overrides: { savingsDelivery: 0.1 } }];
    const r = simulate(wb, 'Proposed investment', { seed: 1, runs: 100 }, { today: TODAY });
    expect(r.widened).toEqual(['Do nothing’s savings delivery of 10% lies below its Low (20%): the range is taken to 10%.']);
    // Doing nothing's agency cover, undiscounted in the one year: £30,000 in every run.
    expect(r.doNothingNpv.every((x) => Math.abs(x - 30000) < 1e-6)).toBe(true);
  });

  it('moves every open assumption at once on the care-planning report, each within its range', () => {
    const wb = carePlanningWorkbook();
    const r = simulate(wb, 'Proposed investment', { seed: 2017, runs: 2000 }, { today: TODAY });
    const ranges = rangesOf(wb);
    for (const spec of ASSUMPTION_SPECS) {
      const xs = r.draws[spec.key as ScenarioAssumption];
      const [lo, hi] = ranges[spec.key];
      const own = effectiveValues(scenariosOf(wb)[1], wb)[spec.key];
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(Math.min(lo, own));
      expect(Math.max(...xs)).toBeLessThanOrEqual(Math.max(hi, own));
    }
    expect(r.p10).toBeLessThanOrEqual(r.p50);
    expect(r.p50).toBeLessThanOrEqual(r.p90);
    expect(r.bins.reduce((n, b) => n + b.count, 0)).toBe(2000);
  });
});

describe('the workbook’s ranges', () => {
  it('are the tornado’s', () => {
    const wb = carePlanningWorkbook();
    wb.ranges = { savingsDelivery: [0.3, 0.9] };
    const bar = tornado(wb, 'Proposed investment', undefined, TODAY).find((b) => b.key === 'savingsDelivery')!;
    expect([bar.low, bar.high]).toEqual([0.3, 0.9]);
    expect(rangesOf(wb).payAward).toEqual([0, 0.05]);
  });
});

describe('the chance in words', () => {
  it('says the percent and the runs, and never 0% or 100% unless every run agrees', () => {
    expect(describeChance(0.6712, 10000)).toBe('a 67% chance of beating doing nothing, over 10,000 runs');
    expect(describeChance(0.998, 10000)).toBe('a 99% chance of beating doing nothing, over 10,000 runs');
    expect(describeChance(1, 500)).toBe('a 100% chance of beating doing nothing, over 500 runs');
    expect(describeChance(0.8, 1000)).toBe('an 80% chance of beating doing nothing, over 1,000 runs');
  });
});
