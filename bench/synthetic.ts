// A council establishment of any size, the same every run (seeded), shaped
// like the reports: grades, fixed-term and ongoing posts, a few deletions,
// some externally funded, non-staff costs and savings.
import { applyImport, previewImport } from '../src/io/import';
import { formatFinancialYear, formatMonth, month } from '../src/model/periods';
import { emptyWorkbook, type Scenario, type Workbook } from '../src/model/workbook';

/** With Do nothing and Proposed investment, the five scenarios every benchmark runs. */
export const BENCH_SCENARIOS: Scenario[] = [
  { name: 'Half recruited', overrides: { recruitment: 0.5 } },
  { name: 'Late savings', overrides: { savingsDelay: 12 } },
  { name: 'Pay award 5%', overrides: { payAward: 0.05 } },
];

function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

export interface SyntheticCsv {
  grades: string;
  posts: string;
  costs: string;
  savings: string;
}

export function syntheticCsv(posts: number, seed = 1): SyntheticCsv {
  const r = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const grades = Array.from({ length: 20 }, (_, i) => [`Band ${String.fromCharCode(65 + i)}`, 24000 + i * 3100]);
  const years = [2024, 2025, 2026, 2027, 2028];
  const postRows = Array.from({ length: posts }, (_, i) => {
    const start = month(2024, 4) + Math.floor(r() * 36);
    const kind = r();
    const end = kind < 0.4 ? formatMonth(start + 6 + Math.floor(r() * 24)) : '';
    const months = kind >= 0.4 && kind < 0.6 ? String(6 + Math.floor(r() * 18)) : '';
    const fte = r() < 0.05 ? -1 : pick([1, 1, 1, 0.5, 0.8, 2, 3]);
    return [`Post ${i + 1}`, pick(grades)[0], fte, `Team ${i % 40}`, pick(['Older Adults', 'Younger Adults', 'Safeguarding']), formatMonth(start), end, months, r() < 0.1 ? 'Transforming Care Partnership' : 'Council'].join(',');
  });
  const costRows = Array.from({ length: Math.max(5, posts / 20) }, (_, i) => (i % 2 ? `Kit ${i},,${formatFinancialYear(pick(years))},,${1 + Math.floor(r() * 100)},1600,Council` : `Pilot ${i},,${formatFinancialYear(pick(years))},${Math.round(r() * 300000)},,,Council`));
  const savingRows = Array.from({ length: Math.max(3, posts / 10) }, (_, i) => [`Saving ${i}`, '', i % 7 === 0 ? 'Target' : 'Saving', i % 3 === 0 ? 'Yes' : 'No', ...years.map(() => Math.round(r() * 200000))].join(','));
  return {
    grades: ['Grade,Annual cost', ...grades.map((g) => g.join(','))].join('\n'),
    posts: ['Title,Grade,FTE,Team,Group,Start,End,Months,Funding', ...postRows].join('\n'),
    costs: ['Description,Group,Year,Amount,Quantity,Unit cost,Funding', ...costRows].join('\n'),
    savings: ['Line,Group,Type,Recurring,' + years.map(formatFinancialYear).join(','), ...savingRows].join('\n'),
  };
}

/** The CSV files imported as the app imports them, with the five scenarios. */
export function importSynthetic(csv: SyntheticCsv): Workbook {
  const files = Object.entries(csv).map(([name, text]) => ({ name: `${name}.csv`, bytes: new TextEncoder().encode(text) }));
  return { ...applyImport(emptyWorkbook('bench'), previewImport(files, emptyWorkbook('bench'))), scenarios: BENCH_SCENARIOS };
}

/** A synthetic establishment of `posts` posts, imported, with the five scenarios. */
export const syntheticWorkbook = (posts: number): Workbook => importSynthetic(syntheticCsv(posts));
