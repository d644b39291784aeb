import { describe, expect, it } from 'vitest';
import { explainError, formulaProblem, nameProblem, renameInFormula } from './formulas';

describe('formula guards', () => {
  it('accept what the engine can take', () => {
    expect(formulaProblem('=ReferralsPerWeek/CasesPerWorker')).toBeNull();
    expect(formulaProblem('=IF(A1>0,"(",2)')).toBeNull(); // a bracket inside text does not count
  });

  it('refuse a formula too deeply nested or too long for the engine’s parser, instead of crashing it', () => {
    expect(formulaProblem('=' + '('.repeat(125) + '1' + ')'.repeat(125))).toBe('This formula nests 125 brackets deep; the limit is 40');
    expect(formulaProblem('=' + Array.from({ length: 1200 }, () => '1').join('+'))).toMatch(/^This formula is \d+ characters long; the limit is 2000$/);
    expect(formulaProblem('=' + Array.from({ length: 600 }, () => '1').join('+'))).toBe('This formula has 599 operations; the limit is 400');
    expect(formulaProblem('=(1+2')).toBe('This formula opens a bracket it never closes');
  });
});

describe('names', () => {
  it('are letters, digits and _, not cell addresses or the workbook’s own', () => {
    expect(nameProblem('ReferralsPerWeek')).toBeNull();
    expect(nameProblem('FY1')).toBe('FY1 looks like a cell address; choose another name');
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
