// What each sheet's grid shows, and how a typed value becomes a line. A value
// that cannot be read is refused with the reason, on the cell: never fixed
// silently. Money, months and years are read as the importer reads them.
import { isUnreadable, LIMITS, readMoney, readMonth, readNumber } from '../io/values';
import { BOUNDS } from '../model/schema';
import { gradeKey, ownCost } from '../model/costing';
import { formatFinancialYear, formatMonth, parseFinancialYear } from '../model/periods';
import { periodMismatch, type Cost, type Grade, type Post, type Saving, type Workbook } from '../model/workbook';

export type LineSheetName = 'Grades' | 'Posts' | 'Costs' | 'Savings';
export type SheetName = LineSheetName | 'Assumptions' | 'Scenarios' | 'Ranges';
export const SHEETS: SheetName[] = ['Grades', 'Posts', 'Costs', 'Savings', 'Assumptions', 'Scenarios', 'Ranges'];

/** What a grid's column head says, and whether it holds numbers (drawn right-aligned). */
export interface ColumnHead {
  /** The column's name in code: `posts.column('fte')`. */
  key: string;
  label: string;
  align?: 'num';
}

export const ASSUMPTION_COLUMNS: ColumnHead[] = [
  { key: 'name', label: 'Name' },
  { key: 'value', label: 'Value', align: 'num' },
  { key: 'unit', label: 'Unit' },
  { key: 'note', label: 'Note' },
];

/** The Ranges sheet: as its CSV (io/ranges-sheet.ts). */
export const RANGE_COLUMNS: ColumnHead[] = [
  { key: 'assumption', label: 'Assumption' },
  { key: 'low', label: 'Low', align: 'num' },
  { key: 'high', label: 'High', align: 'num' },
];

/** What a cell's note may need beyond its line: the grades posts match, the horizon's years. */
export interface CellContext {
  grades: Set<string>;
  years: number[];
}

/** A column the user edits: how a line shows it, and how typed text changes the line. */
export interface Column<T> extends ColumnHead {
  show: (line: T) => string;
  /** The changed line, or the reason the text cannot be used. */
  read: (line: T, text: string, workbook: Workbook) => T | string;
  /** The numeric field a formula may stand in for (`fte`). */
  formula?: string;
  /** Why the cell needs a look whatever it holds (an unknown grade), or null. */
  problem?: (line: T, context: CellContext) => string | null;
  /** What a formula shows that the engine has not worked out (a year outside the horizon); else its line's value. */
  notWorkedOut?: string;
}

const money = (v: number | null) => (v === null ? '' : String(v));
const num = (v: number | null) => (v === null ? '' : String(v));

/**
 * What a typed figure is held to: the importer's bounds (io/values LIMITS),
 * which lie inside what the store keeps (model/schema BOUNDS), so nothing
 * typed can make a workbook that will not open again.
 */
function outside(label: string, v: number | null, min: number, max: number): string | null {
  return v !== null && (v < min || v > max) ? `${label} must be from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}` : null;
}

function text<T>(label: string, key: keyof T & string, required = false): Column<T> {
  return {
    key,
    label,
    show: (l) => String(l[key] ?? ''),
    read: (l, t) =>
      required && t.trim() === ''
        ? `${label} cannot be blank`
        : t.length > BOUNDS.text
          ? `${label} is longer than ${BOUNDS.text.toLocaleString('en-GB')} characters`
          : { ...l, [key]: t.trim() },
  };
}

function moneyColumn<T>(label: string, key: keyof T & string, required = false, formula?: string): Column<T> {
  return {
    key,
    label,
    align: 'num',
    formula,
    show: (l) => money(l[key] as number | null),
    read: (l, t) => {
      const v = readMoney(t);
      if (isUnreadable(v)) return v.problem;
      if (v === null && required) return `${label} cannot be blank`;
      return { ...l, [key]: v };
    },
  };
}

