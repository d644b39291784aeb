// Uncertainty (docs/RULES.md, "Uncertainty"): every assumption drawn at once
// from a triangular distribution over its range, many times, and the chance
// that a scenario's net present value beats doing nothing's. Built on the
// same line sums and `figures` as switching values, so whatever rule costs a
// scenario costs each run.
import { horizonOf } from './horizon';
import { mulberry32, triangular } from './random';
import { ASSUMPTION_SPECS, effectiveValues, includes, payAwardsByYear, scenarioNamed, scenariosOf, shownValue, type AssumptionSpec } from './scenarios';
import { rangesOf, type Ranges } from './sensitivity';
import { figures, sumsByDelay } from './switching';
import { SCENARIO_DO_NOTHING, type RiskSettings, type ScenarioValues, type Workbook } from './workbook';

/** A seed is the generator's 32-bit state. */
export const MAX_SEED = 4_294_967_295;
/** Fewer than 100 runs says little; more than 100,000 adds little and takes long at 10,000 posts. */
export const RUNS = { min: 100, max: 100_000 } as const;
export const DEFAULT_RISK: RiskSettings = { seed: 2017, runs: 10_000 };
/** Bars in the histogram. */
export const BINS = 20;

export const riskOf = (workbook: Workbook): RiskSettings => ({ ...DEFAULT_RISK, ...workbook.risk });

/** Why a seed or a count of runs cannot be used, or null. */
export function seedProblem(seed: number): string | null {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED ? null : `The seed is a whole number from 0 to ${MAX_SEED.toLocaleString('en-GB')}`;
}
export function runsProblem(runs: number): string | null {
  return Number.isInteger(runs) && runs >= RUNS.min && runs <= RUNS.max ? null : `The number of runs is a whole number from ${RUNS.min.toLocaleString('en-GB')} to ${RUNS.max.toLocaleString('en-GB')}`;
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export interface RiskResult {
  scenario: string;
  runs: number;
  seed: number;
  /** The share of runs in which the scenario's NPV of net cost is below doing nothing's (0 to 1). */
  chance: number;
  p10: number;
  p50: number;
  p90: number;
  bins: Bin[];
  /** Each run's draw of each assumption (the scenario's own; doing nothing's comes from the same random number), in the table's order. */
  draws: Record<string, Float64Array>;
  /** Each run's NPV of the scenario's net cost, and doing nothing's. */
  npv: Float64Array;
  doNothingNpv: Float64Array;
  /** Where the scenario's own value lies outside its range, and so widens it: said on the page. */
  widened: string[];
}

/**
 * The q-th quantile of sorted values, interpolating between neighbours
 * (position (n - 1) x q, as Excel's PERCENTILE.INC and R's default do).
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const at = (n - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** `BINS` bars of equal width from the least to the greatest value (one bar when all are equal). */
export function histogram(sorted: ArrayLike<number>, bins = BINS): Bin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0];
  const max = sorted[n - 1];
  if (!(max > min)) return [{ from: min, to: max, count: n }];
  const width = (max - min) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (let i = 0; i < n; i++) out[Math.min(bins - 1, Math.floor((sorted[i] - min) / width))].count++;
  return out;
}

/** A range that takes in the scenario's own value: Low and High widened to it where it lies outside. */
function rangeAround(spec: AssumptionSpec, [low, high]: [number, number], mode: number, widened: string[], scenario: string): [number, number] {
  if (mode >= low && mode <= high) return [low, high];
  const shown = (x: number) => `${shownValue(spec, x)}${spec.unit === '%' ? '%' : ' months'}`;
  widened.push(`${scenario}’s ${spec.name.replace(/\s*(%|\(months\))$/, '').toLowerCase()} of ${shown(mode)} lies ${mode < low ? 'below its Low' : 'above its High'} (${shown(mode < low ? low : high)}): the range is taken to ${shown(mode)}.`);
  return [Math.min(low, mode), Math.max(high, mode)];
}

export interface SimulateOptions {
  /** Called every `every` runs with the count done, so a worker can report progress. */
  progress?: (done: number) => void;
  every?: number;
  today?: Date;
  ranges?: Ranges;
}

