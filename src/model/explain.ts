// "Explain this figure": how any figure is made, down to the lines it comes
// from, each openable in turn, so a scrutiny officer can check every number
// without a spreadsheet. "Commissioning Manager, 2018/19: 1 FTE x £62,186
// (Band E) x 11 months / 12 = £57,004."
import { annualCostOf, costTotal, delaySavings, gradeCosts, ownCost, postCostInYear, postPeriod, savingProfile, savingsLateness, scenarioFte } from './costing';
import { horizonOf } from './horizon';
import { formatMoney, formatPercent, formatPounds } from './money';
import { formatFinancialYear, monthsInYear, type FinancialYear } from './periods';
import { payFactors, type ByYear } from './assumptions';
import { effectiveValues, includes, payAwardsByYear, scenariosOf } from './scenarios';
import { isCouncilFunded, type Workbook } from './workbook';

export type Measure = 'costs' | 'staff' | 'other' | 'savings' | 'target' | 'net' | 'cumulative' | 'discounted' | 'external';

export const MEASURE_NAMES: Record<Measure, string> = {
  costs: 'Implementation cost',
  staff: 'Staff cost',
  other: 'Other costs',
  savings: 'Savings',
  target: 'Savings target',
  net: 'Net cost',
  cumulative: 'Cumulative net cost',
  discounted: 'Discounted net cost',
  external: 'Externally funded',
};

/** A figure that can be explained. */
export type FigureRef =
  | { kind: 'measure'; scenario: string; measure: Measure; year: FinancialYear | null }
  | { kind: 'post'; scenario: string; index: number; year: FinancialYear | null }
  | { kind: 'cost'; scenario: string; index: number }
  | { kind: 'saving'; scenario: string; index: number; year: FinancialYear | null };

export interface Part {
  label: string;
  amount: number;
  /** Open this part's own explanation. */
  ref?: FigureRef;
}

export interface Explanation {
  title: string;
  amount: number;
  /** How it is made, in one sentence. */
  sentence: string;
  /** What it is made of, largest first. */
  parts: Part[];
}

const byMagnitude = (a: Part, b: Part) => Math.abs(b.amount) - Math.abs(a.amount);

