import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import { month } from '../model/periods';
import { emptyWorkbook } from '../model/workbook';
import { parseCsv } from './csv';
import { postsCsv, summaryCsv } from './export';
import { applyImport, importedFiles, importedLines, previewImport, type FileInput } from './import';

const dir = new URL('../example/care-planning-2017/', import.meta.url);
const fixture = (name: string): FileInput => ({ name, bytes: readFileSync(new URL(name, dir)) });
const file = (name: string, text: string): FileInput => ({ name, bytes: new TextEncoder().encode(text) });

describe('importing the care-planning report’s CSV files', () => {
  const preview = previewImport(['Grades.csv', 'Posts.csv', 'Savings.csv'].map(fixture), emptyWorkbook('new'));

  it('recognises each file from its headers and reads every row', () => {
    expect(preview.files.map((f) => [f.name, f.kind, f.lines])).toEqual([
      ['Grades.csv', 'Grades', 5],
      ['Posts.csv', 'Posts', 8],
      ['Savings.csv', 'Savings', 2],
    ]);
    expect(preview.problems).toEqual([]);
    expect(importedLines(preview)).toBe(15);
    expect(importedFiles(preview)).toBe(3);
  });

  it('gives the same workbook as the report typed in by hand', () => {
    const wb = applyImport(emptyWorkbook('new'), preview);
    const hand = carePlanningWorkbook();
    expect(wb.grades).toEqual(hand.grades);
    expect(wb.posts).toEqual(hand.posts);
    expect(wb.savings).toEqual(hand.savings);
  });
});

describe('a row that cannot be read', () => {
  const grades = file('Grades.csv', 'Grade,Annual cost\nBand A,39820\n');

  it('is listed with file, row and reason, and the other rows still come in', () => {
    const preview = previewImport([grades, file('establishment.csv', 'Title,Grade,FTE,Start\nManager,Band A,1,2021-04\nOfficer,Band Z,1,2021-04\nClerk,Band A,one,2021-04\nAnalyst,Band A,1,Smarch 21\n')], emptyWorkbook('x'));
    expect(preview.problems).toEqual([
      { file: 'establishment.csv', row: 4, reason: 'FTE: “one” is not a number' },
      { file: 'establishment.csv', row: 5, reason: expect.stringMatching(/^Start: “Smarch 21” is not a month/) },
      { file: 'establishment.csv', row: 3, reason: 'Officer: grade “Band Z” is not in the Grades sheet' },
    ]);
    expect(preview.sheets.posts!.map((p) => p.title)).toEqual(['Manager']);
    expect(preview.files[1].lines).toBe(1);
  });

  it('and a file that is no sheet at all is refused whole, saying why', () => {
    const preview = previewImport([file('notes.csv', 'Name,Comment\nA,B\n')], emptyWorkbook('x'));
    expect(preview.files[0].kind).toBeNull();
    expect(preview.files[0].refused).toMatch(/not those of Grades, Posts, Costs or Savings/);
    expect(importedLines(preview)).toBe(0);
  });

  it('a post that ends before it starts is refused', () => {
    const preview = previewImport([grades, file('p.csv', 'Title,Grade,FTE,Start,End\nX,Band A,1,2021-04,2020-03\n')], emptyWorkbook('x'));
    expect(preview.problems[0]).toEqual({ file: 'p.csv', row: 2, reason: '“X” ends before it starts' });
  });
});

describe('importing into the open workbook', () => {
  it('replaces only the sheets the files bring, and leaves the open workbook untouched', () => {
    const open = carePlanningWorkbook();
    const before = JSON.stringify(open);
    const preview = previewImport([file('Grades.csv', 'Grade,Annual cost\nband e,70000\n')], open);
    const next = applyImport(open, preview);
    expect(JSON.stringify(open)).toBe(before);
    expect(next.grades).toEqual([{ grade: 'band e', annualCost: 70000 }]);
    expect(next.posts).toHaveLength(8);
  });

  it('reads costs as an amount or quantity x unit cost, and savings printed as bracketed negatives as savings', () => {
    const preview = previewImport([
      file('costs.csv', 'Description,Year,Amount,Quantity,Unit cost\nPilot,2021/22,"£312,000",,\nIT kit,2022/23,,102,"£1,600"\n'),
      file('savings.csv', 'Line,2021/22,2022/23\nHomecare,(405),(100)\n'),
    ], emptyWorkbook('x'));
    expect(preview.files.map((f) => f.kind)).toEqual(['Costs', 'Savings']);
    expect(preview.sheets.costs!.map((c) => [c.year, c.amount, c.quantity, c.unitCost])).toEqual([[2021, 312000, null, null], [2022, null, 102, 1600]]);
    expect(preview.sheets.savings![0].amounts).toEqual({ 2021: 405, 2022: 100 });
    expect(preview.notes[0]).toMatch(/in brackets are read as savings/);
  });
});

