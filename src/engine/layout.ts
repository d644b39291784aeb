// The workbook as the formula engine holds it: one sheet per table, each
// post's cost per year (per scenario) as a formula a person can read,
// assumptions as named values, scenarios as a sheet of their own, and the
// summary as formulas over the line sheets.
//
// Why this shape (docs/RULES.md, "What we measured about HyperFormula"): a VLOOKUP and a named expression in every
// year cell makes the engine's build quadratic (29 s at 10k posts). Here each
// post reads its grade's cost cell once, in a helper column (or holds its own pay there), and the per-year factors
// (pay award, discount) live once per scenario in the Years sheet, so a year
// cell refers to its own row, one Years cell and one Scenarios cell. The
// summary sums whole columns with SUMIFS on a council-funded flag and a
// per-scenario inclusion flag; optimism bias multiplies the sums.
import { columnLetter } from '../model/columns';
import { gradeKey, ownCost, PAYBACK_TOLERANCE, savedBefore } from '../model/costing';
import type { Horizon } from '../model/horizon';
import { firstMonthOf, formatFinancialYear, lastMonthOf, type Month } from '../model/periods';
import { ASSUMPTION_SPECS, effectiveValues, includes, payAwardYearName, workbookValues } from '../model/scenarios';
import { formulaProblem, MAX_FORMULA_VALUE, nameProblem, type Reach } from '../model/formulas';
import { NAME_OF_ASSUMPTION } from '../model/scenario-names';
import { isCouncilFunded, type Scenario, type ScenarioAssumption, type Workbook } from '../model/workbook';

export type Cell = string | number | boolean | null;
export type Grid = Cell[][];

/** The assumptions as named values: Assumptions!B{row} is named {name}; the horizon's two, then the assumption table's at their rows. */
export const NAMED_ASSUMPTIONS: { name: string; label: string; unit: string; key?: ScenarioAssumption }[] = [
  { name: 'FirstYear', label: 'First financial year', unit: 'year' },
  { name: 'HorizonYears', label: 'Horizon', unit: 'years' },
  ...[...ASSUMPTION_SPECS].sort((a, b) => a.sheetRow - b.sheetRow).map((a) => ({ name: a.formulaName, label: a.label, unit: a.unit, key: a.key })),
];

/** The workbook assumption behind each scenario assumption. */
export const NAME_OF = NAME_OF_ASSUMPTION;

export { columnLetter };

/**
 * User text goes in with a leading apostrophe so the engine keeps it as text:
 * a title of `=HYPERLINK(...)` or `007` stays what was typed.
 */
export function text(value: string): Cell {
  return value === '' ? null : `'${value}`;
}

/** A text of the user's that no formula of ours reads: kept only while a typed formula may read it (Layout.texts). */
export function userText(layout: Layout, value: string): Cell {
  return layout.texts ? text(value) : null;
}

