// Reading one cell: money, numbers and months as finance files write them.
// Each reader returns a value, `null` for a deliberately empty cell, or a
// `Problem` that says in plain words why the text could not be read.
import { month, type Month } from '../model/periods';
import { FIRST_YEAR, LAST_YEAR } from './headers';

export interface Unreadable {
  problem: string;
}

export const unreadable = (problem: string): Unreadable => ({ problem });
export const isUnreadable = (v: unknown): v is Unreadable => typeof v === 'object' && v !== null && 'problem' in v;

/**
 * Bounds on what one line can hold; beyond them a figure is a typing error
 * (a salary in the FTE column, a date typed as a year) and is refused with
 * the reason, rather than costed as £0 or over two thousand years.
 * - FTE: the largest single line a council report carries is a team of some
 *   hundreds (home care, say); 1,000 FTE leaves room and catches a salary.
 * - Money: £10bn is more than any English council's whole gross budget.
 * - Years: 1990/91 to 2100/01 covers any proposal's history and horizon (a
 *   council's medium-term plan looks some years ahead, a PFI contract 30).
 * - Months: 600 (fifty years) for one post.
 */
export const LIMITS = { fte: 1_000, money: 10e9, firstYear: FIRST_YEAR, lastYear: LAST_YEAR, months: 600, quantity: 1_000_000 } as const;

/** A figure over the money bound, refused; `raw` is what the cell said. */
export function boundedMoney(value: number, raw: string): number | Unreadable {
  return Math.abs(value) > LIMITS.money ? unreadable(`“${raw.trim()}” is more than £10bn, too much for one line (check the column and its unit)`) : value;
}

/**
 * Cells that mean "nothing here" in council tables and transparency returns:
 * `NA` (R writes it), `N/A`, `N/D` and `Not disclosed` (organograms), `-`.
 */
const EMPTY = /^(?:|-|–|—|n\/?a|n\/?d|nil|not\s+(?:disclosed|applicable|known))$/i;

/** A cell that means "nothing here" where a number belongs. */
export const isMissing = (raw: string) => EMPTY.test(raw.trim());

/**
 * Words that mean "nothing here" in a text column. A dash stays as typed
 * there: it may be what someone wrote as a group or team.
 */
export const isMissingText = (raw: string) => /^(?:n\/?a|n\/?d|not\s+(?:disclosed|applicable|known))$/i.test(raw.trim());

/**
 * `£74,863`, `74863`, `74,863.50`, `(1,234)` (negative), `-1234`, blank,
 * `-` and `N/A` (empty). Commas must group thousands: `1,2` is refused rather
 * than guessed at, since some systems write decimal commas.
 */
export function readMoney(raw: string, decimalComma = false): number | null | Unreadable {
  let text = raw.trim();
  if (EMPTY.test(text)) return null;
  if (decimalComma) text = fromDecimalComma(text);
  // `£1.2m`, `£250k`: a unit written on the amount itself.
  const suffix = /^(\(?)(.*\d)\s*(k|m|bn)(\)?)$/i.exec(text);
  if (suffix) {
    const base = readMoney(`${suffix[1]}${suffix[2]}${suffix[4]}`);
    if (typeof base !== 'number') return unreadable(`“${raw.trim()}” is not an amount of money`);
    return boundedMoney(base * SUFFIX_UNITS.get(suffix[3].toLowerCase())!, raw);
  }
  const match = /^(\()?\s*(-)?\s*£?\s*(-)?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(\))?$/.exec(text);
  if (!match || (match[4] === undefined && match[5] === undefined) || Boolean(match[1]) !== Boolean(match[6])) {
    return unreadable(`“${text}” is not an amount of money`);
  }
  const value = Number((match[4] ?? '0').replace(/,/g, '') + (match[5] ?? ''));
  const negative = Boolean(match[1]) || Boolean(match[2]) || Boolean(match[3]);
  return boundedMoney(negative ? -value : value, raw);
}

const SUFFIX_UNITS = new Map([['k', 1e3], ['m', 1e6], ['bn', 1e9]]);

export interface PayRange {
  bottom: number;
  top: number;
}

/** Where in a pay range a post is costed: budgets are set at the top unless the user chooses. */
export type PayPoint = 'top' | 'middle' | 'bottom';
export const PAY_POINTS: PayPoint[] = ['top', 'middle', 'bottom'];

export const pointOf = (range: PayRange, point: PayPoint) => (point === 'top' ? range.top : point === 'bottom' ? range.bottom : (range.bottom + range.top) / 2);

/**
 * A pay range in one cell, as organisation charts write it: `50000 - 54999`,
 * `£50,000 to £54,999`; one amount is a range of one point. Blank or `NA`
 * is none.
 */
