import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import { emptyWorkbook } from '../model/workbook';
import { parseCsv } from './csv';
import { applyImport, previewImport } from './import';
import { scenariosCsv } from './scenarios-sheet';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const SHEET = [
  'Assumption,Do nothing,Proposed investment,Half recruited,Savings a year late',
  'Pay award %,,,5%,',
  'Recruitment %,,,50,',
  'Start delay (months),,,,',
  'Savings delivery %,,,,80',
  'Savings delay (months),,,,12',
  'Optimism bias %,,,,',
  'Discount rate %,,,,',
  'ReferralsPerWeek,,,40,',
].join('\n');

it('reads a column per scenario and a row per assumption; 5 and 5% are both five percent; blank is the workbook’s', () => {
  const preview = previewImport([file('what-ifs.csv', SHEET)], carePlanningWorkbook());
  expect(preview.files[0].kind).toBe('Scenarios');
  expect(preview.files[0].lines).toBe(4);
  expect(preview.sheets.scenarios!.map((s) => [s.name, s.overrides])).toEqual([
    ['Do nothing', {}],
    ['Proposed investment', {}],
    ['Half recruited', { payAward: 0.05, recruitment: 0.5 }],
    ['Savings a year late', { savingsDelivery: 0.8, savingsDelay: 12 }],
  ]);
  expect(preview.sheets.scenarios![2].other).toEqual({ ReferralsPerWeek: '40' });
  expect(preview.notes).toContain('what-ifs.csv: row “ReferralsPerWeek” is kept with the scenarios but not used in the figures yet.');
});

it('adds scenarios on top of a report and costs each: a year late at 80% saves 0.8 x 1,630,000 in 2019/20', () => {
  const open = carePlanningWorkbook();
  const wb = applyImport(open, previewImport([file('what-ifs.csv', SHEET)], open));
  expect(wb.posts).toEqual(open.posts);
  const late = costWorkbook(wb).scenarios.find((s) => s.name === 'Savings a year late')!;
  expect(late.years.map((y) => y.savings)).toEqual([0, 0, 0.8 * 1630000, 0.8 * 879000]);
  expect(late.beyondHorizon).toBeCloseTo(0.8 * 299000, 6);
});

it('updates a scenario of the same name, keeping the lines it holds', () => {
  const open = { ...emptyWorkbook('x'), scenarios: [{ name: 'Half recruited', overrides: { startDelay: 3 }, toggled: { posts: [1] } }] };
  const wb = applyImport(open, previewImport([file('s.csv', 'Assumption,Half recruited\nRecruitment %,50\n')], open));
  expect(wb.scenarios).toEqual([{ name: 'Half recruited', overrides: { recruitment: 0.5 }, toggled: { posts: [1] } }]);
});

it('refuses a value that is not a number, naming file, row and scenario', () => {
  const preview = previewImport([file('s.csv', 'Assumption,Late\nStart delay (months),soon\n')], emptyWorkbook('x'));
  expect(preview.problems).toEqual([{ file: 's.csv', row: 2, reason: 'Late, Start delay (months): “soon” is not a number' }]);
});

it('exports what it imports', () => {
  const scenarios = previewImport([file('what-ifs.csv', SHEET)], emptyWorkbook('x')).sheets.scenarios!;
  const text = scenariosCsv(scenarios);
  expect(parseCsv(text).rows[1]).toEqual(['Pay award %', '', '', '5', '']);
  const back = previewImport([file('again.csv', text)], emptyWorkbook('x')).sheets.scenarios!;
  expect(back).toEqual(scenarios);
});

it('reads a pay award set year by year: rows `Pay award % 2025/26` set single years, the rest take `Pay award %`, and write back as read', () => {
  const sheet = ['Assumption,Proposed investment,Cautious', 'Pay award %,2,', 'Pay award % 2025/26,3.2%,', 'Pay award % 2026/27,,0', 'Pay award % 2026/28,1,'].join('\n');
  const preview = previewImport([file('awards.csv', sheet)], emptyWorkbook('x'));
  const [proposal, cautious] = preview.sheets.scenarios!;
  expect(proposal.overrides).toEqual({ payAward: 0.02 });
  expect(proposal.payAwardByYear).toEqual({ 2025: 0.032 });
  expect(cautious.payAwardByYear).toEqual({ 2026: 0 });
  // `2026/28` is no financial year: refused with the reason, never read as some other year.
  expect(preview.problems).toEqual([{ file: 'awards.csv', row: 5, reason: 'Pay award % 2026/28: “2026/28” is not a financial year (2025/26 is)' }]);
  const csv = parseCsv(scenariosCsv([proposal, cautious])).rows;
  expect(csv).toContainEqual(['Pay award % 2025/26', '3.2', '']);
  expect(csv).toContainEqual(['Pay award % 2026/27', '', '0']);
});
