// A post's own pay travels in the workbook file (and the browser's store, read through the same schema).
import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import type { Workbook } from '../model/workbook';
import { backupFile, readBackup } from './backup';

function withOwnPay(): Workbook {
  const wb = carePlanningWorkbook();
  wb.posts[0] = { ...wb.posts[0], title: 'General Counsel', grade: '', annualCost: 119999 };
  wb.posts[1] = { ...wb.posts[1], annualCost: 70000, formulas: { annualCost: '=SeniorPay' } };
  wb.posts[2] = { ...wb.posts[2], annualCost: null };
  wb.userAssumptions = [{ name: 'SeniorPay', value: 70000, unit: '£', note: '' }];
  return wb;
}

it('keeps a post’s own pay, as a figure or a formula, and opens it again', () => {
  expect(readBackup(backupFile(withOwnPay()))).toEqual(withOwnPay());
});

it('refuses own pay that is not an amount of money, saying where and why', () => {
  const damaged = (value: string) => {
    const file = JSON.parse(backupFile(withOwnPay()));
    file.workbook.posts[0].annualCost = 0;
    return readBackup(JSON.stringify(file).replace('"annualCost":0', `"annualCost":${value}`));
  };
  expect(damaged('"119,999"')).toEqual({ problem: 'This workbook file is damaged: post 1 (General Counsel) has its own annual cost that is not a number (“119,999”).' });
  expect(damaged('1e999')).toEqual({ problem: 'This workbook file is damaged: post 1 (General Counsel) has its own annual cost that is not an amount of money from -£1,000,000,000,000 to £1,000,000,000,000 (“Infinity”).' });
  expect(damaged('{"x":1}')).toEqual({ problem: 'This workbook file is damaged: post 1 (General Counsel) has its own annual cost that is not a number.' });
});
