// What the page asks of the import worker, and what the page needs of an
// importer: the worker in the browser, the function itself in tests.
import type { Workbook } from '../model/workbook';
import type { FileInput, ImportChoices, ImportPreview, ImportProgress } from './import';

/** What the import worker answers, by name (rpc/rpc.ts carries the calls), reporting progress as it reads. */
export interface ImportHandlers {
  preview(args: { files: FileInput[]; open: Workbook; choices: ImportChoices }, progress: (p: ImportProgress) => void): Promise<ImportPreview>;
}

export interface Importer {
  preview(files: FileInput[], open: Workbook, choices: ImportChoices, onProgress: (p: ImportProgress) => void): Promise<ImportPreview>;
  /** Stops a preview under way; its promise rejects with ImportCancelled. */
  cancel(): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled');
  }
}
