// The importer against files no one planned for: arbitrary bytes, and CSV
// for each sheet, valid and slightly broken (stray quotes, line breaks and
// delimiters inside quotes, blank rows, totals, headings, junk).
//
// The promise checked: the importer never throws, and every row of a file is
// accounted for. "Rows in" are the records below the header row the preview
// names (a quoted cell with a line break is one record, as a spreadsheet
// shows it), leaving out blank ones (every cell empty or spaces). Records
// above the header are captions, and the preview says so. Each row in is
// imported (as one or more lines), refused (listed with file, row and
// reason, once however many reasons), or recognised as a heading, total or
// footnote; a file refused whole imports none of its rows and says why.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyWorkbook } from '../model/workbook';
import { parseCsv } from './csv';
import { previewImport, type FileInput, type ImportPreview } from './import';

const open = emptyWorkbook('fuzz');

function accountsForEveryRow(preview: ImportPreview): void {
  // The worker posts the preview to the page: it must survive a structured clone.
  expect(() => structuredClone(preview)).not.toThrow();
  for (const [i, f] of preview.files.entries()) {
    const problems = preview.problems.filter((p) => p.file === f.name);
    for (const p of problems) {
      expect(p.reason.trim()).not.toBe('');
      expect(p.row).toBeGreaterThan(f.headerRow);
    }
    if (f.refused) {
      expect([f.lines, f.rows.imported], `${f.name}: ${f.refused}`).toEqual([0, 0]);
      continue;
    }
    expect(f.rows.read, `file ${i} ${JSON.stringify(f.rows)}`).toBe(f.rows.imported + f.rows.refused + f.rows.recognised);
    expect(f.rows.refused).toBe(new Set(problems.map((p) => p.row)).size);
    expect(f.lines >= f.rows.imported || f.kind === 'Scenarios').toBe(true);
  }
}

describe('any bytes at all', () => {
  const prefixes = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 0x03, 0x04], [0x22]);
  const name = fc.constantFrom('Posts.csv', 'grades.csv', 'costs.csv', 'savings.csv', 'scenarios.csv', 'constructor', '__proto__.csv', 'x.csv');
  const bytes = fc.tuple(prefixes, fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 200, min: 0x20, max: 0x7e })).map(([p, a, b]) => new Uint8Array([...p, ...a, ...b]));

  it('never throw, and every row is imported, listed or recognised', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name, bytes }), { minLength: 1, maxLength: 3 }), (files: FileInput[]) => {
        accountsForEveryRow(previewImport(files, open));
      }),
      { numRuns: 300 },
    );
  });
});

// CSV by a grammar: a header for a sheet, then rows of cells good and bad.
const HEADERS = {
  Grades: ['Grade', 'Annual cost'],
  Posts: ['Title', 'Grade', 'FTE', 'Start', 'End', 'Months'],
  Costs: ['Description', 'Year', 'Amount', 'Quantity', 'Unit cost'],
  Savings: ['Line', 'Type', 'Recurring', '2021/22', '2022/23 (£000)'],
  Scenarios: ['Assumption', 'Cautious', 'Bold'],
} as const;
type Kind = keyof typeof HEADERS;

const word = fc.constantFrom('Band A', 'Manager', 'Saving', 'Target', 'Yes', 'Pay award %', 'constructor', '__proto__', 'Total', 'Sub Total', 'Team', '* funded from reserves', 'N/A', '-', '');
const value = fc.constantFrom('1', '0.5', '-1', '£39,820', '(1,234)', '2021-04', 'Apr 2022', '31/02/2018', '2021/22', '9999/00', '0x10', '1e308', 'Infinity', '1001', '12 months', '£1.2m', 'TBC', '5%', '0001-04', '601');
/** A cell as written in the file, and whether it reads as blank. */
type Cell = { text: string; blank: boolean };
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
const cellArb = (delimiter: string): fc.Arbitrary<Cell> =>
  fc.oneof(
    word.map((w) => ({ text: w, blank: w.trim() === '' })),
    value.map((v) => ({ text: v, blank: false })),
    // Quoted properly, with the delimiter, a quote or a line break inside (never starting with a quote).
    fc.tuple(word, fc.constantFrom(delimiter, '\n', '\r\n', '""x""', ' ')).map(([w, inside]) => ({ text: quoted(`${w || 'x'}${inside.replace(/""/g, '"')}end`), blank: false })),
    // Stray quotes, as people type them.
    word.map((w) => ({ text: `"${w || 'Senior'}" Practitioner`, blank: false })),
    word.map((w) => ({ text: `Senior "${w || 'Lead'}" Officer`, blank: false })),
    word.map((w) => ({ text: `"${w || 'Unclosed'}`, blank: false })),
    fc.string({ maxLength: 6, unit: fc.constantFrom('a', '1', ' ', '£', '.', '-', '/', '*', '(', ')') }).map((s) => ({ text: s, blank: s.trim() === '' })),
  );

const fileArb = fc.constantFrom<Kind>('Grades', 'Posts', 'Costs', 'Savings', 'Scenarios').chain((kind) =>
  fc.constantFrom(',', ';', '\t').chain((delimiter) =>
    fc.record({
      kind: fc.constant(kind),
      delimiter: fc.constant(delimiter),
      caption: fc.boolean(),
      rows: fc.array(
        fc.oneof(
          { weight: 6, arbitrary: fc.array(cellArb(delimiter), { minLength: 1, maxLength: HEADERS[kind].length + 2 }) },
          { weight: 1, arbitrary: fc.constant([] as Cell[]) },
          { weight: 1, arbitrary: fc.constant<Cell[]>([{ text: 'Total', blank: false }, { text: '', blank: true }, { text: '1,000', blank: false }]) },
          { weight: 1, arbitrary: fc.constant<Cell[]>([{ text: 'Older Adults', blank: false }]) },
        ),
        { maxLength: 12 },
      ),
      lineEnd: fc.constantFrom('\n', '\r\n'),
    }),
  ),
);

describe('CSV for each sheet, valid and slightly broken', () => {
  it('never throws, and rows in = rows imported + rows listed + rows recognised', () => {
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 1, maxLength: 3 }), (specs) => {
        const files = specs.map((spec, i) => {
          const records: Cell[][] = [
            ...(spec.caption ? [[{ text: '£000s', blank: false }]] : []),
            HEADERS[spec.kind].map((h) => ({ text: h, blank: false })),
            ...spec.rows,
          ];
          const text = records.map((r) => r.map((c) => c.text).join(spec.delimiter)).join(spec.lineEnd) + spec.lineEnd;
          return { spec, records, input: { name: `${spec.kind.toLowerCase()}-${i}.csv`, bytes: new TextEncoder().encode(text) }, text };
        });
        const preview = previewImport(files.map((f) => f.input), open);
        accountsForEveryRow(preview);
        for (const [i, { spec, records, text }] of files.entries()) {
          const read = preview.files[i];
          // Counted from what was written, where the file's delimiter is the one found.
          if (parseCsv(text).delimiter !== spec.delimiter || read.refused) continue;
          const rowsIn = records.filter((r, at) => at + 1 > read.headerRow && r.some((c) => !c.blank)).length;
          expect(read.rows.read, text).toBe(rowsIn);
        }
      }),
      { numRuns: 300 },
    );
  });
});
