// The horizon: the financial years the figures cover.
//
// It starts in the first financial year the data touches and runs at least
// four years (a council's medium-term financial plan), longer where the data
// does. The care-planning report's Commissioning Manager starts in Dec 2017,
// so its horizon starts in 2017/18 even though the savings start in 2018/19.
import { financialYearOf, type FinancialYear } from './periods';
import { declaredPeriod, type Workbook } from './workbook';

export const MINIMUM_HORIZON_YEARS = 4;

export interface Horizon {
  first: FinancialYear;
  /** Every financial year of the horizon, in order. */
  years: FinancialYear[];
}

function touchedYears(workbook: Workbook): FinancialYear[] {
  const years: FinancialYear[] = [];
  for (const post of workbook.posts) {
    const { start, end } = declaredPeriod(post);
    if (start !== null) years.push(financialYearOf(start));
    if (end !== null) years.push(financialYearOf(end));
  }
  for (const cost of workbook.costs) if (cost.year !== null) years.push(cost.year);
  for (const saving of workbook.savings) {
    for (const [year, amount] of Object.entries(saving.amounts)) if (amount !== 0) years.push(Number(year));
  }
  return years;
}

/** `today` decides the first year of a workbook with no dated lines at all. */
export function horizonOf(workbook: Workbook, today: Date = new Date()): Horizon {
  const touched = touchedYears(workbook);
  const todayFy = financialYearOf(today.getFullYear() * 12 + today.getMonth());
  // A loop, not Math.min(...touched): 100,000 posts would overflow the call stack.
  const dataFirst = touched.length ? touched.reduce((a, b) => Math.min(a, b)) : todayFy;
  const dataLast = touched.length ? touched.reduce((a, b) => Math.max(a, b)) : todayFy;
  const first = workbook.assumptions.firstYear ?? dataFirst;
  const length =
    workbook.assumptions.horizonYears ?? Math.max(MINIMUM_HORIZON_YEARS, dataLast - first + 1);
  return { first, years: Array.from({ length: Math.max(1, length) }, (_, k) => first + k) };
}
