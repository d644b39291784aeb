import { describe, expect, it } from 'vitest';
import {
  describeMonth,
  financialYearOf,
  formatFinancialYear,
  formatMonth,
  month,
  monthsBetween,
  monthsInYear,
  parseFinancialYear,
} from './periods';

describe('financial years', () => {
  it('run from April to March', () => {
    expect(financialYearOf(month(2021, 4))).toBe(2021);
    expect(financialYearOf(month(2022, 3))).toBe(2021);
    expect(financialYearOf(month(2022, 1))).toBe(2021);
    expect(financialYearOf(month(2017, 12))).toBe(2017);
  });

  it('are written 2021/22, and 1999/00 across a century', () => {
    expect(formatFinancialYear(2021)).toBe('2021/22');
    expect(formatFinancialYear(1999)).toBe('1999/00');
  });

  it('are read from 2021/22, 2021-22 and 2021/2022, but not 2021/23', () => {
    expect(parseFinancialYear('2021/22')).toBe(2021);
    expect(parseFinancialYear(' 2021-22 ')).toBe(2021);
    expect(parseFinancialYear('2021/2022')).toBe(2021);
    expect(parseFinancialYear('1999/00')).toBe(1999);
    expect(parseFinancialYear('2021/23')).toBeNull();
    expect(parseFinancialYear('Total')).toBeNull();
  });
});

describe('periods are whole months, both ends inclusive', () => {
  it('Sep 2021 to Mar 2022 is 7 months; Apr 2018 to Mar 2019 is 12', () => {
    expect(monthsBetween(month(2021, 9), month(2022, 3))).toBe(7);
    expect(monthsBetween(month(2018, 4), month(2019, 3))).toBe(12);
  });

  it('Dec 17 to Mar 19 is 16 months (the report costed 15)', () => {
    expect(monthsBetween(month(2017, 12), month(2019, 3))).toBe(16);
  });

  it('a post starting Dec 2017 has 4 months in 2017/18 and the rest later', () => {
    const start = month(2017, 12);
    const end = start + 15 - 1; // Feb 2019
    expect(monthsInYear(start, end, 2017)).toBe(4);
    expect(monthsInYear(start, end, 2018)).toBe(11);
    expect(monthsInYear(start, end, 2019)).toBe(0);
  });

  it('are written 2018-04 in files and Apr 2018 on the page', () => {
    expect(formatMonth(month(2018, 4))).toBe('2018-04');
    expect(describeMonth(month(2019, 2))).toBe('Feb 2019');
  });
});
