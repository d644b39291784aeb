// A table's lines as workbook lines. A row that cannot be read becomes a
// problem naming the file, the row and the reason; it is never dropped
// silently. Totals a report printed are kept to reconcile against.
import { formatMoney } from '../model/money';
import { financialYearOf, parseFinancialYear, type FinancialYear } from '../model/periods';
import type { Cost, Grade, Post, ReportedTotal, Saving, SavingType } from '../model/workbook';
import { inYears, isRangesHeader, yearColumns, YEARS_HELD, type ColumnMap, type Field, type SheetKind } from './headers';
import { readPeriod } from './period';
import { classifyRow, columnUnit, firstLabelColumn, GRADE_IN_TITLE, rowsOf, type Table } from './table';
import { boundedMoney, isMissingText, isUnreadable, LIMITS, pointOf, readMoney, readMonth, readNumber, readPayRange, splitFootnote, unreadable, type PayPoint, type Unreadable } from './values';

export interface RowProblem {
  file: string;
  /** 1-based record number in the file, counting the header, as a spreadsheet shows it. */
  row: number;
  reason: string;
}

/** A printed total, with its lines' places in the sheet this file reads (offset on import). */
export type PendingTotal = ReportedTotal;

export interface SheetRead {
  grades: Grade[];
  posts: Post[];
  costs: Cost[];
  savings: Saving[];
  /** Record number of each post (the only lines later checks name by row). */
  postRows: number[];
  /** What each post's own row says it costs, beside postRows; import.ts decides which cost it gets. */
  postPay: PostPay[];
  problems: RowProblem[];
  notes: string[];
  totals: PendingTotal[];
  /** Rows that became one or more lines (a row with a problem is not one of them). */
  imported: number;
  /** Rows read as what they are, not as lines: group headings, totals, footnotes. */
  recognised: number;
}

const emptyRead = (): SheetRead => ({ grades: [], posts: [], costs: [], savings: [], postRows: [], postPay: [], problems: [], notes: [], totals: [], imported: 0, recognised: 0 });

/**
 * A post's pay as its own row states it: its own pay (with on-costs), and
 * the chosen point of its own pay range. Which one it is costed at depends
 * on the Grades sheet, so import.ts decides (own pay, grade, range).
 */
export interface PostPay {
  own: number | null;
  range: number | null;
  /** Why the row's pay range could not be read, should the post need it. */
  rangeProblem: string | null;
  /** Whether its file has columns of pay at all (else a grade is the only way to cost it). */
  payColumns: boolean;
}

const NO_PAY: PostPay = { own: null, range: null, rangeProblem: null, payColumns: false };

interface Cells {
  /** The trimmed text of a field's column ('' if the field has no column). */
  text(field: Field): string;
  money(field: Field): number | null | Unreadable;
  number(field: Field): number | null | Unreadable;
}

const LABELS = new Set<Field>(['title', 'description', 'line']);

function cellsOf(table: Table, map: ColumnMap, cells: string[]): Cells {
  // `NA`, `N/A`, `Not disclosed` mean nothing, except as a line's own label.
  const text = (field: Field) => {
    if (map[field] === undefined) return '';
    const raw = cells[map[field]!] ?? '';
    return isMissingText(raw) && !LABELS.has(field) ? '' : unescapeText(raw);
  };
  return {
    text,
    money: (field) => {
      const value = readMoney(splitFootnote(text(field)).text, table.decimalComma);
      return typeof value === 'number' ? boundedMoney(value * columnUnit(table, map[field]!), text(field)) : value;
    },
    number: (field) => readNumber(splitFootnote(text(field)).text, table.decimalComma),
  };
}

/**
 * A cell's text, trimmed. Line breaks inside a quoted cell stay as typed. The
 * apostrophe our exports put before `=`, `+`, `-`, `@` (so Excel shows text)
 * comes off again, so export then import gives back what was written.
 */
export function unescapeText(raw: string): string {
  const text = raw.trim();
  return /^'['=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? text.slice(1) : text;
}

