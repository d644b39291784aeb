// Import CSV files (and the worksheets of Excel workbooks, read into cells by
// xlsx.ts): read every file into a preview (what each file is, how
// its columns are read, what will change, every row not imported and why),
// and only on confirmation make a new workbook from it. The open workbook is
// never touched until then.
import { gradeKey } from '../model/costing';
import { formatMoney } from '../model/money';
import { costedMonths, periodMismatch, type Grade, type Post, type ReportedTotal, type Workbook } from '../model/workbook';
import { decode, notCsvText, parseCsv } from './csv';
import { readRanges } from './ranges-sheet';
import { mergeScenarios, readScenarios } from './scenarios-sheet';
import { FIELDS, yearColumns, yearsOutOfRange, YEARS_HELD, type ColumnMap, type Field, type SheetKind } from './headers';
import { missingColumns, readSheet, type PostPay, type RowProblem, type SheetRead } from './sheets';
import { columnsFor, locateTable, MAX_COLUMNS, recogniseSheet, type Table } from './table';
import { BOUNDS } from '../model/schema';
import type { PayPoint } from './values';

export type { SheetKind } from './headers';
export type { PayPoint } from './values';

export interface FileInput {
  name: string;
  bytes: Uint8Array;
  /** A worksheet already read into cells (xlsx.ts): its rows that are not blank, and each one's row number. */
  sheet?: { rows: string[][]; rowNumbers: number[] };
}

export interface FileRead {
  name: string;
  /** null: not recognised (or not wanted) and nothing in it is imported. */
  kind: SheetKind | null;
  header: string[];
  /** 1-based record number of the header row (captions above it are skipped). */
  headerRow: number;
  /** Money scale from a caption or header: 1000 for `£000's`. */
  unit: number;
  /** How the cells were separated; '' for a worksheet, which has no separator. */
  delimiter: string;
  /** Each field read, and the header of the column it is read from. */
  columns: { field: Field; column: number | null }[];
  /** Lines read from the file and ready to import. */
  lines: number;
  /**
   * What became of each row below the header that is not blank (a record, as
   * a spreadsheet shows it): imported (as one or more lines), refused (listed
   * in the problems, each once however many reasons it has), or recognised
   * as a heading, total or footnote. They add up: read = imported + refused +
   * recognised. A file refused whole imports none of its rows, and says why.
   */
  rows: { read: number; imported: number; refused: number; recognised: number };
  /** The first rows under the header, as they are in the file. */
  sample: string[][];
  /** Where its pay ranges are costed, when it has pay ranges (the user may choose another point). */
  payPoint?: PayPoint;
  /** Why the whole file is not imported, when it is not. */
  refused?: string;
}

/** Keyed by file name: Maps, since a file may be called `constructor` or `__proto__.csv`. */
export interface ImportChoices {
  /** The sheet a file is read as; null: not imported. */
  readAs?: Map<string, SheetKind | null>;
  /** Column overrides per file: field -> column index, or null for none. */
  columns?: Map<string, Partial<Record<Field, number | null>>>;
  /** Where a file's pay ranges are costed; the top when not chosen. */
  payPoint?: Map<string, PayPoint>;
}

/**
 * Lines one sheet can hold: the engine's sheets hold 200,000 rows
 * (engine.ts, maxRows), one of them the header. A file with more is refused
 * in the preview, rather than failing at Import.
 */
export const MAX_LINES = 199_999;

export interface ImportPreview {
  files: FileRead[];
  problems: RowProblem[];
  notes: string[];
  /** The sheets the import replaces, read from the files. */
  sheets: Partial<Pick<Workbook, 'grades' | 'posts' | 'costs' | 'savings' | 'reported' | 'scenarios' | 'ranges'>>;
}

const KEY = { Grades: 'grades', Posts: 'posts', Costs: 'costs', Savings: 'savings' } as const;

/**
 * Each file becomes one sheet of the workbook; files of the same kind are
 * joined in the order given. A posts table may also bring non-staff costs
 * (rows with an amount but no grade).
 */
