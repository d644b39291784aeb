// Which sheet a file is, and its rows as workbook lines. A row that cannot be
// read is kept as a problem naming the file, the row and the reason; it is
// never dropped silently.
import { parseFinancialYear, type FinancialYear } from '../model/periods';
import type { Cost, Grade, Post, Saving } from '../model/workbook';
import { isUnreadable, readMoney, readMonth, readNumber, type Unreadable } from './values';

export type SheetKind = 'Grades' | 'Posts' | 'Costs' | 'Savings';
export const SHEET_KINDS: SheetKind[] = ['Grades', 'Posts', 'Costs', 'Savings'];

export interface RowProblem {
  file: string;
  /** 1-based, counting the header as row 1, as a spreadsheet shows it. */
  row: number;
  reason: string;
}

/** `Annual cost`, `annual_cost` and `ANNUAL COST` are one header. */
export const headerKey = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Canonical header -> the keys it may arrive as. */
const SYNONYMS: Record<string, string[]> = {
  grade: ['grade', 'band', 'gradeband'],
  annualCost: ['annualcost', 'cost', 'fullyearcost'],
  title: ['title', 'jobtitle', 'post', 'posttitle', 'role'],
  fte: ['fte', 'fulltimeequivalent'],
  team: ['team'],
  group: ['group', 'areaofsupport', 'theme'],
  start: ['start', 'startdate', 'from'],
  end: ['end', 'enddate', 'to'],
  months: ['months'],
  funding: ['funding', 'fundedby', 'fundingsource'],
  description: ['description', 'item', 'cost'],
  year: ['year', 'financialyear'],
  amount: ['amount', 'total', 'totalcost'],
  quantity: ['quantity', 'qty', 'number'],
  unitCost: ['unitcost', 'costeach', 'priceeach'],
  line: ['line', 'saving', 'description'],
  type: ['type'],
  recurring: ['recurring'],
};

export type ColumnMap = Record<string, number>;

export function mapColumns(header: string[], wanted: string[]): ColumnMap {
  const keys = header.map(headerKey);
  const map: ColumnMap = {};
  for (const name of wanted) {
    const index = keys.findIndex((k, i) => SYNONYMS[name].includes(k) && !Object.values(map).includes(i));
    if (index >= 0) map[name] = index;
  }
  return map;
}

const REQUIRED: Record<SheetKind, string[]> = {
  Grades: ['grade', 'annualCost'],
  Posts: ['title', 'grade', 'fte'],
  Costs: ['description'],
  Savings: ['line'],
};

const COLUMNS: Record<SheetKind, string[]> = {
  Grades: ['grade', 'annualCost'],
  Posts: ['title', 'grade', 'fte', 'team', 'group', 'start', 'end', 'months', 'funding'],
  Costs: ['description', 'group', 'year', 'amount', 'quantity', 'unitCost', 'funding'],
  Savings: ['line', 'group', 'type', 'recurring'],
};

export const yearColumns = (header: string[]) =>
  header.flatMap((h, i) => {
    const fy = parseFinancialYear(h);
    return fy === null ? [] : [{ index: i, year: fy }];
  });

/** The sheet a file's headers (and then its name) say it is; null if neither does. */
export function recogniseSheet(header: string[], fileName: string): SheetKind | null {
  const has = (kind: SheetKind) => REQUIRED[kind].every((c) => c in mapColumns(header, COLUMNS[kind]));
  const keys = header.map(headerKey);
  if (has('Posts')) return 'Posts';
  if (has('Savings') && yearColumns(header).length > 0) return 'Savings';
  if (has('Costs') && (keys.includes('amount') || keys.includes('unitcost'))) return 'Costs';
  if (has('Grades')) return 'Grades';
  const byName = SHEET_KINDS.find((k) => headerKey(fileName).includes(headerKey(k).replace(/s$/, '')));
  return byName && has(byName) ? byName : null;
}

export function missingColumns(kind: SheetKind, header: string[]): string[] {
  const map = mapColumns(header, COLUMNS[kind]);
  const missing = REQUIRED[kind].filter((c) => !(c in map));
  if (kind === 'Savings' && yearColumns(header).length === 0) missing.push('a financial year such as 2021/22');
  return missing;
}

export interface SheetRead<T> {
  lines: T[];
  /** Sheet row (1-based) of each line, for messages that come later. */
  rowOf: number[];
  problems: RowProblem[];
  notes: string[];
}

type Cells = (name: string) => string;

function readRows<T>(file: string, kind: SheetKind, rows: string[][], read: (cell: Cells, row: string[]) => T | Unreadable): SheetRead<T> {
  const [header, ...body] = rows;
  const map = mapColumns(header, COLUMNS[kind]);
  const out: SheetRead<T> = { lines: [], rowOf: [], problems: [], notes: [] };
  body.forEach((row, i) => {
    const cell: Cells = (name) => (name in map ? (row[map[name]] ?? '').trim() : '');
    if (row.every((c) => c.trim() === '')) return; // a blank line is not a row
    const line = read(cell, row);
    if (isUnreadable(line)) out.problems.push({ file, row: i + 2, reason: line.problem });
    else {
      out.lines.push(line);
      out.rowOf.push(i + 2);
    }
  });
  return out;
}

