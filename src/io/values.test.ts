import { describe, expect, it } from 'vitest';
import { month } from '../model/periods';
import { readMoney, readMonth, readNumber } from './values';

describe('money as finance files write it', () => {
  it.each([
    ['£74,863', 74863],
    ['74863', 74863],
    ['74,863.50', 74863.5],
    ['(1,234)', -1234],
    ['-1234', -1234],
    ['£-5', -5],
    ['-£5', -5],
    [' 1,000,000 ', 1000000],
    ['.5', 0.5],
  ])('%s is %d', (text, value) => expect(readMoney(text)).toBe(value));

  it.each(['', '-', 'N/A', 'n/a', '—'])('“%s” is empty, not zero and not an error', (text) => expect(readMoney(text)).toBeNull());

  it.each(['abc', '1,2', '12£', '(12', '£'])('“%s” is refused with a reason', (text) => {
    expect(readMoney(text)).toEqual({ problem: expect.stringContaining('is not an amount of money') });
  });
});

describe('numbers', () => {
  it('reads FTE such as 0.5 and -1, and refuses words', () => {
    expect(readNumber('0.5')).toBe(0.5);
    expect(readNumber('-1')).toBe(-1);
    expect(readNumber('')).toBeNull();
    expect(readNumber('one')).toEqual({ problem: '“one” is not a number' });
    expect(readNumber('1,000')).toBe(1000);
    expect(readNumber('0,5')).toEqual({ problem: '“0,5” is not a number' }); // never silently 5
  });
});

describe('months', () => {
  it.each([
    ['2018-04', month(2018, 4)],
    ['2018-4', month(2018, 4)],
    ['2018-04-01', month(2018, 4)],
    ['01/04/2018', month(2018, 4)],
    ['1/12/17', month(2017, 12)],
    ['Apr 2018', month(2018, 4)],
    ['Apr-18', month(2018, 4)],
    ['April 2018', month(2018, 4)],
    ['Sept 21', month(2021, 9)],
    ['Dec-17', month(2017, 12)],
  ])('%s is read', (text, m) => expect(readMonth(text)).toBe(m));

  it('refuses a thirteenth month and words that are not months', () => {
    expect(readMonth('2018-13')).toEqual({ problem: expect.any(String) });
    expect(readMonth('Permanent 2018')).toEqual({ problem: expect.stringContaining('is not a month') });
  });
});

describe('percentages', () => {
  it('read 5 and 5% as five percent', async () => {
    const { readPercent } = await import('./values');
    expect(readPercent('5', 0, 100)).toBe(0.05);
    expect(readPercent(' 3.5% ', 0, 100)).toBe(0.035);
    expect(readPercent('101', 0, 100)).toEqual({ problem: 'Enter a percentage from 0 to 100' });
    expect(readPercent('lots', 0, 100)).toEqual({ problem: 'Enter a number of percent, like 3.5' });
  });
});

describe('what reports add to a value', () => {
  it('reads £1.2m and £250k with their unit', async () => {
    expect(readMoney('£1.2m')).toBe(1_200_000);
    expect(readMoney('250k')).toBe(250_000);
    expect(readMoney('(£0.4m)')).toBe(-400_000);
    expect(readMoney('2 k')).toBe(2000);
  });

  it('reads decimal commas where the file uses them: 1.234,56 and 0,5', async () => {
    expect(readMoney('1.234,56', true)).toBe(1234.56);
    expect(readNumber('0,5', true)).toBe(0.5);
    expect(readMoney('(1.234)', true)).toBe(-1234);
  });

  it('keeps a footnote mark apart from the value: 1* is 1 with footnote *', async () => {
    const { splitFootnote } = await import('./values');
    expect(splitFootnote('1*')).toEqual({ text: '1', mark: '*' });
    expect(splitFootnote('Senior Practitioner **')).toEqual({ text: 'Senior Practitioner', mark: '**' });
    expect(splitFootnote('0.5')).toEqual({ text: '0.5', mark: '' });
    expect(splitFootnote('*')).toEqual({ text: '*', mark: '' });
  });
});
