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
import { month } from '../model/periods';
import { emptyWorkbook } from '../model/workbook';
import { BENCH_SCENARIOS, syntheticCsv } from '../../bench/synthetic';
import { exampleWorkbook } from './example';
import { applyImport, previewImport } from './import';
import { previewFiles } from './xlsx';
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

  it('works out a 1,000-post workbook with every assumption moved as the app does, to the penny', LIBREOFFICE, async () => {
    const csv = syntheticCsv(1000);
    const files = Object.entries(csv).map(([name, text]) => ({ name: `${name}.csv`, bytes: new TextEncoder().encode(text) }));
    const imported = applyImport(emptyWorkbook('Large'), previewImport(files, emptyWorkbook('Large')));
    const workbook: Workbook = {
      ...imported,
      assumptions: { ...imported.assumptions, payAward: 0.02, payAwardByYear: { 2025: 0.032 }, optimismBias: 0.05 },
      // A post with its own pay, and a cost of inaction that only Do nothing holds.
      posts: imported.posts.map((p, i) => (i === 3 ? { ...p, annualCost: 51_234.56 } : i === 7 ? { ...p, doNothing: true } : p)),
      scenarios: [
        ...BENCH_SCENARIOS,
        // A late start slides posts (End and Months with them) and savings together: 17 months late with the savings delay.
        { name: 'Late start', overrides: { startDelay: 17, savingsDelay: 3 } },
        {
          name: 'Every assumption',
          overrides: { recruitment: 0.9, savingsDelivery: 0.8, savingsDelay: 7, startDelay: 5, optimismBias: 0.2, discountRate: 0.05, payAward: 0.03 },
          payAwardByYear: { 2026: 0.045 },
          toggled: { posts: [0, 5], costs: [0], savings: [1] },
        },
      ],
    };
    const { results, bytes } = await xlsxOf(workbook);
    expect(results.scenarios).toHaveLength(7);
    expect(results.scenarios.some((s) => s.years.some((y) => y.external > 0))).toBe(true);
    expectSameSummary(recalculatedSheet(bytes, 'Summary'), results);
  });

  it("moves a new post and its savings by the start delay, keeping the post's length (hand-worked)", LIBREOFFICE, async () => {
    const workbook: Workbook = {
      ...emptyWorkbook('Late start'),
      grades: [{ grade: 'Grade X', annualCost: 12_000 }],
      posts: [
        { title: 'Six months', grade: 'Grade X', fte: 1, team: '', group: '', start: month(2020, 4), end: month(2020, 9), months: null, funding: '' },
        { title: 'Ongoing', grade: 'Grade X', fte: 1, team: '', group: '', start: month(2020, 4), end: null, months: null, funding: '' },
      ],
      savings: [{ line: 'Saving', group: '', type: 'Saving', recurring: false, amounts: { 2020: 1_200 } }],
      scenarios: [{ name: 'Three months late', overrides: { startDelay: 3 } }],
    };
    const rows = recalculatedSheet(await workbookXlsx(workbook, costWorkbook(workbook, TODAY)), 'Summary');
    const late = rows.filter((r) => r[0] === 'Three months late');
    expect(late.map((r) => r[1])).toEqual(['2020/21', '2021/22', '2022/23', '2023/24']);
    // Six months: Jul to Dec 2020, still 6 months at £1,000 a month. Ongoing: Jul 2020 on, 9 months in 2020/21.
    expect(late.map((r) => Number(r[2]))).toEqual([6_000 + 9_000, 12_000, 12_000, 12_000]);
    // The saving arrives 3 months late: a quarter of it moves into 2021/22.
    expect(late.map((r) => Number(r[4]))).toEqual([900, 300, 0, 0]);
  });

  it('keeps an FTE typed as a formula of named assumptions, so changing one in the file moves the cost (hand-worked)', LIBREOFFICE, async () => {
    const workbook: Workbook = {
      ...emptyWorkbook('Caseload'),
      userAssumptions: [
        { name: 'ReferralsPerWeek', value: 40, unit: 'number', note: '' },
        { name: 'CasesPerWorker', value: 8, unit: 'number', note: '' },
      ],
      grades: [{ grade: 'Social worker', annualCost: 36_000 }],
      posts: [{ title: 'Social workers', grade: 'Social worker', fte: 5, team: '', group: '', start: month(2024, 4), end: month(2025, 3), months: null, funding: '', formulas: { fte: '=ReferralsPerWeek/CasesPerWorker' } }],
    };
    const results = costWorkbook(workbook, TODAY);
    const bytes = await workbookXlsx(workbook, results);
    // As the app: 40 / 8 = 5 FTE x £36,000 for the 12 months of 2024/25.
    expectSameSummary(recalculatedSheet(bytes, 'Summary'), results);
    expect(results.scenarios[1].years[0].staff).toBe(180_000);

    const file = new ExcelJS.Workbook();
    await file.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(file.getWorksheet('Posts')!.getCell('C2').formula).toBe('ReferralsPerWeek/CasesPerWorker');
    const assumptions = file.getWorksheet('Assumptions')!;
    assumptions.eachRow((row) => {
      if (row.getCell(1).value === 'ReferralsPerWeek') row.getCell(2).value = 48;
    });
    const rows = recalculatedSheet(new Uint8Array(await file.xlsx.writeBuffer()), 'Summary');
    // 48 / 8 = 6 FTE x £36,000.
    expect(Number(rows.find((r) => r[0] === 'Proposed investment' && r[1] === '2024/25')![2])).toBeCloseTo(216_000, 2);
  });

  it('names every assumption, so a formula reads like the rule', () => {
    const workbook = exampleWorkbook();
    const book = excelBook(workbook, costWorkbook(workbook, TODAY));
    expect(book.names.map((n) => n.name)).toEqual(expect.arrayContaining(['PayAward', 'DiscountRate', 'SavingsDelivery', 'Recruitment', 'StartDelay', 'SavingsDelay', 'OptimismBias']));
    const grades = book.sheets.find((s) => s.name === 'Grades')!;
    expect(grades.rows[0]).toEqual(['Grade', 'Annual cost']);
    expect(grades.rows[1]).toEqual(['Band A', 39820]);
  });

  it('carries the workbook’s ranges as a Ranges worksheet the importer reads back, so a round trip through Excel keeps them', async () => {
    const workbook: Workbook = { ...exampleWorkbook(), ranges: { savingsDelivery: [0.1, 0.4], startDelay: [2, 9] } };
    const bytes = await workbookXlsx(workbook, costWorkbook(workbook, TODAY));
    const sheet = excelBook(workbook, costWorkbook(workbook, TODAY)).sheets.find((s) => s.name === 'Ranges')!;
    // As the Ranges CSV writes them: a % row in percent (10 for 10%), months as months.
    expect(sheet.rows[0]).toEqual(['Assumption', 'Low', 'High']);
    expect(sheet.rows).toContainEqual(['Savings delivery %', 10, 40]);
    expect(sheet.rows).toContainEqual(['Start delay (months)', 2, 9]);
    const preview = await previewFiles([{ name: 'model.xlsx', bytes }], emptyWorkbook('Back'));
    const back = applyImport(emptyWorkbook('Back'), preview);
    expect(back.ranges?.savingsDelivery).toEqual([0.1, 0.4]);
    expect(back.ranges?.startDelay).toEqual([2, 9]);
  });

  it("writes a formula that reads a cell of Savings or Assumptions as its value: their columns differ from the app's", () => {
    const workbook: Workbook = {
      ...emptyWorkbook('Formulas'),
      userAssumptions: [{ name: 'Rate', value: '=Assumptions!B2*2', unit: 'number', note: '' }],
      posts: [
        { title: 'A', grade: '', fte: 2, team: '', group: '', start: null, end: null, months: null, funding: '', formulas: { fte: '=C3' } },
        { title: 'B', grade: '', fte: 2, team: '', group: '', start: null, end: null, months: null, funding: '' },
      ],
      savings: [{ line: 'S', group: '', type: 'Saving', recurring: false, amounts: { 2024: 10, 2025: 20 }, formulas: { y2025: '=F2*2' } }],
    };
    const book = excelBook(workbook, costWorkbook(workbook, TODAY));
    const sheet = (name: string) => book.sheets.find((s) => s.name === name)!;
    // Posts keep the app's columns: C3 is the next post's FTE in both.
    expect(sheet('Posts').rows[1][2]).toEqual({ formula: 'C3', result: 2 });
    expect(sheet('Savings').rows[1].slice(5)).toEqual([10, 20]);
    expect(sheet('Assumptions').rows.find((r) => r[0] === 'Rate')![1]).toBeNull();
  });
});