/** `Do nothing` (or `cost of inaction`) in a Scenario column: a line of doing nothing's, not the proposal's. */
const isDoNothing = (text: string) => /^(?:do\s*nothing|cost\s+of\s+inaction|inaction|baseline|business\s+as\s+usual|bau|yes)$/i.test(text.trim());

const labelled = (field: string, value: Unreadable): Unreadable => unreadable(`${field}: ${value.problem}`);

/** Money in a column, scaled by that column's unit, within the bound on one line. */
function scaledMoney(raw: string, table: Table, column: number): number | null | Unreadable {
  const value = readMoney(raw, table.decimalComma);
  return typeof value === 'number' ? boundedMoney(value * columnUnit(table, column), raw) : value;
}

function bounded(value: number | null | Unreadable, raw: string, limit: number, why: string): number | null | Unreadable {
  return typeof value === 'number' && Math.abs(value) > limit ? unreadable(`${raw} is ${why}`) : value;
}

const boundedFte = (value: number | null | Unreadable, raw: string) =>
  bounded(value, raw, LIMITS.fte, `more than ${LIMITS.fte.toLocaleString('en-GB')} FTE on one line (is it a cost in the FTE column?)`);

function append<T>(to: T[], from: T[]): void {
  for (const item of from) to.push(item);
}

/** `Funded from Transforming Care Partnership` where a cost would be. */
const FUNDED_FROM = /^(?:funded|paid|met)\s+(?:from|by|through)\s+(?:the\s+)?(.+?)\.?$/i;
/** `£1,600 per new starter`: a unit cost. */
const PER = /^(.*?)\s*(?:per|each|\/)\s+.+$/i;

/**
 * Footnote marks on a row: on a number (`1*` can only be 1 with a footnote),
 * or on text where the table defines the mark (`Manager*` may just be a name).
 */
function marksOf(cell: Cells, numbers: Field[], texts: Field[], defined: Map<string, string>): string[] {
  return [
    ...numbers.map((f) => splitFootnote(cell.text(f)).mark),
    ...texts.map((f) => splitFootnote(cell.text(f)).mark).filter((m) => defined.has(m)),
  ].filter(Boolean);
}

/**
 * Which lines a printed total sums: those since the previous total, or all
 * the table's lines, whichever the printed figures say (a `Total` under
 * subtotals sums everything; one under a group sums the group).
 */
function spanOf(label: string, since: number, count: number, sumOf: (from: number) => number, published: number): number[] {
  const range = (from: number) => Array.from({ length: count - from }, (_, i) => from + i);
  if (since === 0) return range(0);
  if (/sub/i.test(label)) return range(since);
  return Math.abs(sumOf(0) - published) <= Math.abs(sumOf(since) - published) ? range(0) : range(since);
}

/** A printed total, kept to reconcile against the lines it sums. */
function printed(table: Table, row: number, label: string, published: number, lines: Partial<Pick<ReportedTotal, 'posts' | 'costs' | 'savings'>>, year: number | null = null): ReportedTotal {
  return { label: label || 'Total', file: table.file, row, year, published, posts: [], costs: [], savings: [], ...lines };
}

/**
 * A total printed in a column of its own (`3 year total`), scaled by its
 * unit; null if the cell holds no amount. Reports print savings in brackets,
 * so `(0.405)` is a saving of 0.405; a minus sign stays a minus.
 */
