// Reading one cell: money, numbers and months as finance files write them.
// Each reader returns a value, `null` for a deliberately empty cell, or a
// `Problem` that says in plain words why the text could not be read.
import { month, type Month } from '../model/periods';

export interface Unreadable {
  problem: string;
}

export const unreadable = (problem: string): Unreadable => ({ problem });
export const isUnreadable = (v: unknown): v is Unreadable => typeof v === 'object' && v !== null && 'problem' in v;

/** Cells that mean "nothing here" in council tables. */
const EMPTY = /^(?:|-|–|—|n\/?a|nil)$/i;

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
    return base * ({ k: 1e3, m: 1e6, bn: 1e9 } as Record<string, number>)[suffix[3].toLowerCase()];
  }
  const match = /^(\()?\s*(-)?\s*£?\s*(-)?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(\))?$/.exec(text);
  if (!match || (match[4] === undefined && match[5] === undefined) || Boolean(match[1]) !== Boolean(match[6])) {
    return unreadable(`“${text}” is not an amount of money`);
  }
  const value = Number((match[4] ?? '0').replace(/,/g, '') + (match[5] ?? ''));
  const negative = Boolean(match[1]) || Boolean(match[2]) || Boolean(match[3]);
  return negative ? -value : value;
}

/** A plain number such as an FTE (`0.5`, `-1`); blank is empty. */
export function readNumber(raw: string, decimalComma = false): number | null | Unreadable {
  const text = decimalComma ? fromDecimalComma(raw.trim()) : raw.trim();
  if (text === '') return null;
  // A comma must group thousands: `0,5` is refused, not read as 5.
  if (text.includes(',') && !/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return unreadable(`“${text}” is not a number`);
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) && /\d/.test(text) ? value : unreadable(`“${text}” is not a number`);
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

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
  if (m) return valid(Number(m[1]), Number(m[2]), text);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) return valid(fullYear(m[3]), Number(m[2]), text);
  m = /^([a-z]+)\.?[\s\-/]*(\d{2}|\d{4})$/i.exec(text);
  if (m) {
    const name = m[1].toLowerCase();
    const key = Object.keys(MONTHS).find((k) => name === k || (name.length > 3 && k.length === 3 && name.startsWith(k)));
    if (key) return month(fullYear(m[2]), MONTHS[key]);
  }
  return unreadable(`“${text}” is not a month (write it as 2018-04 or Apr 2018)`);
}

function valid(year: number, monthOfYear: number, text: string): Month | Unreadable {
  return monthOfYear >= 1 && monthOfYear <= 12 ? month(year, monthOfYear) : unreadable(`“${text}” is not a month`);
}

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
