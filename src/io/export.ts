// The two exports CONTRACT.md fixes: the summary (a row per scenario and
// year) and the posts (each post with its cost per year of the horizon).
import { variance, type Results } from '../model/costing';
import { formatFinancialYear, formatMonth } from '../model/periods';
import type { Workbook } from '../model/workbook';
import { moneyCell, writeCsv, type OutCell } from './csv';

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
 * Months is the count the user gave, or the length of a dated period; blank
 * for an ongoing post. Costs are those of Proposed investment.
 */
export function postsCsv(workbook: Workbook, results: Results): string {
  const header = ['Title', 'Grade', 'FTE', 'Team', 'Group', 'Start', 'End', 'Months', 'Funding', ...results.years.map((y) => `Cost ${formatFinancialYear(y)}`)];
  const rows: OutCell[][] = workbook.posts.map((p, i) => [
    p.title,
    p.grade,
    p.fte,
    p.team,
    p.group,
    p.start === null ? null : formatMonth(p.start),
    p.end === null ? null : formatMonth(p.end),
    p.months ?? (p.start !== null && p.end !== null ? p.end - p.start + 1 : null),
    p.funding,
    ...results.postCosts[i].map(moneyCell),
  ]);
  return writeCsv(header, rows);
}
