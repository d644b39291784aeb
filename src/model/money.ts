// The one money formatter. The page shows whole pounds, as reports do:
// `£578,026`. A negative net cost is a saving, shown in brackets as finance
// tables print it, and spelt out for screen readers.

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0, minimumFractionDigits: 0 });

/** `£578,026`; a negative amount as `(£1,072,703)`; half a pound rounds away from zero. */
/**
 * A magnitude to the pound, half a pound up, read to the penny first: two
 * calculations of 2.5 FTE x £45,677 (£114,192.50) may differ in the last
 * binary digit (114,192.4999999…), and the page shows £114,193 either way.
 */
export function poundsOf(value: number): number {
  return Math.round(Math.round(Math.abs(value) * 100) / 100);
}

export function formatPounds(value: number): string {
  const whole = poundsOf(value);
  if (whole === 0) return '£0';
  const text = POUNDS.format(whole);
  return value < 0 ? `(${text})` : text;
}

/** Words for a screen reader or a sentence: `a saving of £1,072,703`. */
export function describeNet(value: number): string {
  const whole = poundsOf(value);
  if (whole === 0) return '£0';
  return value < 0 ? `a saving of ${POUNDS.format(whole)}` : `a cost of ${POUNDS.format(whole)}`;
}

/** `3.5%` from 0.035. */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(4))}%`;
}

const PENCE = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** To the penny where there are pence: `£77,732.50`, `£52,076`, `(£0.50)`. */
export function formatMoney(value: number): string {
  const pennies = Math.round(Math.abs(value) * 100);
  if (pennies % 100 === 0) return formatPounds(value < 0 ? -pennies / 100 : pennies / 100);
  const text = PENCE.format(pennies / 100);
  return value < 0 ? `(${text})` : text;
}
