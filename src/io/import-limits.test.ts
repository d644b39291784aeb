// What an adversarial review of CSV import found: each case is a file a
// person could really bring, and each says what the preview must show.
import { describe, expect, it } from 'vitest';
import { emptyWorkbook } from '../model/workbook';
import { decode, parseCsv } from './csv';
import { importedLines, previewImport, reasonsSummary, type FileInput } from './import';
import { problemsCsv } from './export';
import { readMoney, readMonth, readNumber } from './values';
import { readPeriod } from './period';

const file = (name: string, text: string): FileInput => ({ name, bytes: new TextEncoder().encode(text) });
const grades = file('Grades.csv', 'Grade,Annual cost\nBand E,62186\n');
const open = emptyWorkbook('x');

describe('a stray quote mark', () => {
  const posts = file('Posts.csv', 'Title,Grade,FTE,Start\nManager,Band E,1,2021-04\n"Senior" Practitioner,Band E,1,2021-04\nClerk,Band E,1,2021-04\nAnalyst,Band E,0.5,2021-04\n');

  it('is read as the text the person wrote, and the rows after it still come in', () => {
    const preview = previewImport([grades, posts], open);
    expect(preview.sheets.posts!.map((p) => p.title)).toEqual(['Manager', '"Senior" Practitioner', 'Clerk', 'Analyst']);
    expect(preview.problems).toEqual([]);
    expect(preview.notes.join(' ')).toMatch(/Posts\.csv row 3: .*quote mark/);
  });

  it('inside a field is kept as written, and a field that opens a quote and never closes it ends at its line', () => {
    expect(parseCsv('A,B,C\nx,Senior "Lead" Officer,1\n"Unclosed,Band,2\nlast,row,3\n').rows).toEqual([
      ['A', 'B', 'C'],
      ['x', 'Senior "Lead" Officer', '1'],
      ['"Unclosed', 'Band', '2'],
      ['last', 'row', '3'],
    ]);
  });

  it('leaves proper quoting alone: doubled quotes, delimiters and line breaks inside quotes', () => {
    expect(parseCsv('A,B\n"He said ""hi""","1,000"\n"two\nlines",x\n"",""\n').rows).toEqual([
      ['A', 'B'],
      ['He said "hi"', '1,000'],
      ['two\nlines', 'x'],
    ]);
  });

  it('numbers rows as a spreadsheet does: a blank line is a row', () => {
    const preview = previewImport([grades, file('p.csv', 'Title,Grade,FTE\nA,Band E,1\n\nB,Band E,one\n')], open);
    expect(preview.problems).toEqual([{ file: 'p.csv', row: 4, reason: 'FTE: “one” is not a number' }]);
  });
});

