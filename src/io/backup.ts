// The whole workbook as one file: the backup, and the way to send a proposal
// to a colleague. Everything the user wrote travels (every sheet, formula,
// scenario, user assumption and note); a file from a newer version of the
// app, or a damaged one, is refused with a reason and changes nothing: every
// field is checked against the one schema (model/schema.ts) the store shares.
import { readWorkbook } from '../model/schema';
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
  const read = readWorkbook(file.workbook);
  return 'problem' in read ? { problem: `This workbook file is damaged: ${read.problem}.` } : read.workbook;
}

export const isRefused = (v: unknown): v is Refused => isObject(v) && typeof v.problem === 'string';
