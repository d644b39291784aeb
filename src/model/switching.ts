// Switching values (HM Treasury Green Book): for each assumption, the value
// at which the proposal stops beating doing nothing (its NPV of net cost
// equals doing nothing's), and the value at which its payback leaves the
// horizon. Found by varying the assumption in the scenario under test alone;
// the discount rate, which only means anything applied to both, is varied in
// both. Exact where NPV is linear in the assumption (recruitment, savings
// delivery, optimism bias); otherwise by bracketing to within £1 of NPV.
import { annualCostOf, costTotal, delaySavings, figuresFromYears, gradeCosts, postCostInYear, postPeriod, savingProfile, savingsLateness, type ScenarioFigures } from './costing';
import { horizonOf, type Horizon } from './horizon';
import { formatPercent } from './money';
import { payFactors, type ByYear } from './assumptions';
import { ASSUMPTION_SPECS, effectiveValues, includes, payAwardsByYear, scenarioNamed, scenariosOf, type AssumptionSpec } from './scenarios';
import { isCouncilFunded, SCENARIO_DO_NOTHING, SCENARIO_PROPOSED, type Scenario, type ScenarioAssumption, type ScenarioValues, type Workbook } from './workbook';

/** How far a search looks, in the assumption's own units (fractions, months): the assumption table's. */
export const SEARCH_RANGE = Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, a.search])) as Record<ScenarioAssumption, [number, number]>;

export interface SwitchingValue {
  key: ScenarioAssumption;
  name: string;
  current: number;
  /** Where the proposal's NPV equals doing nothing's; null if nowhere in the range. */
  npvEqual: number | null;
  /** Where payback leaves (or enters) the horizon; null if nowhere in the range. */
  paybackEdge: number | null;
  /** Plain words for the minutes. */
  sentence: string;
  paybackSentence: string;
}

export interface Evaluator {
  /** The scenario under test's NPV less doing nothing's, with `key` set to `value`. */
  gap(key: ScenarioAssumption, value: number): number;
  /** The lowest cumulative net cost of the scenario under test (below zero: it pays back). */
  lowestCumulative(key: ScenarioAssumption, value: number): number;
}

/**
 * A scenario's lines summed by kind and year at one start delay, before its
 * other assumptions: pay award, recruitment, optimism bias, savings delivery
 * and delay and the discount rate are each linear in these sums or move them
 * whole, so a search over them reuses the sums instead of costing every line
 * again (at 10,000 posts, a few hundred searches took seconds). `figures`
 * gives what `scenarioFigures` gives, to the penny (switching.test.ts).
 */
export interface LineSums {
  /** Posts at 100% recruitment and no pay award: council-funded or not, new (FTE above 0) or not. */
  councilNew: number[];
  councilOther: number[];
  externalNew: number[];
  externalOther: number[];
  otherCouncil: number[];
  otherExternal: number[];
  /** Savings as profiled, before delivery and delay; targets as they are. */
  savings: number[];
  targets: number[];
}

export function lineSums(scenario: Scenario, workbook: Workbook, horizon: Horizon, grades: Map<string, number>, startDelay: number): LineSums {
  return prepareLineSums(scenario, workbook, horizon, grades)(startDelay);
}

/**
 * What does not move with the start delay is worked out once: which lines
 * the scenario holds, each post's annual cost (its own pay, else its grade's) and kind, the sums of costs,
 * savings and posts the delay leaves alone. Each delay then costs only the
 * new posts again.
 */
export function prepareLineSums(scenario: Scenario, workbook: Workbook, horizon: Horizon, grades: Map<string, number>): (startDelay: number) => LineSums {
  const years = horizon.years;
  const blank = () => years.map(() => 0);
  const fixed: LineSums = { councilNew: blank(), councilOther: blank(), externalNew: blank(), externalOther: blank(), otherCouncil: blank(), otherExternal: blank(), savings: blank(), targets: blank() };
  const moving: { post: Workbook['posts'][number]; annual: number; council: boolean }[] = [];
  workbook.posts.forEach((post, i) => {
    if (!includes(scenario, 'posts', i, post.doNothing ?? false)) return;
    const annual = annualCostOf(post, grades) ?? 0;
    const council = isCouncilFunded(post.funding);
    // The delay moves new posts only (FTE above 0).
    if (post.fte > 0) return void moving.push({ post, annual, council });
    const period = postPeriod(post, horizon, 0);
    const into = council ? fixed.councilOther : fixed.externalOther;
    years.forEach((fy, k) => (into[k] += postCostInYear(post, annual, period, fy, 1, 1)));
  });
  workbook.costs.forEach((cost, i) => {
    if (!includes(scenario, 'costs', i, cost.doNothing ?? false)) return;
    const k = years.indexOf(cost.year ?? horizon.first);
    if (k >= 0) (isCouncilFunded(cost.funding) ? fixed.otherCouncil : fixed.otherExternal)[k] += costTotal(cost);
  });
  workbook.savings.forEach((saving, i) => {
    if (!includes(scenario, 'savings', i, saving.doNothing ?? false)) return;
    const into = saving.type === 'Target' ? fixed.targets : fixed.savings;
    savingProfile(saving, years).forEach((amount, k) => (into[k] += amount));
  });
  return (startDelay) => {
    const sums: LineSums = { ...fixed, councilNew: blank(), externalNew: blank() };
    for (const { post, annual, council } of moving) {
      const period = postPeriod(post, horizon, startDelay);
      const into = council ? sums.councilNew : sums.externalNew;
      years.forEach((fy, k) => (into[k] += postCostInYear(post, annual, period, fy, 1, 1)));
    }
    return sums;
  };
}

