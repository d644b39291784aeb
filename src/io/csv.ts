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
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's 0x80-0x9F, which Latin-1 leaves as control characters (Node's
// TextDecoder without full ICU does): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b)));
  }
  return out;
}

export interface ParsedCsv {
  rows: string[][];
  /** Problems papaparse found, with the 1-based row they were on. */
  errors: { row: number; message: string }[];
  delimiter: string;
  /** `0,5` and `1.234,56`: numbers with a decimal comma (semicolon files from some systems). */
  decimalComma: boolean;
}

const DELIMITERS = [',', ';', '\t'];

/**
 * The delimiter that splits the first lines into the most consistent number
 * of columns (more than one). papaparse's own guess fails on semicolon files
 * with decimal commas and on quoted fields with line breaks.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 20_000);
  let best = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, skipEmptyLines: 'greedy', preview: 30 }).data;
    // Excel writes every row with the same number of fields, empty ones included.
    const widths = rows.map((r) => r.length);
    const counts = new Map<number, number>();
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
    const [mode, often] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = mode > 1 ? (often / rows.length) * 10 + Math.min(mode, 20) / 20 : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export function parseCsv(text: string): ParsedCsv {
  const clean = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(clean);
  const result = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: 'greedy', dynamicTyping: false });
  const rows = result.data;
  const decimalComma = delimiter === ';' && rows.some((r) => r.some((c) => /^\s*\(?-?£?[\d.]*\d,\d{1,2}\)?\s*$/.test(c)));
  return {
    rows,
    errors: result.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: e.message })),
    delimiter,
    decimalComma,
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
  // A leading apostrophe of the user's own is doubled, so import can tell it from ours.
  const safe = FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
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