describe('exports', () => {
  const wb = carePlanningWorkbook();
  const results = costWorkbook(wb);

  it('the summary has a row per scenario and year with the summary export’s columns (docs/RULES.md)', () => {
    const rows = parseCsv(summaryCsv(results)).rows;
    expect(rows[0]).toEqual(expect.arrayContaining(['Scenario', 'Year', 'Staff cost', 'Other costs', 'Savings', 'Savings target', 'Net cost', 'Cumulative net cost', 'Discounted net cost', 'Externally funded']));
    expect(rows).toHaveLength(1 + 2 * 4);
    const cm = rows.find((r) => r[0] === 'Proposed investment' && r[1] === '2017/18')!;
    expect(Number(cm[rows[0].indexOf('Staff cost')])).toBe(20728.67); // 62,186 x 4 / 12
  });

  it('the posts carry their cost per year and import back to the same posts', () => {
    const text = postsCsv(wb, results);
    const rows = parseCsv(text).rows;
    expect(rows[0].slice(9, 13)).toEqual(['Cost 2017/18', 'Cost 2018/19', 'Cost 2019/20', 'Cost 2020/21']);
    expect(rows[2].slice(0, 9)).toEqual(['Commissioning Manager', 'Band E', '1', 'Strategic Commissioning', 'Younger Adults', '2017-12', '', '15', 'Council']);
    const back = previewImport([file('posts.csv', text)], wb);
    expect(back.sheets.posts).toEqual(wb.posts);
    expect(back.sheets.posts![0].start).toBe(month(2018, 4));
  });
});

it('the built-in example is the care-planning report', async () => {
  const { exampleWorkbook } = await import('./example');
  const wb = exampleWorkbook();
  expect(wb.posts).toEqual(carePlanningWorkbook().posts);
  expect(Math.round(costWorkbook(wb).scenarios[1].totals.staff)).toBe(578026);
});

it('reads a file as the sheet the user chooses in the preview, or not at all', () => {
  const costs = file('misc.csv', 'Description,Amount\nPilot,312000\n');
  expect(previewImport([costs], emptyWorkbook('x')).files[0].kind).toBe('Costs');
  const asGrades = previewImport([costs], emptyWorkbook('x'), { readAs: new Map([['misc.csv', 'Grades']]) });
  expect(asGrades.files[0].refused).toBe('A Grades file needs Grade.');
  const skipped = previewImport([costs], emptyWorkbook('x'), { readAs: new Map([['misc.csv', null]]) });
  expect(skipped.files[0].refused).toBe('You chose not to import it.');
  expect(importedLines(skipped)).toBe(0);
});

it('flags a post whose Months count disagrees with its End, and costs the count', () => {
  const preview = previewImport([
    file('g.csv', 'Grade,Annual cost\nBand E,62186\n'),
    file('p.csv', 'Title,Grade,FTE,Start,End,Months\nCommissioning Manager,Band E,1,2017-12,2019-03,15\n'),
  ], emptyWorkbook('x'));
  expect(preview.problems).toEqual([]);
  expect(preview.notes).toEqual(['Commissioning Manager: 15 months from Dec 2017 ends Feb 2019, but End says Mar 2019 (16 months); costed at 15 months.']);
  const results = costWorkbook(applyImport(emptyWorkbook('x'), preview));
  expect(results.postCosts[0][0] + results.postCosts[0][1]).toBeCloseTo(77732.5, 2);
});

describe('what the first review found', () => {
  it('says which columns it did not read', () => {
    const preview = previewImport([file('g.csv', 'Grade,Annual cost,Comments\nBand A,39820,bottom of scale\n')], emptyWorkbook('x'));
    expect(preview.notes).toContain('g.csv: column “Comments” is not read (choose a column for it under “Columns” if it should be).');
  });

  it('reads bracketed savings as savings while a positive target keeps its sign', () => {
    const preview = previewImport([file('s.csv', 'Line,Type,2022/23,2023/24\nHomecare,Saving,(405),(200)\nTarget,Target,500,500\n')], emptyWorkbook('x'));
    expect(preview.sheets.savings!.map((s) => s.amounts)).toEqual([{ 2022: 405, 2023: 200 }, { 2022: 500, 2023: 500 }]);
  });

  it('warns when new Grades leave the open workbook’s posts without a grade', () => {
    const preview = previewImport([file('g.csv', 'Grade,Annual cost\nBand A,39820\n')], carePlanningWorkbook());
    expect(preview.notes.join(' ')).toMatch(/The new Grades sheet has no Band E, Band C, Grade 5, Band B: 7 posts/);
  });
});

it('reads a cost of inaction: a line marked Do nothing belongs to doing nothing, not the proposal', () => {
  const preview = previewImport([
    file('g.csv', 'Grade,Annual cost\nAgency,60000\nBand A,36000\n'),
    file('p.csv', 'Title,Grade,FTE,Start,End,Scenario\nAgency social worker cover,Agency,2,2021-04,2022-03,Do nothing\nSocial worker,Band A,2,2021-04,2022-03,\n'),
  ], emptyWorkbook('x'));
  const wb = applyImport(emptyWorkbook('x'), preview);
  expect(wb.posts.map((p) => p.doNothing ?? false)).toEqual([true, false]);
  const [doNothing, proposal] = costWorkbook(wb).scenarios;
  expect(doNothing.years[0].staff).toBe(120000); // 2 x 60,000
  expect(proposal.years[0].staff).toBe(72000); // 2 x 36,000: cheaper than the agency cover
  expect(proposal.npv - doNothing.npv).toBe(-48000);
});