/**
 * A scenario's figures from its line sums and its values. The years whose pay
 * award is named (`byYear`) keep it; the single rate moves the rest.
 */
export function figures(name: string, values: ScenarioValues, sums: LineSums, horizon: Horizon, byYear: ByYear = {}): ScenarioFigures {
  const { recruitment, optimismBias, savingsDelivery } = values;
  const factors = payFactors(values.payAward, byYear, horizon.years);
  const pay = (k: number) => factors[k];
  const { shifted, beyond } = delaySavings(sums.savings.map((a) => a * savingsDelivery), savingsLateness(values));
  return figuresFromYears(
    name,
    values,
    horizon.years,
    {
      staff: horizon.years.map((_, k) => (recruitment * sums.councilNew[k] + sums.councilOther[k]) * pay(k) * (1 + optimismBias)),
      other: sums.otherCouncil.map((a) => a * (1 + optimismBias)),
      savings: shifted,
      target: sums.targets.slice(),
      external: horizon.years.map((_, k) => (recruitment * sums.externalNew[k] + sums.externalOther[k]) * pay(k) + sums.otherExternal[k]),
    },
    beyond,
  );
}

export function evaluator(workbook: Workbook, scenarioName: string, today?: Date): Evaluator {
  const horizon: Horizon = horizonOf(workbook, today);
  const scenarios = scenariosOf(workbook);
  const scenario = scenarios.find((s) => s.name === scenarioName) ?? scenarioNamed(scenarios, SCENARIO_PROPOSED)!;
  const doNothing = scenarioNamed(scenarios, SCENARIO_DO_NOTHING)!;
  const delayed = sumsByDelay(workbook, horizon);
  const run = (s: Scenario, key: ScenarioAssumption, value: number): ScenarioFigures => {
    const values = effectiveValues({ ...s, overrides: { ...s.overrides, [key]: value } }, workbook);
    return figures(s.name, values, delayed(s, values.startDelay), horizon, payAwardsByYear(s, workbook));
  };
  const baseline = run(doNothing, 'discountRate', effectiveValues(doNothing, workbook).discountRate);
  return {
    gap: (key, value) => run(scenario, key, value).npv - (key === 'discountRate' ? run(doNothing, key, value).npv : baseline.npv),
    lowestCumulative: (key, value) => Math.min(...run(scenario, key, value).years.map((y) => y.cumulative)),
  };
}

/**
 * Line sums of any of a workbook's scenarios at any start delay: each
 * scenario's and each whole month's worked out once and kept, since only the
 * start delay moves lines' months (switching values, the tornado and the risk
 * view ask for the same few delays many times).
 */
export function sumsByDelay(workbook: Workbook, horizon: Horizon): (s: Scenario, delay: number) => LineSums {
  const grades = gradeCosts(workbook);
  // By scenario, then by delay: the risk view asks some 20,000 times a run, so no key is made of text.
  const cache = new Map<Scenario, { sumsAt: (delay: number) => LineSums; byDelay: Map<number, LineSums> }>();
  const at = (s: Scenario, delay: number): LineSums => {
    let kept = cache.get(s);
    if (!kept) cache.set(s, (kept = { sumsAt: prepareLineSums(s, workbook, horizon, grades), byDelay: new Map() }));
    let sums = kept.byDelay.get(delay);
    if (!sums) kept.byDelay.set(delay, (sums = kept.sumsAt(delay)));
    return sums;
  };
  // Where starts, ends and Months counts are whole months (as the importer and the grid
  // keep them), a post's months in a year are linear in the delay between whole months:
  // a part-month delay lies on the line. A workbook file could hold a part month: then exactly.
  const wholeMonths = workbook.posts.every((p) => [p.start, p.end, p.months].every((v) => v === null || Number.isInteger(v)));
  return (s, delay) => {
    const whole = Math.floor(delay);
    const part = delay - whole;
    if (part === 0 || !wholeMonths) return at(s, delay);
    const [a, b] = [at(s, whole), at(s, whole + 1)];
    const mixed = {} as LineSums;
    for (const key of Object.keys(a) as (keyof LineSums)[]) {
      const [x, y] = [a[key], b[key]];
      const out = new Array<number>(x.length);
      for (let k = 0; k < x.length; k++) out[k] = x[k] + (y[k] - x[k]) * part;
      mixed[key] = out;
    }
    return mixed;
  };
}


