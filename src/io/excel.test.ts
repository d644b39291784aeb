// The Excel download worked out by LibreOffice, an engine none of us wrote:
// every Summary figure must agree with the app's to the penny, and follow a
// change made in the file itself. Needs LibreOffice (`soffice`); without it
// these tests fail, saying how to install it.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { recalculatedSheet } from '../../test/libreoffice';
import { costWorkbook, type Results } from '../model/costing';
import { formatFinancialYear } from '../model/periods';
import type { Workbook } from '../model/workbook';
import { exampleWorkbook } from './example';
import { excelBook, workbookXlsx } from './excel';
import { SUMMARY_HEADER } from './export';

const TODAY = new Date(Date.UTC(2026, 0, 1));
const LIBREOFFICE = { timeout: 240_000 };

/** The app's summary, row by row, as the summary CSV lays it out. */
function appSummary(results: Results): (string | number)[][] {
  return results.scenarios.flatMap((s) => s.years.map((y) => [s.name, formatFinancialYear(y.year), y.staff, y.other, y.savings, y.target, y.target - y.savings, y.net, y.cumulative, y.discounted, y.external]));
}

/** Every figure of the recalculated Summary against the app's, to the penny. */
function expectSameSummary(rows: string[][], results: Results) {
  expect(rows[0]).toEqual([...SUMMARY_HEADER]);
  const want = appSummary(results);
  expect(rows.length - 1).toBe(want.length);
  want.forEach((row, i) => {
    const got = rows[i + 1];
    expect(got.slice(0, 2), `row ${i + 2}`).toEqual(row.slice(0, 2));
    row.slice(2).forEach((figure, c) => {
      const value = Number(got[c + 2]);
      expect(Math.abs(value - (figure as number)), `${row[0]} ${row[1]} ${SUMMARY_HEADER[c + 2]}: LibreOffice ${got[c + 2]}, the app ${figure}`).toBeLessThan(0.005);
    });
  });
}

const staffTotal = (rows: string[][], scenario: string) => rows.filter((r) => r[0] === scenario).reduce((sum, r) => sum + Number(r[2]), 0);

async function xlsxOf(workbook: Workbook) {
  const results = costWorkbook(workbook, TODAY);
  return { results, bytes: await workbookXlsx(workbook, results) };
}

describe('the Excel workbook, recalculated by LibreOffice', () => {
  it('works out every Summary figure of the built-in example as the app does, to the penny', LIBREOFFICE, async () => {
    const { results, bytes } = await xlsxOf(exampleWorkbook());
    const rows = recalculatedSheet(bytes, 'Summary');
    expectSameSummary(rows, results);
    // The published implementation cost, £578,026, is 578,025.50 before the report rounded it.
    expect(staffTotal(rows, 'Proposed investment')).toBeCloseTo(578_025.5, 2);
  });

  it('follows a grade cost changed in the file: Band E at £70,000 costs the proposal £603,421', LIBREOFFICE, async () => {
    const { bytes } = await xlsxOf(exampleWorkbook());
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
    const grades = file.getWorksheet('Grades')!;
    let changed = 0;
    grades.eachRow((row) => {
      if (row.getCell(1).value === 'Band E') {
        row.getCell(2).value = 70_000;
        changed++;
      }
    });
    expect(changed).toBe(1);
    const rows = recalculatedSheet(new Uint8Array(await file.xlsx.writeBuffer()), 'Summary');
    // Band E is 39 months of 1 FTE in the proposal (Strategic Development Manager 24, Commissioning Manager 15):
    // 578,025.50 + (70,000 - 62,186) x 39 / 12 = 578,025.50 + 25,395.50.
    expect(staffTotal(rows, 'Proposed investment')).toBeCloseTo(603_421, 2);
  });

  it('names every assumption, so a formula reads like the rule', () => {
    const workbook = exampleWorkbook();
    const book = excelBook(workbook, costWorkbook(workbook, TODAY));
    expect(book.names.map((n) => n.name)).toEqual(expect.arrayContaining(['PayAward', 'DiscountRate', 'SavingsDelivery', 'Recruitment', 'StartDelay', 'SavingsDelay', 'OptimismBias']));
    const grades = book.sheets.find((s) => s.name === 'Grades')!;
    expect(grades.rows[0]).toEqual(['Grade', 'Annual cost']);
    expect(grades.rows[1]).toEqual(['Band A', 39820]);
  });
});
