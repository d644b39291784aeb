// Headers as real files write them. A header is matched ignoring case,
// spacing, punctuation and its unit (`Total Cost (£)`, `Grade/ Band`,
// `Full Time Equivalent`); the unit it names (`£000's`, `£k`, `£m`) scales
// the money in its column. Printed tables put captions above the header
// (`£000's`), so the header is the row, among the first few, that names the
// most known columns.
import { parseFinancialYear, type FinancialYear } from '../model/periods';

export type SheetKind = 'Grades' | 'Posts' | 'Costs' | 'Savings' | 'Scenarios' | 'Ranges';
export const SHEET_KINDS: SheetKind[] = ['Grades', 'Posts', 'Costs', 'Savings', 'Scenarios', 'Ranges'];

/** Canonical field -> the header keys it arrives as. */
export const SYNONYMS = {
  grade: ['grade', 'band', 'gradeband', 'bandgrade', 'payband', 'paygrade', 'scale', 'gradescale', 'spinalpoint', 'scp', 'gradeorequivalent', 'gradeequivalent'],
  annualCost: ['annualcost', 'annualcostperfte', 'costperfte', 'fullyearcostperfte', 'salaryandoncosts', 'costincludingoncosts', 'totalcostperfte', 'fullyearcost', 'cost', 'salary', 'annualsalary', 'totalcost', 'amount'],
  title: ['title', 'jobtitle', 'post', 'posttitle', 'posttitleband', 'posttitlegrade', 'role', 'jobrole', 'position', 'designation', 'postname', 'jobdescription', 'genericjobtitle'],
  fte: ['fte', 'fulltimeequivalent', 'ftes', 'noofposts', 'numberofposts', 'numberoffte', 'wte', 'headcount', 'posts', 'numberofpostsinfte', 'numberofpostsfte'],
  team: ['team', 'teamname', 'service', 'section', 'unit'],
  group: ['group', 'areaofsupport', 'area', 'theme', 'workstream', 'heading', 'programme', 'project', 'category'],
  start: ['start', 'startdate', 'from', 'fromdate', 'startmonth'],
  end: ['end', 'enddate', 'to', 'todate', 'endmonth', 'until'],
  months: ['months', 'noofmonths', 'numberofmonths', 'durationmonths', 'monthsfunded'],
  period: ['period', 'permanenttemporary', 'temporarypermanent', 'duration', 'contract', 'contracttype', 'term', 'length', 'timescale', 'status'],
  funding: ['funding', 'fundedby', 'fundingsource', 'source', 'sourceoffunding', 'funder'],
  publishedCost: ['publishedcost', 'totalcost', 'cost', 'totalcosts', 'amount', 'totalamount', 'fullcost', 'costs', 'value'],
  postAnnualCost: ['fullyearcost', 'annualisedcost', 'annualpostcost', 'yearlycost', 'costperannum', 'costpa'],
  description: ['description', 'item', 'costdescription', 'details', 'nonstaffcost', 'expenditure', 'line', 'name'],
  year: ['year', 'financialyear', 'fy', 'yearofspend'],
  amount: ['amount', 'total', 'totalcost', 'cost', 'value', 'costs'],
  quantity: ['quantity', 'qty', 'number', 'no', 'units', 'count', 'volume'],
  unitCost: ['unitcost', 'costeach', 'priceeach', 'unitprice', 'rate', 'costperunit', 'price'],
  line: ['line', 'saving', 'savings', 'description', 'savingline', 'proposal', 'item', 'name', 'workstream'],
  type: ['type', 'savingtype', 'linetype'],
  recurring: ['recurring', 'recurrent', 'ongoing', 'cumulative', 'fullyear'],
  note: ['note', 'notes', 'comment', 'comments', 'footnote', 'remarks'],
  scenario: ['scenario', 'option', 'costofinaction', 'inscenario'],
  // A post's own pay, as establishment lists and transparency returns give it.
  // `Salary Cost of Reports (£)` is deliberately none of these: it is what
  // the people reporting to the post cost.
  // `Annual cost` is what the Posts download writes for a post's own pay, so it reads back as one.
  pay: ['annualcost', 'annualcostperfte', 'salary', 'annualsalary', 'actualpay', 'actualsalary', 'maximumsalary', 'basicsalary', 'basicpay', 'grosssalary', 'fullyearsalary', 'totalpay', 'salaryfte', 'ftesalary'],
  pension: ['pensioncontribution', 'pensioncontributions', 'employerspension', 'employerpension', 'employerspensioncontribution', 'employerspensioncontributions', 'employerpensioncontribution', 'employerpensioncontributions', 'pension'],
  employerNi: ['employersni', 'employerni', 'employersnic', 'employersnationalinsurance', 'employernationalinsurance', 'employersnicontribution', 'employersnicontributions', 'employersnationalinsurancecontribution', 'employersnationalinsurancecontributions', 'nationalinsurance'],
  payMin: ['payscaleminimum', 'actualpayfloor', 'payfloor', 'salaryfloor', 'salarybandbottom', 'salarybandminimum', 'payscalemin', 'bandminimum', 'payminimum'],
  payMax: ['payscalemaximum', 'actualpayceiling', 'payceiling', 'salaryceiling', 'salarybandtop', 'salarybandmaximum', 'payscalemax', 'bandmaximum', 'paymaximum'],
  payRange: ['salaryband', 'salaryrange', 'payrange', 'salarybracket', 'payscalerange'],
  // Paid to the person, not a recurring cost of the post: read only to be listed.
  bonus: ['bonus', 'bonuses', 'bonusvalue', 'bonuspayments', 'performancerelatedpay'],
  expenses: ['expenses', 'expenseallowance', 'expenseallowances', 'expensesallowances', 'expensespaid'],
  benefits: ['benefitsinkind', 'benefitinkind', 'benefitsinkindvalue', 'bik'],
  lossOfOffice: ['compensationforlossofoffice', 'lossofpostcompensation', 'lossofofficecompensation', 'compensationforlossofemployment', 'lossofoffice', 'terminationpayments', 'severancepay'],
} as const;
export type Field = keyof typeof SYNONYMS;