/** Steps a non-linear search walks its range in, looking for the first change of sign (120 months: every 3 months). */
export const SCAN_STEPS = 40;

/**
 * Where f first changes sign in [lo, hi], to within `tolerance` of f, or null
 * if it never does. A non-linear f is walked from lo in SCAN_STEPS steps: a
 * start delay long enough slides every post and saving out of the horizon,
 * where the gap is nought to the end of the range; that is no switching
 * value, and the crossing before it is.
 */
export function solve(f: (x: number) => number, lo: number, hi: number, linear: boolean, tolerance = 1): number | null {
  let flo = f(lo);
  if (Math.abs(flo) <= tolerance) return lo;
  if (linear) {
    const fhi = f(hi);
    if (Math.abs(fhi) <= tolerance) return hi;
    const root = lo - (flo * (hi - lo)) / (fhi - flo);
    return Number.isFinite(root) && root >= lo && root <= hi ? root : null;
  }
  // The first step whose end lies beyond tolerance on the other side of nought.
  let fhi = NaN;
  for (let i = 1; i <= SCAN_STEPS; i++) {
    const x = lo + ((hi - lo) * i) / SCAN_STEPS;
    const fx = f(x);
    if (Math.abs(fx) > tolerance && Math.sign(fx) !== Math.sign(flo)) {
      hi = x;
      fhi = fx;
      break;
    }
    if (Math.abs(fx) > tolerance) {
      lo = x;
      flo = fx;
    }
  }
  if (Number.isNaN(fhi)) return null;
  // Bisection with a secant guess (Illinois): safe on piecewise-linear months.
  for (let i = 0; i < 200; i++) {
    let x = hi - (fhi * (hi - lo)) / (fhi - flo);
    if (!(x > lo && x < hi)) x = (lo + hi) / 2;
    const fx = f(x);
    if (Math.abs(fx) <= tolerance || hi - lo < 1e-12) return x;
    if (Math.sign(fx) === Math.sign(flo)) {
      lo = x;
      flo = fx;
      fhi /= 2;
    } else {
      hi = x;
      fhi = fx;
      flo /= 2;
    }
  }
  return (lo + hi) / 2;
}

/** `21%` or `26 months`, as the assumption is shown. */
export function describeValue(spec: AssumptionSpec, value: number): string {
  if (spec.unit === 'months') {
    const n = Number(value.toFixed(1));
    return `${n} ${n === 1 ? 'month' : 'months'}`;
  }
  return formatPercent(Number(value.toFixed(4)));
}

/**
 * A switching value as a person would say it (docs/RULES.md, "Switching
 * values"): a percentage to a tenth of a point (20.9%, not 20.91%); months in
 * whole months, rounded to the side where the sentence stays true (`up to 31
 * months` for 31.5, since 32 would change the answer).
 */
export function describeSwitch(spec: AssumptionSpec, value: number, side: 'below' | 'above'): string {
  if (spec.unit === 'months') {
    const n = side === 'below' ? Math.floor(value + 1e-9) : Math.ceil(value - 1e-9);
    return `${n} ${n === 1 ? 'month' : 'months'}`;
  }
  return `${(value * 100).toFixed(1)}%`;
}

const label = (spec: AssumptionSpec) => spec.name.replace(/\s*(%|\(months\))$/, '').toLowerCase();

