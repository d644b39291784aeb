import { expect, it } from 'vitest';
import { describeNet, formatPercent, formatPounds } from './money';

it('shows money in whole pounds as reports do: £578,026 from £578,025.50', () => {
  expect(formatPounds(578025.5)).toBe('£578,026');
  expect(formatPounds(2808000)).toBe('£2,808,000');
  expect(formatPounds(0.4)).toBe('£0');
  expect(formatPounds(-0.4)).toBe('£0');
});

it('shows a negative net cost as a saving, in brackets and in words', () => {
  expect(formatPounds(-1072703.25)).toBe('(£1,072,703)');
  expect(describeNet(-1072703.25)).toBe('a saving of £1,072,703');
  expect(describeNet(20728.67)).toBe('a cost of £20,729');
});

it('shows rates as percentages', () => {
  expect(formatPercent(0.035)).toBe('3.5%');
  expect(formatPercent(1)).toBe('100%');
});

it('shows pence only where there are pence, negatives in brackets', async () => {
  const { formatMoney } = await import('./money');
  expect(formatMoney(77732.5)).toBe('£77,732.50');
  expect(formatMoney(52076)).toBe('£52,076');
  expect(formatMoney(-0.5)).toBe('(£0.50)');
  expect(formatMoney(0.001)).toBe('£0');
});

it('formats a half pound as up whatever its last binary digit, as the tables round it', () => {
  expect(formatPounds(114_192.49999999999)).toBe('£114,193');
  expect(formatPounds(-114_192.49999999999)).toBe('(£114,193)');
  expect(describeNet(-114_192.49999999999)).toBe('a saving of £114,193');
});
