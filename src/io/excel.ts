// The workbook as an Excel file whose figures are live formulas
// (docs/RULES.md, "The Excel workbook"): what the user wrote on the sheets
// they know, and a Summary worked out from them by formulas a finance officer
// can read, so that changing a grade's cost in Excel or LibreOffice moves
// every figure the way the app would.
//
// The layout is built here as plain rows (testable without any library); the
// writer library is loaded only when a file is asked for, so it is a chunk of
// its own that the page never fetches otherwise.
import { columnLetter } from '../model/columns';
import { ownCost, type Results } from '../model/costing';
import { nameProblem } from '../model/formulas';
import { firstMonthOf, formatFinancialYear, lastMonthOf, type FinancialYear, type Month } from '../model/periods';
import { ASSUMPTION_SPECS, includes, payAwardYearName, scenariosOf, workbookValues, type AssumptionSpec, type LineSheet } from '../model/scenarios';
import { isCouncilFunded, type Scenario, type ScenarioAssumption, type Workbook } from '../model/workbook';
import { SUMMARY_HEADER } from './export';
import { RANGES_HEADER, rangesRows } from './ranges-sheet';

/** A formula as the file format holds it: no leading `=`; `result` is what the app last worked it out to. */
export interface Formula {
  formula: string;
  result?: number;
}
/** A value shown in a format of its own (a percentage among months). */
export interface Formatted {
  value: number | null;
  format: string;
}
export type XCell = string | number | null | Formula | Formatted;

export interface XSheet {
  name: string;
  rows: XCell[][];
  /** Number formats by column (0-based). */
  formats?: Record<number, string>;
  /** Column widths in characters, by column; the rest take `width`. */
  widths?: Record<number, number>;
  width?: number;
}

export interface XBook {
  sheets: XSheet[];
  /** Defined names: `PayAward` is `Assumptions!$B$2`. */
  names: { name: string; ref: string }[];
}

const MONEY = '#,##0.00';
const PERCENT = '0.00%';
const MONTH = 'mmm yyyy';

const f = (formula: string): Formula => ({ formula });
/** `'Post costs'!`: a sheet's name as a reference needs quotes when it has a space. */
const sheetRef = (name: string) => (/^[A-Za-z]+$/.test(name) ? `${name}!` : `'${name}'!`);
const A = (col: number, row: number) => `${columnLetter(col)}${row}`;
const fixed = (col: number, row: number) => `$${columnLetter(col)}$${row}`;
const onRow = (col: number, row: number) => `${columnLetter(col)}$${row}`;
const onCol = (col: number, row: number) => `$${columnLetter(col)}${row}`;
/** A whole column of lines, rows 2 to `last`, held. */
const lines = (sheet: string, col: number, last: number) => `${sheetRef(sheet)}${fixed(col, 2)}:${fixed(col, last)}`;

/**
 * A number the user may have typed as a formula (`=ReferralsPerWeek/CasesPerWorker`):
 * the formula, where Excel reads it as the app does, else the value it last
 * worked out to. Grades, Posts and Costs keep the app's columns (Posts A to I,
 * Grades A and B, Costs A to G), so their formulas may read those cells; the
 * Savings and Assumptions worksheets are laid out as their CSVs, not as the
 * app's sheets, so a formula that reads a cell there is written as its value.
 */
function typed(value: number | null | undefined, formula: string | undefined, sheet: 'Grades' | 'Posts' | 'Costs' | 'Savings' | 'Assumptions'): XCell {
  if (formula === undefined) return value ?? null;
  const code = formula.replace(/^=/, '').replace(/"[^"]*"/g, '""');
  const readsCell = /(^|[^A-Za-z0-9_.])\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z0-9_(])/.test(code);
  const keeps = !/\b(Savings|Assumptions)!/i.test(code) && !(readsCell && (sheet === 'Savings' || sheet === 'Assumptions'));
  return keeps ? { formula: formula.replace(/^=/, ''), ...(typeof value === 'number' ? { result: value } : {}) } : (value ?? null);
}
/** Where a cell holds the user's formula, an error there counts as nothing, as in the app. */
const orNothing = (cell: string, formula: boolean) => (formula ? `IFERROR(${cell},0)` : cell);

