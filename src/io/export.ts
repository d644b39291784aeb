// The two exports docs/RULES.md fixes: the summary (a row per scenario and
// year) and the posts (each post with its cost per year of the horizon).
import { ownCost, variance, type Results } from '../model/costing';
import { formatFinancialYear, formatMonth } from '../model/periods';
import type { ComparisonRow } from '../model/comparison';
import type { Check } from '../model/reconcile';
import type { SwitchingValue } from '../model/switching';
import type { Workbook } from '../model/workbook';
import { decimalCell, moneyCell, writeCsv, type OutCell } from './csv';
import { assumptionRow } from '../model/assumptions';
import type { RowProblem } from './sheets';

export const SUMMARY_HEADER = ['Scenario', 'Year', 'Staff cost', 'Other costs', 'Savings', 'Savings target', 'Variance', 'Net cost', 'Cumulative net cost', 'Discounted net cost', 'Externally funded'];

export function summaryCsv(results: Results): string {
  const rows: OutCell[][] = results.scenarios.flatMap((s) =>
    s.years.map((y) => [
      s.name,
      formatFinancialYear(y.year),
      ...[y.staff, y.other, y.savings, y.target, variance(y), y.net, y.cumulative, y.discounted, y.external].map(moneyCell),
    ]),
  );
  return writeCsv(SUMMARY_HEADER, rows);
}

/**
 * What the user wrote for each post (Months only where they gave a count, so
 * the file imports back to the same workbook), its cost in each year of
 * Proposed investment, what the report printed for it, and its own pay.
 */
export function postsCsv(workbook: Workbook, results: Results): string {
  // A post's own pay goes last, and only where a post states one: files without it stay as they were.
  const ownPay = workbook.posts.some((p) => ownCost(p) !== null);
  const header = ['Title', 'Grade', 'FTE', 'Team', 'Group', 'Start', 'End', 'Months', 'Funding', ...results.years.map((y) => `Cost ${formatFinancialYear(y)}`), 'Published cost', 'Full year cost', 'Note', 'Scenario', ...(ownPay ? ['Annual cost'] : [])];
  const rows: OutCell[][] = workbook.posts.map((p, i) => [
    p.title,
    p.grade,
    p.fte,
    p.team,
    p.group,
    p.start === null ? null : formatMonth(p.start),
    p.end === null ? null : formatMonth(p.end),
    p.months,
    p.funding,
    ...results.postCosts[i].map(moneyCell),
    p.publishedCost ?? null,
    p.publishedAnnualCost ?? null,
    p.note ?? null,
    scenarioCell(p),
    ...(ownPay ? [ownCost(p)] : []),
  ]);
  return writeCsv(header, rows);
}

/** A cost of inaction is written `Do nothing` in a Scenario column; the proposal's lines leave it blank. */
const scenarioCell = (line: { doNothing?: boolean }) => (line.doNothing ? 'Do nothing' : null);

export function gradesCsv(workbook: Workbook): string {
  return writeCsv(['Grade', 'Annual cost'], workbook.grades.map((g) => [g.grade, g.annualCost]));
}

export function costsCsv(workbook: Workbook): string {
  return writeCsv(
    ['Description', 'Group', 'Year', 'Amount', 'Quantity', 'Unit cost', 'Funding', 'Note', 'Scenario'],
    workbook.costs.map((c) => [c.description, c.group, c.year === null ? null : formatFinancialYear(c.year), c.amount, c.quantity, c.unitCost, c.funding, c.note ?? null, scenarioCell(c)]),
  );
}

/** One column per financial year any saving names, in order. */
export function savingsCsv(workbook: Workbook): string {
  const years = [...new Set(workbook.savings.flatMap((s) => Object.keys(s.amounts).map(Number)))].sort((a, b) => a - b);
  return writeCsv(
    ['Line', 'Group', 'Type', 'Recurring', 'Scenario', ...years.map(formatFinancialYear)],
    workbook.savings.map((s) => [s.line, s.group, s.type, s.recurring ? 'Yes' : 'No', scenarioCell(s), ...years.map((y) => s.amounts[y] ?? null)]),
  );
}

export function reconciliationCsv(checks: Check[]): string {
  return writeCsv(
    ['Check', 'Line', 'Source', 'Report', 'App', 'Difference', 'Agrees', 'Explanation'],
    checks.map((c) => [c.kind, c.label, c.source, c.published, c.calculated === null ? null : moneyCell(c.calculated), moneyCell(c.difference), c.agrees ? 'Yes' : 'No', c.explanation]),
  );
}

export { scenariosCsv } from './scenarios-sheet';

/** The first five columns are the ones people and scripts rely on; the rest add the figures the page shows beside them. */
export const COMPARISON_HEADER = ['Scenario', 'Base', 'Net present value', 'Difference from base', 'Payback year', 'Base net present value', 'Base payback year', 'Costs', 'Savings', 'Net cost', 'Net cost difference from base', 'Savings target', 'Variance', 'Externally funded', 'Beyond horizon'];

const paybackCell = (year: number | null) => (year === null ? 'Not within the horizon' : formatFinancialYear(year));

export function comparisonCsv(rows: ComparisonRow[]): string {
  return writeCsv(
    COMPARISON_HEADER,
    rows.map((r) => [
      r.name,
      r.base,
      moneyCell(r.npv),
      moneyCell(r.difference),
      paybackCell(r.paybackYear),
      moneyCell(r.baseNpv),
      paybackCell(r.basePaybackYear),
      ...[r.costs, r.savings, r.net, r.netDifference, r.target, r.variance, r.external, r.beyondHorizon].map(moneyCell),
    ]),
  );
}

/**
 * Values in the assumption's own units, as a person would write them:
 * fractions to 4 decimal places (0.2091 is 20.91%), months to 2.
 */
export function switchingCsv(scenario: string, values: SwitchingValue[]): string {
  const places = (key: SwitchingValue['key']) => (assumptionRow(key).unit === 'months' ? 2 : 4);
  return writeCsv(
    ['Scenario', 'Assumption', 'Now', 'NPV equals doing nothing at', 'Payback leaves the horizon at', 'In words', 'Payback in words'],
    values.map((v) => [scenario, v.name, ...[v.current, v.npvEqual, v.paybackEdge].map((x) => decimalCell(x, places(v.key))), v.sentence, v.paybackSentence]),
  );
}

/** Every row an import leaves out, with its file, row and reason: the preview shows the first hundred. */
export function problemsCsv(problems: RowProblem[]): string {
  return writeCsv(['File', 'Row', 'Reason'], problems.map((p) => [p.file, p.row, p.reason]));
}
