// CSV text in and out. Bytes are decoded here, and records read by our own
// lenient reader (papaparse let one stray quote swallow the rest of a file);
// cells are left as text and typed by the sheet readers.

/**
 * UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8,
 * otherwise Windows-1252, where Excel on Windows writes £ as byte 0xA3.
 */
export function decode(bytes: Uint8Array): string {
  // Excel's "Unicode Text" is UTF-16 (little-endian) with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = new Uint8Array(bytes.length - 2 - (bytes.length % 2));
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = bytes[i + 3];
      swapped[i + 1] = bytes[i + 2];
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** A zip file by its first bytes, whatever its name: an .xlsx workbook is one. */
export const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);

/**
 * Why a file cannot be read as CSV text, in words its owner can act on, or
 * null when it can. Excel workbooks are zip (xlsx) or OLE2 (xls) files, and
 * are often renamed .csv by mistake.
 */
export function notCsvText(name: string, bytes: Uint8Array): string | null {
  // A zip reaches here only when it could not be read as an .xlsx workbook (xlsx.ts).
  if (isZip(bytes)) {
    return `${name} is a zip file but not an Excel workbook this app can read (it may be damaged, or another kind of file). Open it in Excel and save it as Excel Workbook (.xlsx) or CSV UTF-8, and import that file.`;
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    return `${name} is an old-style Excel workbook (.xls), which this app cannot read: in Excel use File > Save As, choose Excel Workbook (.xlsx) or CSV UTF-8, and import that file.`;
  }
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return null; // UTF-16: its NULs are text
  // Text never holds a NUL byte; images, PDFs and other binary files do, early on.
  if (bytes.subarray(0, 65_536).includes(0)) return `${name} is not a text file (it holds binary data), so it cannot be read as CSV.`;
  return null;
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
  /** The records that are not blank, each a list of cells. */
  rows: string[][];
  /** Each row's 1-based record number in the file, as a spreadsheet numbers its rows (blank ones too). */
  rowNumbers: number[];
  /** Record numbers of rows with a quote mark that is not CSV quoting, read as written. */
  strayQuotes: number[];
  delimiter: string;
  /** `0,5` and `1.234,56`: numbers with a decimal comma (semicolon files from some systems). */
  decimalComma: boolean;
}

const DELIMITERS = [',', ';', '\t'];
const QUOTE = 34;

/**
 * Records as Excel writes them (RFC 4180), read leniently where people and
 * other systems do not. A field opened by a quote mark must close with one
 * followed by the delimiter or the line's end; if it does not (`"Senior"
 * Practitioner`, or a quote never closed), the opening quote was not CSV
 * quoting, and the field is read as written up to the next delimiter, so the
 * row keeps its place and no row after it is swallowed.
 */
export function readRecords(text: string, delimiter: string, limit = Infinity): Omit<ParsedCsv, 'delimiter' | 'decimalComma'> {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const strayQuotes: number[] = [];
  const plain = new RegExp(`[^${delimiter}\\r\\n]*`, 'y');
  // The next quote mark at or after a place, remembered: a file of many stray
  // quotes and none after them would otherwise be searched to its end each time.
  let searchedFrom = Infinity;
  let found = -1;
  const nextQuote = (from: number) => {
    if (from < searchedFrom || (found >= 0 && from > found)) {
      searchedFrom = from;
      found = text.indexOf('"', from);
    }
    return found;
  };
  /** Where a quoted field opened at `at` ends (after its closing quote), or -1 if it is not CSV quoting. */
  const closing = (at: number) => {
    let from = at + 1;
    for (;;) {
      const q = nextQuote(from);
      if (q < 0) return -1;
      if (text.charCodeAt(q + 1) === QUOTE) {
        from = q + 2;
        continue;
      }
      let after = q + 1;
      while (text[after] === ' ') after++;
      const next = text[after];
      return after >= text.length || next === delimiter || next === '\n' || next === '\r' ? q + 1 : -1;
    }
  };
  let at = 0;
  let record = 1;
  const n = text.length;
  while (at < n && rows.length < limit) {
    const cells: string[] = [];
    let stray = false;
    for (;;) {
      const end = text.charCodeAt(at) === QUOTE ? closing(at) : -1;
      if (end >= 0) {
        const value = text.slice(at + 1, end - 1);
        cells.push(value.includes('"') ? value.replace(/""/g, '"') : value);
        at = end;
        while (text[at] === ' ') at++;
      } else {
        if (text.charCodeAt(at) === QUOTE) stray = true;
        plain.lastIndex = at;
        plain.exec(text);
        const value = text.slice(at, plain.lastIndex);
        cells.push(value);
        at = plain.lastIndex;
      }
      if (text[at] === delimiter) {
        at++;
        continue;
      }
      break;
    }
    // The line's end: CRLF, LF or a lone CR.
    if (text[at] === '\r') at++;
    if (text[at] === '\n') at++;
    if (cells.some((c) => c.trim() !== '')) {
      rows.push(cells);
      rowNumbers.push(record);
      if (stray) strayQuotes.push(record);
    }
    record++;
  }
  return { rows, rowNumbers, strayQuotes };
}

/**
 * The delimiter that splits the first lines into the most consistent number
 * of columns (more than one). A general guess fails on semicolon files with
 * decimal commas and on quoted fields with line breaks.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 20_000);
  let best = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = readRecords(sample, delimiter, 30).rows;
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
  const records = readRecords(clean, delimiter);
  const decimalComma = delimiter === ';' && records.rows.some((r) => r.some((c) => /^\s*\(?-?£?[\d.]*\d,\d{1,2}\)?\s*$/.test(c)));
  return { ...records, delimiter, decimalComma };
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

/** A number in a file to a fixed number of decimal places (0.6667, not 0.6666666699999999), never `-0`; null stays blank. */
export function decimalCell(value: number | null, places: number): number | null {
  if (value === null) return null;
  const rounded = Number(value.toFixed(places));
  return rounded === 0 ? 0 : rounded;
}

/** Money in files: a plain number to the penny, never `-0`. */
export function moneyCell(value: number): number {
  const pennies = Math.round(value * 100) / 100;
  return pennies === 0 ? 0 : pennies;
}