/** How far an import has got: file k of n, and rows read of that file. */
export interface ImportProgress {
  file: string;
  fileIndex: number;
  files: number;
  rows: number;
  totalRows: number;
}

export function previewImport(files: FileInput[], open: Workbook, choices: ImportChoices = {}, onProgress?: (p: ImportProgress) => void): ImportPreview {
  const preview: ImportPreview = { files: [], problems: [], notes: [], sheets: {} };
  const all: { grades: Grade[]; posts: Post[]; costs: Workbook['costs']; savings: Workbook['savings'] } = { grades: [], posts: [], costs: [], savings: [] };
  const postRows: { file: string; row: number }[] = [];
  const postPay: PostPay[] = [];
  const totals: ReportedTotal[] = [];
  const brought = new Set<keyof typeof all>();

  const accounts: { read: FileRead; kind: keyof typeof all; lines: number }[] = [];

  for (const [fileIndex, file] of files.entries()) {
    onProgress?.({ file: file.name, fileIndex, files: files.length, rows: 0, totalRows: 0 });
    const notText = file.sheet ? null : notCsvText(file.name, file.bytes);
    const parsed = notText ? null : file.sheet ? { ...file.sheet, delimiter: '', decimalComma: false, strayQuotes: [] } : parseCsv(decode(file.bytes));
    const table = locateTable(file.name, parsed?.rows ?? [], parsed?.decimalComma, parsed?.rowNumbers);
    if (onProgress) table.onProgress = (rows, totalRows) => onProgress({ file: file.name, fileIndex, files: files.length, rows, totalRows });
    const readAs = choices.readAs ?? new Map<string, SheetKind | null>();
    const kind = !parsed || parsed.rows.length === 0 ? null : readAs.has(file.name) ? readAs.get(file.name)! : recogniseSheet(table);
    const overrides = choices.columns?.get(file.name) ?? {};
    const map: ColumnMap = kind ? columnsFor(table, kind) : {};
    for (const [field, column] of Object.entries(overrides)) {
      if (column === null) delete map[field as Field];
      else map[field as Field] = column;
    }
    const read: FileRead = {
      name: file.name,
      kind,
      header: table.header,
      headerRow: table.headerRow,
      unit: table.unit,
      delimiter: parsed?.delimiter ?? ',',
      columns: kind ? FIELDS[kind].map((field) => ({ field, column: map[field] ?? null })) : [],
      lines: 0,
      rows: { read: table.rows.length, imported: 0, refused: 0, recognised: 0 },
      sample: table.rows.slice(0, 5).map((r) => r.cells),
    };
    preview.files.push(read);
    if (notText) {
      read.refused = notText;
      continue;
    }
    if (!parsed || parsed.rows.length === 0) {
      read.refused = 'The file is empty.';
      continue;
    }
    if (kind === null) {
      read.refused = readAs.has(file.name) ? 'You chose not to import it.' : `Its headers (${listed(table.header.filter(Boolean))}) are not those of Grades, Posts, Costs or Savings.`;
      continue;
    }
    const missing = missingColumns(kind, table, map);
    if (missing.length) {
      read.refused = `A ${kind} file needs ${missing.join(', ')}.`;
      continue;
    }
    if (table.rows.length > MAX_LINES) {
      read.refused = tooMany(file.name, table.rows.length, 'rows');
      continue;
    }
    // A cell longer than any workbook keeps (the store would refuse it on reading back) is no table's cell.
    const long = table.rows.find((r) => r.cells.some((c) => c.length > BOUNDS.text));
    if (long) {
      read.refused = `Row ${long.row} has a cell of more than ${BOUNDS.text.toLocaleString('en-GB')} characters, more than any cell of a table the app keeps: is it the file you meant?`;
      continue;
    }
    noteFileShape(preview, table, parsed.strayQuotes);
    if (kind === 'Ranges') {
      const ranges = readRanges(table);
      account(read, ranges.problems, ranges.imported, 0);
      append(preview.problems, ranges.problems);
      append(preview.notes, ranges.notes);
      preview.sheets.ranges = { ...preview.sheets.ranges, ...ranges.ranges };
      read.lines = Object.keys(ranges.ranges).length;
      continue;
    }
    if (kind === 'Scenarios') {
      const scenarios = readScenarios(table);
      account(read, scenarios.problems, scenarios.imported, 0);
      append(preview.problems, scenarios.problems);
      append(preview.notes, scenarios.notes);
      preview.sheets.scenarios = mergeScenarios(preview.sheets.scenarios ?? [], scenarios.scenarios);
      read.lines = scenarios.scenarios.length;
      continue;
    }
    const ranges = (['payMin', 'payMax', 'payRange'] as const).filter((f) => map[f] !== undefined);
    const point = choices.payPoint?.get(file.name) ?? 'top';
    if (kind === 'Posts' && ranges.length) {
      read.payPoint = point;
      const where = ranges.map((f) => `“${table.header[map[f]!]}”`).join(' to ');
      preview.notes.push(`${file.name}: posts costed from their pay range (${where}) are costed at the ${point} of their range; choose the bottom, middle or top under “Columns and first rows”.`);
    }
    const sheet: SheetRead = readSheet(kind, table, map, point);
    const used = new Set([...Object.values(map), ...(kind === 'Savings' || kind === 'Costs' ? yearColumns(table.header).map((y) => y.index) : [])]);
    const unread = table.header.filter((h, i) => h !== '' && !used.has(i) && !(kind === 'Savings' && /total/i.test(h)));
    if (unread.length) preview.notes.push(`${file.name}: ${unread.length === 1 ? 'column' : 'columns'} ${listed(unread.map((h) => `“${h}”`))} ${unread.length === 1 ? 'is' : 'are'} not read (choose a column for it under “Columns” if it should be).`);
    read.lines = sheet.grades.length + sheet.posts.length + sheet.costs.length + sheet.savings.length;
    account(read, sheet.problems, sheet.imported, sheet.recognised);
    // Appended in loops: push(...lines) passes each line as an argument, and
    // 100,000 of them overflow Chromium's call stack.
    append(preview.problems, sheet.problems);
    append(preview.notes, sheet.notes);
    const offset = { posts: all.posts.length, costs: all.costs.length, savings: all.savings.length };
    for (const t of sheet.totals) {
      totals.push({ ...t, posts: t.posts.map((i) => i + offset.posts), costs: t.costs.map((i) => i + offset.costs), savings: t.savings.map((i) => i + offset.savings) });
    }
    for (const key of ['grades', 'posts', 'costs', 'savings'] as const) {
      if (sheet[key].length || KEY[kind] === key) brought.add(key);
      if (sheet[key].length) accounts.push({ read, kind: key, lines: sheet[key].length });
      append(all[key] as unknown[], sheet[key]);
    }
    for (const row of sheet.postRows) postRows.push({ file: file.name, row });
    append(postPay, sheet.postPay);
  }

  // Files that each fit may still bring more lines to one sheet than it holds.
  for (const key of ['grades', 'posts', 'costs', 'savings'] as const) {
    if (all[key].length <= MAX_LINES) continue;
    const sheet = key[0].toUpperCase() + key.slice(1);
    for (const { read } of accounts.filter((a) => a.kind === key)) {
      read.refused = tooMany(read.name, all[key].length, `${key} with the other files of ${sheet}`);
      read.lines = 0;
      read.rows.imported = 0;
    }
    all[key] = [];
    brought.delete(key);
    if (key === 'posts') postRows.length = postPay.length = 0;
    for (let i = totals.length - 1; i >= 0; i--) if (key !== 'grades' && totals[i][key].length) totals.splice(i, 1);
  }

  for (const key of brought) preview.sheets[key] = all[key] as never;
  if (totals.length) preview.sheets.reported = totals;
  if (preview.sheets.posts) costPosts(preview, open, postRows, postPay);
  else if (preview.sheets.grades) checkOpenPosts(preview, open);
  checkDuplicateGrades(preview);
  for (const post of preview.sheets.posts ?? []) {
    const mismatch = periodMismatch(post);
    if (mismatch) preview.notes.push(mismatch);
  }
  return preview;
}

