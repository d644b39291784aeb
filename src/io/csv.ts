// CSV text in and out. Bytes are decoded here (papaparse does not detect
// encodings); cells are left as text and typed by the sheet readers.
import Papa from 'papaparse';

/**
 * UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8,
 * otherwise Windows-1252, where Excel on Windows writes £ as byte 0xA3.
 */
export function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export interface ParsedCsv {
  rows: string[][];
  /** Problems papaparse found, with the 1-based row they were on. */
  errors: { row: number; message: string }[];
}

export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', dynamicTyping: false });
  return {
    rows: result.data,
    errors: result.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: e.message })),
  };
}

/**
 * Excel runs a cell that starts with = + - @ tab CR or LF (or their
 * full-width forms) as a formula; a leading apostrophe makes it text.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export type OutCell = string | number | null;

function field(value: OutCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark, CRLF line ends, one header row: as Excel expects. */
export function writeCsv(header: string[], rows: OutCell[][]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Money in files: a plain number to the penny, never `-0`. */
export function moneyCell(value: number): number {
  const pennies = Math.round(value * 100) / 100;
  return pennies === 0 ? 0 : pennies;
}
