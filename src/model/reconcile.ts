// Reconciliation: what a report printed against the app's own calculation,
// line by line and total by total. This is what a scrutiny officer checks
// first: "Community Care Officers: 7 x £32,774 is £229,418; the report shows
// £229,418", "Sub Total: the report shows £149,760; its lines add up to
// £149,670".
import { annualCostOf, costTotal, gradeCosts, type Results } from './costing';
import { formatMoney, formatPounds } from './money';
import { formatFinancialYear } from './periods';
import { costedMonths, isCouncilFunded, periodMismatch, type Post, type ReportedTotal, type Workbook } from './workbook';

/** Differences up to a pound are the report's own rounding. */
export const RECONCILE_TOLERANCE = 1;

export interface Check {
  kind: 'line' | 'total' | 'period';
  label: string;
  /** Where the printed figure came from: `Posts.csv row 9`. */
  source: string;
  published: number | null;
  calculated: number | null;
  /** Calculated less published. */
  difference: number;
  /** The sentence a scrutiny officer reads. */
  explanation: string;
  agrees: boolean;
}

const money = formatMoney;

/** A post's cost over its own period at today's rates: FTE x annual cost x months / 12. */
export function periodCost(post: Post, annualCost: number): number | null {
  const months = costedMonths(post);
  return months === null ? null : (post.fte * annualCost * months) / 12;
}

/** Why a post has no annual cost: no grade with one, and no pay of its own. */
const uncosted = (post: Post) =>
  post.grade.trim() === '' ? 'the post has no grade and no Annual cost of its own to check it against' : `grade ${post.grade} has no annual cost, and the post no Annual cost of its own, to check it against`;

function lineCheck(post: Post, annual: number | undefined): Check | null {
  if (post.publishedCost == null) return null;
  const calculated = annual === undefined ? null : periodCost(post, annual);
  const months = costedMonths(post);
  const published = post.publishedCost;
  if (calculated === null) {
    return { kind: 'line', label: post.title, source: '', published, calculated, difference: 0, agrees: false, explanation: `${post.title}: the report shows ${money(published)}, but ${annual === undefined ? uncosted(post) : 'its period has no length to check it against'}.` };
  }
  const difference = calculated - published;
  const sum = `${post.fte} x ${formatPounds(annual!)}${months === 12 ? '' : ` x ${months} months / 12`} is ${money(calculated)}`;
  const agrees = Math.abs(difference) <= RECONCILE_TOLERANCE;
  return { kind: 'line', label: post.title, source: '', published, calculated, difference, agrees, explanation: `${post.title}: ${sum}; the report shows ${money(published)}${agrees && difference !== 0 ? ' (its rounding)' : ''}.` };
}

function totalCheck(total: ReportedTotal, workbook: Workbook, postValue: (i: number) => number): Check {
  const year = total.year;
  const savingAmount = (i: number) => {
    const amounts = workbook.savings[i]?.amounts ?? {};
    return year === null ? Object.values(amounts).reduce((a, b) => a + b, 0) : (amounts[year] ?? 0);
  };
  // A report's total leaves out lines it printed as `Funded from X`, with no amount.
  const posts = total.posts.filter((i) => workbook.posts[i] && !(workbook.posts[i].publishedCost == null && !isCouncilFunded(workbook.posts[i].funding)));
  const costs = total.costs.filter((i) => workbook.costs[i] && !(workbook.costs[i].amount === null && !isCouncilFunded(workbook.costs[i].funding)));
  const calculated =
    posts.reduce((s, i) => s + postValue(i), 0) +
    costs.reduce((s, i) => s + costTotal(workbook.costs[i]), 0) +
    total.savings.reduce((s, i) => s + savingAmount(i), 0);
  const lines = posts.length + costs.length + total.savings.length;
  const label = `${total.label || 'Total'}${year === null ? '' : `, ${formatFinancialYear(year)}`}`;
  const difference = calculated - total.published;
  const agrees = Math.abs(difference) <= RECONCILE_TOLERANCE;
  return {
    kind: 'total',
    label,
    source: `${total.file} row ${total.row}`,
    published: total.published,
    calculated,
    difference,
    agrees,
    explanation: `${label}: the report shows ${money(total.published)}; the app’s sum of its ${lines} ${lines === 1 ? 'line' : 'lines'} is ${money(calculated)}${agrees ? '' : ` (a difference of ${money(Math.abs(difference))})`}.`,
  };
}

/**
 * A post's own checks, kept with the grade table they were worked out from
 * (as its grades and costs, so a table the same but made afresh still
 * matches). A workbook's lines are never changed in place (docs/RULES.md), so
 * a post kept is the same post: after one change at 10,000 posts only the
 * posts changed are checked again, in the task that draws the figures; a
 * grade's new cost checks again the posts whose cost it moves.
 */
