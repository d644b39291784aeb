// A post's period as reports write it in one cell:
//   `12 months (April 18-March 19)`, `2 years (April 18-March 20)`,
//   `15 months (Dec 17- March 19)`, `Temporary (Sept 21 - Mar 22)`,
//   `Sep 2021 to Mar 2022`, `Permanent`, `Extend temporary contract until March 2022`.
// A count and a range may both be given; the count is what the report costed
// and is kept as Months beside the range's ends (costing then flags the clash).
import type { Month } from '../model/periods';
import { isUnreadable, LIMITS, monthNamed, readMonth, unreadable, type Unreadable } from './values';

export interface Period {
  start: Month | null;
  end: Month | null;
  months: number | null;
}

const EMPTY: Period = { start: null, end: null, months: null };

// One month as written inside a period: `April 18`, `Sept 21`, `Mar-22`,
// `March 2022`, `2021-09`, `01/09/2021`. Longest alternatives first.
const MONTH_TOKEN = /(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{1,2}(?:-\d{1,2})?|[A-Za-z]{3,9}\.?(?:\s*-\s*|\s+|')?\d{4}(?!\d)|[A-Za-z]{3,9}\.?(?:\s*-\s*|\s+|')?\d{2}(?!\d))/g;

const ONGOING = /^(?:permanent|perm|ongoing|on-going|established|recurrent|recurring|indefinite)\b/i;
/** A contract type alone says nothing of dates: they come from Start and End. */
const CONTRACT_ONLY = /^(?:temporary|temp|fixed[\s-]*term|ftc|secondment|interim|agency|casual|acting|vacant|vacancy)(?:\s+(?:contract|post|appointment))?\.?$/i;
const COUNT = /(\d+(?:\.\d+)?)\s*(months?|mths?|years?|yrs?)\b/i;
const UNTIL = /\b(?:until|till|to|ending|ends?)\s*$/i;

export function readPeriod(raw: string): Period | Unreadable {
  const text = raw.trim().replace(/[–—]/g, '-');
  if (text === '' || /^n\/?a$/i.test(text)) return EMPTY;
  if (ONGOING.test(text) || CONTRACT_ONLY.test(text)) return EMPTY; // no end and no count: ongoing, unless Start/End say

  let months: number | null = null;
  const count = COUNT.exec(text);
  if (count) {
    const n = Number(count[1]) * (/^y/i.test(count[2]) ? 12 : 1);
    if (!Number.isInteger(n) || n < 1) return unreadable(`“${raw.trim()}” is not a whole number of months`);
    if (n > LIMITS.months) return unreadable(`“${raw.trim()}” is more than a post is costed over (at most ${LIMITS.months} months)`);
    months = n;
  }

  const found: { month: Month; index: number }[] = [];
  for (const match of text.matchAll(MONTH_TOKEN)) {
    const token = match[0].replace(/'/, ' ');
    const month = readMonth(token);
    if (!isUnreadable(month) && month !== null) found.push({ month, index: match.index ?? 0 });
    // A date that names a real month but cannot be one (31/02/2018, April 0001)
    // is a typing error, not words to skip over.
    else if (isUnreadable(month) && (/^\d/.test(token) || monthNamed(/^[A-Za-z]+\.?/.exec(token)![0]) !== null)) return unreadable(`Period: ${month.problem}`);
  }
  if (found.length >= 2) return { start: found[0].month, end: found[found.length - 1].month, months };
  if (found.length === 1) {
    const before = text.slice(0, found[0].index);
    // `until March 2022`: the end of an extension; it starts with the horizon.
    if (UNTIL.test(before)) return { start: null, end: found[0].month, months };
    return { start: found[0].month, end: null, months };
  }
  if (months !== null) return { start: null, end: null, months };
  return unreadable(`“${raw.trim()}” is not a period (write it as Apr 2018 - Mar 2019, 12 months, or Permanent)`);
}