function monthColumn(label: string, key: 'start' | 'end'): Column<Post> {
  return {
    key,
    label,
    show: (p) => (p[key] === null ? '' : formatMonth(p[key]!)),
    read: (p, t) => {
      const v = readMonth(t);
      if (isUnreadable(v)) return v.problem;
      const next = { ...p, [key]: v };
      if (next.start !== null && next.end !== null && next.months === null && next.end < next.start) return `${p.title || 'This post'} would end before it starts`;
      return next;
    },
  };
}

export const GRADE_COLUMNS: Column<Grade>[] = [text('Grade', 'grade', true), moneyColumn('Annual cost', 'annualCost', true, 'annualCost')];

export const POST_COLUMNS: Column<Post>[] = [
  text('Title', 'title', true),
  {
    key: 'grade',
    label: 'Grade',
    show: (p) => p.grade,
    problem: (p, { grades }) => gradeProblem(p, grades),
    // A post with its own pay needs no grade.
    read: (p, t) => (t.trim() === '' && ownCost(p) === null ? 'Grade cannot be blank unless the post has its own Annual cost' : { ...p, grade: t.trim() }),
  },
  {
    key: 'fte',
    label: 'FTE',
    align: 'num',
    formula: 'fte',
    show: (p) => String(Number(p.fte.toPrecision(12))),
    read: (p, t) => {
      const v = readNumber(t);
      if (isUnreadable(v)) return `FTE: ${v.problem}`;
      if (v === null) return 'FTE cannot be blank';
      return outside('FTE', v, -LIMITS.fte, LIMITS.fte) ?? { ...p, fte: v };
    },
  },
  text('Team', 'team'),
  text('Group', 'group'),
  monthColumn('Start', 'start'),
  monthColumn('End', 'end'),
  {
    key: 'months',
    label: 'Months',
    align: 'num',
    problem: (p) => periodMismatch(p),
    show: (p) => num(p.months),
    read: (p, t) => {
      const v = readNumber(t);
      if (isUnreadable(v)) return `Months: ${v.problem}`;
      if (v !== null && (!Number.isInteger(v) || v < 1)) return 'Months must be a whole number of months';
      return outside('Months', v, 1, LIMITS.months) ?? { ...p, months: v };
    },
  },
  text('Funding', 'funding'),
  {
    // The post's own pay of 1 FTE, as establishment lists give it: it wins over its grade's; blank is the grade's.
    key: 'annualCost',
    label: 'Annual cost',
    align: 'num',
    formula: 'annualCost',
    show: (p) => money(p.annualCost ?? null),
    read: (p, t) => {
      const v = readMoney(t);
      if (isUnreadable(v)) return v.problem;
      if (v !== null) return { ...p, annualCost: v };
      if (p.grade.trim() === '') return `Annual cost cannot be blank: ${p.title || 'this post'} has no grade to cost it`;
      const { annualCost: _blank, ...graded } = p;
      return graded;
    },
  },
];

export const COST_COLUMNS: Column<Cost>[] = [
  text('Description', 'description', true),
  text('Group', 'group'),
  {
    key: 'year',
    label: 'Year',
    show: (c) => (c.year === null ? '' : formatFinancialYear(c.year)),
    problem: (c, { years }) =>
      c.year != null && years.length && !years.includes(c.year)
        ? `${formatFinancialYear(c.year)} is outside the horizon (${formatFinancialYear(years[0])} to ${formatFinancialYear(years[years.length - 1])}): this cost is not counted`
        : null,
    read: (c, t) => {
      if (t.trim() === '') return { ...c, year: null };
      const y = parseFinancialYear(t);
      if (y === null) return `“${t.trim()}” is not a financial year such as 2021/22`;
      return y < LIMITS.firstYear || y > LIMITS.lastYear ? `The year must be from ${formatFinancialYear(LIMITS.firstYear)} to ${formatFinancialYear(LIMITS.lastYear)}` : { ...c, year: y };
    },
  },
  moneyColumn('Amount', 'amount', false, 'amount'),
  {
    key: 'quantity',
    label: 'Quantity',
    align: 'num',
    formula: 'quantity',
    show: (c) => num(c.quantity),
    read: (c, t) => {
      const v = readNumber(t);
      return isUnreadable(v) ? `Quantity: ${v.problem}` : (outside('Quantity', v, -LIMITS.quantity, LIMITS.quantity) ?? { ...c, quantity: v });
    },
  },
  moneyColumn('Unit cost', 'unitCost', false, 'unitCost'),
  text('Funding', 'funding'),
];

