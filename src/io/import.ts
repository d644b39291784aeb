// Import CSV files: read every file into a preview (what each file is, what
// will change, every row not imported and why), and only on confirmation make
// a new workbook from it. The open workbook is never touched until then.
import { periodMismatch, type Workbook } from '../model/workbook';
import { decode, parseCsv } from './csv';
import {
  missingColumns,
  readCosts,
  readGrades,
  readPosts,
  readSavings,
  recogniseSheet,
  type RowProblem,
  type SheetKind,
} from './sheets';

export interface FileInput {
  name: string;
  bytes: Uint8Array;
}

export interface FileRead {
  name: string;
  /** null: the file could not be recognised and nothing in it is imported. */
  kind: SheetKind | null;
  header: string[];
  /** Lines read from the file and ready to import. */
  lines: number;
  /** Why the whole file is not imported, when it is not. */
  refused?: string;
}

export interface ImportPreview {
  files: FileRead[];
  problems: RowProblem[];
  notes: string[];
  /** The sheets the import replaces, read from the files. */
  sheets: Partial<Pick<Workbook, 'grades' | 'posts' | 'costs' | 'savings'>>;
}

const KEY: Record<SheetKind, 'grades' | 'posts' | 'costs' | 'savings'> = { Grades: 'grades', Posts: 'posts', Costs: 'costs', Savings: 'savings' };

/**
 * Each file becomes one sheet of the workbook; files of the same kind are
 * joined in the order given. Posts are checked against the grades they will
 * be costed with: the imported Grades if any, else the open workbook's.
 */
export function previewImport(files: FileInput[], open: Workbook, readAs: Record<string, SheetKind | null> = {}): ImportPreview {
  const preview: ImportPreview = { files: [], problems: [], notes: [], sheets: {} };
  const postRows: { file: string; row: number }[] = [];
  for (const file of files) {
    const { rows, errors } = parseCsv(decode(file.bytes));
    const header = rows[0] ?? [];
    const kind = !rows.length ? null : file.name in readAs ? readAs[file.name] : recogniseSheet(header, file.name);
    const read: FileRead = { name: file.name, kind, header, lines: 0 };
    preview.files.push(read);
    if (rows.length === 0) {
      read.refused = 'The file is empty.';
      continue;
    }
    if (kind === null && file.name in readAs) {
      read.refused = 'You chose not to import it.';
      continue;
    }
    if (kind === null) {
      read.refused = `Its headers (${header.filter(Boolean).join(', ')}) are not those of Grades, Posts, Costs or Savings.`;
      continue;
    }
    const missing = missingColumns(kind, header);
    if (missing.length) {
      read.refused = `A ${kind} file needs ${missing.join(', ')}.`;
      continue;
    }
    for (const e of errors) preview.problems.push({ file: file.name, row: e.row, reason: `The CSV is malformed here: ${e.message}` });
    const sheet =
      kind === 'Grades' ? readGrades(file.name, rows)
      : kind === 'Posts' ? readPosts(file.name, rows)
      : kind === 'Costs' ? readCosts(file.name, rows)
      : readSavings(file.name, rows);
    read.lines = sheet.lines.length;
    preview.problems.push(...sheet.problems);
    preview.notes.push(...sheet.notes);
    const key = KEY[kind];
    preview.sheets[key] = [...((preview.sheets[key] as unknown[]) ?? []), ...sheet.lines] as never;
    if (kind === 'Posts') postRows.push(...sheet.rowOf.map((row) => ({ file: file.name, row })));
  }
  checkGrades(preview, open, postRows);
  checkDuplicateGrades(preview);
  for (const post of preview.sheets.posts ?? []) {
    const mismatch = periodMismatch(post);
    if (mismatch) preview.notes.push(mismatch);
  }
  return preview;
}

/** A post whose grade is in neither the imported nor the open Grades cannot be costed. */
function checkGrades(preview: ImportPreview, open: Workbook, postRows: { file: string; row: number }[]): void {
  const posts = preview.sheets.posts;
  if (!posts) return;
  const grades = new Set((preview.sheets.grades ?? open.grades).map((g) => g.grade.toLowerCase()));
  const kept = posts.filter((post, i) => {
    if (grades.has(post.grade.toLowerCase())) return true;
    preview.problems.push({ ...postRows[i], reason: `${post.title}: grade “${post.grade}” is not in the Grades sheet` });
    const file = preview.files.find((f) => f.name === postRows[i].file && f.kind === 'Posts');
    if (file) file.lines -= 1;
    return false;
  });
  preview.sheets.posts = kept;
}

function checkDuplicateGrades(preview: ImportPreview): void {
  const seen = new Map<string, number>();
  for (const g of preview.sheets.grades ?? []) {
    const previous = seen.get(g.grade.toLowerCase());
    if (previous !== undefined && previous !== g.annualCost) preview.notes.push(`Grade ${g.grade} appears twice with different costs; the first, £${previous}, is used.`);
    if (previous === undefined) seen.set(g.grade.toLowerCase(), g.annualCost);
  }
}

/** How many lines the import brings in: what the confirm button counts. */
export const importedLines = (preview: ImportPreview) => preview.files.reduce((n, f) => n + f.lines, 0);
export const importedFiles = (preview: ImportPreview) => preview.files.filter((f) => f.kind && !f.refused).length;

/**
 * The workbook after the import: each imported sheet replaces the open one;
 * sheets no file brought are kept. Grade names match case-insensitively, and
 * posts take the grade's spelling from the Grades sheet.
 */
export function applyImport(open: Workbook, preview: ImportPreview): Workbook {
  const next: Workbook = { ...open, ...preview.sheets };
  const spelling = new Map(next.grades.map((g) => [g.grade.toLowerCase(), g.grade]));
  next.posts = next.posts.map((p) => ({ ...p, grade: spelling.get(p.grade.toLowerCase()) ?? p.grade }));
  const firstGrade = new Map<string, true>();
  next.grades = next.grades.filter((g) => !firstGrade.has(g.grade.toLowerCase()) && firstGrade.set(g.grade.toLowerCase(), true));
  return next;
}