export function explain(workbook: Workbook, ref: FigureRef, today?: Date): Explanation {
  const horizon = horizonOf(workbook, today);
  const years = horizon.years;
  const grades = gradeCosts(workbook);
  const scenario = scenariosOf(workbook).find((s) => s.name === ref.scenario) ?? scenariosOf(workbook)[1];
  const v = effectiveValues(scenario, workbook);
  const yearsOf = (year: FinancialYear | null) => (year === null ? years : [year]);
  const when = (year: FinancialYear | null) => (year === null ? `${formatFinancialYear(years[0])} to ${formatFinancialYear(years[years.length - 1])}` : formatFinancialYear(year));
  const bias = 1 + v.optimismBias;

  const byYear = payAwardsByYear(scenario, workbook);
  const pay = payFactors(v.payAward, byYear, years);
  const postCost = (i: number, year: FinancialYear) => {
    const post = workbook.posts[i];
    return postCostInYear(post, annualCostOf(post, grades) ?? 0, postPeriod(post, horizon, v.startDelay), year, pay[years.indexOf(year)], v.recruitment);
  };
  const savingYear = (i: number) => {
    const saving = workbook.savings[i];
    const profile = savingProfile(saving, years);
    return saving.type === 'Target' ? profile : delaySavings(profile.map((a) => a * v.savingsDelivery), savingsLateness(v)).shifted;
  };
  const inScenario = (sheet: 'posts' | 'costs' | 'savings', i: number, line: { doNothing?: boolean }) => includes(scenario, sheet, i, line.doNothing ?? false);

  if (ref.kind === 'post') {
    const post = workbook.posts[ref.index];
    const annual = annualCostOf(post, grades) ?? 0;
    const period = postPeriod(post, horizon, v.startDelay);
    if (ref.year === null) {
      const parts = years.map((y) => ({ label: formatFinancialYear(y), amount: postCost(ref.index, y), ref: { ...ref, year: y } }));
      const amount = parts.reduce((s, p) => s + p.amount, 0);
      return { title: `${post.title}, ${when(null)}`, amount, sentence: `${post.title} costs ${formatMoney(amount)} over the horizon: the sum of its years.`, parts };
    }
    const k = years.indexOf(ref.year);
    const months = monthsInYear(period.from, period.to, ref.year);
    const fte = scenarioFte(post, v.recruitment);
    const amount = postCost(ref.index, ref.year);
    const factors = [
      `${Number(fte.toPrecision(6))} FTE${post.fte > 0 && v.recruitment !== 1 ? ` (${post.fte} x recruitment ${formatPercent(v.recruitment)})` : ''}`,
      `${formatMoney(annual)} (${ownCost(post) !== null ? 'its own pay' : post.grade})`,
      `${months} ${months === 1 ? 'month' : 'months'} / 12`,
      ...(k > 0 && pay[k] !== 1 ? [payWords(years.slice(1, k + 1), v.payAward, byYear, k)] : []),
    ];
    const funded = isCouncilFunded(post.funding) ? '' : ` It is funded by ${post.funding}, outside the council’s net cost.`;
    return { title: `${post.title}, ${formatFinancialYear(ref.year)}`, amount, sentence: `${post.title}, ${formatFinancialYear(ref.year)}: ${factors.join(' x ')} = ${formatPounds(amount)}.${funded}`, parts: [] };
  }

  if (ref.kind === 'cost') {
    const cost = workbook.costs[ref.index];
    const amount = costTotal(cost);
    const how = cost.amount !== null ? `an amount of ${formatMoney(cost.amount)}` : `${cost.quantity} x ${formatMoney(cost.unitCost ?? 0)}`;
    return { title: cost.description, amount, sentence: `${cost.description}, ${formatFinancialYear(cost.year ?? horizon.first)}: ${how} = ${formatMoney(amount)}.`, parts: [] };
  }

  if (ref.kind === 'saving') {
    const saving = workbook.savings[ref.index];
    const shifted = savingYear(ref.index);
    const amount = ref.year === null ? shifted.reduce((a, b) => a + b, 0) : shifted[years.indexOf(ref.year)] ?? 0;
    const rules = [
      saving.recurring ? 'each figure recurs in every later year' : 'each figure is that year’s',
      ...(saving.type === 'Saving' && v.savingsDelivery !== 1 ? [`x savings delivery ${formatPercent(v.savingsDelivery)}`] : []),
      ...(saving.type === 'Saving' && savingsLateness(v) ? [lateness(v.startDelay, v.savingsDelay)] : []),
    ];
    return { title: `${saving.line}, ${when(ref.year)}`, amount, sentence: `${saving.line} (${saving.type.toLowerCase()}), ${when(ref.year)}: ${rules.join(', ')} = ${formatMoney(amount)}.`, parts: [] };
  }

  // A measure of a scenario, in a year or over the horizon.
  const { measure, year } = ref;
  const name = `${MEASURE_NAMES[measure]}, ${scenario.name}, ${when(year)}`;
  const sum = (parts: Part[]) => parts.reduce((s, p) => s + p.amount, 0);
  const done = (parts: Part[], how: string, scale = 1): Explanation => {
    parts.sort(byMagnitude);
    const amount = sum(parts) * scale;
    return { title: name, amount, sentence: `${name}: ${how} = ${formatMoney(amount)}.`, parts };
  };
  const postParts = (council: boolean) =>
    workbook.posts.flatMap((post, i) =>
      inScenario('posts', i, post) && isCouncilFunded(post.funding) === council ? [{ label: post.title, amount: yearsOf(year).reduce((s, y) => s + postCost(i, y), 0), ref: { kind: 'post' as const, scenario: scenario.name, index: i, year } }] : [],
    ).filter((p) => p.amount !== 0);
  const costParts = (council: boolean) =>
    workbook.costs.flatMap((cost, i) =>
      inScenario('costs', i, cost) && isCouncilFunded(cost.funding) === council && yearsOf(year).includes(cost.year ?? horizon.first) ? [{ label: cost.description, amount: costTotal(cost), ref: { kind: 'cost' as const, scenario: scenario.name, index: i } }] : [],
    );
  const savingParts = (type: 'Saving' | 'Target') =>
    workbook.savings.flatMap((saving, i) => {
      if (!inScenario('savings', i, saving) || saving.type !== type) return [];
      const shifted = savingYear(i);
      const amount = year === null ? shifted.reduce((a, b) => a + b, 0) : shifted[years.indexOf(year)] ?? 0;
      return amount === 0 ? [] : [{ label: saving.line, amount, ref: { kind: 'saving' as const, scenario: scenario.name, index: i, year } }];
    });
  const measureRef = (m: Measure, y: FinancialYear | null = year): FigureRef => ({ kind: 'measure', scenario: scenario.name, measure: m, year: y });
  const total = (m: Measure, y: FinancialYear | null = year) => explain(workbook, measureRef(m, y), today).amount;

  switch (measure) {
    case 'costs': {
      const parts = [
        { label: 'Staff cost', amount: total('staff'), ref: measureRef('staff') },
        { label: 'Other costs', amount: total('other'), ref: measureRef('other') },
      ];
      return { title: name, amount: sum(parts), sentence: `${name}: council-funded staff cost + other costs = ${formatMoney(sum(parts))}.`, parts };
    }
    case 'staff':
      return done(postParts(true), `the council-funded posts below${bias !== 1 ? `, x (1 + optimism bias ${formatPercent(v.optimismBias)})` : ''}`, bias);
    case 'other':
      return done(costParts(true), `the council-funded costs below${bias !== 1 ? `, x (1 + optimism bias ${formatPercent(v.optimismBias)})` : ''}`, bias);
    case 'savings':
      return done(savingParts('Saving'), 'the savings below');
    case 'target':
      return done(savingParts('Target'), 'the targets below');
    case 'external':
      return done([...postParts(false), ...costParts(false)], 'the posts and costs funded from outside the council');
    case 'net': {
      const parts = [
        { label: 'Staff cost', amount: total('staff'), ref: measureRef('staff') },
        { label: 'Other costs', amount: total('other'), ref: measureRef('other') },
        { label: 'less savings', amount: -total('savings'), ref: measureRef('savings') },
      ];
      return { title: name, amount: sum(parts), sentence: `${name}: staff cost + other costs - savings = ${formatMoney(sum(parts))}.`, parts };
    }
    case 'cumulative': {
      const upTo = years.filter((y) => year === null || y <= year);
      const parts = upTo.map((y) => ({ label: `Net cost ${formatFinancialYear(y)}`, amount: total('net', y), ref: measureRef('net', y) }));
      return { title: name, amount: sum(parts), sentence: `${name}: the net cost of each year so far, added up = ${formatMoney(sum(parts))}.`, parts };
    }
    case 'discounted': {
      const parts = yearsOf(year).map((y) => {
        const k = years.indexOf(y);
        return { label: `${formatFinancialYear(y)}: net cost / ${(1 + v.discountRate).toFixed(3)}^${k}`, amount: total('net', y) / (1 + v.discountRate) ** k, ref: measureRef('net', y) };
      });
      return { title: name, amount: sum(parts), sentence: `${name}: each year’s net cost discounted at ${formatPercent(v.discountRate)} a year (the first year not at all) = ${formatMoney(sum(parts))}.`, parts };
    }
  }
}

/** `pay award (1 + 2%)^2`, or where single years are named, each year's: `pay award (1 + 3.2%) x (1 + 2%)`. */
function payWords(years: FinancialYear[], single: number, byYear: ByYear, k: number): string {
  if (years.every((fy) => byYear[fy] === undefined)) return `pay award (1 + ${formatPercent(single)})^${k}`;
  return `pay award ${years.map((fy) => `(1 + ${formatPercent(byYear[fy] ?? single)})`).join(' x ')}`;
}

const monthWords = (n: number) => `${n} ${n === 1 ? 'month' : 'months'}`;

/** `9 months late (start delay 6 months + savings delay 3 months)`: a saving slides with the posts' start. */
function lateness(startDelay: number, savingsDelay: number): string {
  const total = `${monthWords(startDelay + savingsDelay)} late`;
  if (startDelay && savingsDelay) return `${total} (start delay ${monthWords(startDelay)} + savings delay ${monthWords(savingsDelay)})`;
  return startDelay ? `${total} (the start delay)` : total;
}