describe('values no person would write are refused with a reason', () => {
  it.each(['0x10', 'Infinity', '1e308', '0b1', '0o7', '1e3', '+Infinity', 'NaN'])('the number “%s”', (text) => {
    expect(readNumber(text)).toEqual({ problem: expect.stringContaining(`“${text}”`) });
  });

  it('an FTE beyond ±1,000 on one line', () => {
    const preview = previewImport([grades, file('p.csv', 'Title,Grade,FTE\nA,Band E,1000\nB,Band E,1001\nC,Band E,-5000\n')], open);
    expect(preview.sheets.posts!.map((p) => p.title)).toEqual(['A']);
    expect(preview.problems.map((p) => [p.row, p.reason])).toEqual([
      [3, expect.stringMatching(/^FTE: 1001 is more than 1,000 FTE on one line/)],
      [4, expect.stringMatching(/^FTE: -5000 is more than 1,000 FTE on one line/)],
    ]);
  });

  it('money beyond £10bn on one line, in any unit', () => {
    expect(readMoney('99999999999999999999')).toEqual({ problem: expect.stringMatching(/more than £10bn/) });
    const preview = previewImport([file('c.csv', 'Description,Amount (£m)\nPilot,20000\nKit,1.5\n')], open);
    expect(preview.sheets.costs!.map((c) => c.amount)).toEqual([1_500_000]);
    expect(preview.problems).toEqual([{ file: 'c.csv', row: 2, reason: expect.stringMatching(/^Amount: .*more than £10bn/) }]);
  });

  it.each(['31/02/2018', '99/04/2018', '00/04/2018', '2018-02-30', '0001-04', '9999-04', '01/04/1899'])('the date “%s”', (text) => {
    expect(readMonth(text)).toEqual({ problem: expect.stringContaining(`“${text}”`) });
  });

  it('reads real dates still, leap days included', () => {
    expect(readMonth('29/02/2020')).toBe(2020 * 12 + 1);
    expect(readMonth('31/03/2019')).toBe(2019 * 12 + 2);
  });

  it('a period with an impossible date in it, or more than 600 months', () => {
    expect(readPeriod('31/02/2018 - 31/03/2019')).toEqual({ problem: expect.stringContaining('31/02/2018') });
    expect(readPeriod('April 0001 - March 2019')).toEqual({ problem: expect.stringContaining('0001') });
    expect(readPeriod('100000 months')).toEqual({ problem: expect.stringMatching(/at most 600 months/) });
    const preview = previewImport([grades, file('p.csv', 'Title,Grade,FTE,Start,Months\nA,Band E,1,2021-04,601\nB,Band E,1,2021-04,600\n')], open);
    expect(preview.problems).toEqual([{ file: 'p.csv', row: 2, reason: expect.stringMatching(/^Months: .*at most 600 months/) }]);
  });

  it('a financial year outside 1990/91 to 2100/01, in a Year column or as a column of years', () => {
    const preview = previewImport([file('c.csv', 'Description,Year,Amount\nPilot,9999/00,5\nKit,2021/22,5\n')], open);
    expect(preview.problems).toEqual([{ file: 'c.csv', row: 2, reason: expect.stringMatching(/^Year: “9999\/00” .*1990\/91 to 2100\/01/) }]);
    const savings = previewImport([file('s.csv', 'Line,2021/22,9999/00\nHomecare,5,5\n')], open);
    expect(savings.sheets.savings![0].amounts).toEqual({ 2021: 5 });
    expect(savings.notes.join(' ')).toMatch(/“9999\/00”.*1990\/91 to 2100\/01/);
  });
});

describe('more lines than the app holds', () => {
  it('are refused in the preview with the count, not at Import with the engine’s words', () => {
    const rows = 'A,Band E,1\n'.repeat(200_000);
    const preview = previewImport([grades, file('big.csv', `Title,Grade,FTE\n${rows}`)], open);
    const big = preview.files[1];
    expect(big.refused).toBe('big.csv has 200,000 rows; the app holds at most 199,999 lines in a sheet. Split it, or import the lines you need.');
    expect(big.lines).toBe(0);
    expect(preview.sheets.posts).toBeUndefined();
  });
});

describe('many refused rows and many columns', () => {
  it('a file of 10,000 columns is read to its first 256, saying how many were left', () => {
    const header = ['Title', 'Grade', 'FTE', ...Array.from({ length: 9_997 }, (_, i) => `Extra ${i}`)].join(',');
    const row = ['Post', 'Band E', '1', ...Array.from({ length: 9_997 }, (_, i) => String(i))].join(',');
    const preview = previewImport([grades, file('wide.csv', `${header}\n${row}\n`)], open);
    const wide = preview.files[1];
    expect(wide.header).toHaveLength(256);
    expect(wide.sample[0]).toHaveLength(256);
    expect(importedLines(preview)).toBe(2);
    expect(preview.notes.join(' ')).toMatch(/wide\.csv has 10,000 columns; only the first 256 are read/);
    // The note on columns not read names a few, not ten thousand.
    expect(preview.notes.join(' ').length).toBeLessThan(2_000);
  });
});