/**
 * `runs` runs of the scenario and doing nothing. Run i uses the generator's
 * numbers 7i to 7i + 6, one per assumption in the table's order: each is
 * turned into the scenario's draw through the triangular distribution of
 * (Low, the scenario's own value, High), and into doing nothing's through
 * (Low, doing nothing's own value, High). Both face the same run (the same
 * pay award, the same discount rate), so the chance compares like with like;
 * where their own values agree (as they do unless one sets its own), so do
 * their draws.
 */
export function simulate(workbook: Workbook, scenarioName: string, settings: RiskSettings = riskOf(workbook), options: SimulateOptions = {}): RiskResult {
  const { runs, seed } = settings;
  const horizon = horizonOf(workbook, options.today);
  const ranges = options.ranges ?? rangesOf(workbook);
  const scenarios = scenariosOf(workbook);
  const scenario = scenarios.find((s) => s.name === scenarioName) ?? scenarios[1];
  const doNothing = scenarioNamed(scenarios, SCENARIO_DO_NOTHING)!;
  const sums = sumsByDelay(workbook, horizon);
  const widened: string[] = [];
  const setUp = (s: typeof scenario) => {
    const mode = effectiveValues(s, workbook);
    return {
      s,
      mode,
      byYear: payAwardsByYear(s, workbook),
      ranges: ASSUMPTION_SPECS.map((spec) => rangeAround(spec, ranges[spec.key], mode[spec.key], widened, s.name)),
    };
  };
  // Doing nothing with no lines of its own (no cost of inaction) costs nothing in any run: its
  // NPV is £0 whatever is drawn, and working it out 10,000 times would only double the time.
  const holdsNothing = (['posts', 'costs', 'savings'] as const).every((sheet) => workbook[sheet].every((line, i) => !includes(doNothing, sheet, i, line.doNothing ?? false)));
  const mine = setUp(scenario);
  const theirs = scenario === doNothing || holdsNothing ? null : setUp(doNothing);
  const random = mulberry32(seed);
  const draws = Object.fromEntries(ASSUMPTION_SPECS.map((spec) => [spec.key, new Float64Array(runs)]));
  const npv = new Float64Array(runs);
  const doNothingNpv = new Float64Array(runs);
  const u = new Float64Array(ASSUMPTION_SPECS.length);
  const npvOf = (side: typeof mine, run: number) => {
    const values = {} as ScenarioValues;
    ASSUMPTION_SPECS.forEach((spec, j) => {
      const [low, high] = side.ranges[j];
      values[spec.key] = triangular(low, side.mode[spec.key], high, u[j]);
      if (side === mine) draws[spec.key][run] = values[spec.key];
    });
    return figures(side.s.name, values, sums(side.s, values.startDelay), horizon, side.byYear).npv;
  };
  const every = options.every ?? 1000;
  let better = 0;
  for (let run = 0; run < runs; run++) {
    for (let j = 0; j < u.length; j++) u[j] = random();
    npv[run] = npvOf(mine, run);
    doNothingNpv[run] = theirs ? npvOf(theirs, run) : scenario === doNothing ? npv[run] : 0;
    if (npv[run] < doNothingNpv[run]) better++;
    if (options.progress && (run + 1) % every === 0) options.progress(run + 1);
  }
  const sorted = npv.slice().sort();
  return {
    scenario: scenario.name,
    runs,
    seed,
    chance: better / runs,
    p10: quantile(sorted, 0.1),
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    bins: histogram(sorted),
    draws,
    npv,
    doNothingNpv,
    widened,
  };
}

/** `a 67% chance of beating doing nothing, over 10,000 runs`: never 0% or 100% unless every run agrees. */
export function describeChance(chance: number, runs: number): string {
  let percent = Math.round(chance * 100);
  if (chance > 0 && percent === 0) percent = 1;
  if (chance < 1 && percent === 100) percent = 99;
  // `an 8%`, `an 11%`, `an 18%`, `an 80%`: as the number is said.
  const article = /^(8\d?|11|18)$/.test(String(percent)) ? 'an' : 'a';
  return `${article} ${percent}% chance of beating doing nothing, over ${runs.toLocaleString('en-GB')} runs`;
}
