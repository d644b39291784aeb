// Establishment lists, organisation charts and transparency returns as public
// bodies publish them: imported with no column re-pointed. Figures are worked
// by hand in each test.
import { describe, expect, it } from 'vitest';
import { emptyWorkbook } from '../model/workbook';
import { applyImport, emptiedSheets, previewImport, type FileInput } from './import';

const file = (name: string, text: string): FileInput => ({ name, bytes: new TextEncoder().encode(text) });
const blank = () => emptyWorkbook('x');

const JUNIOR = [
  'Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE,Professional/Occupational Group',
  'Dept,Agency,Finance,CHIEF,Grade 3,26591,32230,Finance Officer,2.5,Finance',
  'Dept,Agency,Finance,CHIEF,Grade 3,26591,32230,Payments Officer,1,Finance',
  'Dept,Agency,HR,CHIEF,Grade 1,15421,19873,HR Assistant,0.5,Human Resources',
].join('\n');

describe('an organogram’s junior file', () => {
  it('is read as Posts from its own headers, and its pay scales cost its grades at the top', () => {
    const preview = previewImport([file('junior.csv', JUNIOR)], blank());
    expect(preview.files[0].kind).toBe('Posts');
    expect(preview.problems).toEqual([]);
    expect(preview.sheets.posts!.map((p) => [p.title, p.grade, p.fte])).toEqual([
      ['Finance Officer', 'Grade 3', 2.5],
      ['Payments Officer', 'Grade 3', 1],
      ['HR Assistant', 'Grade 1', 0.5],
    ]);
    // The rows of each grade agree, so the file gives the grades too: the top of each scale.
    expect(preview.sheets.grades).toEqual([
      { grade: 'Grade 3', annualCost: 32230 },
      { grade: 'Grade 1', annualCost: 19873 },
    ]);
    expect(preview.notes.join('\n')).toMatch(/costed at the top of their range/);
  });

  it('costs them at the bottom or the middle when the user chooses', () => {
    const bottom = previewImport([file('junior.csv', JUNIOR)], blank(), { payPoint: new Map([['junior.csv', 'bottom']]) });
    expect(bottom.sheets.grades!.map((g) => g.annualCost)).toEqual([26591, 15421]);
    expect(bottom.files[0].payPoint).toBe('bottom');
    expect(bottom.notes.join('\n')).toMatch(/costed at the bottom of their range/);
    const middle = previewImport([file('junior.csv', JUNIOR)], blank(), { payPoint: new Map([['junior.csv', 'middle']]) });
    // (26591 + 32230) / 2 = 29410.5; (15421 + 19873) / 2 = 17647
    expect(middle.sheets.grades!.map((g) => g.annualCost)).toEqual([29410.5, 17647]);
  });
});

const SENIOR = [
  'Post Unique Reference,Name,Grade (or equivalent),Job Title,Job/Team Function,Parent Department,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,Salary Cost of Reports (£),FTE,Actual Pay Floor (£),Actual Pay Ceiling (£),Professional/Occupational Group,Notes,Valid?',
  'DIR1,Jo Bloggs,SCS2,Director of Policy,Policy,Dept,Dept,Policy,0300,a@b,XX,2164002,1,110000,114999,Policy,,1',
  'GC,N/D,SCS2,General Counsel,Legal,Dept,Dept,Legal,0300,a@b,DIR1,350000,1,115000,119999,Legal,,1',
  'DIR2,Vacant,SCS2,Director of Operations,Operations,Dept,Dept,Ops,0300,a@b,XX,800000,0.5,110000,114999,Operational Delivery,,1',
].join('\n');