function printedInColumn(table: Table, cells: string[], column: number): number | null {
  const published = readMoney(cells[column] ?? '', table.decimalComma);
  if (typeof published !== 'number') return null;
  return Math.abs(published) * columnUnit(table, column) * (published < 0 && !/^\s*\(/.test(cells[column]) ? -1 : 1);
}

/**
 * A line's group. Printed tables leave a group's later cells blank (merged
 * cells) when the group is their first column, so there it carries down;
 * elsewhere a blank group is a blank group. With no group column, a line is
 * in the group of the heading above it.
 */
function groupOf(cell: Cells, map: ColumnMap, above: string): string {
  if (map.group === undefined) return above;
  return cell.text('group') || (map.group === 0 ? above : '');
}

/** What a post's or a cost's row may add: its note, and whether it is doing nothing's line. */
function withNoteAndScenario<T extends Pick<Post, 'note' | 'doNothing'>>(line: T, cell: Cells): T {
  if (cell.text('note')) line.note = cell.text('note');
  if (isDoNothing(cell.text('scenario'))) line.doNothing = true;
  return line;
}

export function readGrades(table: Table, map: ColumnMap): SheetRead {
  const out = emptyRead();
  for (const { cells, row } of rowsOf(table)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = cellsOf(table, map, cells);
    const grade = cell.text('grade');
    const annualCost = cell.money('annualCost');
    if (grade === '') out.problems.push({ file: table.file, row, reason: 'Grade is blank' });
    else if (isUnreadable(annualCost)) out.problems.push({ file: table.file, row, reason: `Annual cost: ${annualCost.problem}` });
    else if (annualCost === null) out.problems.push({ file: table.file, row, reason: `Annual cost of “${grade}” is blank` });
    else {
      out.grades.push({ grade, annualCost });
      out.imported++;
    }
  }
  return out;
}

/** A period from Start/End/Months columns, or from one Period column. */
function periodOf(cell: Cells): Pick<Post, 'start' | 'end' | 'months'> | Unreadable {
  const period = cell.text('period') ? readPeriod(cell.text('period')) : { start: null, end: null, months: null };
  if (isUnreadable(period)) return labelled('Period', period);
  const start = cell.text('start') ? readMonth(cell.text('start')) : period.start;
  const end = cell.text('end') ? readMonth(cell.text('end')) : period.end;
  const months = cell.text('months') ? readNumber(cell.text('months')) : period.months;
  if (isUnreadable(start)) return labelled('Start', start);
  if (isUnreadable(end)) return labelled('End', end);
  if (isUnreadable(months)) return labelled('Months', months);
  if (months !== null && (!Number.isInteger(months) || months < 1)) return unreadable(`Months: “${cell.text('months')}” is not a whole number of months`);
  if (months !== null && months > LIMITS.months) return unreadable(`Months: “${cell.text('months')}” is more than a post is costed over (at most ${LIMITS.months} months)`);
  return { start, end, months };
}

/** Paid to the person, not a recurring cost of the post: listed in the preview, never costed. */
const NOT_RECURRING: [Field, string][] = [['expenses', 'expense allowances'], ['bonus', 'bonuses'], ['benefits', 'benefits in kind'], ['lossOfOffice', 'compensation for loss of office']];

/** How many left-out payments the preview lists by row; the rest are counted. */
const LEFT_OUT_SHOWN = 20;

/**
 * A post's own pay: its pay plus the on-costs in their own columns
 * (`PensionContribution`, `Employer's NI`); null when it states none.
 */
function ownPay(cell: Cells): number | null | Unreadable {
  const pay = cell.money('pay');
  if (pay === null || isUnreadable(pay)) return isUnreadable(pay) ? labelled('Own pay', pay) : null;
  let total = pay;
  for (const [field, label] of [['pension', 'Employer’s pension'], ['employerNi', 'Employer’s NI']] as const) {
    const onCost = cell.money(field);
    if (isUnreadable(onCost)) return labelled(label, onCost);
    total += onCost ?? 0;
  }
  return Math.round(total * 100) / 100;
}

/** The row's own pay range at the chosen point: two columns, or one cell. */
function rangeOf(cell: Cells, table: Table, map: ColumnMap, point: PayPoint): { value: number | null; problem: string | null } {
  if (map.payMin !== undefined || map.payMax !== undefined) {
    const bottom = cell.money('payMin');
    const top = cell.money('payMax');
    if (isUnreadable(bottom) || isUnreadable(top)) return { value: null, problem: (isUnreadable(bottom) ? bottom : (top as Unreadable)).problem };
    if (bottom === null && top === null) return { value: null, problem: null };
    // One end given: the range is that one figure.
    const range = { bottom: bottom ?? top!, top: top ?? bottom! };
    if (range.bottom > range.top) return { value: null, problem: `its pay range ${formatMoney(range.bottom)} to ${formatMoney(range.top)} runs backwards` };
    return { value: pointOf(range, point), problem: null };
  }
  const range = readPayRange(cell.text('payRange'));
  if (isUnreadable(range)) return { value: null, problem: range.problem };
  if (range === null) return { value: null, problem: null };
  const value = boundedMoney(pointOf(range, point) * columnUnit(table, map.payRange!), cell.text('payRange'));
  return isUnreadable(value) ? { value: null, problem: value.problem } : { value, problem: null };
}

export function readPosts(table: Table, map: ColumnMap, point: PayPoint = 'top'): SheetRead {
  const out = emptyRead();
  const labelColumns = [map.group, map.title, firstLabelColumn(table)].filter((c): c is number => c !== undefined);
  const leftOut: string[] = [];
  let leftOutRows = 0;
  const payColumns = (['pay', 'payMin', 'payMax', 'payRange'] as const).some((f) => map[f] !== undefined);
  // Footnote lines (`* funded from reserves`) define the marks a title may carry.
  const footnotes = new Map<string, string>();
  for (const { cells } of table.rows) {
    const shape = classifyRow(cells, labelColumns);
    if (shape.kind === 'footnote') footnotes.set(shape.mark, shape.text);
  }
  const marked: { line: Post | Cost; marks: string[] }[] = [];
  let group = '';
  let sinceTotal = { posts: 0, costs: 0 };

  for (const { cells, row } of rowsOf(table)) {
    let shape = classifyRow(cells, labelColumns);
    if (shape.kind === 'total' && map.grade !== undefined && (cells[map.grade] ?? '').trim() !== '') shape = { kind: 'line' };
    if (shape.kind === 'blank') continue;
    if (shape.kind !== 'line') out.recognised++;
    if (shape.kind === 'heading') {
      group = shape.text;
      continue;
    }
    if (shape.kind === 'footnote') continue;
    const cell = cellsOf(table, map, cells);
    if (shape.kind === 'total') {
      const published = cell.money('publishedCost');
      if (typeof published === 'number') {
        const posts = spanOf(shape.label, sinceTotal.posts, out.posts.length, (from) => out.posts.slice(from).reduce((s, p) => s + (p.publishedCost ?? 0), 0), published);
        const costs = spanOf(shape.label, sinceTotal.costs, out.costs.length, (from) => out.costs.slice(from).reduce((s, c) => s + (c.amount ?? 0), 0), published);
        out.totals.push(printed(table, row, shape.label, published, { posts, costs }));
      } else out.notes.push(`${table.file} row ${row}: “${shape.label}” read as a total, but it has no amount to check.`);
      sinceTotal = { posts: out.posts.length, costs: out.costs.length };
      continue;
    }

    group = groupOf(cell, map, group);
    const split = splitFootnote(cell.text('title'));
    const rawTitle = footnotes.has(split.mark) ? split : { text: cell.text('title'), mark: '' };
    let title = rawTitle.text;
    let grade = cell.text('grade');
    const inTitle = GRADE_IN_TITLE.exec(title);
    if (inTitle && (grade === '' || map.grade === undefined)) {
      title = inTitle[1];
      grade = inTitle[2];
    }
    const marks = [...new Set(marksOf(cell, ['fte', 'publishedCost', 'postAnnualCost', 'months'], ['title', 'grade', 'team', 'group', 'period', 'funding'], footnotes))];
    const costText = cell.text('publishedCost');
    const funded = FUNDED_FROM.exec(costText);
    const per = funded ? null : PER.exec(costText);
    // An establishment list with no FTE column has one post per row.
    const fte = map.fte === undefined ? 1 : boundedFte(cell.number('fte'), cell.text('fte'));
    const published = funded || per ? null : cell.money('publishedCost');
    const postAnnual = cell.money('postAnnualCost');
    const problem = [fte, published, postAnnual].find(isUnreadable);
    if (problem) {
      const field = problem === fte ? 'FTE' : problem === published ? 'Total cost' : 'Full year cost';
      out.problems.push({ file: table.file, row, reason: `${field}: ${problem.problem}` });
      continue;
    }
    const funding = funded ? funded[1] : cell.text('funding');

    // `£1,600 per new starter` where the grade would be, the starters in FTE:
    // a non-staff cost of count x unit price, in its year, not a post.
    const gradePer = PER.exec(grade);
    const gradeUnit = gradePer && /\d/.test(gradePer[1]) ? readMoney(gradePer[1], table.decimalComma) : null;
    if (typeof gradeUnit === 'number' && map.grade !== undefined) {
      const quantity = (fte as number | null) ?? 1;
      const when = periodOf(cell);
      const year = !isUnreadable(when) && when.start !== null ? financialYearOf(when.start) : null;
      const unitCost = gradeUnit * columnUnit(table, map.grade);
      const cost = withNoteAndScenario<Cost>({ description: title, group, year, amount: null, quantity, unitCost, funding }, cell);
      if (typeof published === 'number' && Math.abs(published - quantity * unitCost) >= 0.5) {
        out.notes.push(`${table.file} row ${row}: ${title} is read as ${quantity.toLocaleString('en-GB')} x ${formatMoney(unitCost)} = ${formatMoney(quantity * unitCost)}, but the table prints ${formatMoney(published)}.`);
      }
      out.costs.push(cost);
      out.imported++;
      if (marks.length) marked.push({ line: cost, marks });
      continue;
    }

    // A row with an amount but no grade is a non-staff cost.
    if (grade === '' && (published !== null || per)) {
      const unit = per ? scaledMoney(per[1], table, map.publishedCost!) : null;
      if (isUnreadable(unit)) {
        out.problems.push({ file: table.file, row, reason: `Total cost: ${unit.problem}` });
        continue;
      }
      const cost = withNoteAndScenario<Cost>(
        per
          ? { description: title, group, year: null, amount: null, quantity: (fte as number | null) ?? 1, unitCost: unit as number, funding }
          : { description: title, group, year: null, amount: published as number, quantity: null, unitCost: null, funding },
        cell,
      );
      out.costs.push(cost);
      out.imported++;
      if (marks.length) marked.push({ line: cost, marks });
      continue;
    }
    if (title === '') {
      out.problems.push({ file: table.file, row, reason: 'Title is blank' });
      continue;
    }
    const own = ownPay(cell);
    if (isUnreadable(own)) {
      out.problems.push({ file: table.file, row, reason: own.problem });
      continue;
    }
    const range = rangeOf(cell, table, map, point);
    // A post with its own pay or its own pay range needs no grade.
    if (grade === '' && own === null && range.value === null) {
      const reason = range.problem ? `${title} cannot be costed: ${range.problem}, it has no pay of its own and no grade` : `“${title}” has no grade, and no amount that would make it a non-staff cost`;
      out.problems.push({ file: table.file, row, reason });
      continue;
    }
    if (fte === null) {
      out.problems.push({ file: table.file, row, reason: `“${title}” has no FTE` });
      continue;
    }
    const period = periodOf(cell);
    if (isUnreadable(period)) {
      out.problems.push({ file: table.file, row, reason: period.problem });
      continue;
    }
    if (period.start !== null && period.end !== null && period.months === null && period.end < period.start) {
      out.problems.push({ file: table.file, row, reason: `“${title}” ends before it starts` });
      continue;
    }
    const post = withNoteAndScenario<Post>({ title, grade, fte: fte as number, team: cell.text('team'), group, ...period, funding }, cell);
    if (published !== null) post.publishedCost = published as number;
    if (postAnnual !== null) post.publishedAnnualCost = postAnnual as number;
    out.posts.push(post);
    out.postRows.push(row);
    out.postPay.push(payColumns ? { own, range: range.value, rangeProblem: range.problem, payColumns } : NO_PAY);
    out.imported++;
    const left = NOT_RECURRING.flatMap(([field, label]) => {
      if (cell.text(field) === '') return [];
      const paid = cell.money(field);
      if (isUnreadable(paid)) return [`${label} “${cell.text(field)}”`];
      return paid ? [`${label} ${formatMoney(paid)}`] : [];
    });
    if (left.length && leftOutRows++ < LEFT_OUT_SHOWN) leftOut.push(`row ${row}, ${title}: ${left.join('; ')}.`);
    if (marks.length) marked.push({ line: post, marks });
  }

  for (const { line, marks } of marked) {
    const text = marks.map((m) => (footnotes.has(m) ? `${m} ${footnotes.get(m)}` : `footnote ${m}`)).join('; ');
    line.note = line.note ? `${line.note}; ${text}` : text;
  }
  if (map.fte === undefined && out.posts.length) out.notes.push(`${table.file} has no FTE column: each row is one post, 1 FTE.`);
  if (leftOut.length) {
    const more = leftOutRows - leftOut.length;
    out.notes.push(`${table.file}: not a recurring cost of a post, so left out of its cost: ${leftOut.join(' ')}${more ? ` And ${more.toLocaleString('en-GB')} more rows.` : ''}`);
  }
  return out;
}

export function readCosts(table: Table, map: ColumnMap): SheetRead {
  const out = emptyRead();
  const years = yearColumns(table.header);
  const labelColumns = [map.description, map.group, firstLabelColumn(table)].filter((c): c is number => c !== undefined);
  let group = '';
  let since = 0;
  for (const { cells, row } of rowsOf(table)) {
    const shape = classifyRow(cells, labelColumns);
    if (shape.kind === 'blank') continue;
    if (shape.kind !== 'line') out.recognised++;
    if (shape.kind === 'heading') {
      group = shape.text;
      continue;
    }
    const cell = cellsOf(table, map, cells);
    if (shape.kind === 'total' || shape.kind === 'footnote') {
      const published = cell.money('amount');
      if (shape.kind === 'total' && typeof published === 'number') {
        const costs = spanOf(shape.label, since, out.costs.length, (from) => out.costs.slice(from).reduce((s, c) => s + (c.amount ?? 0) + (c.quantity ?? 0) * (c.unitCost ?? 0), 0), published);
        out.totals.push(printed(table, row, shape.label, published, { costs }));
      }
      if (shape.kind === 'total') since = out.costs.length;
      continue;
    }
    group = groupOf(cell, map, group);
    const description = cell.text('description');
    const amountText = cell.text('amount');
    const funded = FUNDED_FROM.exec(amountText);
    const per = funded ? null : PER.exec(amountText);
    const amount = funded || per ? null : cell.money('amount');
    const quantity = bounded(cell.number('quantity'), cell.text('quantity'), LIMITS.quantity, 'more than a million of anything on one line');
    // `£1,600 per new starter` in the Amount or the Unit cost column is a unit cost.
    const unitPer = PER.exec(cell.text('unitCost'));
    const unitCost = per ? scaledMoney(per[1], table, map.amount!) : unitPer ? scaledMoney(unitPer[1], table, map.unitCost!) : cell.money('unitCost');
    const problem = [amount, quantity, unitCost].find(isUnreadable);
    if (problem) {
      const field = problem === amount ? 'Amount' : problem === quantity ? 'Quantity' : 'Unit cost';
      out.problems.push({ file: table.file, row, reason: `${field}: ${problem.problem}` });
      continue;
    }
    if (description === '') {
      out.problems.push({ file: table.file, row, reason: 'Description is blank' });
      continue;
    }
    const funding = funded ? funded[1] : cell.text('funding');
    const base = withNoteAndScenario<Omit<Cost, 'year' | 'amount'>>({ description, group, quantity: quantity as number | null, unitCost: unitCost as number | null, funding }, cell);

    if (years.length > 0) {
      // Costs laid out by year across the columns: one line per year with an
      // amount, and none of them if any year cannot be read.
      const lines: Cost[] = [];
      let bad: Unreadable | null = null;
      for (const { index, year } of years) {
        const value = scaledMoney(cells[index] ?? '', table, index);
        if (isUnreadable(value)) bad = labelled(table.header[index], value);
        else if (value) lines.push({ ...base, year, amount: value, quantity: null, unitCost: null });
        if (bad) break;
      }
      if (bad) out.problems.push({ file: table.file, row, reason: bad.problem });
      else if (lines.length === 0) out.problems.push({ file: table.file, row, reason: `“${description}” has no amount in any year` });
      else {
        append(out.costs, lines);
        out.imported++;
      }
      continue;
    }
    const yearText = cell.text('year');
    let year: FinancialYear | null = yearText === '' ? null : parseFinancialYear(yearText);
    if (yearText !== '' && year === null) {
      const m = readMonth(yearText);
      year = typeof m === 'number' ? financialYearOf(m) : null;
    }
    if (yearText !== '' && year === null) {
      out.problems.push({ file: table.file, row, reason: `Year: “${yearText}” is not a financial year such as 2021/22` });
      continue;
    }
    if (year !== null && !inYears(year)) {
      out.problems.push({ file: table.file, row, reason: `Year: “${yearText}” is outside the years the app holds (${YEARS_HELD})` });
      continue;
    }
    if (amount === null && (base.quantity === null || base.unitCost === null)) {
      out.problems.push({ file: table.file, row, reason: `“${description}” has no amount, and no quantity x unit cost` });
      continue;
    }
    out.costs.push({ ...base, year, amount: amount as number | null });
    out.imported++;
  }
  return out;
}

// A Map: a Type typed as `constructor` must not find Object's own.
const TYPES = new Map<string, SavingType>([['saving', 'Saving'], ['savings', 'Saving'], ['target', 'Target'], ['savings target', 'Target']]);

export function readSavings(table: Table, map: ColumnMap): SheetRead {
  const out = emptyRead();
  const years = yearColumns(table.header);
  const yearIndex = new Set(years.map((y) => y.index));
  // Printed savings tables head their label column with a unit or nothing.
  const lineColumn = map.line ?? table.header.findIndex((_, i) => !yearIndex.has(i) && ![map.group, map.type, map.recurring].includes(i));
  const totalColumns = table.header.map((h, i) => ({ h, i })).filter(({ h, i }) => !yearIndex.has(i) && /total/i.test(h));
  const lineMap = { ...map, line: lineColumn };
  let since = 0;
  let bracketedCells = 0;
  for (const { cells, row } of rowsOf(table)) {
    const shape = classifyRow(cells, [lineColumn]);
    if (shape.kind === 'blank') continue;
    if (shape.kind === 'heading' || shape.kind === 'footnote') {
      out.recognised++;
      continue;
    }
    const amounts: Record<FinancialYear, number> = {};
    let bad: RowProblem | null = null;
    for (const { index, year } of years) {
      const text = splitFootnote(cells[index] ?? '').text;
      const value = scaledMoney(text, table, index);
      if (isUnreadable(value)) bad ??= { file: table.file, row, reason: `${table.header[index]}: ${value.problem}` };
      else if (value !== null) {
        // Reports print savings in brackets: (0.405) is a saving of 0.405. A minus sign stays a minus.
        const bracketed = /^\(.*\)$/.test(text);
        if (bracketed) bracketedCells++;
        amounts[year] = bracketed ? Math.abs(value) : value;
      }
    }
    if (bad) {
      out.problems.push(bad);
      continue;
    }
    if (shape.kind === 'total') {
      for (const [year, published] of Object.entries(amounts)) {
        const y = Number(year);
        const savings = spanOf(shape.label, since, out.savings.length, (from) => out.savings.slice(from).reduce((s, l) => s + (l.amounts[y] ?? 0), 0), published);
        out.totals.push(printed(table, row, shape.label, published, { savings }, y));
      }
      for (const { h, i } of totalColumns) {
        const amount = printedInColumn(table, cells, i);
        if (amount === null) continue;
        const sum = (from: number) => out.savings.slice(from).reduce((s, l) => s + Object.values(l.amounts).reduce((a, b) => a + b, 0), 0);
        out.totals.push(printed(table, row, `${shape.label || 'Total'}: ${h}`, amount, { savings: spanOf(shape.label, since, out.savings.length, sum, amount) }));
      }
      since = out.savings.length;
      out.recognised++;
      continue;
    }
    const cell = cellsOf(table, lineMap, cells);
    const line = cell.text('line');
    const typeText = cell.text('type').toLowerCase();
    const type: SavingType | undefined = typeText === '' ? (/\btarget\b/i.test(line) ? 'Target' : 'Saving') : TYPES.get(typeText);
    const recurring = cell.text('recurring').toLowerCase();
    if (line === '') out.problems.push({ file: table.file, row, reason: 'Line is blank' });
    else if (!type) out.problems.push({ file: table.file, row, reason: `Type: “${cell.text('type')}” is neither Saving nor Target` });
    else if (!['', 'yes', 'no', 'y', 'n', 'true', 'false'].includes(recurring)) out.problems.push({ file: table.file, row, reason: `Recurring: “${cell.text('recurring')}” is neither Yes nor No` });
    else {
      const saving: Saving = { line, group: cell.text('group'), type, recurring: recurring.startsWith('y') || recurring === 'true', amounts };
      if (isDoNothing(cell.text('scenario'))) saving.doNothing = true;
      out.savings.push(saving);
      out.imported++;
      // A `3 year total` column is the report's own sum of the row.
      for (const { h, i } of totalColumns) {
        const amount = printedInColumn(table, cells, i);
        if (amount !== null) out.totals.push(printed(table, row, `${line}: ${h}`, amount, { savings: [out.savings.length - 1] }));
      }
    }
  }
  if (bracketedCells) out.notes.push(`${table.file}: amounts in brackets are read as savings (positive), as reports print them.`);
  return out;
}

export function readSheet(kind: Exclude<SheetKind, 'Scenarios' | 'Ranges'>, table: Table, map: ColumnMap, point: PayPoint = 'top'): SheetRead {
  if (kind === 'Grades') return readGrades(table, map);
  if (kind === 'Posts') return readPosts(table, map, point);
  if (kind === 'Costs') return readCosts(table, map);
  return readSavings(table, map);
}

export function missingColumns(kind: SheetKind, table: Table, map: ColumnMap): string[] {
  if (kind === 'Scenarios') return /^assumptions?$/i.test((table.header[0] ?? '').replace(/[^a-z]/gi, '')) ? [] : ['“Assumption” as its first header'];
  if (kind === 'Ranges') return isRangesHeader(table.header) ? [] : ['the headers “Assumption”, “Low” and “High”'];
  const need: Record<Exclude<SheetKind, 'Scenarios' | 'Ranges'>, Field[]> = { Grades: ['grade', 'annualCost'], Posts: ['title'], Costs: ['description'], Savings: [] };
  const missing: string[] = need[kind].filter((f) => map[f] === undefined).map((f) => ({ grade: 'Grade', annualCost: 'Annual cost', title: 'Title', description: 'Description' })[f as 'grade'] ?? f);
  const statesPay = (['pay', 'payMin', 'payMax', 'payRange'] as const).some((f) => map[f] !== undefined);
  if (kind === 'Posts' && map.grade === undefined && !statesPay && !table.rows.some((r) => GRADE_IN_TITLE.test(r.cells[map.title ?? -1] ?? '')) && map.publishedCost === undefined) missing.push('Grade');
  if (kind === 'Savings' && yearColumns(table.header).length === 0) missing.push('a financial year such as 2021/22');
  if (kind === 'Costs' && map.amount === undefined && map.unitCost === undefined && yearColumns(table.header).length === 0) missing.push('Amount or Unit cost');
  return missing;
}
