// The Scenarios sheet as CSV (docs/RULES.md, "Scenarios"): header
// `Assumption`, then one column per scenario; one row per assumption. A blank
// cell means the workbook's value; in a row named with `%`, `5` and `5%` both
// mean five percent. Rows this app does not know are kept as written.
import { parseFinancialYear } from '../model/periods';
import { ASSUMPTION_SPECS, payAwardYearName, shownValue, valueProblem } from '../model/scenarios';
import type { Scenario, ScenarioAssumption } from '../model/workbook';
import { writeCsv, type OutCell } from './csv';
import { headerKey } from './headers';
import type { RowProblem } from './sheets';
import { unescapeText } from './sheets';
import type { Table } from './table';
import { isUnreadable, readNumber } from './values';

/** `Pay award %`, `Pay award (%)`, `pay_award` all name the pay award. A Map: a row may be labelled `constructor`. */
const ROW_KEYS = new Map<string, ScenarioAssumption>(
  ASSUMPTION_SPECS.flatMap((a) => {
    const key = headerKey(a.name.replace(/%|\(months\)/g, ''));
    return [[key, a.key], [headerKey(a.name), a.key], [headerKey(a.key), a.key]];
  }),
);

/** The assumption a row's label names (`Pay award %`, `Pay award`, `payAward`), or undefined. */
export const assumptionNamed = (label: string): ScenarioAssumption | undefined => ROW_KEYS.get(headerKey(label));

const PAY_AWARD = ASSUMPTION_SPECS.find((a) => a.key === 'payAward')!;

/**
 * A row that sets one year's pay award (`Pay award % 2025/26`): the year it
 * names, or the reason the year cannot be read; null for any other row.
 */
function payAwardYear(label: string): { year: number } | { problem: string } | null {
  const match = /^(.*?)\s+((?:FY\s*)?\d{4}\s*[/\-–]\s*\d{2,4})\s*$/i.exec(label);
  if (!match || ROW_KEYS.get(headerKey(match[1])) !== 'payAward') return null;
  const year = parseFinancialYear(match[2]);
  return year === null ? { problem: `${label}: “${match[2]}” is not a financial year (2025/26 is)` } : { year };
}

export const isScenariosHeader = (header: string[]) => /^assumptions?$/.test(headerKey(header[0] ?? '')) && header.slice(1).some((h) => h.trim() !== '');

export interface ScenariosRead {
  scenarios: Scenario[];
  problems: RowProblem[];
  notes: string[];
  /** Rows read with no problem (a blank value is the workbook's, and read too). */
  imported: number;
}

/** Reads each scenario's column; a value that is not a number is refused, naming file, row and scenario. */
export function readScenarios(table: Table): ScenariosRead {
  const names = table.header.slice(1).map((h) => unescapeText(h));
  const scenarios: Scenario[] = names.map((name) => ({ name, overrides: {} }));
  const out: ScenariosRead = { scenarios: [], problems: [], notes: [], imported: 0 };
  for (const { cells, row } of table.rows) {
    const label = unescapeText(cells[0] ?? '');
    if (label === '' && cells.every((c) => c.trim() === '')) continue;
    const problemsBefore = out.problems.length;
    const byYear = payAwardYear(label);
    if (byYear && 'problem' in byYear) {
      out.problems.push({ file: table.file, row, reason: byYear.problem });
      continue;
    }
    // A year's pay award is read as the pay award is, and kept by its year.
    const key = byYear ? 'payAward' : ROW_KEYS.get(headerKey(label));
    const spec = ASSUMPTION_SPECS.find((a) => a.key === key);
    names.forEach((name, i) => {
      if (name === '') return;
      const raw = (cells[i + 1] ?? '').trim();
      if (raw === '') return; // the workbook's value
      if (!spec) {
        // No prototype: a row labelled `__proto__` is a row like any other.
        (scenarios[i].other ??= Object.create(null) as Record<string, string>)[label] = raw;
        return;
      }
      const percent = /%\s*$/.test(raw);
      const value = readNumber(raw.replace(/%\s*$/, ''));
      if (isUnreadable(value) || value === null) {
        out.problems.push({ file: table.file, row, reason: `${name}, ${label}: “${raw}” is not a number` });
        return;
      }
      const v = spec.unit === '%' || percent ? value / 100 : value;
      const problem = valueProblem(spec.key, v);
      if (problem) {
        out.problems.push({ file: table.file, row, reason: `${name}: ${problem}` });
        return;
      }
      if (byYear) (scenarios[i].payAwardByYear ??= {})[byYear.year] = v;
      else scenarios[i].overrides[spec.key] = v;
    });
    if (!spec && label) out.notes.push(`${table.file}: row “${label}” is kept with the scenarios but not used in the figures yet.`);
    if (out.problems.length === problemsBefore) out.imported++;
  }
  out.scenarios = scenarios.filter((s) => s.name !== '');
  return out;
}

/**
 * Each imported scenario updates the open one of the same name (its
 * assumptions replaced; the lines it holds kept) or is added, starting, as
 * every new scenario does, as a copy of Proposed investment.
 */
export function mergeScenarios(open: Scenario[], imported: Scenario[]): Scenario[] {
  const merged = open.map((s) => ({ ...s }));
  for (const s of imported) {
    const at = merged.findIndex((m) => m.name.toLowerCase() === s.name.toLowerCase());
    if (at >= 0) merged[at] = { ...merged[at], overrides: s.overrides, payAwardByYear: s.payAwardByYear, other: s.other };
    else merged.push(s);
  }
  return merged;
}

/** Percent rows are written as numbers of percent (5 for 5%), months as months. */
export function scenariosCsv(scenarios: Scenario[]): string {
  const other = [...new Set(scenarios.flatMap((s) => Object.keys(s.other ?? {})))];
  const years = [...new Set(scenarios.flatMap((s) => Object.keys(s.payAwardByYear ?? {}).map(Number)))].sort((a, b) => a - b);
  const rows: OutCell[][] = [
    ...ASSUMPTION_SPECS.map((spec) => [
      spec.name,
      ...scenarios.map((s) => {
        const v = s.overrides[spec.key];
        return v === undefined ? null : shownValue(spec, v, 12);
      }),
    ]),
    ...years.map((fy) => [payAwardYearName(fy), ...scenarios.map((s) => (s.payAwardByYear?.[fy] === undefined ? null : shownValue(PAY_AWARD, s.payAwardByYear[fy], 12)))]),
    ...other.map((label) => [label, ...scenarios.map((s) => s.other?.[label] ?? null)]),
  ];
  return writeCsv(['Assumption', ...scenarios.map((s) => s.name)], rows);
}