describe('an organogram’s senior file', () => {
  const preview = previewImport([file('senior.csv', SENIOR)], blank());

  it('costs each post at its own pay range, never the first post’s for the whole grade', () => {
    expect(preview.problems).toEqual([]);
    expect(preview.sheets.posts!.map((p) => [p.title, p.fte, p.annualCost])).toEqual([
      ['Director of Policy', 1, 114999],
      ['General Counsel', 1, 119999],
      ['Director of Operations', 0.5, 114999],
    ]);
    // The grade's rows disagree, so no grade cost is made up from the first of them.
    expect(preview.sheets.grades ?? []).toEqual([]);
    expect(preview.notes.join('\n')).toMatch(/Grade SCS2: its 3 posts state different pay \(£114,999, £119,999\), so each post is costed at its own/);
  });

  it('never reads the salary cost of a post’s reports as its cost', () => {
    const costs = preview.sheets.posts!.map((p) => p.annualCost);
    expect(costs).not.toContain(2164002);
    expect(preview.files[0].columns.find((c) => c.field === 'pay')?.column).toBeNull();
  });
});

describe('a council establishment list with one post per row and no FTE column', () => {
  const list = ['Job Title,Grade,Team,Notes', 'Social Worker,Band B,NA,NA', 'Team Manager,Band D,N/A,N/D', 'Clerk,Band B,Not disclosed,n/a'].join('\n');
  const grades = file('Grades.csv', 'Grade,Annual cost\nBand B,45780\nBand D,59700\n');

  it('reads each row as 1 FTE, and NA, N/A, N/D, Not disclosed as nothing', () => {
    const preview = previewImport([grades, file('establishment.csv', list)], blank());
    expect(preview.problems).toEqual([]);
    expect(preview.sheets.posts!.map((p) => [p.title, p.fte, p.team, p.note ?? ''])).toEqual([
      ['Social Worker', 1, '', ''],
      ['Team Manager', 1, '', ''],
      ['Clerk', 1, '', ''],
    ]);
    expect(preview.notes.join('\n')).toMatch(/establishment.csv has no FTE column: each row is one post, 1 FTE/);
  });
});

describe('a senior salaries return', () => {
  const text = [
    'JobTitle,Name,Directorate,Salary,PensionContribution,Employer\'s NI,Bonuses,ExpenseAllowances,LossOfPostCompensation,BenefitsInKind',
    'Chief Executive,Sara Todd,Chief Executive,195207,37480,26000,0,195,0,0',
    'Corporate Director of Adults,NA,Adult Services,87757,10514,NA,0,7,32802,0',
    'Director of Public Health,NA,Adult Services,111178,21346,,1500,0,0,"1,200"',
  ].join('\n');
  const preview = previewImport([file('senior_salaries.csv', text)], blank());

  it('adds pay and on-costs into each post’s own cost, needing no grade', () => {
    expect(preview.files[0].kind).toBe('Posts');
    expect(preview.problems).toEqual([]);
    // 195207 + 37480 + 26000 = 258687; 87757 + 10514 = 98271; 111178 + 21346 = 132524
    expect(preview.sheets.posts!.map((p) => [p.title, p.fte, p.annualCost])).toEqual([
      ['Chief Executive', 1, 258687],
      ['Corporate Director of Adults', 1, 98271],
      ['Director of Public Health', 1, 132524],
    ]);
  });

  it('leaves out expenses, bonuses, benefits in kind and loss of office, and lists them as money', () => {
    const notes = preview.notes.join('\n');
    expect(notes).toMatch(/Chief Executive: expense allowances £195/);
    expect(notes).toMatch(/Corporate Director of Adults: expense allowances £7; compensation for loss of office £32,802/);
    expect(notes).toMatch(/Director of Public Health: bonuses £1,500; benefits in kind £1,200/);
  });
});

describe('a pay range in one cell', () => {
  it('reads `50000 - 54999` and `£50,000 to £54,999`, at the top unless chosen', () => {
    const text = 'Job Title,Salary band\nOfficer,50000 - 54999\nAdviser,"£50,000 to £54,999"\nAgency cover,Agency\n';
    const preview = previewImport([file('chart.csv', text)], blank());
    expect(preview.sheets.posts!.map((p) => [p.title, p.annualCost])).toEqual([
      ['Officer', 54999],
      ['Adviser', 54999],
    ]);
    expect(preview.problems).toEqual([{ file: 'chart.csv', row: 4, reason: 'Agency cover cannot be costed: “Agency” is not a pay range (write it as 50000 - 54999), it has no pay of its own and no grade' }]);
    const middle = previewImport([file('chart.csv', text)], blank(), { payPoint: new Map([['chart.csv', 'middle']]) });
    expect(middle.sheets.posts!.map((p) => p.annualCost)).toEqual([52499.5, 52499.5]);
  });
});