export function readPayRange(raw: string): PayRange | null | Unreadable {
  const text = raw.trim().replace(/[–—]/g, '-');
  if (isMissing(text)) return null;
  const parts = /^(.+?)\s*(?:-|\bto\b)\s*(.+)$/i.exec(text);
  const [bottom, top] = parts ? [readMoney(parts[1]), readMoney(parts[2])] : [readMoney(text), readMoney(text)];
  if (typeof bottom !== 'number' || typeof top !== 'number') return unreadable(`“${text}” is not a pay range (write it as 50000 - 54999)`);
  if (bottom > top) return unreadable(`“${text}” is not a pay range: its bottom is above its top`);
  return { bottom, top };
}

/** A plain number such as an FTE (`0.5`, `-1`); blank is empty. */
export function readNumber(raw: string, decimalComma = false): number | null | Unreadable {
  const text = decimalComma ? fromDecimalComma(raw.trim()) : raw.trim();
  if (isMissing(text)) return null;
  // A comma must group thousands: `0,5` is refused, not read as 5.
  if (text.includes(',') && !/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return unreadable(`“${text}” is not a number`);
  const plain = text.replace(/,/g, '');
  // Digits and one point, as a person writes them: Number() would also take
  // `0x10` (16), `1e308`, `0b1` and `Infinity`.
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(plain)) return unreadable(`“${text}” is not a number`);
  return Number(plain);
}

const MONTHS = new Map(Object.entries({ jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 }));

/** The month a name such as `Sept`, `September` or `sep.` is, or null. */
export function monthNamed(text: string): number | null {
  const name = text.toLowerCase().replace(/\.$/, '');
  const key = [...MONTHS.keys()].find((k) => name === k || (name.length > 3 && k.length === 3 && name.startsWith(k)));
  return key === undefined ? null : MONTHS.get(key)!;
}

function fullYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

/**
 * A month as files write it: `2018-04`, `2018-04-01`, `01/04/2018` (UK day
 * first), `Apr 2018`, `Apr-18`, `April 2018`. Blank is empty.
 */
export function readMonth(raw: string): Month | null | Unreadable {
  const text = raw.trim();
  if (text === '') return null;
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  if (m) return valid(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]), text);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) return valid(fullYear(m[3]), Number(m[2]), Number(m[1]), text);
  m = /^([a-z]+)\.?[\s\-/]*(\d{2}|\d{4})$/i.exec(text);
  const named = m ? monthNamed(m[1]) : null;
  if (m && named !== null) return valid(fullYear(m[2]), named, null, text);
  return unreadable(`“${text}” is not a month (write it as 2018-04 or Apr 2018)`);
}

/** A real calendar date (no 31 February) in the years the app holds. */
function valid(year: number, monthOfYear: number, day: number | null, text: string): Month | Unreadable {
  if (monthOfYear < 1 || monthOfYear > 12) return unreadable(`“${text}” is not a month`);
  const days = new Date(Date.UTC(year, monthOfYear, 0)).getUTCDate();
  if (day !== null && (day < 1 || day > days)) return unreadable(`“${text}” is not a date: ${MONTH_NAMES[monthOfYear - 1]} has ${days} days`);
  if (year < LIMITS.firstYear || year > LIMITS.lastYear) return unreadable(`“${text}” is outside the years the app holds (${LIMITS.firstYear} to ${LIMITS.lastYear})`);
  return month(year, monthOfYear);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A percentage as a person types it: `3.5` or `3.5%` both mean 3.5 percent,
 * returned as the fraction 0.035. Out of `min`..`max` (in percent) is refused.
 */
export function readPercent(raw: string, min: number, max: number): number | Unreadable {
  const text = raw.trim().replace(/%$/, '').trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) return unreadable(`Enter a number of percent, like 3.5`);
  if (value < min || value > max) return unreadable(`Enter a percentage from ${min} to ${max}`);
  return Number((value / 100).toPrecision(12));
}

/** `1.234,56` -> `1234.56`, as files from some finance systems write numbers. */
export function fromDecimalComma(text: string): string {
  return text.replace(/\.(?=\d{3}(?:\D|$))/g, '').replace(/,(?=\d+\)?$)/, '.');
}

/** A footnote mark at the end of a cell: `1*` is 1 with footnote `*`. */
export function splitFootnote(raw: string): { text: string; mark: string } {
  const match = /^(.*?)\s*([*†‡]+|\(\d\)|\[\d\])$/.exec(raw.trim());
  return match && match[1] !== '' ? { text: match[1], mark: match[2] } : { text: raw.trim(), mark: '' };
}
