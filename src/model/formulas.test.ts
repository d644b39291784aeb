import { describe, expect, it } from 'vitest';
import { explainError, formulaProblem, MAX_TERMS, nameProblem, renameInFormula, type Reach } from './formulas';

// The user's columns of each sheet as the engine lays them out (0-based): Posts A to I,
// Grades A and B, Costs A to G, Savings A to D and one column a year from F, Assumptions A to D.
const columns = { Grades: [0, 1], Posts: [0, 1, 2, 3, 4, 5, 6, 7, 8], Costs: [0, 1, 2, 3, 4, 5, 6], Savings: [0, 1, 2, 3, 5, 6, 7, 8], Assumptions: [0, 1, 2, 3] };
const onPosts: Reach = { sheet: 'Posts', columns };
const onSavings: Reach = { sheet: 'Savings', columns };
const chain = (op: string, terms: number) => '=' + Array.from({ length: terms }, () => '1').join(op);

describe('formula guards', () => {
  it('accept what the engine can take', () => {
    expect(formulaProblem('=ReferralsPerWeek/CasesPerWorker', onPosts)).toBeNull();
    expect(formulaProblem('=IF(A1>0,"(",2)', onPosts)).toBeNull(); // a bracket inside text does not count
  });

  it('refuse a formula too deeply nested or too long for the engine’s parser, instead of crashing it', () => {
    expect(formulaProblem('=' + '('.repeat(125) + '1' + ')'.repeat(125), onPosts)).toBe('This formula nests 125 brackets deep; the limit is 40');
    expect(formulaProblem('=' + Array.from({ length: 1200 }, () => '1').join('+'), onPosts)).toMatch(/^This formula is \d+ characters long; the limit is 2000$/);
    expect(formulaProblem('=' + Array.from({ length: 600 }, () => '1').join('+'), onPosts)).toBe('This formula has 599 operations; the limit is 400');
    expect(formulaProblem('=(1+2', onPosts)).toBe('This formula opens a bracket it never closes');
  });

  // A chain of & (or of comparisons, or a long list of arguments) grows the engine's parse tree as + does:
  // a post's FTE of ="a"&"a"&... with 999 terms overflowed the engine's stack.
  it('count every operator and separator, not only + - * / ^', () => {
    for (const op of ['&', '=', '<', '>', '<=', '>=', '<>']) {
      expect(formulaProblem(chain(op, MAX_TERMS + 1), onPosts), op).toBeNull();
      expect(formulaProblem(chain(op, MAX_TERMS + 2), onPosts), op).toBe(`This formula has ${MAX_TERMS + 1} operations; the limit is ${MAX_TERMS}`);
    }
    expect(formulaProblem(`=SUM(${Array.from({ length: MAX_TERMS + 2 }, () => '1').join(',')})`, onPosts)).toBe(`This formula has ${MAX_TERMS + 1} operations; the limit is ${MAX_TERMS}`);
    expect(formulaProblem('=' + '-'.repeat(MAX_TERMS + 1) + '1', onPosts)).toBe(`This formula has ${MAX_TERMS + 1} operations; the limit is ${MAX_TERMS}`);
    expect(formulaProblem('="1+1+1"&"+"', onPosts)).toBeNull(); // inside text nothing counts
  });

  it('refuse functions that give a new value every time the workbook is worked out', () => {
    for (const f of ['RAND()', 'rand()', 'RANDBETWEEN(1,10)', 'NOW()', 'TODAY()']) {
      const name = f.slice(0, f.indexOf('(')).toUpperCase();
      expect(formulaProblem(`=2*${f}`, onPosts), f).toBe(`${name}() gives a different value every time the workbook is worked out, so the costing could not be checked; type the value instead`);
    }
    expect(formulaProblem('="RAND()"', onPosts)).toBeNull();
    expect(formulaProblem('=Random*2', onPosts)).toBeNull(); // a name, not the function
  });
});