describe('names that are JavaScript’s own', () => {
  it('a Savings Type of “constructor” or “__proto__” is refused, and the rest imports', () => {
    const preview = previewImport([file('s.csv', 'Line,Type,2021/22\nA,constructor,5\nB,__proto__,6\nC,Saving,7\n')], open);
    expect(preview.sheets.savings!.map((s) => s.line)).toEqual(['C']);
    expect(preview.problems.map((p) => p.reason)).toEqual(['Type: “constructor” is neither Saving nor Target', 'Type: “__proto__” is neither Saving nor Target']);
    expect(() => structuredClone(preview)).not.toThrow();
  });

  it('a Scenarios row labelled “__proto__” is kept, as the preview says', () => {
    const preview = previewImport([file('scenarios.csv', 'Assumption,Cautious\n__proto__,5\nconstructor,6\n')], open);
    const cautious = preview.sheets.scenarios![0];
    expect(Object.getPrototypeOf(cautious.other)).toBe(null);
    expect(Object.entries(cautious.other!)).toEqual([['__proto__', '5'], ['constructor', '6']]);
    expect(preview.notes.join(' ')).toMatch(/row “__proto__” is kept/);
  });

  it('a file named “constructor” or “__proto__.csv” is read from its headers, and can be chosen as a sheet', () => {
    const files = [file('constructor', 'Grade,Annual cost\nBand E,1\n'), file('__proto__.csv', 'Description,Amount\nPilot,5\n')];
    expect(previewImport(files, open).files.map((f) => f.kind)).toEqual(['Grades', 'Costs']);
    const chosen = previewImport(files, open, { readAs: new Map([['__proto__.csv', null]]), columns: new Map([['constructor', { annualCost: null }]]) });
    expect(chosen.files.map((f) => f.refused)).toEqual(['A Grades file needs Annual cost.', 'You chose not to import it.']);
  });
});

describe('files that are not CSV text', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  const utf16 = (text: string, bigEndian: boolean) => {
    const out = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      out.push(...(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
    }
    return new Uint8Array(out);
  };

  it('reads Excel’s “Unicode Text” (UTF-16 with a byte-order mark, tabs) either way round', () => {
    const text = 'Grade\tAnnual cost\r\nBand E\t£62,186\r\n';
    for (const bigEndian of [false, true]) {
      expect(decode(utf16(text, bigEndian))).toBe(text);
      const preview = previewImport([{ name: 'Grades.txt.csv', bytes: utf16(text, bigEndian) }], open);
      expect(preview.sheets.grades).toEqual([{ grade: 'Band E', annualCost: 62186 }]);
    }
  });

  it('a zip that is not a workbook, or an old .xls renamed .csv, is refused, saying how to save it as .xlsx or CSV', () => {
    const zip = previewImport([{ name: 'Budget.csv', bytes: bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0) }], open);
    expect(zip.files[0].refused).toMatch(/^Budget\.csv is a zip file but not an Excel workbook this app can read .* save it as Excel Workbook \(\.xlsx\) or CSV UTF-8/);
    const xls = previewImport([{ name: 'Old.csv', bytes: bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1) }], open);
    expect(xls.files[0].refused).toMatch(/^Old\.csv is an old-style Excel workbook \(\.xls\).*Excel Workbook \(\.xlsx\) or CSV UTF-8/);
    expect(xls.problems).toEqual([]);
  });

  it('a binary file is refused in plain words', () => {
    const preview = previewImport([{ name: 'photo.csv', bytes: bytes(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x41) }], open);
    expect(preview.files[0].refused).toBe('photo.csv is not a text file (it holds binary data), so it cannot be read as CSV.');
  });
});

describe('100,000 refused rows', () => {
  const rows = Array.from({ length: 100_000 }, (_, i) => (i % 4 === 3 ? `Post ${i},Band E,${i}x` : `Post ${i},Band E,one`)).join('\n');
  const preview = previewImport([grades, file('p.csv', `Title,Grade,FTE\n${rows}\n`)], open);

  it('are summarised by reason, most common first', () => {
    expect(preview.problems).toHaveLength(100_000);
    expect(reasonsSummary(preview.problems)).toEqual([
      { reason: 'FTE: “…” is not a number', rows: 100_000 },
    ]);
    expect(reasonsSummary([...preview.problems.slice(0, 3), { file: 'p.csv', row: 9, reason: 'Title is blank' }])).toEqual([
      { reason: 'FTE: “…” is not a number', rows: 3 },
      { reason: 'Title is blank', rows: 1 },
    ]);
  });

  it('are all in the CSV of rows not imported, with file, row and reason', () => {
    const csv = parseCsv(problemsCsv(preview.problems)).rows;
    expect(csv[0]).toEqual(['File', 'Row', 'Reason']);
    expect(csv).toHaveLength(100_001);
    expect(csv[100_000]).toEqual(['p.csv', '100001', 'FTE: “99999x” is not a number']);
  });
});
