// Excel workbooks: each worksheet goes through the CSV files' pipeline, as
// the import worker runs it (previewFiles). The fixture was written by
// LibreOffice from the example's CSV files (scripts/make-xlsx-fixture.js).
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { emptyWorkbook } from '../model/workbook';
import { applyImport, previewImport, type FileInput } from './import';
import { cellText, previewFiles } from './xlsx';

const workbook = readFileSync(new URL('../../test/fixtures/care-planning-2017.xlsx', import.meta.url));
const example = (name: string): FileInput => ({ name, bytes: readFileSync(new URL(`../example/care-planning-2017/${name}`, import.meta.url)) });
const open = emptyWorkbook('new');

/** A zip of stored (uncompressed) entries: the smallest honest zip file. */
function zipOf(entries: Record<string, string>): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  let count = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = [...new TextEncoder().encode(text)];
    const path = [...new TextEncoder().encode(name)];
    const crc = crc32(new Uint8Array(data));
    const common = [...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(path.length), ...u16(0)];
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(local.length), ...path);
    local.push(...u32(0x04034b50), ...common, ...path, ...data);
    count++;
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...end]);
}

describe('the care-planning workbook, as LibreOffice saved it', async () => {
  const preview = await previewFiles([{ name: 'care-planning-2017.xlsx', bytes: workbook }], open);
  const csv = previewImport(['Grades.csv', 'Posts.csv', 'Savings.csv'].map(example), open);
  const sheet = (name: string) => preview.files.find((f) => f.name === `care-planning-2017.xlsx: ${name}`)!;

  it('offers each worksheet as a file of its own, named workbook: sheet', () => {
    expect(preview.files.map((f) => [f.name, f.kind, f.lines])).toEqual([
      ['care-planning-2017.xlsx: Grades', 'Grades', 5],
      ['care-planning-2017.xlsx: Posts', 'Posts', 8],
      ['care-planning-2017.xlsx: Savings', 'Savings', 2],
      ['care-planning-2017.xlsx: Notes', null, 0],
    ]);
    expect(preview.problems).toEqual([]);
  });

  it('reads the same lines as the example’s CSV files, and the report typed in by hand', () => {
    expect(preview.sheets.grades).toEqual(csv.sheets.grades);
    expect(preview.sheets.posts).toEqual(csv.sheets.posts);
    expect(preview.sheets.savings).toEqual(csv.sheets.savings);
    const wb = applyImport(open, preview);
    const hand = carePlanningWorkbook();
    expect([wb.grades, wb.posts, wb.savings]).toEqual([hand.grades, hand.posts, hand.savings]);
  });

  it('gives date cells as dates, money as plain numbers, and a formula as its saved value', () => {
    const posts = sheet('Posts');
    expect(posts.sample[0]).toEqual(['Strategic Development Manager', 'Band E', '1', 'Strategic Commissioning', 'Older Adults', '01/04/2018', '01/03/2020', '', 'Council']);
    // Band E's cost is typed as =60000+2186 in the workbook.
    expect(sheet('Grades').sample[3]).toEqual(['Band E', '62186']);
    expect(sheet('Savings').sample[0].slice(3)).toEqual(['1500000', '749000', '100000']);
  });

  it('numbers rows as the worksheet does: header on row 3 under a caption and a blank row', async () => {
    expect(sheet('Posts').headerRow).toBe(3);
    // Read the grade from the Team column: every post is refused, each on its worksheet row.
    const wrong = await previewFiles([{ name: 'care-planning-2017.xlsx', bytes: workbook }], open, { columns: new Map([['care-planning-2017.xlsx: Posts', { grade: 3 }]]) });
    const rows = wrong.problems.filter((p) => p.file === 'care-planning-2017.xlsx: Posts').map((p) => p.row);
    expect(rows).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('skips a blank worksheet with a note', () => {
    expect(preview.files.some((f) => f.name.endsWith('Blank'))).toBe(false);
    expect(preview.notes).toContain('care-planning-2017.xlsx: worksheet “Blank” is empty, so it is skipped.');
  });

  it('refuses a worksheet that is not a table, saying why', () => {
    expect(sheet('Notes').refused).toMatch(/^Its headers \(Notes\) are not those of Grades, Posts, Costs or Savings\.$/);
  });

  it('reads a workbook renamed .csv as the workbook it is', async () => {
    const renamed = await previewFiles([{ name: 'Budget.csv', bytes: workbook }], open);
    expect(renamed.files.map((f) => f.name).slice(0, 3)).toEqual(['Budget.csv: Grades', 'Budget.csv: Posts', 'Budget.csv: Savings']);
    expect(renamed.sheets.posts).toEqual(csv.sheets.posts);
  });
});

describe('files that are not workbooks it can read', () => {
  it('refuses an old .xls workbook, saying to save it as .xlsx or CSV', async () => {
    const xls = await previewFiles([{ name: 'Budget.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }], open);
    expect(xls.files[0].refused).toBe('Budget.xls is an old-style Excel workbook (.xls), which this app cannot read: in Excel use File > Save As, choose Excel Workbook (.xlsx) or CSV UTF-8, and import that file.');
  });

  it('refuses a zip file that is not a workbook, in words', async () => {
    const docx = zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<document/>' });
    const preview = await previewFiles([{ name: 'Letter.xlsx', bytes: docx }], open);
    expect(preview.files.map((f) => f.name)).toEqual(['Letter.xlsx']);
    expect(preview.files[0].refused).toBe('Letter.xlsx is a zip file but not an Excel workbook this app can read (it may be damaged, or another kind of file). Open it in Excel and save it as Excel Workbook (.xlsx) or CSV UTF-8, and import that file.');
  });

  it('still reads CSV files alongside a workbook', async () => {
    const preview = await previewFiles([example('Grades.csv'), { name: 'Budget.xlsx', bytes: workbook }], open);
    expect(preview.files.map((f) => f.name).slice(0, 2)).toEqual(['Grades.csv', 'Budget.xlsx: Grades']);
  });
});

describe('a cell as the pipeline reads it', () => {
  it('writes numbers plainly: no exponent, no float noise', () => {
    expect(cellText(62186.499999999993)).toBe('62186.5');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(-1234.5)).toBe('-1234.5');
    expect(cellText(1e21)).toBe('1000000000000000000000');
    expect(cellText(1.5e-7)).toBe('0.00000015');
  });

  it('writes dates day first, as the period reader takes them, and booleans as Excel shows them', () => {
    expect(cellText(new Date(Date.UTC(2018, 3, 1)))).toBe('01/04/2018');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText(null)).toBe('');
    expect(cellText(' Band E ')).toBe(' Band E ');
  });
});
