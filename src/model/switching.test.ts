import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overridesArb, ownPayWorkbookArb, workbookArb } from '../../test/arbitraries';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook, gradeCosts, scenarioFigures } from './costing';
import { horizonOf } from './horizon';
import { effectiveValues, scenariosOf } from './scenarios';
import { evaluator, figures, lineSums, SEARCH_RANGE, solve, summariseSwitching, switchingValues } from './switching';
import type { ScenarioAssumption, Workbook } from './workbook';

const TODAY = new Date(2026, 10, 23);

/** NPV of the proposal less doing nothing's, with the assumption set on the proposal. */
function gapWith(wb: Workbook, key: ScenarioAssumption, value: number): number {
  const overrides = { [key]: value };
  const scenarios = [{ name: 'Proposed investment', overrides }, ...(key === 'discountRate' ? [{ name: 'Do nothing', overrides }] : [])];
  const r = costWorkbook({ ...wb, scenarios }, TODAY);
  return r.scenarios[1].npv - r.scenarios[0].npv;
}

describe('switching values of the care-planning proposal', () => {
  const values = switchingValues(carePlanningWorkbook(), 'Proposed investment', TODAY);
  const of = (key: ScenarioAssumption) => values.find((v) => v.key === key)!;

  it('savings delivery: costs NPV / savings NPV, worked by hand at 3.5%, said to a tenth of a point', () => {
    const costs = 20728.666667 + 495110.833333 / 1.035 + 62186 / 1.035 ** 2;
    const savings = 1630000 / 1.035 + 879000 / 1.035 ** 2 + 299000 / 1.035 ** 3;
    expect(of('savingsDelivery').npvEqual).toBeCloseTo(costs / savings, 6); // 557,150 / 2,665,122 = 20.91%
    expect(of('savingsDelivery').sentence).toBe('Proposed investment still beats doing nothing while savings delivery stays above 20.9% (now 100%).');
  });

  it('optimism bias: savings NPV / costs NPV - 1 = 378.349%, said as 378.3%', () => {
    const costs = 20728.666667 + 495110.833333 / 1.035 + 62186 / 1.035 ** 2;
    const savings = 1630000 / 1.035 + 879000 / 1.035 ** 2 + 299000 / 1.035 ** 3;
    expect(of('optimismBias').npvEqual).toBeCloseTo(savings / costs - 1, 6);
    expect(of('optimismBias').sentence).toBe('Proposed investment still beats doing nothing while optimism bias stays below 378.3% (now 0%).');
  });

  it('a start delay slides savings with the posts, so starting late enough makes the proposal worse: the last whole month that still beats doing nothing', () => {
    const edge = of('startDelay').npvEqual!;
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(SEARCH_RANGE.startDelay[1]);
    const months = Math.floor(edge);
    // Put back into the model: at that many months it still beats doing nothing, a month later it does not.
    expect(gapWith(carePlanningWorkbook(), 'startDelay', months)).toBeLessThan(0);
    expect(gapWith(carePlanningWorkbook(), 'startDelay', months + 1)).toBeGreaterThan(0);
    expect(of('startDelay').sentence).toBe(`Proposed investment can start up to ${months} months late and still beat doing nothing.`);
  });

  it('a start delay long enough takes payback out of the horizon, and says from when', () => {
    const months = Math.floor(of('startDelay').paybackEdge!);
    const payback = (startDelay: number) => costWorkbook({ ...carePlanningWorkbook(), scenarios: [{ name: 'Proposed investment', overrides: { startDelay } }] }, TODAY).scenarios[1].paybackYear;
    expect(payback(months)).not.toBeNull();
    expect(payback(months + 1)).toBeNull();
    expect(of('startDelay').paybackSentence).toBe(`Payback stays within the horizon while start delay stays below ${months} months.`);
  });

  it('each lands NPV on doing nothing’s to within £1 when put back into the model', () => {
    for (const v of values.filter((x) => x.npvEqual !== null)) {
      expect(Math.abs(gapWith(carePlanningWorkbook(), v.key, v.npvEqual!)), v.name).toBeLessThanOrEqual(1);
    }
  });

  it('says so where no value in a sensible range changes the answer', () => {
    expect(of('recruitment').npvEqual).toBeNull();
    expect(of('recruitment').sentence).toBe('No recruitment between 0% and 100% makes Proposed investment worse than doing nothing.');
  });

  it('savings can arrive a whole number of months late and still beat doing nothing', () => {
    expect(of('savingsDelay').sentence).toMatch(/^Savings can arrive up to \d+ months late and Proposed investment still beats doing nothing\.$/);
  });

  it('leads with what can flip the answer, nearest the plausible range first, and says the rest in one sentence', () => {
    const summary = summariseSwitching(values, 'Proposed investment');
    expect(summary.flips.map((v) => v.key)).toEqual(['savingsDelivery', 'savingsDelay', 'startDelay', 'optimismBias']);
    expect(summary.steady).toBe('No pay award, recruitment or discount rate within the ranges searched makes Proposed investment worse than doing nothing.');
  });

  it('finds where payback leaves the horizon, and it does', () => {
    const edge = of('savingsDelivery').paybackEdge!;
    const at = (d: number) => costWorkbook({ ...carePlanningWorkbook(), scenarios: [{ name: 'Proposed investment', overrides: { savingsDelivery: d } }] }, TODAY).scenarios[1].paybackYear;
    expect(at(edge + 0.001)).not.toBeNull();
    expect(at(edge - 0.001)).toBeNull();
    expect(of('savingsDelivery').paybackSentence).toMatch(/^Payback stays within the horizon while savings delivery stays above \d+\.\d%\.$/);
  });
});

