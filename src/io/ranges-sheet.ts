// The Ranges sheet as CSV (docs/RULES.md, "Uncertainty"): header
// `Assumption`, `Low`, `High`; a row per assumption, named as on the
// Scenarios sheet. In a row named with `%`, `5` and `5%` both mean five
// percent; months are months. A row with Low and High both blank leaves that
// range as it is.
import { ASSUMPTION_SPECS, shownValue } from '../model/scenarios';
import { rangeProblem, rangesOf } from '../model/sensitivity';
import type { ScenarioAssumption, Workbook } from '../model/workbook';
import { writeCsv } from './csv';
import { headerKey } from './headers';
import { assumptionNamed } from './scenarios-sheet';
import { unescapeText, type RowProblem } from './sheets';
import type { Table } from './table';
import { isUnreadable, readNumber } from './values';

export interface RangesRead {
  ranges: NonNullable<Workbook['ranges']>;
  problems: RowProblem[];
  notes: string[];
  imported: number;
}

export function readRanges(table: Table): RangesRead {
  const keys = table.header.map(headerKey);
  const [lowAt, highAt] = [keys.indexOf('low'), keys.indexOf('high')];
  const out: RangesRead = { ranges: {}, problems: [], notes: [], imported: 0 };
  const seen = new Map<ScenarioAssumption, number>();
  for (const { cells, row } of table.rows) {
    const label = unescapeText(cells[0] ?? '');
    if (cells.every((c) => c.trim() === '')) continue;
    const refuse = (reason: string) => out.problems.push({ file: table.file, row, reason });
    const key = assumptionNamed(label);
    const spec = ASSUMPTION_SPECS.find((a) => a.key === key);
    if (!spec || !key) {
      refuse(`“${label}” is not an assumption with a range (${ASSUMPTION_SPECS.map((a) => a.name).join(', ')})`);
      continue;
    }
    if (seen.has(key)) {
      refuse(`${spec.name} is given a range twice (row ${seen.get(key)} too); remove one`);
      continue;
    }
    seen.set(key, row);
    const [lowText, highText] = [(cells[lowAt] ?? '').trim(), (cells[highAt] ?? '').trim()];
    if (lowText === '' && highText === '') {
      out.notes.push(`${table.file}: row ${row} (${spec.name}) has no Low and no High; its range is left as it is.`);
      out.imported++;
      continue;
    }
    const read = (raw: string, end: string): number | string => {
      if (raw === '') return `${spec.name}: ${end} is blank; give both ends, or neither to leave the range as it is`;
      const value = readNumber(raw.replace(/%\s*$/, ''));
      if (isUnreadable(value) || value === null) return `${spec.name}: ${end} “${raw}” is not a number`;
      return spec.unit === '%' ? value / 100 : value;
    };
    const [low, high] = [read(lowText, 'Low'), read(highText, 'High')];
    if (typeof low === 'string' || typeof high === 'string') {
      refuse(typeof low === 'string' ? low : (high as string));
      continue;
    }
    const problem = rangeProblem(key, low, high);
    if (problem) {
      refuse(problem.startsWith(spec.name) ? problem : `${spec.name}: ${problem}`);
      continue;
    }
    out.ranges[key] = [low, high];
    out.imported++;
  }
  return out;
}

export const RANGES_HEADER = ['Assumption', 'Low', 'High'] as const;

/** Every assumption's range, the workbook's own or the table's, percent rows in percent (5 for 5%): the CSV's rows and the Excel worksheet's. */
export function rangesRows(workbook: Workbook): [string, number, number][] {
  const ranges = rangesOf(workbook);
  return ASSUMPTION_SPECS.map((spec) => [spec.name, shownValue(spec, ranges[spec.key][0], 12), shownValue(spec, ranges[spec.key][1], 12)]);
}

export function rangesCsv(workbook: Workbook): string {
  return writeCsv([...RANGES_HEADER], rangesRows(workbook));
}
