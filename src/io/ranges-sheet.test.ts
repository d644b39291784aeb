import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { readWorkbook } from '../model/schema';
import { backupFile, readBackup } from './backup';
import { rangesOf } from '../model/sensitivity';
import { parseCsv } from './csv';
import { applyImport, previewImport } from './import';
import { rangesCsv } from './ranges-sheet';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const SHEET = ['Assumption,Low,High', 'Pay award %,1,4%', 'Start delay (months),0,6', 'Savings delivery %,60%,100'].join('\n');

it('is recognised by its headers, whatever the file is called; 5 and 5% are both five percent, months are months', () => {
  const preview = previewImport([file('assumptions.csv', SHEET)], carePlanningWorkbook());
  expect(preview.files[0].kind).toBe('Ranges');
  expect(preview.problems).toEqual([]);
  expect(preview.sheets.ranges).toEqual({ payAward: [0.01, 0.04], startDelay: [0, 6], savingsDelivery: [0.6, 1] });
});

it('replaces the ranges it names and keeps the rest', () => {
  const open = { ...carePlanningWorkbook(), ranges: { optimismBias: [0.1, 0.2] as [number, number], payAward: [0, 0.1] as [number, number] } };
  const wb = applyImport(open, previewImport([file('r.csv', SHEET)], open));
  expect(wb.ranges).toEqual({ optimismBias: [0.1, 0.2], payAward: [0.01, 0.04], startDelay: [0, 6], savingsDelivery: [0.6, 1] });
});

it('refuses, naming file, row and reason, a Low above its High, a value no one could mean, an unknown row and a half-given range', () => {
  const text = ['Assumption,Low,High', 'Savings delivery %,90,50', 'Recruitment %,-10,50', 'Referrals,1,2', 'Optimism bias %,,40', 'Discount rate %,,'].join('\n');
  const preview = previewImport([file('ranges.csv', text)], carePlanningWorkbook());
  expect(preview.problems).toEqual([
    { file: 'ranges.csv', row: 2, reason: 'Savings delivery %: Low (90) is above High (50)' },
    { file: 'ranges.csv', row: 3, reason: 'Recruitment % is from 0% to 1,000%' },
    { file: 'ranges.csv', row: 4, reason: expect.stringMatching(/^“Referrals” is not an assumption with a range \(Pay award %, /) },
    { file: 'ranges.csv', row: 5, reason: 'Optimism bias %: Low is blank; give both ends, or neither to leave the range as it is' },
  ]);
  expect(preview.notes).toContain('ranges.csv: row 6 (Discount rate %) has no Low and no High; its range is left as it is.');
  expect(preview.sheets.ranges).toEqual({});
});

it('downloads every range and reads back to the same workbook', () => {
  const open = { ...carePlanningWorkbook(), ranges: { payAward: [0.015, 0.07] as [number, number], savingsDelay: [3, 18] as [number, number] } };
  const csv = rangesCsv(open);
  const rows = parseCsv(csv).rows;
  expect(rows[0]).toEqual(['Assumption', 'Low', 'High']);
  expect(rows).toContainEqual(['Pay award %', '1.5', '7']);
  expect(rows).toContainEqual(['Savings delay (months)', '3', '18']);
  expect(rows).toContainEqual(['Discount rate %', '1.5', '6']);
  const back = applyImport(carePlanningWorkbook(), previewImport([file('x.csv', csv)], carePlanningWorkbook()));
  expect(rangesOf(back)).toEqual(rangesOf(open));
});

it('keeps a workbook’s ranges and risk settings through the schema, and refuses a Low above its High', () => {
  const wb = { ...carePlanningWorkbook(), ranges: { payAward: [0.01, 0.04] as [number, number] }, risk: { seed: 42, runs: 5000 } };
  expect(readWorkbook(JSON.parse(JSON.stringify(wb)))).toEqual({ workbook: wb });
  expect(readWorkbook({ ...wb, ranges: { payAward: [0.04, 0.01] } })).toEqual({ problem: 'the workbook has a range for Pay award % whose Low is above its High' });
  expect(readWorkbook({ ...wb, risk: { seed: -1, runs: 5000 } })).toEqual({ problem: 'the workbook has a seed that is not a whole number from 0 to 4,294,967,295 (“-1”)' });
});

it('travels in the workbook file with the seed and runs, and opens the same', () => {
  const wb = { ...carePlanningWorkbook(), ranges: { savingsDelivery: [0.2, 0.9] as [number, number], startDelay: [1, 9] as [number, number] }, risk: { seed: 7, runs: 20000 } };
  expect(readBackup(backupFile(wb))).toEqual(wb);
});
