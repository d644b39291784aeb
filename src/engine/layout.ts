// The workbook as the formula engine holds it: one sheet per table, each
// post's cost per year as a formula a person can read, assumptions as named
// values, and the summary as formulas over the line sheets.
//
// Why this shape (MEASURED.md): a VLOOKUP and a named expression in every
// year cell makes the engine's build quadratic (29 s at 10k posts). Here each
// post looks its grade up once, in a helper column, and the per-year factors
// (pay award, discount) live once in the Years sheet, so a year cell refers to
// its own row and one Years column. The summary sums whole columns with SUMIFS
// on a council-funded flag and a per-scenario inclusion flag.
import { PAYBACK_TOLERANCE, savedBefore } from '../model/costing';
import type { Horizon } from '../model/horizon';
import { firstMonthOf, formatFinancialYear, lastMonthOf, type Month } from '../model/periods';
import {
  isCouncilFunded,
  SCENARIO_DO_NOTHING,
  SCENARIO_PROPOSED,
  type Workbook,
} from '../model/workbook';

export type Cell = string | number | boolean | null;
export type Grid = Cell[][];

export const SCENARIOS = [SCENARIO_DO_NOTHING, SCENARIO_PROPOSED] as const;

/** The assumptions as named values: Assumptions!B{row} is named {name}. */
export const NAMED_ASSUMPTIONS = [
  { name: 'FirstYear', label: 'First financial year', unit: 'year' },
  { name: 'HorizonYears', label: 'Horizon', unit: 'years' },
  { name: 'PayAward', label: 'Pay award a year', unit: '%' },
  { name: 'DiscountRate', label: 'Discount rate', unit: '%' },
  { name: 'SavingsDelivery', label: 'Savings delivery', unit: '%' },
] as const;

export type AssumptionName = (typeof NAMED_ASSUMPTIONS)[number]['name'];

/** Spreadsheet column letters: 0 is A, 26 is AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * User text goes in with a leading apostrophe so the engine keeps it as text:
 * a title of `=HYPERLINK(...)` or `007` stays what was typed.
 */
export function text(value: string): Cell {
  return value === '' ? null : `'${value}`;
}

