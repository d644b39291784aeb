// A file's rows as a table: where its header is, what unit its money is in,
// which sheet it is, and what kind of row each one is. Printed report tables
// mix lines with group headings, footnotes and total rows; these are told
// apart here so the sheet readers see only lines.
import {
  findHeaderRow,
  headerKey,
  isRangesHeader,
  mapColumns,
  SYNONYMS,
  unitOf,
  yearColumns,
  type ColumnMap,
  type Field,
  type SheetKind,
} from './headers';

export interface Table {
  file: string;
  header: string[];
  /** Data rows, each with its 1-based record number in the file. */
  rows: { cells: string[]; row: number }[];
  /** 1-based record number of the header row. */
  headerRow: number;
  /** How many columns past MAX_COLUMNS the widest row had, when it had any. */
  columnsNotRead?: number;
  /** From a caption (`£000's`) or a label column's header; 1 when none. */
  unit: number;
  decimalComma: boolean;
  /** The first column has no header and only counts the rows (a data tool's index): it is not read. */
  indexColumn?: boolean;
  /** Told how many rows have been read, every few thousand: a long import shows progress. */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 5000;

/** A table's data rows, reporting progress as they are read. */
export function* rowsOf(table: Table): Generator<{ cells: string[]; row: number }> {
  const total = table.rows.length;
  for (let i = 0; i < total; i++) {
    if (table.onProgress && i % PROGRESS_EVERY === 0) table.onProgress(i, total);
    yield table.rows[i];
  }
  table.onProgress?.(total, total);
}

/**
 * Columns read from a file. No sheet has more than about 130 (a column per
 * financial year the app holds and a dozen fields); a file far wider is an
 * export of something else, and reading all of it froze the preview.
 */
export const MAX_COLUMNS = 256;

export function locateTable(file: string, rows: string[][], decimalComma = false, rowNumbers?: number[]): Table {
  let width = 0;
  const records = rows.map((cells) => {
    if (cells.length <= MAX_COLUMNS) return cells;
    width = Math.max(width, cells.length);
    return cells.slice(0, MAX_COLUMNS);
  });
  const at = findHeaderRow(records);
  const header = (records[at] ?? []).map((h) => h.trim());
  let unit = 1;
  for (const row of records.slice(0, at)) for (const cell of row) unit = unitOf(cell) ?? unit;
  // `£000's | 2018/19 | 2019/20`: a unit heading the label column covers the table.
  const years = new Set(yearColumns(header).map((y) => y.index));
  header.forEach((h, i) => {
    if (!years.has(i) && !/cost|amount|total|value|salary/i.test(h)) unit = unitOf(h) ?? unit;
  });
  const number = (i: number) => rowNumbers?.[i] ?? i + 1;
  const table: Table = { file, header, rows: records.slice(at + 1).map((cells, i) => ({ cells, row: number(at + 1 + i) })), headerRow: number(at), unit, decimalComma };
  if (width) table.columnsNotRead = width - MAX_COLUMNS;
  if (isIndexColumn(table)) table.indexColumn = true;
  return table;
}

/**
 * pandas and R write a row counter as a first column with no header (`,Job
 * Title,...` then `0,...`, `1,...`): it counts rows, it is no label.
 */
function isIndexColumn(table: Table): boolean {
  if (table.header.length < 2 || table.header[0] !== '' || table.rows.length === 0) return false;
  const first = Number(table.rows[0].cells[0]);
  if (first !== 0 && first !== 1) return false;
  return table.rows.every((r, i) => /^\d+$/.test((r.cells[0] ?? '').trim()) && Number(r.cells[0]) === first + i);
}

/** The column a printed table writes its labels in when no field says: the first, past a row counter. */
export const firstLabelColumn = (table: Table) => (table.indexColumn ? 1 : 0);

/** The unit of one column: its own header's, else the table's. */
export function columnUnit(table: Table, index: number): number {
  return unitOf(table.header[index] ?? '') ?? table.unit;
}

const has = (keys: string[], field: Field) => (SYNONYMS[field] as readonly string[]).some((s) => keys.includes(s));

/** `Commissioning Manager (Band E)`: a title that carries its grade. */
export const GRADE_IN_TITLE = /^(.*?)\s*\(\s*((?:band|grade|scale|scp|level|pay band|spinal point|njc|hay|po|so|sm|sl|sp|jnc)\b[^()]*?|[A-Z]{1,2}\d{1,2}[a-z]?)\s*\)\s*$/i;

function nameHint(file: string): SheetKind | null {
  const name = file.toLowerCase();
  if (/scenario|what.?if/.test(name)) return 'Scenarios';
  if (/range/.test(name)) return 'Ranges';
  if (/saving/.test(name)) return 'Savings';
  if (/grade|band|pay ?scale|rates/.test(name)) return 'Grades';
  if (/post|establishment|staff|structure|roles/.test(name)) return 'Posts';
  if (/cost|spend|budget|non.?pay/.test(name)) return 'Costs';
  return null;
}

/** The sheet a table's headers say it is, with its name to break ties; null if neither does. */
export function recogniseSheet(table: Table): SheetKind | null {
  const keys = table.header.map(headerKey);
  const years = yearColumns(table.header).length > 0;
  const hint = nameHint(table.file);
  if (isRangesHeader(table.header)) return 'Ranges';
  if (/^assumptions?$/.test(keys[0] ?? '') && table.header.length > 1) return 'Scenarios';
  const titled = has(keys, 'title');
  if (titled && (['fte', 'grade', 'period', 'pay', 'payMin', 'payMax', 'payRange'] as const).some((f) => has(keys, f))) return 'Posts';
  if (years) return hint === 'Costs' ? 'Costs' : 'Savings';
  if (has(keys, 'grade') && !titled && has(keys, 'annualCost')) return 'Grades';
  if ((has(keys, 'description') || titled) && (has(keys, 'amount') || has(keys, 'unitCost'))) return 'Costs';
  return hint;
}

export function columnsFor(table: Table, kind: SheetKind, override: ColumnMap = {}): ColumnMap {
  return { ...mapColumns(table.header, kind), ...override };
}

/** What the reader needs to know of what was read, for messages. */
export const FIELD_LABELS: Record<Field, string> = {
  grade: 'Grade', annualCost: 'Annual cost', title: 'Title', fte: 'FTE', team: 'Team', group: 'Group', start: 'Start', end: 'End',
  months: 'Months', period: 'Period', funding: 'Funding', publishedCost: 'Total cost', postAnnualCost: 'Full year cost',
  description: 'Description', note: 'Note', scenario: 'Scenario', year: 'Year', amount: 'Amount', quantity: 'Quantity', unitCost: 'Unit cost', line: 'Line', type: 'Type', recurring: 'Recurring',
  pay: 'Own pay', pension: 'Employer’s pension', employerNi: 'Employer’s NI', payMin: 'Pay range bottom', payMax: 'Pay range top', payRange: 'Pay range',
  bonus: 'Bonuses', expenses: 'Expense allowances', benefits: 'Benefits in kind', lossOfOffice: 'Compensation for loss of office',
};

// Kinds of row in a printed table.
// The whole label must read as a total: `Total Rewards Manager` is a post.
const TOTAL = /^(?:(?:sub|grand|net)[\s-]*)?totals?(?:\s+(?:cost|costs|savings?|of\s+[\w\s']+))?\s*:?$|^[\w\s'&,/-]*\s(?:sub[\s-]*)?totals?\s*:?$/i;

export type RowKind = { kind: 'blank' } | { kind: 'heading'; text: string } | { kind: 'footnote'; mark: string; text: string } | { kind: 'total'; label: string } | { kind: 'line' };

/**
 * `Sub Total`, `TOTAL COST:`, `Younger Adults total` and a row with figures
 * but no words at all (the unlabelled total under a printed table) are
 * totals; a row with only its first cell is a group heading; `* funded from
 * reserves` is a footnote.
 */
export function classifyRow(cells: string[], labelColumns: number[]): RowKind {
  const filled = cells.map((c) => c.trim()).map((c, i) => ({ c, i })).filter((x) => x.c !== '');
  if (filled.length === 0) return { kind: 'blank' };
  const words = filled.filter((x) => /[a-z]/i.test(x.c.replace(/£\s*[\d,.]+\s*[km]?\b/gi, '')));
  const label = words[0]?.c ?? '';
  if (words.some((w) => TOTAL.test(w.c))) return { kind: 'total', label: words.find((w) => TOTAL.test(w.c))!.c };
  if (filled.length === 1 && /^[*†‡]+/.test(filled[0].c)) {
    const match = /^([*†‡]+)\s*([\s\S]*)$/.exec(filled[0].c)!; // a cell may run over lines
    return { kind: 'footnote', mark: match[1], text: match[2] };
  }
  if (filled.length === 1 && words.length === 1 && labelColumns.includes(filled[0].i)) return { kind: 'heading', text: label };
  // Figures under blank label cells: the unlabelled total printed under a table.
  if (labelColumns.every((i) => (cells[i] ?? '').trim() === '')) return { kind: 'total', label: '' };
  return { kind: 'line' };
}
