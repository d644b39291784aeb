// What each sheet's grid shows, and how a typed value becomes a line. A value
// that cannot be read is refused with the reason, on the cell: never fixed
// silently. Money, months and years are read as the importer reads them.
import { isUnreadable, readMoney, readMonth, readNumber } from '../io/values';
import { gradeKey, ownCost } from '../model/costing';
import { formatFinancialYear, formatMonth, parseFinancialYear } from '../model/periods';
import type { Cost, Grade, Post, Saving, Workbook } from '../model/workbook';

export type LineSheetName = 'Grades' | 'Posts' | 'Costs' | 'Savings';
export type SheetName = LineSheetName | 'Assumptions' | 'Scenarios';
export const SHEETS: SheetName[] = ['Grades', 'Posts', 'Costs', 'Savings', 'Assumptions', 'Scenarios'];
export const LINES = { Grades: 'grades', Posts: 'posts', Costs: 'costs', Savings: 'savings' } as const;
export const ASSUMPTION_COLUMNS = ['Name', 'Value', 'Unit', 'Note'];

/** A column the user edits: how a line shows it, and how typed text changes the line. */
export interface Column<T> {
  label: string;
  show: (line: T) => string;
  /** The changed line, or the reason the text cannot be used. */
  read: (line: T, text: string, workbook: Workbook) => T | string;
  align?: 'num';
  /** The numeric field a formula may stand in for (`fte`). */
  formula?: string;
}

const money = (v: number | null) => (v === null ? '' : String(v));
const num = (v: number | null) => (v === null ? '' : String(v));

function text<T>(label: string, key: keyof T & string, required = false): Column<T> {
  return {
    label,
    show: (l) => String(l[key] ?? ''),
    read: (l, t) => (required && t.trim() === '' ? `${label} cannot be blank` : { ...l, [key]: t.trim() }),
  };
}

function moneyColumn<T>(label: string, key: keyof T & string, required = false, formula?: string): Column<T> {
  return {
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
    label: 'Grade',
    show: (p) => p.grade,
    // A post with its own pay needs no grade.
    read: (p, t) => (t.trim() === '' && ownCost(p) === null ? 'Grade cannot be blank unless the post has its own Annual cost' : { ...p, grade: t.trim() }),
  },
  {
    label: 'FTE',
    align: 'num',
    formula: 'fte',
    show: (p) => String(Number(p.fte.toPrecision(12))),
    read: (p, t) => {
      const v = readNumber(t);
      if (isUnreadable(v)) return `FTE: ${v.problem}`;
      return v === null ? 'FTE cannot be blank' : { ...p, fte: v };
    },
  },
  text('Team', 'team'),
  text('Group', 'group'),
  monthColumn('Start', 'start'),
  monthColumn('End', 'end'),
  {
    label: 'Months',
    align: 'num',
    show: (p) => num(p.months),
    read: (p, t) => {
      const v = readNumber(t);
      if (isUnreadable(v)) return `Months: ${v.problem}`;
      if (v !== null && (!Number.isInteger(v) || v < 1)) return 'Months must be a whole number of months';
      return { ...p, months: v };
    },
  },
  text('Funding', 'funding'),
  {
    // The post's own pay of 1 FTE, as establishment lists give it: it wins over its grade's; blank is the grade's.
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
    label: 'Year',
    show: (c) => (c.year === null ? '' : formatFinancialYear(c.year)),
    read: (c, t) => {
      if (t.trim() === '') return { ...c, year: null };
      const y = parseFinancialYear(t);
      return y === null ? `“${t.trim()}” is not a financial year such as 2021/22` : { ...c, year: y };
    },
  },
  moneyColumn('Amount', 'amount', false, 'amount'),
  {
    label: 'Quantity',
    align: 'num',
    formula: 'quantity',
    show: (c) => num(c.quantity),
    read: (c, t) => {
      const v = readNumber(t);
      return isUnreadable(v) ? `Quantity: ${v.problem}` : { ...c, quantity: v };
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
      label: 'Type',
      show: (s) => s.type,
      read: (s, t) => {
        const v = t.trim().toLowerCase();
        return v === 'saving' ? { ...s, type: 'Saving' } : v === 'target' ? { ...s, type: 'Target' } : 'Type is Saving or Target';
      },
    },
    {
      label: 'Recurring',
      show: (s) => (s.recurring ? 'Yes' : 'No'),
      read: (s, t) => {
        const v = t.trim().toLowerCase();
        return ['yes', 'y'].includes(v) ? { ...s, recurring: true } : ['no', 'n', ''].includes(v) ? { ...s, recurring: false } : 'Recurring is Yes or No';
      },
    },
    ...years.map(
      (year): Column<Saving> => ({
        label: formatFinancialYear(year),
        align: 'num',
        formula: `y${year}`,
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
export function gradeProblem(post: Post, grades: Set<string>): string | null {
  if (ownCost(post) !== null || grades.has(gradeKey(post.grade))) return null;
  return `Grade ${post.grade} is not in the Grades sheet: the post costs nothing until it is`;
}

/** A new line, for the user to fill in: blank where blank is allowed. */
export function blankLine(sheet: LineSheetName, workbook: Workbook): Grade | Post | Cost | Saving {
  switch (sheet) {
    case 'Grades':
      return { grade: `Grade ${workbook.grades.length + 1}`, annualCost: 0 };
    case 'Posts':
      return { title: 'New post', grade: workbook.grades[0]?.grade ?? 'Grade 1', fte: 1, team: '', group: '', start: null, end: null, months: null, funding: '' };
    case 'Costs':
      return { description: 'New cost', group: '', year: null, amount: 0, quantity: null, unitCost: null, funding: '' };
    case 'Savings':
      return { line: 'New saving', group: '', type: 'Saving', recurring: false, amounts: {} };
  }
}