/** Savings: the fixed columns, then one per financial year any saving or the horizon names. */
export function savingColumns(years: number[]): Column<Saving>[] {
  return [
    text('Line', 'line', true),
    text('Group', 'group'),
    {
      key: 'type',
      label: 'Type',
      show: (s) => s.type,
      read: (s, t) => {
        const v = t.trim().toLowerCase();
        return v === 'saving' ? { ...s, type: 'Saving' } : v === 'target' ? { ...s, type: 'Target' } : 'Type is Saving or Target';
      },
    },
    {
      key: 'recurring',
      label: 'Recurring',
      show: (s) => (s.recurring ? 'Yes' : 'No'),
      read: (s, t) => {
        const v = t.trim().toLowerCase();
        return ['yes', 'y'].includes(v) ? { ...s, recurring: true } : ['no', 'n', ''].includes(v) ? { ...s, recurring: false } : 'Recurring is Yes or No';
      },
    },
    ...years.map(
      (year): Column<Saving> => ({
        key: `y${year}`,
        label: formatFinancialYear(year),
        align: 'num',
        formula: `y${year}`,
        notWorkedOut: '(not worked out)',
        show: (s) => money(s.amounts[year] ?? null),
        read: (s, t) => {
          const v = readMoney(t);
          if (isUnreadable(v)) return v.problem;
          const amounts = { ...s.amounts };
          if (v === null) delete amounts[year];
          else amounts[year] = v;
          return { ...s, amounts };
        },
      }),
    ),
  ];
}

/** Why a post's grade needs a look: one not in Grades costs nothing, unless the post has its own pay. */
function gradeProblem(post: Post, grades: Set<string>): string | null {
  if (ownCost(post) !== null || grades.has(gradeKey(post.grade))) return null;
  return `Grade ${post.grade} is not in the Grades sheet: the post costs nothing until it is`;
}

/**
 * A sheet of lines: where its lines live in the workbook and what a new one
 * holds (blank where blank is allowed, for the user to fill in).
 */
export interface LineKind<T> {
  name: LineSheetName;
  key: 'grades' | 'posts' | 'costs' | 'savings';
  lines: (workbook: Workbook) => T[];
  withLines: (workbook: Workbook, lines: T[]) => Workbook;
  blank: (workbook: Workbook) => T;
}

export const GRADES: LineKind<Grade> = {
  name: 'Grades',
  key: 'grades',
  lines: (wb) => wb.grades,
  withLines: (wb, grades) => ({ ...wb, grades }),
  blank: (wb) => ({ grade: `Grade ${wb.grades.length + 1}`, annualCost: 0 }),
};

export const POSTS: LineKind<Post> = {
  name: 'Posts',
  key: 'posts',
  lines: (wb) => wb.posts,
  withLines: (wb, posts) => ({ ...wb, posts }),
  blank: (wb) => ({ title: 'New post', grade: wb.grades[0]?.grade ?? 'Grade 1', fte: 1, team: '', group: '', start: null, end: null, months: null, funding: '' }),
};

export const COSTS: LineKind<Cost> = {
  name: 'Costs',
  key: 'costs',
  lines: (wb) => wb.costs,
  withLines: (wb, costs) => ({ ...wb, costs }),
  blank: () => ({ description: 'New cost', group: '', year: null, amount: 0, quantity: null, unitCost: null, funding: '' }),
};

export const SAVINGS: LineKind<Saving> = {
  name: 'Savings',
  key: 'savings',
  lines: (wb) => wb.savings,
  withLines: (wb, savings) => ({ ...wb, savings }),
  blank: () => ({ line: 'New saving', group: '', type: 'Saving', recurring: false, amounts: {} }),
};
