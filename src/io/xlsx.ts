// Excel workbooks (.xlsx): each worksheet becomes a file of its own,
// `Budget.xlsx: Posts`, read by the same pipeline as a CSV file. The reader
// (read-excel-file) is loaded only when a zip file is chosen, so it never
// weighs on the page's first paint; the import worker calls previewFiles.
import type { Workbook } from '../model/workbook';
import { isZip } from './csv';
import { previewImport, type FileInput, type ImportChoices, type ImportPreview, type ImportProgress } from './import';

// 15 significant digits: what Excel shows, and enough to drop the float noise
// of a stored 62186.499999999993. No grouping and no exponent: 1E+21 is not
// money the value readers know.
const plain = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
const two = (n: number) => String(n).padStart(2, '0');

/** A cell as the reader gives it (its own type names the Date constructor, not a date). */
type Cell = string | number | boolean | Date | null | undefined;

/** A cell as text the pipeline reads, as a CSV file saved from the workbook would hold it. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return plain.format(value);
  // The reader gives a date cell as midnight UTC of its day: day first, as the period reader takes it.
  return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
}

/**
 * Every workbook among the files opened into its worksheets, in the
 * workbook's order; other files pass as they are. A blank worksheet is left
 * out with a note. A zip that is not a workbook the reader can open passes
 * on, and the CSV reader refuses it in words (csv.ts, notCsvText).
 */
export async function readWorkbooks(files: FileInput[]): Promise<{ files: FileInput[]; notes: string[] }> {
  const out: FileInput[] = [];
  const notes: string[] = [];
  for (const file of files) {
    if (!isZip(file.bytes)) {
      out.push(file);
      continue;
    }
    const { default: readXlsxFile, InvalidInputError, InvalidSpreadsheetError } = await import('read-excel-file/universal');
    // The reader takes an ArrayBuffer: copy out exactly this file's bytes.
    const buffer = file.bytes.slice().buffer;
    let sheets;
    try {
      sheets = await readXlsxFile(buffer, { trim: false });
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof InvalidSpreadsheetError)) throw error;
      out.push(file);
      continue;
    }
    for (const { sheet: name, data } of sheets) {
      // The reader keeps blank rows in place, so a row's index is its worksheet row number less one.
      const rows: string[][] = [];
      const rowNumbers: number[] = [];
      data.forEach((cells, i) => {
        const text = cells.map((c) => cellText(c as Cell));
        if (!text.some((c) => c.trim() !== '')) return;
        rows.push(text);
        rowNumbers.push(i + 1);
      });
      if (rows.length === 0) notes.push(`${file.name}: worksheet “${name}” is empty, so it is skipped.`);
      else out.push({ name: `${file.name}: ${name}`, bytes: new Uint8Array(0), sheet: { rows, rowNumbers } });
    }
  }
  return { files: out, notes };
}

/** previewImport, with each workbook opened into its worksheets first: what the import worker runs. */
export async function previewFiles(files: FileInput[], open: Workbook, choices: ImportChoices = {}, onProgress?: (p: ImportProgress) => void): Promise<ImportPreview> {
  const read = await readWorkbooks(files);
  const preview = previewImport(read.files, open, choices, onProgress);
  preview.notes.unshift(...read.notes);
  return preview;
}
