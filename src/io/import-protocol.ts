// Messages between the page and the import worker, and what the page needs
// of an importer: the worker in the browser, the function itself in tests.
import type { Workbook } from '../model/workbook';
import type { FileInput, ImportChoices, ImportPreview, ImportProgress } from './import';

export interface ImportRequest {
  id: number;
  files: FileInput[];
  open: Workbook;
  choices: ImportChoices;
}

export type ImportReply =
  | { id: number; kind: 'progress'; progress: ImportProgress }
  | { id: number; kind: 'done'; preview: ImportPreview }
  | { id: number; kind: 'failed'; error: string };

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