describe('a first column with no header that only counts rows', () => {
  it('is ignored, and the preview says so', () => {
    const text = ',Job Title,Grade,FTE\n0,Officer,Band A,1\n1,Clerk,Band A,0.5\n';
    const preview = previewImport([file('Grades.csv', 'Grade,Annual cost\nBand A,30000\n'), file('posts.csv', text)], blank());
    expect(preview.problems).toEqual([]);
    expect(preview.sheets.posts!.map((p) => p.title)).toEqual(['Officer', 'Clerk']);
    expect(preview.notes.join('\n')).toMatch(/posts.csv: the first column has no header and only counts the rows: it is not read/);
  });
});

describe('messages a finance officer can trust', () => {
  it('count a grade’s repeats and write money as money', () => {
    const preview = previewImport([file('Grades.csv', 'Grade,Annual cost\nSCS2,114999\nSCS2,119999\nSCS2,124999\n')], blank());
    expect(preview.notes).toContain('Grade SCS2 appears 3 times with different costs; the first, £114,999, is used.');
  });

  it('an import that leaves a sheet empty is named', () => {
    const preview = previewImport([file('Grades.csv', 'Grade,Annual cost\nBand A,30000\n'), file('posts.csv', 'Title,Grade,FTE\nOfficer,Band Z,1\n')], blank());
    expect(emptiedSheets(preview)).toEqual(['Posts']);
  });
});

describe('a unit price written where a grade would be', () => {
  it('makes a non-staff cost of count x unit price, not a post', () => {
    const text = 'Post,Grade,FTE,Start,End,Total Cost £\nSocial Worker,Band B,2,Apr-22,Mar-23,"91,560"\nIT equipment per new starter,"£1,600 per new starter",102,,,"£163,200"\n';
    const preview = previewImport([file('printed.csv', text)], blank());
    expect(preview.problems).toEqual([]);
    expect(preview.sheets.posts!.map((p) => p.title)).toEqual(['Social Worker']);
    // 102 x £1,600 = £163,200, as printed
    expect(preview.sheets.costs).toEqual([{ description: 'IT equipment per new starter', group: '', year: null, amount: null, quantity: 102, unitCost: 1600, funding: '' }]);
    const wb = applyImport(blank(), preview);
    expect(wb.costs[0].quantity! * wb.costs[0].unitCost!).toBe(163200);
  });
});

describe('one file, two sheets', () => {
  it('a posts file that states each grade’s pay gives the grades too, when its rows agree', () => {
    const text = 'Job Title,Grade,FTE,Salary\nOfficer,SO1,1,38000\nOfficer,SO1,0.5,38000\nManager,PO3,1,52000\n';
    const preview = previewImport([file('posts.csv', text)], blank());
    expect(preview.sheets.grades).toEqual([
      { grade: 'SO1', annualCost: 38000 },
      { grade: 'PO3', annualCost: 52000 },
    ]);
    expect(preview.notes.join('\n')).toMatch(/Grade SO1 was not in a Grades sheet: £38,000 a year, the pay its 2 posts state/);
  });

  it('a post that cannot be costed any way is refused, saying why', () => {
    const preview = previewImport([file('posts.csv', 'Job Title,Grade,FTE,Salary\nOfficer,SO1,1,NA\n')], blank());
    expect(preview.problems).toEqual([{ file: 'posts.csv', row: 2, reason: 'Officer cannot be costed: it has no pay of its own, no pay range, and grade “SO1” is not in the Grades sheet' }]);
  });
});