describe('solving', () => {
  it('is exact where the gap is linear, and within tolerance where it is not', () => {
    expect(solve((x) => 3 * x - 1, 0, 1, true, 1e-9)).toBeCloseTo(1 / 3, 12);
    const root = solve((x) => x ** 3 - 2, 0, 2, false, 1e-9)!;
    expect(Math.abs(root ** 3 - 2)).toBeLessThanOrEqual(1e-9);
    expect(solve((x) => x + 5, 0, 1, false)).toBeNull();
  });

  it('finds where the gap first changes sign, not the range end where everything has slid out of the horizon and it is nought', () => {
    // Below until 3, above from 3 to 5, then nought to the end (a start delay long enough that nothing happens in the horizon).
    expect(solve((x) => (x < 4 ? x - 3 : Math.max(0, 5 - x)), 0, 10, false, 1e-9)).toBeCloseTo(3, 6);
    // Only ever reaching nought is no switching value.
    expect(solve((x) => Math.min(0, x - 5), 0, 10, false, 1e-9)).toBeNull();
  });
});

/** The search reuses line sums; the figures must be the model's own. */
const fromLineSumsAsCosting = (arb: fc.Arbitrary<Workbook>) =>
  fc.assert(
    fc.property(arb, overridesArb, (wb, overrides) => {
      const horizon = horizonOf(wb, TODAY);
      const grades = gradeCosts(wb);
      for (const scenario of scenariosOf(wb).map((s) => ({ ...s, overrides: { ...s.overrides, ...overrides } }))) {
        const values = effectiveValues(scenario, wb);
        const slow = scenarioFigures(scenario, wb, horizon, grades);
        const fast = figures(scenario.name, values, lineSums(scenario, wb, horizon, grades, values.startDelay), horizon);
        expect(Math.abs(fast.npv - slow.npv)).toBeLessThan(0.005);
        expect(Math.abs(fast.beyondHorizon - slow.beyondHorizon)).toBeLessThan(0.005);
        expect(fast.paybackYear).toBe(slow.paybackYear);
        slow.years.forEach((y, k) => {
          for (const key of ['staff', 'other', 'savings', 'target', 'net', 'cumulative', 'discounted', 'external'] as const) {
            expect(Math.abs(fast.years[k][key] - y[key]), `${scenario.name} ${y.year} ${key}`).toBeLessThan(0.005);
          }
        });
      }
    }),
    { numRuns: 200 },
  );

it('works a scenario out from its line sums to the penny, as costing every line does', () => fromLineSumsAsCosting(workbookArb));

it('works posts with their own pay out from line sums to the penny, as costing every line does', () => fromLineSumsAsCosting(ownPayWorkbookArb));

it('finds a part-month start delay on the line between whole months, as costing every line does', () => {
  // The search works a part-month delay out from the two whole months around it.
  fc.assert(
    fc.property(workbookArb, fc.integer({ min: 0, max: 3000 }).map((n) => n / 100), (wb, delay) => {
      const scenario = scenariosOf(wb)[1];
      const horizon = horizonOf(wb, TODAY);
      const exact = scenarioFigures({ ...scenario, overrides: { ...scenario.overrides, startDelay: delay } }, wb, horizon, gradeCosts(wb));
      const doNothing = scenarioFigures(scenariosOf(wb)[0], wb, horizon, gradeCosts(wb));
      expect(Math.abs(evaluator(wb, scenario.name, TODAY).gap('startDelay', delay) - (exact.npv - doNothing.npv))).toBeLessThan(0.005);
      expect(Math.abs(evaluator(wb, scenario.name, TODAY).lowestCumulative('startDelay', delay) - Math.min(...exact.years.map((y) => y.cumulative)))).toBeLessThan(0.005);
    }),
    { numRuns: 200 },
  );
});

it('works a part-month delay out exactly where a Months count is a part month (a workbook file may hold one)', () => {
  const base = carePlanningWorkbook();
  const wb = { ...base, posts: base.posts.map((p) => (p.fte > 0 ? { ...p, months: 6.5 } : p)) };
  const scenario = scenariosOf(wb)[1];
  const horizon = horizonOf(wb, TODAY);
  const doNothing = scenarioFigures(scenariosOf(wb)[0], wb, horizon, gradeCosts(wb));
  for (let delay = 0.25; delay < 24; delay += 0.5) {
    const exact = scenarioFigures({ ...scenario, overrides: { ...scenario.overrides, startDelay: delay } }, wb, horizon, gradeCosts(wb));
    expect(Math.abs(evaluator(wb, scenario.name, TODAY).gap('startDelay', delay) - (exact.npv - doNothing.npv))).toBeLessThan(0.005);
  }
});