/** Reads the first of several cells that fails, naming the column. */
function firstProblem(checks: [string, unknown][]): Unreadable | null {
  for (const [column, value] of checks) if (isUnreadable(value)) return { problem: `${column}: ${value.problem}` };
  return null;
}

export function readGrades(file: string, rows: string[][]): SheetRead<Grade> {
  return readRows(file, 'Grades', rows, (cell): Grade | Unreadable => {
    const annualCost = readMoney(cell('annualCost'));
    if (cell('grade') === '') return { problem: 'Grade is blank' };
    if (isUnreadable(annualCost)) return { problem: `Annual cost: ${annualCost.problem}` };
    if (annualCost === null) return { problem: `Annual cost of ${cell('grade')} is blank` };
    return { grade: cell('grade'), annualCost };
  });
}

export function readPosts(file: string, rows: string[][]): SheetRead<Post> {
  return readRows(file, 'Posts', rows, (cell): Post | Unreadable => {
    const fte = readNumber(cell('fte'));
    const start = readMonth(cell('start'));
    const end = readMonth(cell('end'));
    const months = readNumber(cell('months'));
    const problem = firstProblem([['FTE', fte], ['Start', start], ['End', end], ['Months', months]]);
    if (problem) return problem;
    if (cell('title') === '') return { problem: 'Title is blank' };
    if (cell('grade') === '') return { problem: `${cell('title')} has no grade` };
    if (fte === null) return { problem: `${cell('title')} has no FTE` };
    if (months !== null && (!Number.isInteger(months) || (months as number) < 1)) return { problem: `Months: “${cell('months')}” is not a whole number of months` };
    if (start !== null && end !== null && months === null && (end as number) < (start as number)) return { problem: `${cell('title')} ends before it starts` };
    return {
      title: cell('title'),
      grade: cell('grade'),
      fte: fte as number,
      team: cell('team'),
      group: cell('group'),
      start: start as number | null,
      end: end as number | null,
      months: months as number | null,
      funding: cell('funding'),
    };
  });
}

export function readCosts(file: string, rows: string[][]): SheetRead<Cost> {
  return readRows(file, 'Costs', rows, (cell): Cost | Unreadable => {
    const amount = readMoney(cell('amount'));
    const quantity = readNumber(cell('quantity'));
    const unitCost = readMoney(cell('unitCost'));
    const problem = firstProblem([['Amount', amount], ['Quantity', quantity], ['Unit cost', unitCost]]);
    if (problem) return problem;
    if (cell('description') === '') return { problem: 'Description is blank' };
    const year = cell('year') === '' ? null : parseFinancialYear(cell('year'));
    if (cell('year') !== '' && year === null) return { problem: `Year: “${cell('year')}” is not a financial year such as 2021/22` };
    if (amount === null && (quantity === null || unitCost === null)) return { problem: `${cell('description')} has no amount, and no quantity x unit cost` };
    return { description: cell('description'), group: cell('group'), year, amount: amount as number | null, quantity: quantity as number | null, unitCost: unitCost as number | null, funding: cell('funding') };
  });
}

export function readSavings(file: string, rows: string[][]): SheetRead<Saving> {
  const years = yearColumns(rows[0]);
  const read = readRows(file, 'Savings', rows, (cell, row): Saving | Unreadable => {
    const amounts: Record<FinancialYear, number> = {};
    for (const { index, year } of years) {
      const value = readMoney(row[index] ?? '');
      if (isUnreadable(value)) return { problem: `${rows[0][index]}: ${value.problem}` };
      if (value !== null) amounts[year] = value;
    }
    const type = cell('type').toLowerCase();
    if (type !== '' && type !== 'saving' && type !== 'target') return { problem: `Type: “${cell('type')}” is neither Saving nor Target` };
    const recurring = cell('recurring').toLowerCase();
    if (!['', 'yes', 'no', 'y', 'n'].includes(recurring)) return { problem: `Recurring: “${cell('recurring')}” is neither Yes nor No` };
    if (cell('line') === '') return { problem: 'Line is blank' };
    return { line: cell('line'), group: cell('group'), type: type === 'target' ? 'Target' : 'Saving', recurring: recurring.startsWith('y'), amounts };
  });
  // Reports print savings as bracketed negatives: (0.405) is a saving of 0.405.
  const negatives = read.lines.filter((s) => Object.values(s.amounts).some((v) => v < 0));
  if (negatives.length > 0 && negatives.length === read.lines.filter((s) => Object.values(s.amounts).some((v) => v !== 0)).length) {
    for (const s of read.lines) for (const y of Object.keys(s.amounts)) s.amounts[Number(y)] = -s.amounts[Number(y)];
    read.notes.push(`${file}: every amount was negative, as reports print savings; they are read as savings (positive).`);
  }
  return read;
}
