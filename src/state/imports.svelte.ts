// The import: files chosen, what each is read as and from which columns, the
// preview, a long read's progress, and confirming it. Nothing changes in the
// workbook until it is confirmed; then it is one change on the open
// workbook's lane (AppState), undoable like any other.
import { applyImport, emptiedSheets, importedFiles, importedLines, previewImport, type FileInput, type ImportPreview, type ImportProgress, type PayPoint } from '../io/import';
import { ImportCancelled, type Importer } from '../io/import-protocol';
import type { Field, SheetKind } from '../io/headers';
import { count, message, READ_ONLY, type AppState } from './app.svelte';

/** Reads files on the calling thread: for tests, and wherever no worker is wanted. */
export const inProcessImporter: Importer = {
  preview: async (files, open, choices, onProgress) => previewImport(files, open, choices, onProgress),
  cancel: () => {},
};

export class ImportState {
  preview = $state.raw<ImportPreview | null>(null);
  /** How far a long import has got; null when none is under way. */
  importProgress = $state.raw<ImportProgress | null>(null);

  constructor(
    private readonly app: AppState,
    private readonly importer: Importer = inProcessImporter,
  ) {}

  /** The last import's confirmation, and the workbook it was made on. */
  private confirmed = $state.raw<{ text: string; workbook: string } | null>(null);

  /**
   * What the last successful import brought in, shown until dismissed, until
   * the next import, or until another workbook is open (it is about this one).
   */
  get done(): string | null {
    void this.app.workbook; // another workbook opening changes it: read again then
    return this.confirmed && this.confirmed.workbook === this.app.openId ? this.confirmed.text : null;
  }

  dismissDone(): void {
    this.confirmed = null;
  }

  private files: FileInput[] = [];
  // Maps, keyed by file name: a file may be called `__proto__.csv`.
  private readAs = new Map<string, SheetKind | null>();
  private columns = new Map<string, Partial<Record<Field, number | null>>>();
  private payPoint = new Map<string, PayPoint>();
  /** Reads started (and cancels): only the newest read's preview is shown. */
  private reads = 0;

  async chooseFiles(files: FileInput[]): Promise<void> {
    this.app.error = null;
    this.confirmed = null;
    this.files = files;
    this.readAs = new Map();
    this.columns = new Map();
    this.payPoint = new Map();
    this.preview = null;
    if (files.length) await this.readFiles();
  }

  /** Reads the chosen files into a preview, off the page's thread in the browser. */
  private async readFiles(): Promise<void> {
    const read = ++this.reads;
    this.importProgress = { file: this.files[0].name, fileIndex: 0, files: this.files.length, rows: 0, totalRows: 0 };
    try {
      const preview = await this.importer.preview(this.files, this.app.workbook, { readAs: this.readAs, columns: this.columns, payPoint: this.payPoint }, (p) => (this.importProgress = p));
      // The worker's message (every row read) is taken in one task and the preview drawn in the next (docs/SCALE.md, "The longest task").
      await new Promise((resolve) => setTimeout(resolve, 0));
      // Cancelled, or read again, meanwhile: not this preview.
      if (read === this.reads) this.preview = preview;
    } catch (e) {
      if (!(e instanceof ImportCancelled)) this.app.error = `The files could not be read, and nothing changed: ${message(e)}`;
    } finally {
      // A read replaced by a newer one leaves the newer one's progress (and the Import button it disables) alone.
      if (read === this.reads) this.importProgress = null;
    }
  }

  /** The user says what a file is (or that it is not to be imported). */
  async readFileAs(name: string, kind: SheetKind | null): Promise<void> {
    this.readAs = new Map(this.readAs).set(name, kind);
    this.columns = new Map(this.columns).set(name, {}); // another sheet reads other fields
    await this.readFiles();
  }

  /** The user says which column a field is read from (null: none). */
  async mapColumn(name: string, field: Field, column: number | null): Promise<void> {
    this.columns = new Map(this.columns).set(name, { ...this.columns.get(name), [field]: column });
    await this.readFiles();
  }

  /** The user says where a file's pay ranges are costed: top, middle or bottom. */
  async choosePayPoint(name: string, point: PayPoint): Promise<void> {
    this.payPoint = new Map(this.payPoint).set(name, point);
    await this.readFiles();
  }

  /** Stops a read under way, or closes the preview; either way nothing changes. */
  cancelImport(): void {
    this.stopReading();
    this.preview = null;
    this.app.message = 'Import cancelled; nothing changed.';
  }

  /** No read under way comes to anything: its preview is never shown. */
  private stopReading(): void {
    if (this.importProgress) this.importer.cancel();
    this.reads++;
    this.importProgress = null;
  }

  /** Nothing changes unless the engine costs the imported workbook. */
  async confirmImport(): Promise<void> {
    const preview = this.preview;
    if (!preview) return;
    if (this.app.readOnly) return void ((this.preview = null), (this.app.error = READ_ONLY));
    this.preview = null;
    // A read still under way (a column chosen again just before) would open its preview over this import.
    this.stopReading();
    // The preview closes in a task of its own; copying the workbook to the workers follows (docs/SCALE.md, "The longest task").
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Applied to the workbook as the changes before it leave it, and costed whole.
    const problem = await this.app.changeWhole((current) => applyImport(current, preview), 'The import failed and your workbook is as it was: ');
    if (problem === null) {
      const skipped = preview.problems.length ? `; ${count(preview.problems.length, 'row')} not imported` : '';
      const emptied = emptiedSheets(preview);
      // A sheet every row of which was refused is not a success to announce.
      if (emptied.length) {
        const lines = importedLines(preview);
        this.app.error = `The ${emptied.join(' and ')} ${emptied.length === 1 ? 'sheet is' : 'sheets are'} now empty: every row of its files was refused (${count(preview.problems.length, 'row')} not imported). ${count(lines, 'row')} ${lines === 1 ? 'was' : 'were'} imported.`;
      } else {
        this.app.message = `Imported ${count(importedLines(preview), 'row')} from ${count(importedFiles(preview), 'file')}${skipped}.`;
        this.confirmed = { text: `Imported ${count(importedFiles(preview), 'file')}: ${sheetCounts(preview)}${skipped}.`, workbook: this.app.openId };
      }
    }
  }
}

/** `2 grades, 1 post and 1 savings line`: what each sheet the import replaces now holds. */
export function sheetCounts(preview: ImportPreview): string {
  const { grades, posts, costs, savings, scenarios } = preview.sheets;
  const parts = [
    grades && count(grades.length, 'grade'),
    posts && count(posts.length, 'post'),
    costs && count(costs.length, 'cost line'),
    savings && count(savings.length, 'savings line'),
    scenarios && count(scenarios.length, 'scenario'),
  ].filter((p): p is string => typeof p === 'string');
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing');
}