interface PostChecks {
  grades: string;
  annual: number | undefined;
  line: Check | null;
  period: Check | null;
}
const checked = new WeakMap<Post, PostChecks>();

function postChecks(post: Post, table: string, grades: () => Map<string, number>): PostChecks {
  const was = checked.get(post);
  if (was?.grades === table) return was;
  const annual = annualCostOf(post, grades());
  if (was && was.annual === annual) return (was.grades = table), was;
  const text = periodMismatch(post);
  const period: Check | null = text ? { kind: 'period', label: post.title, source: '', published: null, calculated: null, difference: 0, agrees: false, explanation: text } : null;
  const now = { grades: table, annual, line: lineCheck(post, annual), period };
  checked.set(post, now);
  return now;
}

export function reconcile(workbook: Workbook): Check[] {
  let costs: Map<string, number> | null = null;
  const grades = () => (costs ??= gradeCosts(workbook));
  const table = JSON.stringify(workbook.grades.map((g) => [g.grade, g.annualCost]));
  const each = workbook.posts.map((post) => postChecks(post, table, grades));
  const lines = each.map((c) => c.line);
  const periods = each.flatMap((c) => (c.period ? [c.period] : []));
  // A total sums the app's own calculation of each line; a post that cannot be
  // costed counts at its printed figure, so one gap does not hide the rest.
  const postValue = (i: number) => lines[i]?.calculated ?? workbook.posts[i]?.publishedCost ?? 0;
  const totals = (workbook.reported ?? []).map((t) => totalCheck(t, workbook, postValue));
  return [...lines.filter((c): c is Check => c !== null), ...totals, ...periods];
}

/** Only what differs: beyond a pound, or a period whose count and range disagree. */
export const differences = (checks: Check[]) => checks.filter((c) => !c.agrees);

/** The engine and the model agree to the penny: a larger gap is a fault in one of them. */
export const AGREEMENT_TOLERANCE = 0.005;

/**
 * Where the pure model's figures (shown first, while the engine works) and the
 * engine's (the figures of record) differ, in words, at most `limit` of them:
 * empty when every figure agrees to the penny.
 */
export function figureDifferences(model: Results, engine: Results, limit = 5): string[] {
  const found: string[] = [];
  // A figure's place is put into words only where it differs: at 10,000 posts there are some
  // 100,000 post costs to compare, in the task that draws the engine's figures.
  const differs = (m: number, e: number) => found.length < limit && !(Math.abs(m - e) < AGREEMENT_TOLERANCE);
  const compare = (where: () => string, m: number, e: number) => {
    if (differs(m, e)) found.push(`${where()}: checked ${money(m)}, engine ${money(e)}`);
  };
  if (model.years.join() !== engine.years.join()) found.push(`the years: checked ${model.years.map(formatFinancialYear).join(', ')}, engine ${engine.years.map(formatFinancialYear).join(', ')}`);
  model.scenarios.forEach((m) => {
    const e = engine.scenarios.find((s) => s.name === m.name);
    if (!e) return void (found.length < limit && found.push(`${m.name}: checked, but not in the engine’s figures`));
    m.years.forEach((y, k) => {
      const ey = e.years[k];
      if (!ey) return;
      for (const key of FIGURE_KEYS) compare(() => `${m.name} ${formatFinancialYear(y.year)} ${key}`, y[key], ey[key]);
    });
    compare(() => `${m.name} net present value`, m.npv, e.npv);
    compare(() => `${m.name} savings beyond the horizon`, m.beyondHorizon, e.beyondHorizon);
    if (found.length < limit && m.paybackYear !== e.paybackYear) found.push(`${m.name} payback: checked ${m.paybackYear === null ? 'none' : formatFinancialYear(m.paybackYear)}, engine ${e.paybackYear === null ? 'none' : formatFinancialYear(e.paybackYear)}`);
  });
  if (engine.scenarios.length !== model.scenarios.length && found.length < limit) found.push(`the scenarios: checked ${model.scenarios.length}, engine ${engine.scenarios.length}`);
  model.postCosts.forEach((row, i) => {
    const other = engine.postCosts[i];
    row.forEach((v, k) => {
      const e = other?.[k] ?? NaN;
      if (differs(v, e)) compare(() => `post ${i + 1} in ${formatFinancialYear(model.years[k])}`, v, e);
    });
  });
  return found;
}

const FIGURE_KEYS = ['staff', 'other', 'savings', 'target', 'net', 'cumulative', 'discounted', 'external'] as const;
