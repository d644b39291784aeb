// The page's side of the import worker. Cancelling ends the worker outright
// (a new one starts with the next import), so a long read stops at once.
import type { Workbook } from '../model/workbook';
import { Client } from '../rpc/rpc';
import type { FileInput, ImportChoices, ImportPreview, ImportProgress } from './import';
import { ImportCancelled, type Importer, type ImportHandlers } from './import-protocol';

export class WorkerImporter implements Importer {
  private readonly reader = new Client<ImportHandlers>({
    create: () => new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }),
    stopped: () => new ImportCancelled(),
    lost: (reason) => new Error(`The files could not be read: ${reason || 'the reader stopped'}`),
  });

  preview(files: FileInput[], open: Workbook, choices: ImportChoices, onProgress: (p: ImportProgress) => void): Promise<ImportPreview> {
    // One read at a time: a new choice replaces the read under way.
    this.cancel();
    return this.reader.send('preview', { files, open, choices }, onProgress);
  }

  cancel(): void {
    if (this.reader.busy) this.reader.stop();
  }
}
