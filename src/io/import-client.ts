// The page's side of the import worker. Cancelling ends the worker outright
// (a new one starts with the next import), so a long read stops at once.
import type { Workbook } from '../model/workbook';
import type { FileInput, ImportChoices, ImportPreview, ImportProgress } from './import';
import { ImportCancelled, type Importer, type ImportReply } from './import-protocol';

export class WorkerImporter implements Importer {
  private worker: Worker | null = null;
  private next = 1;
  private pending: { id: number; reject: (e: Error) => void } | null = null;

  preview(files: FileInput[], open: Workbook, choices: ImportChoices, onProgress: (p: ImportProgress) => void): Promise<ImportPreview> {
    this.cancel();
    const worker = (this.worker ??= new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending = { id, reject };
      worker.onmessage = (event: MessageEvent<ImportReply>) => {
        const reply = event.data;
        if (reply.id !== id) return;
        if (reply.kind === 'progress') return onProgress(reply.progress);
        this.pending = null;
        if (reply.kind === 'done') resolve(reply.preview);
        else reject(new Error(reply.error));
      };
      worker.onerror = (event) => {
        this.pending = null;
        reject(new Error(`The files could not be read: ${event.message || 'the reader stopped'}`));
      };
      worker.postMessage({ id, files, open, choices });
    });
  }

  cancel(): void {
    if (!this.pending) return;
    this.worker?.terminate();
    this.worker = null;
    this.pending.reject(new ImportCancelled());
    this.pending = null;
  }
}