function npvSentence(spec: AssumptionSpec, scenario: string, current: number, root: number | null, betterNow: boolean, risingWorsens: boolean): string {
  const name = label(spec);
  if (root === null) {
    return betterNow
      ? `No ${name} between ${describeValue(spec, SEARCH_RANGE[spec.key][0])} and ${describeValue(spec, SEARCH_RANGE[spec.key][1])} makes ${scenario} worse than doing nothing.`
      : `No ${name} in that range makes ${scenario} better than doing nothing.`;
  }
  // Better now and worse past the root: the sentence speaks of the side where it still wins.
  const side = betterNow === risingWorsens ? 'below' : 'above';
  const at = describeSwitch(spec, root, side);
  if (spec.key === 'savingsDelay' && betterNow && risingWorsens) return `Savings can arrive up to ${at} late and ${scenario} still beats doing nothing.`;
  if (spec.key === 'startDelay' && betterNow && risingWorsens) return `${scenario} can start up to ${at} late and still beat doing nothing.`;
  if (betterNow) return `${scenario} still beats doing nothing while ${name} stays ${side} ${at} (now ${describeValue(spec, current)}).`;
  return `${scenario} would beat doing nothing if ${name} ${side === 'below' ? 'fell below' : 'rose above'} ${at} (now ${describeValue(spec, current)}).`;
}

function paybackSentence(spec: AssumptionSpec, current: number, root: number | null, paysBackNow: boolean, risingDelays: boolean): string {
  const name = label(spec);
  if (root === null) return paysBackNow ? `Payback stays within the horizon for any ${name} in the range.` : `No ${name} in the range brings payback within the horizon.`;
  const side = paysBackNow === risingDelays ? 'below' : 'above';
  const at = describeSwitch(spec, root, side);
  return paysBackNow ? `Payback stays within the horizon while ${name} stays ${side} ${at}.` : `Payback would come within the horizon if ${name} ${side === 'below' ? 'fell below' : 'rose above'} ${at}.`;
}

/** `a, b or c`. */
const orList = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`);

export interface SwitchingSummary {
  /** The assumptions that can flip the answer within their search range, the nearest first. */
  flips: SwitchingValue[];
  /** The rest, in one sentence; null where every one can flip it. */
  steady: string | null;
  /** Of the rest, those that can move payback out of (or into) the horizon, in words. */
  payback: string[];
}

/**
 * What the page leads with: the switching values that can change the answer,
 * nearest first, measured in widths of each assumption's plausible (tornado)
 * range, so savings delivery at 20.9% (1.6 widths from 100%) comes before an
 * optimism bias of 378% (9.5 widths from 0%); then one sentence for the rest.
 */
export function summariseSwitching(values: SwitchingValue[], scenario: string): SwitchingSummary {
  const distance = (v: SwitchingValue) => {
    const [low, high] = ASSUMPTION_SPECS.find((a) => a.key === v.key)!.sensitivity;
    return Math.abs(v.npvEqual! - v.current) / (high - low || 1);
  };
  const flips = values.filter((v) => v.npvEqual !== null).sort((a, b) => distance(a) - distance(b));
  const rest = values.filter((v) => v.npvEqual === null);
  const worse = rest.some((v) => v.sentence.includes('better than doing nothing'));
  const steady = rest.length ? `No ${orList(rest.map((v) => label(ASSUMPTION_SPECS.find((a) => a.key === v.key)!)))} within the ranges searched makes ${scenario} ${worse ? 'better' : 'worse'} than doing nothing.` : null;
  return { flips, steady, payback: rest.filter((v) => v.paybackEdge !== null).map((v) => v.paybackSentence) };
}

export function switchingValues(workbook: Workbook, scenarioName: string, today?: Date): SwitchingValue[] {
  const evaluate = evaluator(workbook, scenarioName, today);
  const scenario = scenariosOf(workbook).find((s) => s.name === scenarioName) ?? scenariosOf(workbook)[1];
  const values = effectiveValues(scenario, workbook);
  return ASSUMPTION_SPECS.map((spec) => {
    const current = values[spec.key];
    const [lo, hi] = SEARCH_RANGE[spec.key];
    const linear = spec.linear;
    const gap = (v: number) => evaluate.gap(spec.key, v);
    const npvEqual = solve(gap, lo, hi, linear);
    const betterNow = gap(current) < 0;
    const risingWorsens = gap(hi) > gap(lo);
    // Payback exists while the lowest cumulative is below -half a penny. The tolerance is finer than that half penny,
    // so a scenario slid wholly out of the horizon (lowest cumulative nought: no payback) counts as past the edge.
    const low = (v: number) => evaluate.lowestCumulative(spec.key, v) + 0.005;
    const paybackEdge = solve(low, lo, hi, false, 0.001);
    const paysBackNow = low(current) < 0;
    const risingDelays = low(hi) > low(lo);
    return {
      key: spec.key,
      name: spec.name,
      current,
      npvEqual,
      paybackEdge,
      sentence: npvSentence(spec, scenario.name, current, npvEqual, betterNow, risingWorsens),
      paybackSentence: paybackSentence(spec, current, paybackEdge, paysBackNow, risingDelays),
    };
  });
}
