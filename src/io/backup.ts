// The whole workbook as one file: the backup, and the way to send a proposal
// to a colleague. Everything the user wrote travels (every sheet, formula,
// scenario, user assumption and note); a file from a newer version of the
// app, or a damaged one, is refused with a reason and changes nothing.
import type { Workbook } from '../model/workbook';

export const BACKUP_FORMAT = 'council-scenario-explorer-workbook';
/** Raise by one, with a step in `upgrade`, whenever the workbook's shape changes. */
export const BACKUP_VERSION = 1;

export function backupFile(workbook: Workbook, now = new Date()): string {
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, savedAt: now.toISOString(), workbook }, null, 1);
}

export interface Refused {
  problem: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a workbook's shape, or null. */
function shapeProblem(wb: unknown): string | null {
  if (!isObject(wb)) return 'it holds no workbook';
  if (typeof wb.name !== 'string') return 'the workbook has no name';
  if (!isObject(wb.assumptions)) return 'the workbook has no assumptions';
  for (const key of ['payAward', 'discountRate', 'savingsDelivery'] as const) {
    if (typeof wb.assumptions[key] !== 'number') return `the assumption ${key} is not a number`;
  }
  for (const sheet of ['grades', 'posts', 'costs', 'savings'] as const) {
    if (!Array.isArray(wb[sheet])) return `the ${sheet} sheet is missing`;
  }
  const bad = (sheet: string, i: number, why: string) => `${sheet} line ${i + 1} ${why}`;
  for (const [i, g] of (wb.grades as unknown[]).entries()) if (!isObject(g) || typeof g.grade !== 'string' || typeof g.annualCost !== 'number') return bad('grades', i, 'is not a grade and its cost');
  for (const [i, p] of (wb.posts as unknown[]).entries()) if (!isObject(p) || typeof p.title !== 'string' || typeof p.grade !== 'string' || typeof p.fte !== 'number') return bad('posts', i, 'is not a post');
  for (const [i, c] of (wb.costs as unknown[]).entries()) if (!isObject(c) || typeof c.description !== 'string') return bad('costs', i, 'is not a cost');
  for (const [i, s] of (wb.savings as unknown[]).entries()) if (!isObject(s) || typeof s.line !== 'string' || !isObject(s.amounts)) return bad('savings', i, 'is not a saving');
  return null;
}

export function readBackup(text: string): Workbook | Refused {
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: 'This is not a workbook file: it is not the JSON this app writes (it may be damaged, or a CSV file meant for Import CSV files).' };
  }
  if (!isObject(file) || file.format !== BACKUP_FORMAT) return { problem: 'This is not a workbook file from this app.' };
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) return { problem: 'This workbook file is damaged: it does not say which version wrote it.' };
  if (file.version > BACKUP_VERSION) return { problem: `This workbook file was written by a newer version of the app (file version ${file.version}; this one reads up to ${BACKUP_VERSION}). Open it with the newer version, or ask for CSV files.` };
  const problem = shapeProblem(file.workbook);
  if (problem) return { problem: `This workbook file is damaged: ${problem}.` };
  return file.workbook as Workbook;
}

export const isRefused = (v: unknown): v is Refused => isObject(v) && typeof v.problem === 'string';
