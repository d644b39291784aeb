import { describe, expect, it } from 'vitest';
import { month } from '../model/periods';
import { readPeriod } from './period';

describe('periods as reports write them', () => {
  it.each([
    ['12 months (April 18-March 19)', { start: month(2018, 4), end: month(2019, 3), months: 12 }],
    ['2 years (April 18-March 20)', { start: month(2018, 4), end: month(2020, 3), months: 24 }],
    ['15 months (Dec 17- March 19)', { start: month(2017, 12), end: month(2019, 3), months: 15 }],
    ['15 months (December 17 – March19)', { start: month(2017, 12), end: month(2019, 3), months: 15 }],
    ['Temporary (Sept 21 - Mar 22)', { start: month(2021, 9), end: month(2022, 3), months: null }],
    ['Sep 2021 to Mar 2022', { start: month(2021, 9), end: month(2022, 3), months: null }],
    ['Sep-21 - Mar-22', { start: month(2021, 9), end: month(2022, 3), months: null }],
    ['01/09/2021 - 31/03/2022', { start: month(2021, 9), end: month(2022, 3), months: null }],
    ['2021-09 to 2022-03', { start: month(2021, 9), end: month(2022, 3), months: null }],
    ['Extend temporary contract until March 2022', { start: null, end: month(2022, 3), months: null }],
    ['From September 2021', { start: month(2021, 9), end: null, months: null }],
    ['18 months', { start: null, end: null, months: 18 }],
    ['Permanent', { start: null, end: null, months: null }],
    ['Temporary', { start: null, end: null, months: null }],
    ['Fixed term', { start: null, end: null, months: null }],
    // An organisation chart's ContractType column
    ['Fixed Term Contract', { start: null, end: null, months: null }],
    ['NA', { start: null, end: null, months: null }],
    ['', { start: null, end: null, months: null }],
  ])('%s', (text, period) => expect(readPeriod(text)).toEqual(period));

  it('refuses what is no period, saying how to write one', () => {
    expect(readPeriod('when funding allows')).toEqual({ problem: expect.stringContaining('is not a period') });
    expect(readPeriod('1.5 months')).toEqual({ problem: expect.stringContaining('whole number of months') });
  });
});
