// Which scenarios a change to the scenarios alone leaves as they were, so
// that the figures already on the page (the engine's, of the workbook
// before) serve for them and only the others are costed again: at 10,000
// posts the model costs one scenario in some 20 ms and all five, with each
// post's costs, in some 70 (docs/RULES.md, "Only the scenarios that
// changed, costed again").
import { payFactors } from './assumptions';
import { scenarioFigures, gradeCosts, postCosting, type PostCosting, type Results } from './costing';
import { horizonOf } from './horizon';
import { effectiveValues, payAwardsByYear, scenarioNamed, scenariosOf } from './scenarios';
import { SCENARIO_PROPOSED, type Post, type Scenario, type Workbook } from './workbook';

/** What must be costed again: scenarios by their place in `scenariosOf(after)`, and each post's costs when the proposal is among them. */
export interface Recost {
  scenarios: number[];
  postCosts: boolean;
}

/** The scenarios costed again (in the order asked for), the horizon they were costed over, and each post's costs if asked for. */
export interface Costed {
  years: Results['years'];
  scenarios: Results['scenarios'];
  postCosts: number[][] | null;
}

/** Parts of a workbook no figure depends on: the rest must be the very same for a scenario's figures to stay. */
const NOT_COSTED = new Set<keyof Workbook>(['name', 'scenarios', 'reported', 'ranges', 'risk']);

/**
 * What a change from `before` (whose figures are `figures`) to `after`
 * leaves to cost again, or null when the figures of `before` cannot be
 * reused at all: a line, a grade, an assumption or anything else costed
 * changed (a change of lines is the same objects, or it is a change), or
 * the figures are not of `before`'s scenarios. The horizon, which may follow
 * today's date, is checked when the figures are put together (`mergeFigures`).
 */
export function scenariosToRecost(before: Workbook, figures: Results, after: Workbook): Recost | null {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Workbook)[]);
  for (const key of keys) if (!NOT_COSTED.has(key) && before[key] !== after[key]) return null;
  const was = scenariosOf(before);
  const now = scenariosOf(after);
  // Figures are matched to scenarios by name: two of one name could not be told apart.
  if (!uniqueNames(was) || !uniqueNames(now)) return null;
  if (was.length !== figures.scenarios.length || was.some((s, i) => figures.scenarios[i].name !== s.name)) return null;
  const scenarios = now.flatMap((s, i) => {
    const old = was.find((w) => w.name === s.name);
    return old && sameCosting(old, s, before) ? [] : [i];
  });
  const proposal = now.findIndex((s) => s === scenarioNamed(now, SCENARIO_PROPOSED));
  return { scenarios, postCosts: scenarios.includes(proposal) };
}

/** Whether two scenarios of one workbook give the same figures: the same name, values, pay awards by year and lines in or out. */
function sameCosting(a: Scenario, b: Scenario, workbook: Workbook): boolean {
  if (a === b) return true;
  if (a.name !== b.name) return false;
  const same = (x: object, y: object) => {
    const xs = Object.entries(x).sort(byKey);
    const ys = Object.entries(y).sort(byKey);
    return xs.length === ys.length && xs.every(([k, v], i) => ys[i][0] === k && ys[i][1] === v);
  };
  if (!same(effectiveValues(a, workbook), effectiveValues(b, workbook))) return false;
  if (!same(payAwardsByYear(a, workbook), payAwardsByYear(b, workbook))) return false;
  const toggled = (s: Scenario, sheet: 'posts' | 'costs' | 'savings') => [...new Set(s.toggled?.[sheet] ?? [])].sort((x, y) => x - y).join();
  return (['posts', 'costs', 'savings'] as const).every((sheet) => toggled(a, sheet) === toggled(b, sheet));
}

/**
 * Whether `after` has a scenario with a start delay the engine does not yet
 * sum (`figures.delayedScenarios`, the engine's for the workbook before; a
 * scenario it has not costed counts as not delayed), which the engine then
 * sums for the first time: some hundreds of ms at 10,000 posts, the longest
 * of any change to a scenario.
 */
export function firstStartDelay(figures: Results, after: Workbook): boolean {
  const delayed = new Set(figures.scenarios.filter((_, i) => figures.delayedScenarios?.[i]).map((f) => f.name.toLowerCase()));
  return scenariosOf(after).some((s) => effectiveValues(s, after).startDelay !== 0 && !delayed.has(s.name.toLowerCase()));
}

const uniqueNames = (list: Scenario[]) => new Set(list.map((s) => s.name)).size === list.length;

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The figures of `after`: the scenarios `recost` names costed as
 * costWorkbook costs them, the rest (and each post's costs, unless the
 * proposal is named) taken from `figures`.
 */
export function recostScenarios(after: Workbook, figures: Results, recost: Recost, today?: Date): Results | null {
  return mergeFigures(after, figures, recost, costScenarios(after, recost, today));
}

/**
 * The figures of `after` from those costed again (`costScenarios`) and, for
 * every other scenario and the post costs, `figures`; null if the horizon is
 * not theirs (a workbook with no dated line starts its horizon in this
 * year, which may have turned).
 */
export function mergeFigures(after: Workbook, figures: Results, recost: Recost, costed: Costed): Results | null {
  if (costed.years.join() !== figures.years.join()) return null;
  return {
    years: figures.years,
    scenarios: scenariosOf(after).map((s, i) => {
      const at = recost.scenarios.indexOf(i);
      return at >= 0 ? costed.scenarios[at] : figures.scenarios.find((f) => f.name === s.name)!;
    }),
    postCosts: costed.postCosts ?? figures.postCosts,
  };
}

/** Only the scenarios `recost` names (in their order), and each post's costs if it asks: what a worker sends back. */
export function costScenarios(after: Workbook, recost: Recost, today?: Date): Costed {
  const horizon = horizonOf(after, today);
  const grades = gradeCosts(after);
  const costPost = sharedCosting(postCosting(horizon, grades));
  const now = scenariosOf(after);
  const scenarios = recost.scenarios.map((i) => scenarioFigures(now[i], after, horizon, grades, costPost));
  if (!recost.postCosts) return { years: horizon.years, scenarios, postCosts: null };
  const proposed = scenarioNamed(now, SCENARIO_PROPOSED)!;
  const proposal = effectiveValues(proposed, after);
  const pay = payFactors(proposal.payAward, payAwardsByYear(proposed, after), horizon.years);
  return { years: horizon.years, scenarios, postCosts: after.posts.map((post) => costPost(post, proposal.recruitment, proposal.startDelay, pay).costs) };
}

/** A post costed once per setting: the proposal's scenario and each post's costs ask for the same. */
function sharedCosting(costPost: PostCosting): PostCosting {
  const bySetting = new Map<string, Map<Post, ReturnType<PostCosting>>>();
  let last: { recruitment: number; startDelay: number; pay: number[]; posts: Map<Post, ReturnType<PostCosting>> } | null = null;
  return (post, recruitment, startDelay, pay) => {
    if (last?.pay !== pay || last.recruitment !== recruitment || last.startDelay !== startDelay) {
      const key = `${recruitment}|${startDelay}|${pay.join()}`;
      let posts = bySetting.get(key);
      if (!posts) bySetting.set(key, (posts = new Map()));
      last = { recruitment, startDelay, pay, posts };
    }
    let costed = last.posts.get(post);
    if (!costed) last.posts.set(post, (costed = costPost(post, recruitment, startDelay, pay)));
    return costed;
  };
}