/** Engine dates are days since 30 Dec 1899, as in Excel; a month is its first day. */
export function dateSerial(m: Month): number {
  const year = Math.floor(m / 12);
  return (Date.UTC(year, m - year * 12, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * A sheet's cells by column name: the only place a column becomes letters,
 * so a formula says what it reads (`postCells.abs('fteCost', 3)` is `$O3`) and a
 * column that moves moves every formula with it. A name's letters are worked
 * out once; a column given by number (a year, a block) as it is needed.
 */
export interface Columns<C extends string> {
  /** `C3`: column and row as a copied formula moves them. */
  cell(column: C | number, row: number): string;
  /** `$C3`: the column held, the row moving. */
  abs(column: C | number, row: number): string;
  /** `C$3`: the row held, the column moving. */
  onRow(column: C | number, row: number): string;
  /** `$C$3`: one cell, held. */
  fixed(column: C | number, row: number): string;
  /** `C`, for text that names a column. */
  letter(column: C | number): string;
}

export function columns<C extends string>(index: Readonly<Record<C, number>>): Columns<C> {
  const letters = Object.fromEntries(Object.entries<number>(index).map(([name, c]) => [name, columnLetter(c)])) as Record<C, string>;
  const letter = (column: C | number) => (typeof column === 'number' ? columnLetter(column) : letters[column]);
  return {
    letter,
    cell: (column, row) => `${letter(column)}${row}`,
    abs: (column, row) => `$${letter(column)}${row}`,
    onRow: (column, row) => `${letter(column)}$${row}`,
    fixed: (column, row) => `$${letter(column)}$${row}`,
  };
}

/** Columns of a sheet whose columns have no names of their own (years, scenarios, sums). */
export const numbered = columns<never>({});

// Fixed columns of the line sheets (0-based).
export const POST = { title: 0, grade: 1, fte: 2, team: 3, group: 4, start: 5, end: 6, months: 7, funding: 8, council: 9, annualCost: 10, from: 11, to: 12, isNew: 13, fteCost: 14, first: 15 } as const;
/**
 * Lines are summed in chunks of this many rows (the PostSums, CostSums and
 * SavingSums sheets), then the chunks are summed: an edit to one post
 * recomputes its chunk's subtotals and a sum over the chunks, not a sum over
 * every post (docs/SCALE.md).
 */
export const LINE_CHUNK = 200;
export const COST = { description: 0, group: 1, year: 2, amount: 3, quantity: 4, unitCost: 5, funding: 6, council: 7, total: 8, yearUsed: 9, firstYear: 10 } as const;
export const SAVING = { line: 0, group: 1, type: 2, recurring: 3, before: 4, firstInput: 5 } as const;
export const GRADE = { grade: 0, annualCost: 1 } as const;
/** The Assumptions sheet: a row per assumption. */
export const ASSUMPTION = { label: 0, value: 1, unit: 2, name: 3 } as const;
/** The Scenarios sheet: the assumption, the workbook's value, then a column per scenario. */
export const SCENARIO = { label: 0, workbook: 1, first: 2 } as const;
export const postCells = columns(POST);
export const costCells = columns(COST);
export const savingCells = columns(SAVING);
export const gradeCells = columns(GRADE);
export const assumptionCells = columns(ASSUMPTION);
export const scenarioCells = columns(SCENARIO);
// Years sheet rows (1-based); each scenario adds a pay row and a discount row.
const Y = { label: 1, k: 2, first: 3, last: 4 } as const;
export const payRow = (s: number) => 5 + 2 * s;
const discountRow = (s: number) => 6 + 2 * s;
// Scenarios sheet: row 1 names the scenarios; a row per assumption, then the savings delay split.
const SCENARIO_ROW = Object.fromEntries(ASSUMPTION_SPECS.map((a, i) => [a.key, i + 2])) as Record<ScenarioAssumption, number>;
const DELAY_YEARS_ROW = ASSUMPTION_SPECS.length + 2;
const DELAY_PART_ROW = ASSUMPTION_SPECS.length + 3;
/** Row of year k's pay award (k from 1: year 0 is at base prices): the scenario's own, the workbook's, else its single rate. */
export const payYearRow = (k: number) => DELAY_PART_ROW + k;

export const SUMMARY_COLUMNS = ['Scenario', 'Year', 'Staff cost', 'Other costs', 'Savings', 'Savings target', 'Net cost', 'Cumulative net cost', 'Discounted net cost', 'Externally funded', 'Payback k'] as const;
export const TOTALS_COLUMNS = ['Scenario', 'Staff cost', 'Other costs', 'Savings', 'Savings target', 'Net cost', 'Discounted net cost', 'Externally funded', 'Net present value', 'Payback k', 'Beyond horizon'] as const;
/** Payback flag of a year whose cumulative net is not a saving. */
export const NO_PAYBACK = 1000;
/** Columns of the Summary and Totals sheets, as SUMMARY_COLUMNS and TOTALS_COLUMNS name them. */
export const SUMMARY = { scenario: 0, year: 1, staff: 2, other: 3, savings: 4, target: 5, net: 6, cumulative: 7, discounted: 8, external: 9, payback: 10 } as const;
export const TOTALS = { scenario: 0, staff: 1, other: 2, savings: 3, target: 4, net: 5, discounted: 6, external: 7, npv: 8, payback: 9, beyond: 10 } as const;
export const summaryCells = columns(SUMMARY);

export interface Layout {
  horizon: Horizon;
  years: number;
  scenarios: Scenario[];
  /**
   * Whether scenario s's new posts are summed after its start delay, on the
   * DelayedSums sheet (a formula per chunk reading its delay cell), rather
   * than from the Posts sheet's year columns: set for a scenario with a
   * delay when built, and by the engine when one is first given a delay.
   * The year columns cost every post as it stands, with no delay.
   */
  delayed: readonly boolean[];
  /**
   * Whether the line sheets hold the user's text that no formula of ours
   * reads (a post's title, grade, team, group and funding; a cost's
   * description, group and funding; a saving's line, group and whether it
   * recurs; a grade's name): only while a formula the user typed may read
   * a cell by its address (linesAtUserRows). Otherwise those cells are
   * left blank, 50,000 cells fewer to build at 10,000 posts, and the engine
   * builds again when a first such formula is typed (docs/RULES.md).
   */
  texts: boolean;
  /** Column of year k of each post's cost, with no start delay. */
  postYearCol: (k: number) => number;
  postIncludeCol: (s: number) => number;
  /** Each line's row (1-based) on its sheet, by line index: the engine's choice, not the line's place in the list (docs/RULES.md, "Lines and their rows in the engine"). */
  rows: LineRows;
  /** Chunks of lines summed on the PostSums, CostSums and SavingSums sheets, each rows [first, last] (1-based). */
  postChunks: [number, number][];
  costChunks: [number, number][];
  savingChunks: [number, number][];
  costYearCol: (k: number) => number;
  costIncludeCol: (s: number) => number;
  savingInputCol: (k: number) => number;
  savingCleanCol: (k: number) => number;
  savingBaseCol: (k: number) => number;
  savingIncludeCol: (s: number) => number;
  /** Scenarios!{column} of scenario s. */
  scenarioCol: (s: number) => number;
}

/** Each scenario's start delay, as it will be costed. */
export const startDelays = (workbook: Workbook, scenarios: Scenario[]) => scenarios.map((s) => effectiveValues(s, workbook).startDelay);

export type LineSheet = 'posts' | 'costs' | 'savings';
/** Each line's row (1-based) on its sheet, by line index. */
export type LineRows = Record<LineSheet, number[]>;

/**
 * The chunks that hold these rows, LINE_CHUNK rows each, the last ending at
 * the last row (at least one, of one row, so the totals always have a chunk
 * to add). Chunks added later run on from the last.
 */
const chunksTo = (rows: number[]): [number, number][] => {
  const last = Math.max(2, lastRow(rows));
  return Array.from({ length: Math.ceil((last - 1) / LINE_CHUNK) }, (_, j) => [2 + j * LINE_CHUNK, Math.min(last, 1 + (j + 1) * LINE_CHUNK)]);
};

/** The last of these rows, 1 where there are none (a loop: 100,000 rows are too many arguments for Math.max). */
export function lastRow(rows: number[]): number {
  let last = 1;
  for (const r of rows) if (r > last) last = r;
  return last;
}

/** Whether the user typed a formula in a line: one may read any cell, so no post's cost can be assumed unchanged. */
export function hasFormulas(wb: Workbook): boolean {
  const typed = (lines: { formulas?: Partial<Record<string, string>> }[]) => lines.some((l) => l.formulas && Object.values(l.formulas).some((f) => f !== undefined));
  return typed(wb.grades) || typed(wb.posts) || typed(wb.costs) || typed(wb.savings);
}

/**
 * Whether every line must sit at the row the user sees (line i at row
 * i + 2): a formula the user typed may read a cell by its address (=C3,
 * Posts!C3 from an assumption), which means that line.
 */
export function linesAtUserRows(wb: Workbook): boolean {
  return hasFormulas(wb) || (wb.userAssumptions ?? []).some((u) => typeof u.value === 'string');
}

/**
 * Where each line goes when the sheets are built. Costs and savings in
 * order. Posts beyond one chunk grouped by grade (then in order), so a
 * grade's posts fill a few chunks and its new cost recomputes those chunks'
 * sums, not every chunk's; fewer posts fit one chunk and stay in order.
 * Lines stay in order wherever a typed formula may read one by its address.
 */
export function placeLines(wb: Workbook): LineRows {
  const inOrder = (count: number) => Array.from({ length: count }, (_, i) => i + 2);
  const rows: LineRows = { posts: inOrder(wb.posts.length), costs: inOrder(wb.costs.length), savings: inOrder(wb.savings.length) };
  if (wb.posts.length <= LINE_CHUNK || linesAtUserRows(wb)) return rows;
  const keys = wb.posts.map((p) => gradeKey(p.grade));
  const order = wb.posts.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  order.forEach((line, j) => (rows.posts[line] = j + 2));
  return rows;
}

export function layoutOf(workbook: Workbook, horizon: Horizon, scenarios: Scenario[], rows: LineRows = placeLines(workbook)): Layout {
  const n = horizon.years.length;
  return {
    horizon,
    years: n,
    scenarios,
    delayed: startDelays(workbook, scenarios).map((d) => d !== 0),
    texts: linesAtUserRows(workbook),
    postYearCol: (k) => POST.first + k,
    postIncludeCol: (s) => POST.first + n + s,
    rows,
    postChunks: chunksTo(rows.posts),
    costChunks: chunksTo(rows.costs),
    savingChunks: chunksTo(rows.savings),
    costYearCol: (k) => COST.firstYear + k,
    costIncludeCol: (s) => COST.firstYear + n + s,
    savingInputCol: (k) => SAVING.firstInput + k,
    savingCleanCol: (k) => SAVING.firstInput + n + k,
    savingBaseCol: (k) => SAVING.firstInput + 2 * n + k,
    savingIncludeCol: (s) => SAVING.firstInput + 3 * n + s,
    scenarioCol: (s) => SCENARIO.first + s,
  };
}

/** Column of year k on the Years sheet, after the row labels. */
export const yearsCol = (k: number) => 1 + k;
/** Years!{column of year k}${row}: one cell of the Years sheet, row fixed. */
const yearsCell = (k: number, row: number) => `Years!${numbered.onRow(yearsCol(k), row)}`;
/** One scenario's value of one assumption. */
const scenarioCell = (layout: Layout, s: number, row: number) => `Scenarios!${numbered.fixed(layout.scenarioCol(s), row)}`;
const value = (layout: Layout, s: number, key: ScenarioAssumption) => scenarioCell(layout, s, SCENARIO_ROW[key]);

export function assumptionsSheet(workbook: Workbook, horizon: Horizon): Grid {
  const a = workbookValues(workbook.assumptions);
  const horizonValues: Record<string, number> = { FirstYear: horizon.first, HorizonYears: horizon.years.length };
  return [
    ...NAMED_ASSUMPTIONS.map((n) => [text(n.label), n.key ? a[n.key] : horizonValues[n.name], text(n.unit), text(n.name)]),
    ...(workbook.userAssumptions ?? []).map((u) => [text(u.name), input(u.value, undefined, formulaReach('Assumptions', horizon.years.length)), text(u.unit), text(u.note)]),
  ];
}

/** Row (0-based) of the first user assumption in the Assumptions sheet. */
export const USER_ASSUMPTIONS_ROW = NAMED_ASSUMPTIONS.length;

export function namedExpressions(workbook: Workbook) {
  // A name the engine cannot take (Population2020 reads as a cell) would stop the build: such a
  // name, written before the rule or in a tampered file, is left out, and formulas using it show #NAME?.
  const users: { name: string; expression: string }[] = [];
  (workbook.userAssumptions ?? []).forEach((u, i) => {
    if (nameProblem(u.name, users.map((n) => n.name)) === null) users.push({ name: u.name, expression: `=Assumptions!${assumptionCells.fixed('value', USER_ASSUMPTIONS_ROW + i + 1)}` });
  });
  return [...NAMED_ASSUMPTIONS.map((n, row) => ({ name: n.name, expression: `=Assumptions!${assumptionCells.fixed('value', row + 1)}` })), ...users];
}

export type FormulaSheet = 'Grades' | 'Posts' | 'Costs' | 'Savings' | 'Assumptions';

/**
 * What a formula on `sheet` may read: the user's own columns of the sheets
 * the grids show, as laid out here (Savings: the years of the horizon, from
 * its first input column). Everything else is the engine's own working.
 */
export function formulaReach(sheet: FormulaSheet, years: number): Reach {
  const upTo = (last: number) => Array.from({ length: last + 1 }, (_, c) => c);
  return {
    sheet,
    columns: {
      Grades: [GRADE.grade, GRADE.annualCost],
      Posts: upTo(POST.funding),
      Costs: upTo(COST.funding),
      Savings: [...upTo(SAVING.recurring), ...Array.from({ length: years }, (_, k) => SAVING.firstInput + k)],
      Assumptions: Object.values(ASSUMPTION),
    },
  };
}

/**
 * A user's formula as the engine holds it: text or true/false where a number
 * belongs is #VALUE!, and a number beyond MAX_FORMULA_VALUE is #NUM!, so the
 * cell shows what it costs (nothing) to every cell that reads it. Otherwise
 * the engine would read ="10" as 10 in every sum while the cell showed an error.
 */
export function guarded(formula: string): string {
  const f = formula.slice(1);
  // (f)+0: a formula reading an empty cell is 0, not a blank (a blank amount would cost quantity x unit cost).
  return `=IF(ISTEXT(${f})+ISLOGICAL(${f}),#VALUE!,IF(ABS(${f})>${MAX_FORMULA_VALUE.toExponential().replace('+', '')},#NUM!,(${f})+0))`;
}

/**
 * An input cell: the user's formula where they typed one and it keeps the
 * rules (too big a formula would abort the engine's build; one reading the
 * engine's own working would loop through it), else the value. A formula
 * that breaks them is not built.
 */
export function input(value: number | string | null, formula: string | undefined, reach: Reach): Cell {
  const typed = formula ?? (typeof value === 'string' ? value : undefined);
  if (typed === undefined) return value;
  // Refused, it is an error, not a blank: a blank amount would cost quantity x unit cost instead.
  return formulaProblem(typed, reach) === null ? guarded(typed) : NOT_WORKED_OUT;
}

/** The cell of a formula that breaks the rules: an error, so it and every cell reading it count as nothing. */
export const NOT_WORKED_OUT = '=#ERROR!';

/** A scenario's own value of an assumption, or the workbook's (by name) where it sets none. */
export function scenarioValueCell(scenario: Scenario, key: ScenarioAssumption, row: number): Cell {
  const own = scenario.overrides[key];
  return typeof own === 'number' && Number.isFinite(own) ? own : `=${scenarioCells.abs('workbook', row)}`;
}

/**
 * A scenario's pay award for one year: its own where it names the year, else
 * the workbook's for that year (column B, blank where it names none), else
 * the scenario's single rate.
 */
export function payYearCell(layout: Layout, scenario: Scenario, s: number, fy: number, row: number): Cell {
  const own = scenario.payAwardByYear?.[fy];
  return typeof own === 'number' && Number.isFinite(own) ? own : `=IF(ISBLANK(${scenarioCells.abs('workbook', row)}),${value(layout, s, 'payAward')},${scenarioCells.abs('workbook', row)})`;
}

/** The workbook's pay award for one year, or a blank where it names none. */
export function workbookPayYear(workbook: Workbook, fy: number): Cell {
  const own = workbook.assumptions.payAwardByYear?.[fy];
  return typeof own === 'number' && Number.isFinite(own) ? own : null;
}

/** The Scenarios sheet: a row per assumption, a column per scenario (docs/RULES.md, "Scenarios"), then a row per year's pay award. */
export function scenariosSheet(workbook: Workbook, layout: Layout): Grid {
  const rows: Grid = [[text('Assumption'), text('Workbook'), ...layout.scenarios.map((s) => text(s.name))]];
  for (const spec of ASSUMPTION_SPECS) {
    const r = SCENARIO_ROW[spec.key];
    rows.push([text(spec.name), `=${NAME_OF[spec.key]}`, ...layout.scenarios.map((s) => scenarioValueCell(s, spec.key, r))]);
  }
  // Savings slide with the posts' start, then any savings delay: D = start delay + savings delay months.
  const lateness = (s: number) => `(${numbered.cell(layout.scenarioCol(s), SCENARIO_ROW.startDelay)}+${numbered.cell(layout.scenarioCol(s), SCENARIO_ROW.savingsDelay)})`;
  rows.push([text('Savings late (start + savings delay): whole years'), null, ...layout.scenarios.map((_, s) => `=INT(${lateness(s)}/12)`)]);
  rows.push([text('Savings late (start + savings delay): part of a year'), null, ...layout.scenarios.map((_, s) => `=(${lateness(s)}-12*${numbered.cell(layout.scenarioCol(s), DELAY_YEARS_ROW)})/12`)]);
  layout.horizon.years.forEach((fy, k) => {
    if (k === 0) return;
    const r = payYearRow(k);
    rows.push([text(payAwardYearName(fy)), workbookPayYear(workbook, fy), ...layout.scenarios.map((sc, s) => payYearCell(layout, sc, s, fy, r))]);
  });
  return rows;
}

export function yearsSheet(layout: Layout): Grid {
  const horizon = layout.horizon;
  const ks = horizon.years.map((_, k) => k);
  const c = (k: number, row: number) => numbered.cell(yearsCol(k), row);
  const rows: Grid = [
    [text('Year'), ...horizon.years.map((fy) => text(formatFinancialYear(fy)))],
    [text('k'), ...ks],
    [text('First month'), ...horizon.years.map(firstMonthOf)],
    [text('Last month'), ...horizon.years.map(lastMonthOf)],
  ];
  layout.scenarios.forEach((scenario, s) => {
    // A running product: year k's factor is year k-1's x (1 + year k's award), each year's award its own or the single rate.
    rows.push([text(`Pay factor: ${scenario.name}`), ...ks.map((k) => (k === 0 ? 1 : `=${c(k - 1, payRow(s))}*(1+${scenarioCell(layout, s, payYearRow(k))})`))]);
    rows.push([text(`Discount factor: ${scenario.name}`), ...ks.map((k) => `=1/(1+${value(layout, s, 'discountRate')})^${c(k, Y.k)}`)]);
  });
  return rows;
}

export function gradeRow(workbook: Workbook, layout: Layout, index: number): Cell[] {
  const g = workbook.grades[index];
  return [userText(layout, g.grade.trim()), input(g.annualCost, g.formulas?.annualCost, formulaReach('Grades', layout.years))];
}

export function gradesSheet(workbook: Workbook, layout: Layout): Grid {
  return [[text('Grade'), text('Annual cost')], ...workbook.grades.map((_, i) => gradeRow(workbook, layout, i))];
}

const includeFlags = (layout: Layout, sheet: 'posts' | 'costs' | 'savings', index: number, doNothing: boolean) =>
  layout.scenarios.map((scenario) => (includes(scenario, sheet, index, doNothing) ? 1 : 0));

/** Each grade's row (0-based line) by its key: the first line of that name, as the model finds a post's grade (gradeKey). */
const gradeLines = new WeakMap<Workbook['grades'], Map<string, number>>();
export function gradeLineOf(workbook: Workbook, grade: string): number | undefined {
  let lines = gradeLines.get(workbook.grades);
  if (!lines) {
    lines = new Map();
    for (const [i, g] of workbook.grades.entries()) if (!lines.has(gradeKey(g.grade))) lines.set(gradeKey(g.grade), i);
    gradeLines.set(workbook.grades, lines);
  }
  return lines.get(gradeKey(grade));
}

/**
 * A post's annual cost cell. Its own pay wins over its grade's: written as
 * its value (or its formula), so it reads no grade. Otherwise it reads its
 * grade's own cost cell, found here as the model finds it: a lookup over
 * the whole grade table made every post depend on every grade, so one
 * grade's new cost recomputed all 10,000 posts (docs/SCALE.md). A
 * grade not in Grades costs nothing, as in the model; the page flags it.
 */
export function postAnnualCost(workbook: Workbook, layout: Layout, index: number): Cell {
  const p = workbook.posts[index];
  if (ownCost(p) !== null) return input(ownCost(p), p.formulas?.annualCost, formulaReach('Posts', layout.years));
  const line = gradeLineOf(workbook, p.grade);
  return line === undefined ? 0 : `=IFERROR(Grades!${gradeCells.fixed('annualCost', line + 2)},0)`;
}

/**
 * The fraction of each year that each post of Posts rows [first, last] runs
 * (months in the year / 12), with no start delay (a delayed scenario's new
 * posts: delayedChunkFormula): one formula a chunk, in its first row's first
 * year cell, its results filling the chunk's year cells, so 10,000 posts are
 * 50 formulas to build rather than 60,000 (docs/SCALE.md). With X a month,
 * the months a post runs before X are (X>From)*(X-From)-(X-1>To)*(X-1-To);
 * X is each year's first month and the month after the last year (written
 * in as year x 12 + month - 1: April 2018 is 12*2018+3), and a year's months
 * the difference of its two (the matrix of -1s and 1s). A post that ends
 * before it starts runs no months, as in the model; a free row (no From, no
 * To) none. Not the post's cost: the chunk sums multiply it by FTE x annual
 * cost (chunkSumsRow), so a grade's new cost recomputes no year cell.
 */
/**
 * The months a post runs before month X, for the posts of a range: MAX(0, X -
 * From) - MAX(0, X - 1 - To), written as (X>From)*(X-From) so that it works
 * over a whole chunk at once. `before` is X - 1. The one rule both a chunk's
 * year cells (postYearsFormula) and its delayed sums (delayedChunkFormula)
 * count months by.
 */
const monthsBefore = (X: string, before: string, from: string, to: string) => `(${X}>${from})*(${X}-${from})-(${before}>${to})*(${before}-${to})`;

export function postYearsFormula(layout: Layout, first: number, last: number): string {
  const range = (c: keyof typeof POST) => `${postCells.fixed(c, first)}:${postCells.fixed(c, last)}`;
  const start = firstMonthOf(layout.horizon.years[0]);
  const edges = [...layout.horizon.years.map(firstMonthOf), lastMonthOf(layout.horizon.years[layout.years - 1]) + 1].map((m) => m - start);
  const [fy] = layout.horizon.years;
  const X = `(12*${fy}+3+{${edges.join(',')}})`;
  const before = `(12*${fy}+2+{${edges.join(',')}})`;
  const [from, to] = [range('from'), range('to')];
  const years = `{${edges.map((_, i) => edges.slice(1).map((_, k) => (i === k + 1 ? 1 : i === k ? -1 : 0)).join(',')).join(';')}}`;
  return `=ARRAYFORMULA(MMULT(${monthsBefore(X, before, from, to)},${years})*(${to}>=${from})/12)`;
}

export function postRow(workbook: Workbook, layout: Layout, index: number): Cell[] {
  const p = workbook.posts[index];
  const r = layout.rows.posts[index]; // 1-based sheet row
  const lastYear = layout.years - 1;
  const at = (column: keyof typeof POST) => postCells.cell(column, r);
  // From: the start; else the end less the count; else the horizon's first month.
  const from = p.start ?? (p.end !== null && p.months !== null ? p.end + 1 - p.months : firstMonthOf(layout.horizon.years[0]));
  // To: a count wins over an end; no count and no end runs to the horizon's end.
  const to = p.months !== null ? from + p.months - 1 : (p.end ?? lastMonthOf(layout.horizon.years[lastYear]));
  return [
    userText(layout, p.title),
    userText(layout, p.grade),
    input(p.fte, p.formulas?.fte, formulaReach('Posts', layout.years)),
    userText(layout, p.team),
    userText(layout, p.group),
    p.start === null ? null : dateSerial(p.start),
    p.end === null ? null : dateSerial(p.end),
    p.months,
    userText(layout, p.funding),
    isCouncilFunded(p.funding) ? 1 : 0,
      postAnnualCost(workbook, layout, index),
    // From and To as values: Start, End and Months are always values (a post has no formula of
    // theirs) and the horizon's months rebuild the sheets, so a formula here would work out the same
    // number each time at the cost of 20,000 formulas to build at 10,000 posts (docs/SCALE.md).
    from,
    to,
    // A new post (FTE above 0): recruitment % and start delay apply to it; deletions stay as they are.
    p.formulas?.fte !== undefined ? `=IF(IFERROR(${at('fte')}>0,FALSE()),1,0)` : p.fte > 0 ? 1 : 0,
    // FTE x annual cost. A formula in error (FTE =x/0) costs nothing here, so it never breaks the other figures; the page flags it.
    `=IFERROR(${at('fte')}*${at('annualCost')},0)`,
    // The fraction of each year the post runs: its chunk's one formula fills these cells (postYearsFormula).
    ...Array.from({ length: layout.years }, () => null),
    ...includeFlags(layout, 'posts', index, p.doNothing ?? false),
  ];
}

export function costRow(workbook: Workbook, layout: Layout, index: number): Cell[] {
  const c = workbook.costs[index];
  const r = layout.rows.costs[index];
  const reach = formulaReach('Costs', layout.years);
  const at = (column: keyof typeof COST) => costCells.cell(column, r);
  return [
    userText(layout, c.description),
    userText(layout, c.group),
    c.year === null ? null : text(formatFinancialYear(c.year)),
    input(c.amount, c.formulas?.amount, reach),
    input(c.quantity, c.formulas?.quantity, reach),
    input(c.unitCost, c.formulas?.unitCost, reach),
    userText(layout, c.funding),
    isCouncilFunded(c.funding) ? 1 : 0,
    `=IFERROR(IF(ISBLANK(${at('amount')}),${at('quantity')}*${at('unitCost')},${at('amount')}),0)`,
    `=IF(ISBLANK(${at('year')}),${yearsCell(0, Y.label)},${at('year')})`,
    ...Array.from({ length: layout.years }, (_, k) => `=IF(${costCells.abs('yearUsed', r)}=${yearsCell(k, Y.label)},${costCells.abs('total', r)},0)`),
    ...includeFlags(layout, 'costs', index, c.doNothing ?? false),
  ];
}

export function savingRow(workbook: Workbook, layout: Layout, index: number): Cell[] {
  const sv = workbook.savings[index];
  const r = layout.rows.savings[index];
  // A recurring saving made before the horizon still recurs in it.
  const before = savedBefore(sv, layout.horizon.first);
  const inputs = layout.horizon.years.map((fy) => input(sv.amounts[fy] ?? null, sv.formulas?.[`y${fy}`], formulaReach('Savings', layout.years)));
  // Each year's figure where its input is a value (a number the engine would hold as one, or a blank), else null.
  const figures = inputs.map((c) => (c === null ? 0 : typeof c === 'number' && Number.isFinite(c) ? c : null));
  return [
    userText(layout, sv.line),
    userText(layout, sv.group),
    // Read by the savings sums (SAVING_KINDS).
    text(sv.type),
    userText(layout, sv.recurring ? 'Yes' : 'No'),
    before,
    ...inputs,
    // Each year's figure as a number: a formula in error counts as nothing, so it never breaks a running sum.
    // A figure typed as a number is that number (a blank is 0): written as its value, no formula to build.
    ...figures.map((f, k) => f ?? `=IFERROR(N(${savingCells.cell(layout.savingInputCol(k), r)}),0)`),
    // Each year's amount: recurring figures add up; the rest are that year's. From values, the value (the
    // sum in the order SUM adds, 0 then each year, so it is the same number to the last bit); else the formula.
    ...figures.map((f, k) => {
      const clean = savingCells.cell(layout.savingCleanCol(k), r);
      if (!sv.recurring) return f ?? `=${clean}`;
      const upTo = figures.slice(0, k + 1);
      return upTo.every((x) => x !== null) ? before + upTo.reduce<number>((sum, x) => sum + x!, 0) : `=${savingCells.abs('before', r)}+SUM(${savingCells.abs(layout.savingCleanCol(0), r)}:${clean})`;
    }),
    ...includeFlags(layout, 'savings', index, sv.doNothing ?? false),
  ];
}

/**
 * A row no line holds: blank, but 0 in each year column a chunk's sums
 * read, as MMULT takes numbers only; its blank flags (and a post's blank
 * FTE x annual cost) count as 0 in the weights' arithmetic, so weigh it as nothing.
 */
export function freeRow(layout: Layout, sheet: LineSheet): Cell[] {
  const width = { posts: layout.postIncludeCol, costs: layout.costIncludeCol, savings: layout.savingIncludeCol }[sheet](layout.scenarios.length);
  const row: Cell[] = Array.from({ length: width }, () => null);
  const years = (first: number) => {
    for (let k = 0; k < layout.years; k++) row[first + k] = 0;
  };
  // A post's year cells are its chunk's formula's (postYearsFormula), which weighs a row with no From and To as nothing.
  if (sheet !== 'posts') years(sheet === 'costs' ? layout.costYearCol(0) : layout.savingBaseCol(0));
  return row;
}

/** A line sheet's rows: each line at its row, free rows (where lines were placed apart) between. */
function lineGrid(layout: Layout, sheet: LineSheet, head: Cell[], line: (i: number) => Cell[]): Grid {
  const chunks = { posts: layout.postChunks, costs: layout.costChunks, savings: layout.savingChunks }[sheet];
  const free = freeRow(layout, sheet);
  const grid: Grid = [head, ...Array.from({ length: chunks[chunks.length - 1][1] - 1 }, () => free)];
  layout.rows[sheet].forEach((r, i) => (grid[r - 1] = line(i)));
  return grid;
}

/** A line sheet's header: its own columns, then an inclusion flag per scenario. */
function header(columns: string[], layout: Layout): Cell[] {
  return [...columns, ...layout.scenarios.map((s) => `In ${s.name}`)].map(text);
}

const yearLabels = (layout: Layout) => layout.horizon.years.map(formatFinancialYear);

export function postsSheet(workbook: Workbook, layout: Layout): Grid {
  const fixed = ['Title', 'Grade', 'FTE', 'Team', 'Group', 'Start', 'End', 'Months', 'Funding', 'Council funded', 'Annual cost', 'From month', 'To month', 'New post', 'FTE x annual cost'];
  const grid = lineGrid(layout, 'posts', header([...fixed, ...yearLabels(layout)], layout), (i) => postRow(workbook, layout, i));
  // A free row is one array shared by every free row: the chunk's first row gets its own before its formula goes in.
  for (const [first, last] of layout.postChunks) (grid[first - 1] = grid[first - 1].slice())[layout.postYearCol(0)] = postYearsFormula(layout, first, last);
  return grid;
}

export function costsSheet(workbook: Workbook, layout: Layout): Grid {
  const fixed = ['Description', 'Group', 'Year', 'Amount', 'Quantity', 'Unit cost', 'Funding', 'Council funded', 'Total', 'Year used'];
  return lineGrid(layout, 'costs', header([...fixed, ...yearLabels(layout).map((y) => `Cost ${y}`)], layout), (i) => costRow(workbook, layout, i));
}

export function savingsSheet(workbook: Workbook, layout: Layout): Grid {
  const extra = [...yearLabels(layout), ...yearLabels(layout).map((y) => `Figure ${y}`), ...yearLabels(layout).map((y) => `Profile ${y}`)];
  return lineGrid(layout, 'savings', header(['Line', 'Group', 'Type', 'Recurring', 'Before horizon', ...extra], layout), (i) => savingRow(workbook, layout, i));
}

/** One kind of line a Summary figure sums: its label, and the 1s and 0s that pick it out of a chunk. */
interface SumKind {
  label: string;
  weight: (range: (c: number) => string) => string;
}

const flag = (c: number, on: boolean) => (range: (c: number) => string) => (on ? range(c) : `(1-${range(c)})`);
// In this order: the Summary reads a funding's new posts at kind q and its existing posts at q + 1.
const POST_KINDS: SumKind[] = [
  { label: 'council-funded new posts', weight: (r) => `${flag(POST.council, true)(r)}*${flag(POST.isNew, true)(r)}` },
  { label: 'council-funded existing posts', weight: (r) => `${flag(POST.council, true)(r)}*${flag(POST.isNew, false)(r)}` },
  { label: 'externally funded new posts', weight: (r) => `${flag(POST.council, false)(r)}*${flag(POST.isNew, true)(r)}` },
  { label: 'externally funded existing posts', weight: (r) => `${flag(POST.council, false)(r)}*${flag(POST.isNew, false)(r)}` },
];
const COST_KINDS: SumKind[] = [
  { label: 'council-funded costs', weight: flag(COST.council, true) },
  { label: 'externally funded costs', weight: flag(COST.council, false) },
];
const SAVING_KINDS: SumKind[] = [
  { label: 'savings', weight: (r) => `(${r(SAVING.type)}="Saving")` },
  { label: 'savings targets', weight: (r) => `(${r(SAVING.type)}="Target")` },
];

export interface Sums {
  sheet: 'PostSums' | 'CostSums' | 'SavingSums';
  lines: 'Posts' | 'Costs' | 'Savings';
  kinds: SumKind[];
  chunks: [number, number][];
  includeCol: (s: number) => number;
  /** First of the line sheet's year columns scenario s reads. */
  yearCol: (s: number) => number;
  /** A column each line's year cells are multiplied by in the sums (a post's FTE x annual cost: its year cells hold fractions of a year). */
  scaleCol?: number;
}

export const postSums = (layout: Layout): Sums => ({ sheet: 'PostSums', lines: 'Posts', kinds: POST_KINDS, chunks: layout.postChunks, includeCol: layout.postIncludeCol, yearCol: () => layout.postYearCol(0), scaleCol: POST.fteCost });
export const costSums = (layout: Layout): Sums => ({ sheet: 'CostSums', lines: 'Costs', kinds: COST_KINDS, chunks: layout.costChunks, includeCol: layout.costIncludeCol, yearCol: () => layout.costYearCol(0) });
export const savingSums = (layout: Layout): Sums => ({ sheet: 'SavingSums', lines: 'Savings', kinds: SAVING_KINDS, chunks: layout.savingChunks, includeCol: layout.savingIncludeCol, yearCol: () => layout.savingBaseCol(0) });

/** Column of scenario s, kind q, year k in a sums sheet. */
const sumCol = (layout: Layout, sums: Sums, s: number, q: number, k: number) => 1 + (s * sums.kinds.length + q) * layout.years + k;
/** Row (1-based) of a sums sheet's totals: one row per chunk, then the totals. */
const sumTotalRow = (sums: Sums) => sums.chunks.length + 2;
/** The total of scenario s, kind q, year k over every line. */
const sumTotal = (layout: Layout, sums: Sums, s: number, q: number, k: number) => `${sums.sheet}!${numbered.fixed(sumCol(layout, sums, s, q, k), sumTotalRow(sums))}`;
/** The totals of scenario s, kind q over every year, as one row. */
const sumTotals = (layout: Layout, sums: Sums, s: number, q: number) => `${sumTotal(layout, sums, s, q, 0)}:${numbered.fixed(sumCol(layout, sums, s, q, layout.years - 1), sumTotalRow(sums))}`;

/**
 * One chunk of lines' sums per scenario, kind and year: the included lines
 * of that kind, by year, summed with MMULT (a row of 1s and 0s times the
 * chunk's year columns), which the engine computes far faster than SUMIFS
 * (docs/SCALE.md). For posts the row is each post's FTE x annual cost where
 * it counts and 0 where not, and the year columns the fraction of each year
 * it runs.
 */
export function chunkSumsRow(layout: Layout, sums: Sums, [first, last]: [number, number]): Cell[] {
  const row: Cell[] = [text(`${sums.lines} rows ${first} to ${last}`)];
  const range = (c: number) => `${sums.lines}!${numbered.fixed(c, first)}:${numbered.fixed(c, last)}`;
  layout.scenarios.forEach((_, s) => {
    const years = `${sums.lines}!${numbered.fixed(sums.yearCol(s), first)}:${numbered.fixed(sums.yearCol(s) + layout.years - 1, last)}`;
    sums.kinds.forEach((q) => {
      // Spills across the years: the first cell holds the formula.
      const scale = sums.scaleCol === undefined ? '' : `*${range(sums.scaleCol)}`;
      row.push(`=ARRAYFORMULA(MMULT(TRANSPOSE(${q.weight(range)}*${range(sums.includeCol(s))}${scale}),${years}))`, ...Array.from({ length: layout.years - 1 }, () => null));
    });
  });
  return row;
}

/** A sums sheet's last row: each column's chunks added up (they sit on rows 2 to `last`, in any order). */
export function sumsTotalRow(layout: Layout, sums: Sums, last: number): Cell[] {
  const width = layout.scenarios.length * sums.kinds.length * layout.years;
  return [text('All rows'), ...Array.from({ length: width }, (_, i) => `=SUM(${numbered.cell(i + 1, 2)}:${numbered.cell(i + 1, last)})`)];
}

/** A row of chunk sums per chunk, then their totals. */
export function sumsSheet(layout: Layout, sums: Sums): Grid {
  const head: Cell[] = [text('Rows')];
  layout.scenarios.forEach((sc) => sums.kinds.forEach((q) => yearLabels(layout).forEach((y) => head.push(text(`${sc.name}: ${q.label} ${y}`)))));
  const rows: Grid = [head, ...sums.chunks.map((chunk) => chunkSumsRow(layout, sums, chunk))];
  rows.push(sumsTotalRow(layout, sums, rows.length));
  return rows;
}

/**
 * The DelayedSums sheet: a delayed scenario's new posts summed per chunk
 * after its start delay, two rows a chunk (council-funded, then externally
 * funded new posts), the years of scenario s in columns from delayedCol(s, 0).
 * Columns B and C flag the rows of each funding, for the totals.
 */
export const DELAYED = { label: 0, council: 1, external: 2, first: 3 } as const;
export const delayedCells = columns(DELAYED);
/** Column of scenario s, year k on the DelayedSums sheet. */
export const delayedCol = (layout: Layout, s: number, k: number) => DELAYED.first + s * layout.years + k;
/** Row (1-based) of chunk j's council-funded new posts; its externally funded ones are on the next row. */
export const delayedRow = (j: number) => 2 + 2 * j;
/** Row (1-based) of the council-funded totals, the externally funded ones below: after the chunks (or a pair of rows of noughts). */
export const delayedTotalRow = (chunks: number) => delayedRow(Math.max(1, chunks));
const delayedTotal = (layout: Layout, s: number, funding: 0 | 1, k: number) => `DelayedSums!${numbered.fixed(delayedCol(layout, s, k), delayedTotalRow(layout.postChunks.length) + funding)}`;

/**
 * DelayedSums row 1, right of every scenario's years: a label, then the
 * months at which a year's months are counted, before any delay (each
 * year's first month, and the month after the last: 12 apart). Written once
 * at the build in the header row, which no row added ever moves, so a
 * chunk's formula names them as one short range instead of spelling them
 * out: fifty formulas are parsed when a delay is first set (docs/SCALE.md).
 */
export const delayedEdgesCol = (layout: Layout) => delayedCol(layout, layout.scenarios.length, 0) + 1;
const delayedEdgesHead = (layout: Layout): Cell[] => {
  const start = firstMonthOf(layout.horizon.years[0]);
  return [text('Months each year is counted to, before a delay:'), ...Array.from({ length: layout.years + 1 }, (_, i) => start + 12 * i)];
};

/**
 * The new posts of Posts rows [first, last] in scenario s, after its start
 * delay, by year: council-funded on the first row, externally funded on the
 * second (a 2 x years array). A delay of d months slides a new post whole,
 * so it costs in a year the months it has before the year's end less those
 * before its start, both d months earlier: with X a month (the first of each
 * year, and the month after the last, less d), the months a post has before
 * X are MAX(0, X - From) - MAX(0, X - 1 - To), written as (X>From)*(X-From)
 * over the chunk at once. The years are the differences of X's neighbours
 * (the matrix of -1s and 1s, made from the months in row 1: edge i less edge
 * i - 1 is year i - 1). One formula a chunk reads the delay cell, so
 * moving it recomputes fifty formulas at 10,000 posts, not a cell for every
 * post and year (docs/SCALE.md).
 */
export function delayedChunkFormula(layout: Layout, s: number, first: number, last: number): string {
  const range = (c: keyof typeof POST | number) => `Posts!${postCells.fixed(c, first)}:${postCells.fixed(c, last)}`;
  const edges = `${numbered.fixed(delayedEdgesCol(layout), 1)}:${numbered.fixed(delayedEdgesCol(layout) + layout.years, 1)}`;
  const starts = `${numbered.fixed(delayedEdgesCol(layout), 1)}:${numbered.fixed(delayedEdgesCol(layout) + layout.years - 1, 1)}`;
  const delay = value(layout, s, 'startDelay');
  // X, and the month before it, for To.
  const X = `(${edges}-${delay})`;
  const before = `(${edges}-1-${delay})`;
  const from = range('from');
  const to = range('to');
  // Only new posts (a deletion keeps its dates); a post that ends before it starts costs nothing, as in the model.
  const weights = `({0;1}+{1;-1}*TRANSPOSE(${range('council')}))*TRANSPOSE(${range('isNew')}*${range(layout.postIncludeCol(s))}*${range('fteCost')}*(${to}>=${from}))`;
  const months = monthsBefore(X, before, from, to);
  // Edges down, years across: 1 where the edge is the year's end (its start + 12), -1 where it is its start.
  const years = `((TRANSPOSE(${edges})=${starts}+12)-(TRANSPOSE(${edges})=${starts}))`;
  return `=ARRAYFORMULA(MMULT(MMULT(${weights},${months}),${years})/12)`;
}

/** Scenario s's totals over the chunks (rows 2 to `last`): council-funded, then externally funded, by year. */
export function delayedTotalsFormula(layout: Layout, s: number, last: number): string {
  const flags = `${delayedCells.fixed('council', 2)}:${delayedCells.fixed('external', last)}`;
  return `=ARRAYFORMULA(MMULT(TRANSPOSE(${flags}),${numbered.cell(delayedCol(layout, s, 0), 2)}:${numbered.cell(delayedCol(layout, s, layout.years - 1), last)}))`;
}

/** A pair of DelayedSums rows (council-funded, then externally funded new posts), the delayed scenarios' cells from `fill`. */
function delayedPair(layout: Layout, label: string, fill: (s: number) => Cell): Grid {
  const row = (council: number, external: number, first: boolean): Cell[] => [
    text(`${label}: ${council ? 'council-funded' : 'externally funded'} new posts`),
    council,
    external,
    ...layout.scenarios.flatMap((_, s) => Array.from({ length: layout.years }, (_, k): Cell => (first && k === 0 && layout.delayed[s] ? fill(s) : null))),
  ];
  return [row(1, 0, true), row(0, 1, false)];
}

/** The two DelayedSums rows of a chunk of Posts rows [first, last]. */
export const delayedChunkRows = (layout: Layout, [first, last]: [number, number]): Grid =>
  delayedPair(layout, `Posts rows ${first} to ${last}`, (s) => delayedChunkFormula(layout, s, first, last));

/** The two DelayedSums rows of the totals, the chunks' rows above them ending at row `last`. */
export const delayedTotalRows = (layout: Layout, last: number): Grid => delayedPair(layout, 'All rows', (s) => delayedTotalsFormula(layout, s, last));

export function delayedSumsSheet(layout: Layout): Grid {
  const head: Cell[] = [text('Rows'), text('Council funded'), text('Externally funded')];
  layout.scenarios.forEach((sc) => yearLabels(layout).forEach((y) => head.push(text(`${sc.name}: new posts after its start delay ${y}`))));
  head.push(...delayedEdgesHead(layout));
  const rows: Grid = [head, ...layout.postChunks.flatMap((chunk) => delayedChunkRows(layout, chunk))];
  rows.push(...delayedTotalRows(layout, rows.length));
  return rows;
}

/** One row per scenario and year, then (in Totals) one row per scenario. */
export function summarySheet(layout: Layout): Grid {
  const posts = postSums(layout);
  const costs = costSums(layout);
  const savings = savingSums(layout);
  const rows: Grid = [SUMMARY_COLUMNS.map(text)];
  layout.scenarios.forEach((scenario, s) => {
    const bias = `(1+${value(layout, s, 'optimismBias')})`;
    const pay = (k: number) => yearsCell(k, payRow(s));
    const recruitment = value(layout, s, 'recruitment');
    // Savings D months late (start delay + savings delay) move D div 12 years, and (D mod 12)/12 of each a year further; targets stay.
    const W = scenarioCell(layout, s, DELAY_YEARS_ROW);
    const F = scenarioCell(layout, s, DELAY_PART_ROW);
    const at = (offset: string) => `IF(${offset}>=1,INDEX(${sumTotals(layout, savings, s, 0)},1,${offset}),0)`;
    const delivery = value(layout, s, 'savingsDelivery');
    layout.horizon.years.forEach((fy, k) => {
      const r = rows.length + 1;
      const own = (column: keyof typeof SUMMARY) => summaryCells.cell(column, r);
      // Recruitment scales new posts only; the pay award compounds on every post. A delayed scenario's new posts: DelayedSums.
      const newPosts = (q: number) => (layout.delayed[s] ? delayedTotal(layout, s, q === 0 ? 0 : 1, k) : sumTotal(layout, posts, s, q, k));
      const staff = (q: number) => `(${recruitment}*${newPosts(q)}+${sumTotal(layout, posts, s, q + 1, k)})*${pay(k)}`;
      rows.push([
        text(scenario.name),
        text(formatFinancialYear(fy)),
        // Optimism bias lifts council-funded costs only.
        `=${staff(0)}*${bias}`,
        `=${sumTotal(layout, costs, s, 0, k)}*${bias}`,
        `=${delivery}*((1-${F})*${at(`${k + 1}-${W}`)}+${F}*${at(`${k}-${W}`)})`,
        `=${sumTotal(layout, savings, s, 1, k)}`,
        `=${own('staff')}+${own('other')}-${own('savings')}`,
        k === 0 ? `=${own('net')}` : `=${summaryCells.cell('cumulative', r - 1)}+${own('net')}`,
        `=${own('net')}*${yearsCell(k, discountRow(s))}`,
        `=${staff(2)}+${sumTotal(layout, costs, s, 1, k)}`,
        `=IF(${own('cumulative')}<-${PAYBACK_TOLERANCE},${k},${NO_PAYBACK})`,
      ]);
    });
  });
  return rows;
}

export function totalsSheet(layout: Layout): Grid {
  const savings = savingSums(layout);
  const rows: Grid = [TOTALS_COLUMNS.map(text)];
  layout.scenarios.forEach((scenario, s) => {
    const first = 2 + s * layout.years;
    const last = first + layout.years - 1;
    const column = (c: keyof typeof SUMMARY) => `Summary!${summaryCells.cell(c, first)}:${summaryCells.cell(c, last)}`;
    const sum = (c: keyof typeof SUMMARY) => `=SUM(${column(c)})`;
    // Beyond the horizon: the savings delivered in all, less those the delay leaves inside it.
    const beyond = `${value(layout, s, 'savingsDelivery')}*SUM(${sumTotals(layout, savings, s, 0)})-SUM(${column('savings')})`;
    // In TOTALS order; the net present value is the discounted net cost summed.
    rows.push([text(scenario.name), sum('staff'), sum('other'), sum('savings'), sum('target'), sum('net'), sum('discounted'), sum('external'), sum('discounted'), `=MIN(${column('payback')})`, `=${beyond}`]);
  });
  return rows;
}

/** Rows of the Scenarios sheet by assumption, for reading a scenario's values back. */
export const SCENARIO_ROWS = SCENARIO_ROW;