/** Excel's serial date of a month's first day (days since 30 Dec 1899). */
function serial(m: Month): number {
  const year = Math.floor(m / 12);
  return (Date.UTC(year, m - year * 12, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** An assumption's value as Excel shows it: a percentage as a fraction in a percent format, months as a number. */
const assumptionCell = (spec: AssumptionSpec, value: number | null): Formatted => ({ value, format: spec.unit === '%' ? PERCENT : '0.##' });

const SHEETS = { summary: 'Summary', grades: 'Grades', posts: 'Posts', costs: 'Costs', savings: 'Savings', assumptions: 'Assumptions', scenarios: 'Scenarios', ranges: 'Ranges', values: 'Scenario values', years: 'Years', postCosts: 'Post costs', costYears: 'Cost years', savingYears: 'Saving years' } as const;

/**
 * Where each row sits on the Scenario values sheet: the assumptions in the
 * assumption table's order, how far savings move, then one row per year for
 * the pay award, pay factor, discount factor, planned savings and target.
 */
function valueRows(n: number) {
  const assumption = (key: ScenarioAssumption) => 2 + ASSUMPTION_SPECS.findIndex((a) => a.key === key);
  const after = 2 + ASSUMPTION_SPECS.length;
  const perYear = after + 3;
  return {
    assumption,
    delayMonths: after,
    delayYears: after + 1,
    delayPart: after + 2,
    /** Year k's own pay award, k from 1: year 0 is at base prices. */
    payAward: (k: number) => perYear + k - 1,
    payFactor: (k: number) => perYear + n - 1 + k,
    discount: (k: number) => perYear + 2 * n - 1 + k,
    planned: (k: number) => perYear + 3 * n - 1 + k,
    target: (k: number) => perYear + 4 * n - 1 + k,
  };
}

/**
 * The start delay rule, in one place (docs/RULES.md, "Assumptions"): a new
 * post starts d months later and keeps its length, so a fixed end (an End or
 * a Months count) moves with it while an ongoing post still runs to the
 * horizon's end; savings arrive d months later on top of any savings delay.
 */
const START_DELAY = {
  /** Post costs: 1 where the post's end moves with its start. */
  endMoves: (newPost: string, end: string, months: string) => `IF(AND(${newPost}=1,OR(ISNUMBER(${end}),ISNUMBER(${months}))),1,0)`,
  /** Scenario values: the months every saving moves. */
  savingsMove: (savingsDelay: string, startDelay: string) => `${savingsDelay}+${startDelay}`,
};

/** Every worksheet and defined name of the Excel workbook; `results` gives the horizon the app costed. */
export function excelBook(workbook: Workbook, results: Results): XBook {
  const years = results.years;
  const n = years.length;
  const scenarios = scenariosOf(workbook);
  const S = scenarios.length;
  const rows = valueRows(n);
  const yearCol = (k: number) => 1 + k; // Years and the year blocks start at column B
  const scenarioCol = (s: number) => 1 + s; // Scenarios and Scenario values: a column per scenario from B
  const sv = (s: number, row: number) => `${sheetRef(SHEETS.values)}${onRow(scenarioCol(s), row)}`;
  const yearsCell = (k: number, row: number) => `${sheetRef(SHEETS.years)}${onRow(yearCol(k), row)}`;
  const included = (sheet: LineSheet, i: number, doNothing: boolean | undefined) => scenarios.map((sc) => (includes(sc, sheet, i, doNothing ?? false) ? 1 : 0));
  const inHeads = scenarios.map((sc) => `In ${sc.name}`);

  // Years: the horizon, fixed when the file is written.
  const yearsSheet: XSheet = {
    name: SHEETS.years,
    rows: [
      ['Financial year', ...years.map(formatFinancialYear)],
      ['Years from the first (k)', ...years.map((_, k) => k)],
      ['First month (year x 12 + month - 1)', ...years.map((fy) => firstMonthOf(fy))],
      ['Last month (year x 12 + month - 1)', ...years.map((fy) => lastMonthOf(fy))],
    ],
    widths: { 0: 36 },
  };

  // Grades: as the Grades CSV.
  const G = Math.max(workbook.grades.length, 1) + 1;
  const gradesSheet: XSheet = { name: SHEETS.grades, rows: [['Grade', 'Annual cost'], ...workbook.grades.map((g) => [g.grade, typed(g.annualCost, g.formulas?.annualCost, 'Grades')])], formats: { 1: MONEY }, widths: { 0: 30 } };

  // Posts: as the Posts CSV; each year's cost is the post's in Proposed investment, read from Post costs.
  const ownPay = workbook.posts.some((p) => ownCost(p) !== null);
  const P = Math.max(workbook.posts.length, 1) + 1;
  const POSTS = { title: 0, grade: 1, fte: 2, start: 5, end: 6, months: 7, funding: 8, firstCost: 9 };
  const ownPayCol = POSTS.firstCost + n + 4;
  const PC = { title: 0, annual: 1, council: 2, isNew: 3, from: 4, to: 5, endMoves: 6, first: 7 };
  const blockWidth = 4 + n;
  const pcCol = (s: number, offset: number) => PC.first + s * blockWidth + offset;
  const pcYear = (s: number, k: number) => pcCol(s, 4 + k);
  const proposed = 1; // scenariosOf: Do nothing, then Proposed investment
  const postsSheet: XSheet = {
    name: SHEETS.posts,
    rows: [
      ['Title', 'Grade', 'FTE', 'Team', 'Group', 'Start', 'End', 'Months', 'Funding', ...years.map((y) => `Cost ${formatFinancialYear(y)}`), 'Published cost', 'Full year cost', 'Note', 'Scenario', ...(ownPay ? ['Annual cost'] : [])],
      ...workbook.posts.map((p, i) => [
        p.title,
        p.grade,
        typed(p.fte, p.formulas?.fte, 'Posts'),
        p.team,
        p.group,
        p.start === null ? null : serial(p.start),
        p.end === null ? null : serial(p.end),
        p.months,
        p.funding,
        ...years.map((_, k) => f(`${sheetRef(SHEETS.postCosts)}${A(pcYear(proposed, k), i + 2)}`)),
        p.publishedCost ?? null,
        p.publishedAnnualCost ?? null,
        p.note ?? null,
        p.doNothing ? 'Do nothing' : null,
        ...(ownPay ? [typed(ownCost(p), p.formulas?.annualCost, 'Posts')] : []),
      ]),
    ],
    formats: { [POSTS.start]: MONTH, [POSTS.end]: MONTH, ...Object.fromEntries(years.map((_, k) => [POSTS.firstCost + k, MONEY])), [POSTS.firstCost + n]: MONEY, [POSTS.firstCost + n + 1]: MONEY, [ownPayCol]: MONEY },
    widths: { 0: 36, 1: 18 },
  };

  // Post costs: each post's months and cost per year in each scenario.
  const postCostsSheet: XSheet = {
    name: SHEETS.postCosts,
    rows: [
      [
        'Title',
        'Annual cost of 1 FTE',
        'Council funded',
        'New post',
        'From month',
        'To month',
        'End moves with a start delay',
        ...scenarios.flatMap((sc, s) => [inHeads[s], `FTE in ${sc.name}`, `From in ${sc.name}`, `To in ${sc.name}`, ...years.map((y) => `${sc.name} ${formatFinancialYear(y)}`)]),
      ],
      ...workbook.posts.map((p, i) => {
        const r = i + 2;
        const post = (col: number) => `${sheetRef(SHEETS.posts)}${A(col, r)}`;
        const grade = `IFERROR(VLOOKUP(TRIM(${post(POSTS.grade)}),${sheetRef(SHEETS.grades)}$A$2:$B$${G},2,FALSE),0)`;
        const flags = included('posts', i, p.doNothing);
        const month = (cell: string) => `YEAR(${cell})*12+MONTH(${cell})-1`;
        return [
          f(`${post(POSTS.title)}&""`),
          // A post's own pay wins over its grade's; a grade not in Grades costs nothing, as in the app.
          f(ownPay ? `IF(ISNUMBER(${post(ownPayCol)}),${post(ownPayCol)},${grade})` : grade),
          isCouncilFunded(p.funding) ? 1 : 0,
          f(`IF(${orNothing(post(POSTS.fte), p.formulas?.fte !== undefined)}>0,1,0)`),
          // No start: a Months count back from the End, else the horizon's first month.
          f(`IF(ISNUMBER(${post(POSTS.start)}),${month(post(POSTS.start))},IF(AND(ISNUMBER(${post(POSTS.end)}),ISNUMBER(${post(POSTS.months)})),YEAR(${post(POSTS.end)})*12+MONTH(${post(POSTS.end)})-${post(POSTS.months)},FirstMonth))`),
          // A Months count wins over an End; neither: ongoing to the horizon's end.
          f(`IF(ISNUMBER(${post(POSTS.months)}),${A(PC.from, r)}+${post(POSTS.months)}-1,IF(ISNUMBER(${post(POSTS.end)}),${month(post(POSTS.end))},LastMonth))`),
          f(START_DELAY.endMoves(A(PC.isNew, r), post(POSTS.end), post(POSTS.months))),
          ...scenarios.flatMap((_, s) => {
            const [fte, from, to] = [1, 2, 3].map((o) => A(pcCol(s, o), r));
            const assumption = (key: ScenarioAssumption) => sv(s, rows.assumption(key));
            return [
              flags[s],
              // Recruitment scales new posts only; a deletion stays whole.
              f(`${orNothing(post(POSTS.fte), p.formulas?.fte !== undefined)}*IF(${onCol(PC.isNew, r)}=1,${assumption('recruitment')},1)`),
              f(`${onCol(PC.from, r)}+${onCol(PC.isNew, r)}*${assumption('startDelay')}`),
              f(`${onCol(PC.to, r)}+${onCol(PC.endMoves, r)}*${assumption('startDelay')}`),
              // FTE x annual cost x months in the year / 12 x the year's pay factor.
              ...years.map((_, k) => f(`${fte}*${onCol(PC.annual, r)}*MAX(0,MIN(${to},${yearsCell(k, 4)})-MAX(${from},${yearsCell(k, 3)})+1)/12*${sv(s, rows.payFactor(k))}`)),
            ];
          }),
        ];
      }),
    ],
    formats: Object.fromEntries([[PC.annual, MONEY], ...scenarios.flatMap((_, s) => years.map((_, k) => [pcYear(s, k), MONEY]))]),
    widths: { 0: 36 },
  };

  // Costs: as the Costs CSV.
  const C = Math.max(workbook.costs.length, 1) + 1;
  const COSTS = { year: 2, amount: 3, quantity: 4, unitCost: 5 };
  const costsSheet: XSheet = {
    name: SHEETS.costs,
    rows: [
      ['Description', 'Group', 'Year', 'Amount', 'Quantity', 'Unit cost', 'Funding', 'Note', 'Scenario'],
      ...workbook.costs.map((c) => [c.description, c.group, c.year === null ? null : formatFinancialYear(c.year), typed(c.amount, c.formulas?.amount, 'Costs'), typed(c.quantity, c.formulas?.quantity, 'Costs'), typed(c.unitCost, c.formulas?.unitCost, 'Costs'), c.funding, c.note ?? null, c.doNothing ? 'Do nothing' : null]),
    ],
    formats: { [COSTS.amount]: MONEY, [COSTS.unitCost]: MONEY },
    widths: { 0: 36 },
  };
  const CY = { description: 0, total: 1, year: 2, council: 3, firstIn: 4, firstYear: 4 + S };
  const costYearsSheet: XSheet = {
    name: SHEETS.costYears,
    rows: [
      ['Description', 'Total', 'Year used', 'Council funded', ...inHeads, ...years.map((y) => `Cost ${formatFinancialYear(y)}`)],
      ...workbook.costs.map((c, i) => {
        const r = i + 2;
        const cost = (col: number) => `${sheetRef(SHEETS.costs)}${A(col, r)}`;
        return [
          f(`${cost(0)}&""`),
          // An amount, else quantity x unit cost.
          f(orNothing(`IF(ISNUMBER(${cost(COSTS.amount)}),${cost(COSTS.amount)},N(${cost(COSTS.quantity)})*N(${cost(COSTS.unitCost)}))`, Object.keys(c.formulas ?? {}).length > 0)),
          // No year: the horizon's first.
          f(`IF(ISBLANK(${cost(COSTS.year)}),${sheetRef(SHEETS.years)}$B$1,${cost(COSTS.year)})`),
          isCouncilFunded(c.funding) ? 1 : 0,
          ...included('costs', i, c.doNothing),
          ...years.map((_, k) => f(`IF(${onCol(CY.year, r)}=${yearsCell(k, 1)},${onCol(CY.total, r)},0)`)),
        ];
      }),
    ],
    formats: Object.fromEntries([[CY.total, MONEY], ...years.map((_, k) => [CY.firstYear + k, MONEY])]),
    widths: { 0: 36 },
  };

  // Savings: as the Savings CSV, a column per year any saving names.
  const savingYears = [...new Set(workbook.savings.flatMap((s) => Object.keys(s.amounts).map(Number)))].sort((a, b) => a - b);
  const V = Math.max(workbook.savings.length, 1) + 1;
  const SAV = { type: 2, recurring: 3, firstYear: 5 };
  const savingsSheet: XSheet = {
    name: SHEETS.savings,
    rows: [
      ['Line', 'Group', 'Type', 'Recurring', 'Scenario', ...savingYears.map(formatFinancialYear)],
      ...workbook.savings.map((s) => [s.line, s.group, s.type, s.recurring ? 'Yes' : 'No', s.doNothing ? 'Do nothing' : null, ...savingYears.map((y) => typed(s.amounts[y] ?? null, s.formulas?.[`y${y}`], 'Savings'))]),
    ],
    formats: Object.fromEntries(savingYears.map((_, j) => [SAV.firstYear + j, MONEY])),
    widths: { 0: 36 },
  };
  const SY = { line: 0, type: 1, recurring: 2, before: 3, firstIn: 4, firstFigure: 4 + S, firstProfile: 4 + S + n };
  const before = savingYears.filter((y) => y < years[0]);
  const savingYearsSheet: XSheet = {
    name: SHEETS.savingYears,
    rows: [
      ['Line', 'Type', 'Recurring', 'Before the horizon', ...inHeads, ...years.map((y) => `Figure ${formatFinancialYear(y)}`), ...years.map((y) => `Profile ${formatFinancialYear(y)}`)],
      ...workbook.savings.map((s, i) => {
        const r = i + 2;
        const saving = (col: number) => `${sheetRef(SHEETS.savings)}${A(col, r)}`;
        const yearOf = (fy: FinancialYear) => savingYears.indexOf(fy);
        return [
          f(`${saving(0)}&""`),
          f(`${saving(SAV.type)}&""`),
          f(`${saving(SAV.recurring)}&""`),
          // A recurring saving made before the horizon still recurs in it.
          before.length ? f(`SUM(${saving(SAV.firstYear)}:${saving(SAV.firstYear + before.length - 1)})`) : 0,
          ...included('savings', i, s.doNothing),
          ...years.map((fy) => (yearOf(fy) < 0 ? 0 : f(orNothing(`N(${saving(SAV.firstYear + yearOf(fy))})`, s.formulas?.[`y${fy}`] !== undefined)))),
          // Recurring: each figure is a new saving that carries on, so a year's amount is the sum so far.
          ...years.map((_, k) => {
            const figure = A(SY.firstFigure + k, r);
            return f(`IF(${onCol(SY.recurring, r)}="Yes",${onCol(SY.before, r)}+SUM(${onCol(SY.firstFigure, r)}:${figure}),${figure})`);
          }),
        ];
      }),
    ],
    formats: Object.fromEntries([[SY.before, MONEY], ...years.flatMap((_, k) => [[SY.firstFigure + k, MONEY], [SY.firstProfile + k, MONEY]])]),
    widths: { 0: 36 },
  };

  // Assumptions: the workbook's own, a row per year's pay award below the single one, then the user's.
  const values = workbookValues(workbook.assumptions);
  const payAward = ASSUMPTION_SPECS.find((a) => a.key === 'payAward')!;
  const assumptionRows: XCell[][] = [['Name', 'Value', 'Unit', 'Note']];
  const assumptionRowOf = new Map<string, number>();
  const payAwardRowOf = new Map<FinancialYear, number>();
  for (const spec of ASSUMPTION_SPECS) {
    assumptionRows.push([spec.formulaName, assumptionCell(spec, values[spec.key]), spec.unit, `${spec.label}: ${spec.help}`]);
    assumptionRowOf.set(spec.formulaName, assumptionRows.length);
    if (spec === payAward)
      for (const fy of years.slice(1)) {
        assumptionRows.push([payAwardYearName(fy), assumptionCell(spec, workbook.assumptions.payAwardByYear?.[fy] ?? null), spec.unit, 'This year’s own; blank takes the single pay award. A scenario’s own for this year wins']);
        payAwardRowOf.set(fy, assumptionRows.length);
      }
  }
  const names: XBook['names'] = ASSUMPTION_SPECS.map((spec) => ({ name: spec.formulaName, ref: `${SHEETS.assumptions}!${fixed(1, assumptionRowOf.get(spec.formulaName)!)}` }));
  const taken = [...names.map((x) => x.name), 'FirstMonth', 'LastMonth'];
  for (const [i, u] of (workbook.userAssumptions ?? []).entries()) {
    const worked = results.inputs?.find((x) => x.sheet === 'assumptions' && x.index === i && x.field === 'value')?.value;
    const value: XCell = typeof u.value === 'string' ? typed(worked ?? null, u.value, 'Assumptions') : u.value;
    assumptionRows.push([u.name, value, u.unit, u.note]);
    if (nameProblem(u.name, taken) === null && !taken.some((t) => t.toLowerCase() === u.name.toLowerCase())) {
      names.push({ name: u.name, ref: `${SHEETS.assumptions}!${fixed(1, assumptionRows.length)}` });
      taken.push(u.name);
    }
  }
  names.push({ name: 'FirstMonth', ref: `${SHEETS.years}!${fixed(yearCol(0), 3)}` }, { name: 'LastMonth', ref: `${SHEETS.years}!${fixed(yearCol(n - 1), 4)}` });
  const assumptionsSheet: XSheet = { name: SHEETS.assumptions, rows: assumptionRows, widths: { 0: 24, 1: 12, 2: 8, 3: 80 } };

  // Scenarios: as the Scenarios CSV (blank: the workbook's value), percentages as percentages.
  const scenarioYears = [...new Set([...years.slice(1), ...scenarios.flatMap((s) => Object.keys(s.payAwardByYear ?? {}).map(Number))])].sort((a, b) => a - b);
  const other = [...new Set(scenarios.flatMap((s) => Object.keys(s.other ?? {})))];
  const scenarioRows: XCell[][] = [
    ['Assumption', ...scenarios.map((s) => s.name)],
    ...ASSUMPTION_SPECS.map((spec) => [spec.name, ...scenarios.map((s) => assumptionCell(spec, s.overrides[spec.key] ?? null))]),
    ...scenarioYears.map((fy) => [payAwardYearName(fy), ...scenarios.map((s) => assumptionCell(payAward, s.payAwardByYear?.[fy] ?? null))]),
    ...other.map((label) => [label, ...scenarios.map((s: Scenario) => s.other?.[label] ?? null)]),
  ];
  const scenarioRow = (key: ScenarioAssumption) => 2 + ASSUMPTION_SPECS.findIndex((a) => a.key === key);
  const scenarioYearRow = (fy: FinancialYear) => 2 + ASSUMPTION_SPECS.length + scenarioYears.indexOf(fy);
  const scenariosSheet: XSheet = { name: SHEETS.scenarios, rows: scenarioRows, widths: { 0: 28 }, width: 20 };

  // Scenario values: what each scenario runs on, its own value where it sets one, else the workbook's.
  const own = (s: number, row: number) => `${sheetRef(SHEETS.scenarios)}${A(scenarioCol(s), row)}`;
  const col = (s: number) => columnLetter(scenarioCol(s));
  const savingsRange = (s: number, pick: number) => `${sheetRef(SHEETS.savingYears)}${fixed(SY.firstProfile + pick, 2)}:${fixed(SY.firstProfile + pick, V)}`;
  const valuesRows: XCell[][] = [['Scenario', ...scenarios.map((s) => s.name)]];
  const setRow = (row: number, label: string, cell: (s: number) => XCell) => (valuesRows[row - 1] = [label, ...scenarios.map((_, s) => cell(s))]);
  for (const spec of ASSUMPTION_SPECS) {
    const row = rows.assumption(spec.key);
    setRow(row, spec.name, (s) => ({ ...f(`IF(ISNUMBER(${own(s, scenarioRow(spec.key))}),${own(s, scenarioRow(spec.key))},${spec.formulaName})`), format: spec.unit === '%' ? PERCENT : '0.##' }) as XCell);
  }
  const at = (s: number, key: ScenarioAssumption) => `${col(s)}${rows.assumption(key)}`;
  setRow(rows.delayMonths, 'Savings move by (months)', (s) => f(START_DELAY.savingsMove(at(s, 'savingsDelay'), at(s, 'startDelay'))));
  setRow(rows.delayYears, 'Whole years savings move', (s) => f(`INT(${col(s)}${rows.delayMonths}/12)`));
  setRow(rows.delayPart, 'Part of a year savings move', (s) => f(`${col(s)}${rows.delayMonths}/12-${col(s)}${rows.delayYears}`));
  years.forEach((fy, k) => {
    const label = formatFinancialYear(fy);
    if (k > 0) {
      const workbookOwn = `${SHEETS.assumptions}!${fixed(1, payAwardRowOf.get(fy)!)}`;
      // This scenario's own award for the year, else the workbook's, else the scenario's single rate.
      setRow(rows.payAward(k), `Pay award ${label}`, (s) => ({ ...f(`IF(ISNUMBER(${own(s, scenarioYearRow(fy))}),${own(s, scenarioYearRow(fy))},IF(ISNUMBER(${workbookOwn}),${workbookOwn},${at(s, 'payAward')}))`), format: PERCENT }) as XCell);
    }
    setRow(rows.payFactor(k), `Pay factor ${label}`, (s) => (k === 0 ? 1 : f(`${col(s)}${rows.payFactor(k - 1)}*(1+${col(s)}${rows.payAward(k)})`)));
    setRow(rows.discount(k), `Discount factor ${label}`, (s) => f(`1/(1+${at(s, 'discountRate')})^${yearsCell(k, 2)}`));
    const sumOf = (type: string) => (s: number) => f(`SUMIFS(${savingsRange(s, k)},${lines(SHEETS.savingYears, SY.type, V)},"${type}",${lines(SHEETS.savingYears, SY.firstIn + s, V)},1)`);
    setRow(rows.planned(k), `Planned savings ${label}`, sumOf('Saving'));
    setRow(rows.target(k), `Savings target ${label}`, sumOf('Target'));
  });
  const valuesSheet: XSheet = {
    name: SHEETS.values,
    rows: Array.from(valuesRows, (r) => r ?? []),
    formats: Object.fromEntries(scenarios.map((_, s) => [scenarioCol(s), '#,##0.0000'])),
    widths: { 0: 30 },
    width: 20,
  };

  // Summary: a row per scenario and year, every figure a formula.
  const summaryCol = Object.fromEntries(SUMMARY_HEADER.map((h, c) => [h, c])) as Record<(typeof SUMMARY_HEADER)[number], number>;
  const summaryRows: XCell[][] = [[...SUMMARY_HEADER]];
  scenarios.forEach((sc, s) => {
    const bias = `(1+${sv(s, rows.assumption('optimismBias'))})`;
    const postIn = lines(SHEETS.postCosts, pcCol(s, 0), P);
    const costIn = lines(SHEETS.costYears, CY.firstIn + s, C);
    const planned = `${sheetRef(SHEETS.values)}${fixed(scenarioCol(s), rows.planned(0))}:${fixed(scenarioCol(s), rows.planned(n - 1))}`;
    const whole = sv(s, rows.delayYears);
    const part = sv(s, rows.delayPart);
    // Planned savings of the year `offset` places back (1 is the horizon's first): none before the horizon.
    const plannedAt = (k: number) => `IF(${k}-${whole}>=1,INDEX(${planned},${k}-${whole}),0)`;
    years.forEach((fy, k) => {
      const r = summaryRows.length + 1;
      const me = (h: (typeof SUMMARY_HEADER)[number]) => A(summaryCol[h], r);
      const posts = (council: number) => `SUMIFS(${lines(SHEETS.postCosts, pcYear(s, k), P)},${lines(SHEETS.postCosts, PC.council, P)},${council},${postIn},1)`;
      const costs = (council: number) => `SUMIFS(${lines(SHEETS.costYears, CY.firstYear + k, C)},${lines(SHEETS.costYears, CY.council, C)},${council},${costIn},1)`;
      summaryRows.push([
        sc.name,
        formatFinancialYear(fy),
        // Optimism bias lifts council-funded costs only.
        f(`${bias}*${posts(1)}`),
        f(`${bias}*${costs(1)}`),
        // Savings accrue evenly through their year: a delay moves whole years, and a part of the year before into this one.
        f(`${sv(s, rows.assumption('savingsDelivery'))}*((1-${part})*${plannedAt(k + 1)}+${part}*${plannedAt(k)})`),
        f(sv(s, rows.target(k))),
        f(`${me('Savings target')}-${me('Savings')}`),
        f(`${me('Staff cost')}+${me('Other costs')}-${me('Savings')}`),
        f(k === 0 ? me('Net cost') : `${A(summaryCol['Cumulative net cost'], r - 1)}+${me('Net cost')}`),
        f(`${me('Net cost')}*${sv(s, rows.discount(k))}`),
        f(`${posts(0)}+${costs(0)}`),
      ]);
    });
  });
  // The ranges travel as values, as their CSV: the Summary does not read them, but a round trip through Excel keeps them.
  const rangesSheet: XSheet = { name: SHEETS.ranges, rows: [[...RANGES_HEADER], ...rangesRows(workbook)], widths: { 0: 28 }, width: 12 };
  const summarySheet: XSheet = { name: SHEETS.summary, rows: summaryRows, formats: Object.fromEntries(SUMMARY_HEADER.slice(2).map((_, c) => [c + 2, MONEY])), widths: { 0: 28, 1: 10 }, width: 16 };

  return {
    sheets: [summarySheet, gradesSheet, postsSheet, costsSheet, savingsSheet, assumptionsSheet, scenariosSheet, rangesSheet, valuesSheet, yearsSheet, postCostsSheet, costYearsSheet, savingYearsSheet],
    names,
  };
}

/** The .xlsx file's bytes. The writer is loaded here, on the first download, as a chunk of its own. */
export async function excelBytes(book: XBook): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const file = new ExcelJS.Workbook();
  // Excel works out every formula on opening (the file carries no results).
  file.calcProperties.fullCalcOnLoad = true;
  for (const sheet of book.sheets) {
    const ws = file.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const widest = Math.max(...sheet.rows.map((r) => r.length));
    for (let c = 0; c < widest; c++) ws.getColumn(c + 1).width = sheet.widths?.[c] ?? sheet.width ?? 14;
    sheet.rows.forEach((row, i) =>
      row.forEach((cell, c) => {
        if (cell === null || cell === undefined) return;
        const target = ws.getCell(i + 1, c + 1);
        const format = sheet.formats?.[c];
        if (typeof cell === 'object' && 'format' in cell) {
          if (cell.value === null && !('formula' in cell)) return;
          target.numFmt = cell.format;
        } else if (format && i > 0) target.numFmt = format;
        if (typeof cell !== 'object') target.value = cell;
        else if ('formula' in cell) target.value = ('result' in cell ? { formula: cell.formula, result: cell.result } : { formula: cell.formula }) as never;
        else target.value = cell.value;
      }),
    );
    ws.getRow(1).font = { bold: true };
  }
  for (const { name, ref } of book.names) file.definedNames.add(ref, name);
  return new Uint8Array(await file.xlsx.writeBuffer());
}

export async function workbookXlsx(workbook: Workbook, results: Results): Promise<Uint8Array> {
  return excelBytes(excelBook(workbook, results));
}
