// Financial years and whole-month periods.
//
// A month is held as one integer, `year * 12 + (month - 1)`, so that "months
// between" is a subtraction and a period's length is `end - start + 1` (both
// ends inclusive: Sep 2021 to Mar 2022 is 7 months). A financial year is held
// as the calendar year in which it starts: 2021 is `2021/22`, 1 April 2021 to
// 31 March 2022.

/** A calendar month as `year * 12 + (month - 1)`. */
export type Month = number;
/** A financial year, named by the calendar year its April falls in. */
export type FinancialYear = number;

export function month(year: number, monthOfYear: number): Month {
  return year * 12 + (monthOfYear - 1);
}

export function yearOfMonth(m: Month): number {
  return Math.floor(m / 12);
}

/** 1 to 12. */
export function monthOfYear(m: Month): number {
  return m - yearOfMonth(m) * 12 + 1;
}

/** `2018-04`: how the app writes a month in its own files. */
export function formatMonth(m: Month): string {
  return `${yearOfMonth(m)}-${String(monthOfYear(m)).padStart(2, '0')}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Apr 2018`: how the page shows a month to a person. */
export function describeMonth(m: Month): string {
  return `${MONTH_NAMES[monthOfYear(m) - 1]} ${yearOfMonth(m)}`;
}

/** January to March belong to the financial year that started the April before. */
export function financialYearOf(m: Month): FinancialYear {
  return monthOfYear(m) >= 4 ? yearOfMonth(m) : yearOfMonth(m) - 1;
}

export function firstMonthOf(fy: FinancialYear): Month {
  return month(fy, 4);
}

export function lastMonthOf(fy: FinancialYear): Month {
  return month(fy + 1, 3);
}

/** `2021/22`. */
export function formatFinancialYear(fy: FinancialYear): string {
  return `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}

/**
 * Reads `2021/22`, `2021-22`, `2021/2022` or `FY2021/22`. The second part must
 * be the year after the first: `2021/23` is not a financial year.
 */
export function parseFinancialYear(text: string): FinancialYear | null {
  const match = /^\s*(?:FY\s*)?(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})\s*$/i.exec(text);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  const expected = match[2].length === 2 ? (first + 1) % 100 : first + 1;
  return second === expected ? first : null;
}

/** Inclusive count of months from `start` to `end`; 0 when `end` is before `start`. */
export function monthsBetween(start: Month, end: Month): number {
  return Math.max(0, end - start + 1);
}

/** How many months of the period `start`..`end` fall inside financial year `fy`. */
export function monthsInYear(start: Month, end: Month, fy: FinancialYear): number {
  return monthsBetween(Math.max(start, firstMonthOf(fy)), Math.min(end, lastMonthOf(fy)));
}