/** The fields each sheet reads, in the order they claim columns. */
export const FIELDS: Record<SheetKind, Field[]> = {
  Grades: ['grade', 'annualCost'],
  Posts: ['title', 'grade', 'fte', 'team', 'group', 'start', 'end', 'months', 'period', 'funding', 'postAnnualCost', 'publishedCost', 'note', 'scenario', 'pay', 'pension', 'employerNi', 'payMin', 'payMax', 'payRange', 'bonus', 'expenses', 'benefits', 'lossOfOffice'],
  Costs: ['description', 'group', 'year', 'quantity', 'unitCost', 'amount', 'funding', 'note', 'scenario'],
  Savings: ['line', 'group', 'type', 'recurring', 'scenario'],
  // A row per assumption and a column per scenario: read by position, not by field.
  Scenarios: [],
  // A row per assumption, its Low and High: read by position too.
  Ranges: [],
};

/** `£000's`, `(£'000)`, `£k` (thousands) and `£m` (millions) in a header or caption; null if none. */
export function unitOf(text: string): number | null {
  const t = text.toLowerCase();
  if (/£\s*'?000|\(\s*'?000'?s?\s*\)|£\s*k\b|£\s*thousands?|\bin thousands\b/.test(t)) return 1000;
  if (/£\s*m\b|£\s*mn\b|£\s*millions?|\(\s*£?m\s*\)|\bin millions\b/.test(t)) return 1_000_000;
  return null;
}

/** `Total Cost (£)`, `total_cost`, `TOTAL COST £000` all key as `totalcost`. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/\(?\s*£\s*(?:'?000'?s?|k|m|millions?|thousands?)?\s*\)?/g, '')
    .replace(/\b(?:gbp|in pounds)\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

export type ColumnMap = Partial<Record<Field, number>>;

/** Each field takes the first unclaimed column whose key is one of its synonyms. */
export function mapColumns(header: string[], kind: SheetKind): ColumnMap {
  const keys = header.map(headerKey);
  const taken = new Set<number>();
  const map: ColumnMap = {};
  // Exact synonyms first across all fields, so `Cost` goes to the money column
  // only when nothing more specific claims it.
  for (const field of FIELDS[kind]) {
    const synonyms = SYNONYMS[field] as readonly string[];
    for (const synonym of synonyms) {
      const index = keys.findIndex((k, i) => k === synonym && !taken.has(i));
      if (index >= 0) {
        map[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return map;
}

/** The years the app holds, as values.ts's LIMITS say: 1990/91 to 2100/01. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;
export const inYears = (year: FinancialYear) => year >= FIRST_YEAR && year <= LAST_YEAR;
export const YEARS_HELD = `${FIRST_YEAR}/${String(FIRST_YEAR + 1).slice(2)} to ${LAST_YEAR}/${String(LAST_YEAR + 1).slice(2)}`;

const headerYear = (h: string) => parseFinancialYear(h.replace(/\(.*\)|£.*$/g, '').trim());

/** Columns headed by a financial year the app holds. */
export const yearColumns = (header: string[]): { index: number; year: FinancialYear }[] =>
  header.flatMap((h, index) => {
    const year = headerYear(h);
    return year === null || !inYears(year) ? [] : [{ index, year }];
  });

/** Headers that name a financial year outside the years the app holds (`9999/00`). */
export const yearsOutOfRange = (header: string[]): string[] =>
  header.filter((h) => {
    const year = headerYear(h);
    return year !== null && !inYears(year);
  });

/** How strongly a row looks like the header of a sheet: fields it names, plus year columns. */
function headerScore(row: string[]): number {
  const keys = new Set(row.map(headerKey).filter(Boolean));
  let score = yearColumns(row).length;
  for (const synonyms of Object.values(SYNONYMS)) if ((synonyms as readonly string[]).some((s) => keys.has(s))) score += 1;
  return score;
}

/** The header is the best-scoring of the first ten rows; rows above it are captions. */
export function findHeaderRow(rows: string[][]): number {
  // A Scenarios sheet's header starts `Assumption`.
  const scenarios = rows.slice(0, 10).findIndex((row) => /^assumptions?$/.test(headerKey(row[0] ?? '')));
  if (scenarios >= 0) return scenarios;
  let best = 0;
  let bestScore = -1;
  rows.slice(0, 10).forEach((row, i) => {
    const score = headerScore(row);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** `Assumption`, then `Low` and `High` in either order, and nothing else: a Scenarios sheet with scenarios called Low and High has more columns or other names. */
export function isRangesHeader(header: string[]): boolean {
  const keys = header.map(headerKey).filter((k, i) => k !== '' || i === 0);
  return keys.length === 3 && /^assumptions?$/.test(keys[0]) && keys.includes('low') && keys.includes('high');
}