// What a formula may read: the assumptions by name and the cells the grids show. The engine's
// own sheets and its working columns are built from the user's cells, so reading them back
// makes a loop through the engine: =Totals!B2 as an FTE left a workbook that could not open.
describe('what a formula may read', () => {
  it('the cells the grids show, on its own sheet or another, and the assumptions by name', () => {
    for (const f of ['=C3', '=$C$3*2', '=Posts!C2', "='Posts'!I9", '=SUM(C2:C9)', '=SUM(A2:I2)', '=Grades!B2', '=SUM(Costs!D:D)', '=Assumptions!B10', '=ReferralsPerWeek*PayAward', '=1e5', '=IF(C2>0,"Totals!B2",0)']) {
      expect(formulaProblem(f, onPosts), f).toBeNull();
    }
    expect(formulaProblem('=F2+I2', onSavings)).toBeNull(); // Savings: the years run from F
  });

  it('not the engine’s own sheets', () => {
    for (const [f, ref, sheet] of [['=Totals!B2', 'Totals!B2', 'Totals'], ["='Totals'!B2*2", "'Totals'!B2", 'Totals'], ['=totals!b2', 'totals!b2', 'totals'], ['=Summary!C2', 'Summary!C2', 'Summary'], ['=SUM(PostSums!B2:B3)', 'PostSums!B2', 'PostSums'], ['=Years!B5', 'Years!B5', 'Years'], ['=Scenarios!C2', 'Scenarios!C2', 'Scenarios'], ['=SUM(Totals!A:B)', 'Totals!A:B', 'Totals']]) {
      expect(formulaProblem(f, onPosts), f).toBe(`This formula reads ${ref}: ${sheet} is the engine’s own working, which a formula may not read; it may read the assumptions by name and the Grades, Posts, Costs, Savings and Assumptions sheets`);
    }
  });

  it('not the engine’s working columns beside the user’s', () => {
    expect(formulaProblem('=O3', onPosts)).toBe('This formula reads O3: that column is the engine’s own working; on Posts a formula may read columns A to I');
    expect(formulaProblem('=Posts!$P$3', onSavings)).toBe('This formula reads Posts!$P$3: that column is the engine’s own working; on Posts a formula may read columns A to I');
    expect(formulaProblem('=SUM(C2:O2)', onPosts)).toBe('This formula reads C2:O2: that column is the engine’s own working; on Posts a formula may read columns A to I');
    expect(formulaProblem('=SUM(A:Z)', onPosts)).toBe('This formula reads A:Z: that column is the engine’s own working; on Posts a formula may read columns A to I');
    expect(formulaProblem('=E2', onSavings)).toBe('This formula reads E2: that column is the engine’s own working; on Savings a formula may read columns A to D and F to I');
    expect(formulaProblem('=Grades!C2', onPosts)).toBe('This formula reads Grades!C2: that column is the engine’s own working; on Grades a formula may read columns A to B');
  });

  it('not whole rows, nor cells reached by OFFSET', () => {
    expect(formulaProblem('=SUM(2:2)', onPosts)).toBe('This formula reads 2:2, a whole row, which takes in the engine’s own working; name the cells instead, such as A2:I2');
    expect(formulaProblem('=Population2020*2', onPosts)).toBe('This formula uses Population2020, which reads as a cell, not a name: a name cannot be letters followed only by digits');
    expect(formulaProblem('=OFFSET(C3,0,12)', onPosts)).toBe('OFFSET can reach any cell, the engine’s own working too; name the cell instead');
  });
});

describe('names', () => {
  it('are letters, digits and _, not cell addresses or the workbook’s own', () => {
    expect(nameProblem('ReferralsPerWeek')).toBeNull();
    expect(nameProblem('FY1')).toBe('FY1 looks like a cell address; choose another name');
    // The engine takes any letters then digits for a cell: a workbook with this name could not be built.
    expect(nameProblem('Population2020')).toBe('Population2020 looks like a cell address; choose another name');
    expect(nameProblem('Population_2020')).toBeNull();
    expect(nameProblem('Cases per worker')).toMatch(/no spaces/);
    expect(nameProblem('PayAward')).toBe('PayAward is one of the workbook’s own assumptions');
    expect(nameProblem('referralsperweek', ['ReferralsPerWeek'])).toBe('There is already an assumption called referralsperweek');
  });

  it('follow a rename through formulas, whole names only, not inside text', () => {
    expect(renameInFormula('=ReferralsPerWeek/CasesPerWorker+referralsperweek2', 'ReferralsPerWeek', 'Referrals')).toBe('=Referrals/CasesPerWorker+referralsperweek2');
    expect(renameInFormula('=IF(Cases>0,"Cases",0)', 'Cases', 'Caseload')).toBe('=IF(Caseload>0,"Cases",0)');
  });
});

it('says what an engine error means', () => {
  expect(explainError('#DIV/0!')).toBe('#DIV/0!: it divides by zero');
  expect(explainError('#NAME?', 'Named expression Referals not recognized')).toBe('#NAME?: it uses a name that is not an assumption or a function (Named expression Referals not recognized)');
});