/** Engine dates are days since 30 Dec 1899, as in Excel; a month is its first day. */
export function dateSerial(m: Month): number {
  const year = Math.floor(m / 12);
  return (Date.UTC(year, m - year * 12, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

// Fixed columns of the line sheets (0-based).
export const POST = { title: 0, grade: 1, fte: 2, team: 3, group: 4, start: 5, end: 6, months: 7, funding: 8, council: 9, annualCost: 10, from: 11, to: 12, firstYear: 13 } as const;
export const COST = { description: 0, group: 1, year: 2, amount: 3, quantity: 4, unitCost: 5, funding: 6, council: 7, total: 8, yearUsed: 9, firstYear: 10 } as const;
export const SAVING = { line: 0, group: 1, type: 2, recurring: 3, before: 4, firstInput: 5 } as const;
// Years sheet rows.
const Y = { label: 1, k: 2, first: 3, last: 4, pay: 5, discount: 6, delivery: 7 } as const;
export const SUMMARY_COLUMNS = ['Scenario', 'Year', 'Staff cost', 'Other costs', 'Savings', 'Savings target', 'Net cost', 'Cumulative net cost', 'Discounted net cost', 'Externally funded', 'Payback k'] as const;
export const TOTALS_COLUMNS = ['Scenario', 'Staff cost', 'Other costs', 'Savings', 'Savings target', 'Net cost', 'Discounted net cost', 'Externally funded', 'Net present value', 'Payback k'] as const;
/** Payback flag of a year whose cumulative net is not a saving. */
export const NO_PAYBACK = 1000;

export interface Layout {
  horizon: Horizon;
  years: number;
  /** Last data row (1-based) of each line sheet's ranges: at least row 2. */
  postRows: number;
  costRows: number;
  savingRows: number;
  postYearCol: (k: number) => number;
  costYearCol: (k: number) => number;
  savingInputCol: (k: number) => number;
  savingYearCol: (k: number) => number;
  postIncludeCol: (s: number) => number;
  costIncludeCol: (s: number) => number;
  savingIncludeCol: (s: number) => number;
}

export function layoutOf(workbook: Workbook, horizon: Horizon): Layout {
  const n = horizon.years.length;
  return {
    horizon,
    years: n,
    postRows: Math.max(workbook.posts.length, 1) + 1,
    costRows: Math.max(workbook.costs.length, 1) + 1,
    savingRows: Math.max(workbook.savings.length, 1) + 1,
    postYearCol: (k) => POST.firstYear + k,
    costYearCol: (k) => COST.firstYear + k,
    savingInputCol: (k) => SAVING.firstInput + k,
    savingYearCol: (k) => SAVING.firstInput + n + k,
    postIncludeCol: (i) => POST.firstYear + n + i,
    costIncludeCol: (i) => COST.firstYear + n + i,
    savingIncludeCol: (i) => SAVING.firstInput + 2 * n + i,
  };
}

const col = columnLetter;
/** Years!{column of year k}${row}: one cell of the Years sheet, row fixed. */
const yearsCell = (k: number, row: number) => `Years!${col(1 + k)}$${row}`;

export function assumptionsSheet(workbook: Workbook, horizon: Horizon): Grid {
  const a = workbook.assumptions;
  const values: Record<AssumptionName, number> = {
    FirstYear: horizon.first,
    HorizonYears: horizon.years.length,
    PayAward: a.payAward,
    DiscountRate: a.discountRate,
    SavingsDelivery: a.savingsDelivery,
  };
  return NAMED_ASSUMPTIONS.map((n) => [text(n.label), values[n.name], text(n.unit), text(n.name)]);
}

export function namedExpressions() {
  return NAMED_ASSUMPTIONS.map((n, row) => ({ name: n.name, expression: `=Assumptions!$B$${row + 1}` }));
}

export function yearsSheet(horizon: Horizon): Grid {
  const ks = horizon.years.map((_, k) => k);
  const c = (k: number) => col(1 + k);
  return [
    [text('Year'), ...horizon.years.map((fy) => text(formatFinancialYear(fy)))],
    [text('k'), ...ks],
    [text('First month'), ...horizon.years.map(firstMonthOf)],
    [text('Last month'), ...horizon.years.map(lastMonthOf)],
    [text('Pay factor'), ...ks.map((k) => `=(1+PayAward)^${c(k)}${Y.k}`)],
    [text('Discount factor'), ...ks.map((k) => `=1/(1+DiscountRate)^${c(k)}${Y.k}`)],
    [text('Savings delivery'), ...ks.map(() => '=SavingsDelivery')],
  ];
}

export function gradesSheet(workbook: Workbook): Grid {
  return [[text('Grade'), text('Annual cost')], ...workbook.grades.map((g) => [text(g.grade.trim()), g.annualCost])];
}

const includeFlags = (scenarioIncludes: (name: string) => boolean) => SCENARIOS.map((name) => (scenarioIncludes(name) ? 1 : 0));
const inProposal = (name: string) => name === SCENARIO_PROPOSED;

export function postRow(workbook: Workbook, layout: Layout, index: number): Cell[] {
  const p = workbook.posts[index];
  const r = index + 2; // 1-based sheet row
  const lastYear = layout.years - 1;
  const grades = `Grades!$A$2:$B$${Math.max(workbook.grades.length, 1) + 1}`;
  return [
    text(p.title),
    text(p.grade),
    p.fte,
    text(p.team),
    text(p.group),
    p.start === null ? null : dateSerial(p.start),
    p.end === null ? null : dateSerial(p.end),
    p.months,
    text(p.funding),
    isCouncilFunded(p.funding) ? 1 : 0,
    // A grade not in Grades costs nothing, as in the model; the page flags it.
    `=IFERROR(VLOOKUP(TRIM(B${r}),${grades},2,FALSE()),0)`,
    // From: the start; else the end less the count; else the horizon's first month.
    `=IF(ISBLANK(F${r}),IF(OR(ISBLANK(G${r}),ISBLANK(H${r})),${yearsCell(0, Y.first)},YEAR(G${r})*12+MONTH(G${r})-H${r}),YEAR(F${r})*12+MONTH(F${r})-1)`,
    // To: a count wins over an end; no count and no end runs to the horizon's end.
    `=IF(ISBLANK(H${r}),IF(ISBLANK(G${r}),${yearsCell(lastYear, Y.last)},YEAR(G${r})*12+MONTH(G${r})-1),L${r}+H${r}-1)`,
    ...Array.from({ length: layout.years }, (_, k) =>
      `=$C${r}*$K${r}*MAX(0,MIN($M${r},${yearsCell(k, Y.last)})-MAX($L${r},${yearsCell(k, Y.first)})+1)/12*${yearsCell(k, Y.pay)}`,
    ),
    ...includeFlags(inProposal),
  ];
}

export function costRow(workbook: Workbook, layout: Layout, index: number): Cell[] {
  const c = workbook.costs[index];
  const r = index + 2;
  return [
    text(c.description),
    text(c.group),
    c.year === null ? null : text(formatFinancialYear(c.year)),
    c.amount,
    c.quantity,
    c.unitCost,
    text(c.funding),
    isCouncilFunded(c.funding) ? 1 : 0,
    `=IF(ISBLANK(D${r}),E${r}*F${r},D${r})`,
    `=IF(ISBLANK(C${r}),${yearsCell(0, Y.label)},C${r})`,
    ...Array.from({ length: layout.years }, (_, k) => `=IF($J${r}=${yearsCell(k, Y.label)},$I${r},0)`),
    ...includeFlags(inProposal),
  ];
}

export function savingRow(workbook: Workbook, layout: Layout, index: number): Cell[] {
  const s = workbook.savings[index];
  const r = index + 2;
  const first = col(layout.savingInputCol(0));
  return [
    text(s.line),
    text(s.group),
    text(s.type),
    text(s.recurring ? 'Yes' : 'No'),
    // A recurring saving made before the horizon still recurs in it.
    savedBefore(s, layout.horizon.first),
    ...layout.horizon.years.map((fy) => s.amounts[fy] ?? null),
    ...Array.from({ length: layout.years }, (_, k) => {
      const input = col(layout.savingInputCol(k));
      return `=IF($D${r}="Yes",$E${r}+SUM($${first}${r}:${input}${r}),N(${input}${r}))*IF($C${r}="Saving",${yearsCell(k, Y.delivery)},1)`;
    }),
    ...includeFlags(inProposal),
  ];
}

function header(fixed: string[], layout: Layout, inputYears = false): Cell[] {
  const labels = layout.horizon.years.map(formatFinancialYear);
  return [
    ...fixed,
    ...(inputYears ? labels : []),
    ...labels.map((y) => `Cost ${y}`),
    ...SCENARIOS.map((s) => `In ${s}`),
  ].map(text);
}

export function postsSheet(workbook: Workbook, layout: Layout): Grid {
  const fixed = ['Title', 'Grade', 'FTE', 'Team', 'Group', 'Start', 'End', 'Months', 'Funding', 'Council funded', 'Annual cost', 'From month', 'To month'];
  return [header(fixed, layout), ...workbook.posts.map((_, i) => postRow(workbook, layout, i))];
}

export function costsSheet(workbook: Workbook, layout: Layout): Grid {
  const fixed = ['Description', 'Group', 'Year', 'Amount', 'Quantity', 'Unit cost', 'Funding', 'Council funded', 'Total', 'Year used'];
  return [header(fixed, layout), ...workbook.costs.map((_, i) => costRow(workbook, layout, i))];
}

export function savingsSheet(workbook: Workbook, layout: Layout): Grid {
  return [header(['Line', 'Group', 'Type', 'Recurring', 'Before horizon'], layout, true), ...workbook.savings.map((_, i) => savingRow(workbook, layout, i))];
}

/** SUMIFS over rows 2..last of a line sheet. */
function sumifs(sheet: string, sumCol: number, last: number, criteria: [number, string | number][]): string {
  const range = (c: number) => `${sheet}!$${col(c)}$2:$${col(c)}$${last}`;
  return `SUMIFS(${range(sumCol)},${criteria.map(([c, v]) => `${range(c)},${typeof v === 'string' ? `"${v}"` : v}`).join(',')})`;
}

/** One row per scenario and year, then (in Totals) one row per scenario. */
export function summarySheet(layout: Layout): Grid {
  const rows: Grid = [SUMMARY_COLUMNS.map(text)];
  SCENARIOS.forEach((scenario, s) => {
    layout.horizon.years.forEach((fy, k) => {
      const r = rows.length + 1;
      const posts = (council: number) => sumifs('Posts', layout.postYearCol(k), layout.postRows, [[POST.council, council], [layout.postIncludeCol(s), 1]]);
      const costs = (council: number) => sumifs('Costs', layout.costYearCol(k), layout.costRows, [[COST.council, council], [layout.costIncludeCol(s), 1]]);
      const savings = (type: string) => sumifs('Savings', layout.savingYearCol(k), layout.savingRows, [[SAVING.type, type], [layout.savingIncludeCol(s), 1]]);
      rows.push([
        text(scenario),
        text(formatFinancialYear(fy)),
        `=${posts(1)}`,
        `=${costs(1)}`,
        `=${savings('Saving')}`,
        `=${savings('Target')}`,
        `=C${r}+D${r}-E${r}`,
        k === 0 ? `=G${r}` : `=H${r - 1}+G${r}`,
        `=G${r}*${yearsCell(k, Y.discount)}`,
        `=${posts(0)}+${costs(0)}`,
        `=IF(H${r}<-${PAYBACK_TOLERANCE},${k},${NO_PAYBACK})`,
      ]);
    });
  });
  return rows;
}

export function totalsSheet(layout: Layout): Grid {
  const rows: Grid = [TOTALS_COLUMNS.map(text)];
  SCENARIOS.forEach((scenario, s) => {
    const first = 2 + s * layout.years;
    const last = first + layout.years - 1;
    const sum = (c: string) => `=SUM(Summary!${c}${first}:${c}${last})`;
    rows.push([text(scenario), sum('C'), sum('D'), sum('E'), sum('F'), sum('G'), sum('I'), sum('J'), sum('I'), `=MIN(Summary!K${first}:K${last})`]);
  });
  return rows;
}