function append<T>(to: T[], from: T[]): void {
  for (const item of from) to.push(item);
}

/** A few items and how many more: a file of 10,000 columns gets a sentence, not a page. */
function listed(items: string[], shown = 8): string {
  return items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} and ${(items.length - shown).toLocaleString('en-GB')} more`;
}

const tooMany = (file: string, count: number, what: string) =>
  `${file} has ${count.toLocaleString('en-GB')} ${what}; the app holds at most ${MAX_LINES.toLocaleString('en-GB')} lines in a sheet. Split it, or import the lines you need.`;

/** A file's rows: those refused are the distinct rows its problems name. */
function account(read: FileRead, problems: RowProblem[], imported: number, recognised: number): void {
  read.rows.refused = new Set(problems.map((p) => p.row)).size;
  read.rows.imported = imported;
  read.rows.recognised = recognised;
}

/** What the preview should say about how a file is laid out, before its lines. */
function noteFileShape(preview: ImportPreview, table: Table, strayQuotes: number[]): void {
  if (strayQuotes.length) {
    const rows = listed(strayQuotes.map(String), 5);
    preview.notes.push(`${table.file} row${strayQuotes.length === 1 ? '' : 's'} ${rows}: a quote mark at the start of a cell is not CSV quoting there, so the cell is read as written, quote mark included.`);
  }
  if (table.columnsNotRead) {
    const width = MAX_COLUMNS + table.columnsNotRead;
    preview.notes.push(`${table.file} has ${width.toLocaleString('en-GB')} columns; only the first ${MAX_COLUMNS} are read (no sheet has more).`);
  }
  if (table.indexColumn) preview.notes.push(`${table.file}: the first column has no header and only counts the rows: it is not read.`);
  const far = yearsOutOfRange(table.header);
  if (far.length) preview.notes.push(`${table.file}: ${far.length === 1 ? 'column' : 'columns'} ${listed(far.map((h) => `“${h}”`))} ${far.length === 1 ? 'is' : 'are'} not read: the app holds the years ${YEARS_HELD}.`);
}

/** The annual cost per FTE a post's printed figures imply, and the FTE-months it rests on. */
function impliedAnnualCost(post: Post): { cost: number; weight: number; basis: string } | null {
  if (!post.fte) return null;
  if (post.publishedAnnualCost) {
    return { cost: post.publishedAnnualCost / post.fte, weight: Math.abs(post.fte) * 12, basis: `full year cost of ${formatMoney(post.publishedAnnualCost)} for ${post.fte} FTE` };
  }
  const months = costedMonths(post);
  if (!post.publishedCost || !months) return null;
  return { cost: post.publishedCost / ((post.fte * months) / 12), weight: Math.abs(post.fte) * months, basis: `cost of ${formatMoney(post.publishedCost)} for ${post.fte} FTE over ${months} months` };
}

/**
 * Which cost each post gets, in this order: its own pay; its grade's annual
 * cost; the chosen point of its own pay range. A grade in neither the
 * imported nor the open Grades sheet takes the pay its posts state when they
 * all agree (so one posts file gives the grades too); when they disagree each
 * post keeps its own, and the preview says so, never the first one's for
 * all. Failing that, a grade is implied by what the report printed: total
 * cost / (FTE x months / 12), from the line with the most FTE-months, to the
 * pound (`Band E` at £62,186 from the Strategic Development Manager's
 * £124,372 for 24 months). A post that cannot be costed any way is not
 * imported, and says why.
 */
function costPosts(preview: ImportPreview, open: Workbook, postRows: { file: string; row: number }[], pay: PostPay[]): void {
  const posts = preview.sheets.posts!;
  const grades = [...(preview.sheets.grades ?? open.grades)];
  const known = new Set(grades.map((g) => gradeKey(g.grade)));
  const statedPay = (i: number) => pay[i]?.own ?? pay[i]?.range ?? null;

  const stated = new Map<string, { grade: string; values: number[]; posts: number }>();
  posts.forEach((post, i) => {
    const key = gradeKey(post.grade);
    const value = statedPay(i);
    if (post.grade === '' || known.has(key) || value === null) return;
    const entry = stated.get(key) ?? { grade: post.grade, values: [], posts: 0 };
    if (!entry.values.includes(value)) entry.values.push(value);
    entry.posts++;
    stated.set(key, entry);
  });
  let added = false;
  for (const { grade, values, posts: count } of stated.values()) {
    if (values.length === 1) {
      grades.push({ grade, annualCost: values[0] });
      known.add(gradeKey(grade));
      added = true;
      preview.notes.push(`Grade ${grade} was not in a Grades sheet: ${formatMoney(values[0])} a year, the pay its ${count === 1 ? 'one post states' : `${count} posts state`}.`);
    } else {
      const shown = values.slice(0, 5).map(formatMoney).join(', ') + (values.length > 5 ? `, and ${values.length - 5} more` : '');
      preview.notes.push(`Grade ${grade}: its ${count} posts state different pay (${shown}), so each post is costed at its own, not at one figure for the grade.`);
    }
  }

  const implied = new Map<string, { grade: string; cost: number; weight: number; from: Post; basis: string }>();
  for (const post of posts) {
    const key = gradeKey(post.grade);
    const estimate = known.has(key) || stated.has(key) ? null : impliedAnnualCost(post);
    if (estimate && (implied.get(key)?.weight ?? 0) < estimate.weight) implied.set(key, { grade: post.grade, ...estimate, cost: Math.round(estimate.cost * 100) / 100, from: post });
  }
  for (const { grade, cost, from, basis } of implied.values()) {
    grades.push({ grade, annualCost: cost });
    known.add(gradeKey(grade));
    preview.notes.push(`Grade ${grade} was not in a Grades sheet: ${formatMoney(cost)} a year is implied by ${from.title}’s ${basis}.`);
  }
  if (implied.size || added) preview.sheets.grades = grades;

  const kept: Post[] = [];
  const keptIndex = new Map<number, number>();
  posts.forEach((post, i) => {
    const { own, range, rangeProblem, payColumns } = pay[i] ?? { own: null, range: null, rangeProblem: null, payColumns: false };
    const graded = post.grade !== '' && known.has(gradeKey(post.grade));
    const annualCost = own ?? (graded ? null : range);
    if (annualCost !== null || graded) {
      if (annualCost !== null) post.annualCost = annualCost;
      keptIndex.set(i, kept.length);
      kept.push(post);
      return;
    }
    const reason = !payColumns
      ? `${post.title}: grade “${post.grade}” is not in the Grades sheet`
      : `${post.title} cannot be costed: it has no pay of its own, ${rangeProblem ? `${rangeProblem} (its pay range)` : 'no pay range'}, and ${post.grade ? `grade “${post.grade}” is not in the Grades sheet` : 'no grade'}`;
    preview.problems.push({ ...postRows[i], reason });
    const file = preview.files.find((f) => f.name === postRows[i].file && f.kind === 'Posts');
    if (file) {
      file.lines -= 1;
      file.rows.imported -= 1;
      file.rows.refused += 1;
    }
  });
  preview.sheets.posts = kept;
  if (preview.sheets.reported) {
    preview.sheets.reported = preview.sheets.reported.map((t) => ({ ...t, posts: t.posts.flatMap((i) => (keptIndex.has(i) ? [keptIndex.get(i)!] : [])) }));
  }
}

/** New Grades under the open workbook's posts: say which posts lose their grade. */
function checkOpenPosts(preview: ImportPreview, open: Workbook): void {
  const known = new Set(preview.sheets.grades!.map((g) => gradeKey(g.grade)));
  const orphans = open.posts.filter((p) => !known.has(gradeKey(p.grade)));
  if (orphans.length) {
    const grades = [...new Set(orphans.map((p) => p.grade))];
    preview.notes.push(`The new Grades sheet has no ${grades.join(', ')}: ${orphans.length} ${orphans.length === 1 ? 'post' : 'posts'} (${orphans.slice(0, 3).map((p) => p.title).join(', ')}${orphans.length > 3 ? ', …' : ''}) would cost nothing until the grade is added.`);
  }
}

function checkDuplicateGrades(preview: ImportPreview): void {
  const seen = new Map<string, { grade: string; first: number; times: number; differ: boolean }>();
  for (const g of preview.sheets.grades ?? []) {
    const entry = seen.get(gradeKey(g.grade));
    if (entry) {
      entry.times++;
      entry.differ ||= entry.first !== g.annualCost;
    } else seen.set(gradeKey(g.grade), { grade: g.grade, first: g.annualCost, times: 1, differ: false });
  }
  for (const { grade, first, times, differ } of seen.values()) {
    if (differ) preview.notes.push(`Grade ${grade} appears ${times === 2 ? 'twice' : `${times} times`} with different costs; the first, ${formatMoney(first)}, is used.`);
  }
}

/** Refused rows the preview lists; the rest are counted, summarised and downloadable. */
export const PROBLEMS_SHOWN = 100;

/**
 * The kinds of reason among the refused rows, most common first: the value
 * in quotes is left out, so 99,000 unreadable FTEs are one line.
 */
export function reasonsSummary(problems: RowProblem[], top = 5): { reason: string; rows: number }[] {
  const counts = new Map<string, number>();
  for (const p of problems) {
    const reason = p.reason.replace(/“[^”]*”/g, '“…”');
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, top).map(([reason, rows]) => ({ reason, rows }));
}

/** Sheets the import would leave with no lines (every row of their files refused, say): said plainly, not as a success. */
export function emptiedSheets(preview: ImportPreview): string[] {
  return (['grades', 'posts', 'costs', 'savings'] as const).filter((key) => preview.sheets[key]?.length === 0).map((key) => key[0].toUpperCase() + key.slice(1));
}

/** How many lines the import brings in: what the preview counts. */
export const importedLines = (preview: ImportPreview) => preview.files.reduce((n, f) => n + f.lines, 0);
export const importedFiles = (preview: ImportPreview) => preview.files.filter((f) => f.kind && !f.refused).length;

/**
 * The workbook after the import: each imported sheet replaces the open one;
 * sheets no file brought are kept, and so are printed totals over sheets the
 * import leaves alone. Grade names match case-insensitively, and posts take
 * the grade's spelling from the Grades sheet.
 */
export function applyImport(open: Workbook, preview: ImportPreview): Workbook {
  const { reported, scenarios, ranges, ...sheets } = preview.sheets;
  const next: Workbook = { ...open, ...sheets };
  // Imported ranges replace those they name; the rest stay.
  if (ranges) next.ranges = { ...open.ranges, ...ranges };
  // Imported scenarios add to, or update, the open workbook's.
  if (scenarios) next.scenarios = mergeScenarios(open.scenarios ?? [], scenarios);
  const untouched = (t: ReportedTotal) => (!sheets.posts || !t.posts.length) && (!sheets.costs || !t.costs.length) && (!sheets.savings || !t.savings.length);
  const kept = (open.reported ?? []).filter(untouched);
  if (kept.length || reported) next.reported = [...kept, ...(reported ?? [])];
  else delete next.reported;
  const spelling = new Map(next.grades.map((g) => [gradeKey(g.grade), g.grade]));
  next.posts = next.posts.map((p) => ({ ...p, grade: spelling.get(gradeKey(p.grade)) ?? p.grade }));
  const firstGrade = new Set<string>();
  next.grades = next.grades.filter((g) => !firstGrade.has(gradeKey(g.grade)) && firstGrade.add(gradeKey(g.grade)));
  return next;
}
