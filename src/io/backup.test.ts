import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { backupFile, readBackup } from './backup';
import { BOUNDS } from '../model/schema';
import { emptyWorkbook, type Workbook } from '../model/workbook';
import { applyImport, previewImport } from './import';
import { workbookArb } from '../../test/arbitraries';

describe('the workbook file', () => {
  it('gives back exactly what was written: sheets, formulas, scenarios, user assumptions, notes', () => {
    const wb = carePlanningWorkbook();
    wb.userAssumptions = [{ name: 'ReferralsPerWeek', value: '=20*2', unit: 'number', note: 'Front door, 2017' }];
    wb.posts[4] = { ...wb.posts[4], formulas: { fte: '=ReferralsPerWeek/10' }, note: '* funded from reserves' };
    wb.scenarios = [{ name: 'Half', overrides: { recruitment: 0.5 }, toggled: { posts: [1] } }];
    expect(readBackup(backupFile(wb))).toEqual(wb);
  });

  it('keeps a Scenarios row of any label, JavaScript’s own names too, as the importer keeps it, and opens it again', () => {
    const csv = 'Assumption,Half\nRecruitment %,50\n__proto__,kept\nconstructor,too\n';
    const open = carePlanningWorkbook();
    const wb = applyImport(open, previewImport([{ name: 'scenarios.csv', bytes: new TextEncoder().encode(csv) }], open));
    const again = readBackup(backupFile(wb));
    if ('problem' in again) throw new Error(again.problem);
    const other = again.scenarios!.find((s) => s.name === 'Half')!.other!;
    expect(Object.entries(other)).toEqual([['__proto__', 'kept'], ['constructor', 'too']]);
    expect(Object.getPrototypeOf(other)).toBeNull();
    expect(({} as Record<string, unknown>).kept).toBeUndefined();
  });

  it('an FTE a formula worked out, however large the engine lets it be, opens again', () => {
    const wb = carePlanningWorkbook();
    wb.posts[0] = { ...wb.posts[0], fte: 1e12, formulas: { fte: '=10^12' } };
    expect(readBackup(backupFile(wb))).toEqual(wb);
  });

  it('round-trips any text and numbers (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ title: fc.string(), grade: fc.string(), fte: fc.double({ min: -BOUNDS.fte, max: BOUNDS.fte, noNaN: true }) }), { maxLength: 5 }), (name, posts) => {
        const wb = { ...carePlanningWorkbook(), name, posts: posts.map((p) => ({ ...p, team: '', group: '', start: null, end: null, months: null, funding: '' })) };
        expect(readBackup(backupFile(wb))).toEqual(JSON.parse(JSON.stringify(wb)));
      }),
    );
  });

  it('opens every workbook as people make them (property)', () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        expect(readBackup(backupFile(wb))).toEqual(JSON.parse(JSON.stringify(wb)));
      }),
    );
  });

  it('keeps and opens again every workbook the importer makes from the corpus of real files', () => {
    const root = new URL('../../test/corpus/', import.meta.url);
    const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(cases.length).toBeGreaterThan(10);
    for (const { name } of cases) {
      const dir = new URL(`${name}/`, root);
      const files = readdirSync(dir).filter((f) => /\.(csv|txt|tsv)$/i.test(f)).map((file) => ({ name: file, bytes: readFileSync(new URL(file, dir)) }));
      const wb = applyImport(emptyWorkbook(name), previewImport(files, emptyWorkbook(name)));
      expect(readBackup(backupFile(wb)), name).toEqual(JSON.parse(JSON.stringify(wb)));
    }
  });

  it('refuses a file from a newer version, saying so', () => {
    const newer = JSON.stringify({ format: 'council-scenario-explorer-workbook', version: 2, workbook: carePlanningWorkbook() });
    expect(readBackup(newer)).toEqual({ problem: expect.stringMatching(/^This workbook file was written by a newer version of the app \(file version 2; this one reads up to 1\)/) });
  });

  it('refuses a damaged file, saying what is wrong', () => {
    expect(readBackup('{"format":"council-scenario-explorer-workbook","ver')).toEqual({ problem: expect.stringMatching(/^This is not a workbook file/) });
    const broken = JSON.parse(backupFile(carePlanningWorkbook()));
    broken.workbook.posts[2].fte = 'one';
    expect(readBackup(JSON.stringify(broken))).toEqual({ problem: 'This workbook file is damaged: post 3 (Commissioning Officer) has an FTE that is not a number (“one”).' });
    expect(readBackup('Grade,Annual cost\n')).toEqual({ problem: expect.stringMatching(/not the JSON this app writes/) });
  });
});

/** A workbook with every field the type has, optional ones included, each set. */
function everyField(): Workbook {
  const wb = carePlanningWorkbook();
  wb.assumptions = { firstYear: 2018, horizonYears: 5, payAward: 0.02, discountRate: 0.035, savingsDelivery: 0.9, recruitment: 0.8, startDelay: 2, savingsDelay: 3, optimismBias: 0.1 };
  wb.grades[0] = { ...wb.grades[0], formulas: { annualCost: '=39000+820' } };
  wb.posts[1] = { ...wb.posts[1], publishedCost: 77733, publishedAnnualCost: 62186, note: '* from reserves', doNothing: false, formulas: { fte: '=ReferralsPerWeek/10' } };
  wb.costs = [{ description: 'Licences', group: 'IT', year: 2018, amount: null, quantity: 10, unitCost: 150, funding: 'NHS', note: 'per user', doNothing: true, formulas: { quantity: '=5*2' } }];
  wb.savings[0] = { ...wb.savings[0], doNothing: false, formulas: { y2018: '=1500000' } };
  wb.reported = [{ label: 'Sub Total', file: 'Posts.csv', row: 6, year: 2018, published: 149760, posts: [1, 2], costs: [0], savings: [0] }];
  wb.scenarios = [{ name: 'Half', overrides: { payAward: 0.03, recruitment: 0.5, startDelay: 1, savingsDelivery: 0.8, savingsDelay: 6, optimismBias: 0.2, discountRate: 0.05 }, toggled: { posts: [1], costs: [0], savings: [1] }, other: { 'Inflation %': '2' } }];
  wb.userAssumptions = [
    { name: 'ReferralsPerWeek', value: '=20*2', unit: 'number', note: 'Front door, 2017' },
    { name: 'CasesPerWorker', value: 12, unit: 'number', note: '' },
  ];
  return wb;
}

/** The care-planning workbook's file, changed as `damage` says, then read. */
function damaged(damage: (wb: Record<string, any>) => void, text: (json: string) => string = (t) => t) {
  const file = JSON.parse(backupFile(everyField()));
  damage(file.workbook);
  return readBackup(text(JSON.stringify(file)));
}
const refused = (problem: string) => ({ problem: `This workbook file is damaged: ${problem}.` });

describe('a damaged workbook file is refused, naming the place and the reason', () => {
  it('keeps every field of the type: a workbook with all of them set comes back exactly', () => {
    expect(readBackup(backupFile(everyField()))).toEqual(everyField());
  });

  it('a post whose start is text, not a month', () => {
    expect(damaged((wb) => (wb.posts[1].start = '2018-04'))).toEqual(refused('post 2 (Commissioning Manager) has a start that is not a month (“2018-04”)'));
  });

  it('a first year that is not a plausible financial year', () => {
    expect(damaged((wb) => (wb.assumptions.firstYear = -5))).toEqual(refused('the workbook has a first year that is not a financial year from 1990/91 to 2100/01 (“-5”)'));
  });

  it('scenarios that are not a list', () => {
    expect(damaged((wb) => (wb.scenarios = 'nope'))).toEqual(refused('the workbook has scenarios that are not a list (“nope”)'));
  });

  it('a negative horizon', () => {
    expect(damaged((wb) => (wb.assumptions.horizonYears = -3))).toEqual(refused('the workbook has a horizon that is not a whole number of years from 1 to 50 (“-3”)'));
  });

  it('numbers that are not numbers: "NaN" as text, 1e999 (infinity when read), null where JSON wrote a NaN', () => {
    expect(damaged((wb) => (wb.posts[0].fte = 'NaN'))).toEqual(refused('post 1 (Strategic Development Manager) has an FTE that is not a number (“NaN”)'));
    expect(damaged((wb) => (wb.posts[0].fte = 12345), (t) => t.replace('"fte":12345', '"fte":1e999'))).toEqual(
      refused('post 1 (Strategic Development Manager) has an FTE that is not a number from -1,000,000,000,000 to 1,000,000,000,000 (“Infinity”)'),
    );
    expect(damaged((wb) => (wb.grades[1].annualCost = null))).toEqual(refused('grade 2 (Band B) has an annual cost that is blank'));
    expect(damaged((wb) => (wb.savings[1].amounts['2019'] = null))).toEqual(refused('saving 2 (Older adults: reducing variation in home…) has an amount for 2019/20 that is blank'));
  });

  it('a type or unit the app does not know', () => {
    expect(damaged((wb) => (wb.savings[0].type = 'Bonus'))).toEqual(refused('saving 1 (Younger adults: sleep-ins, day hours and…) has a type that is not Saving or Target (“Bonus”)'));
    expect(damaged((wb) => (wb.userAssumptions[1].unit = 'kg'))).toEqual(refused('user assumption 2 (CasesPerWorker) has a unit that is not £, %, months or number (“kg”)'));
  });

  it('a missing field, a count of months that is not whole, an assumption outside what the app allows', () => {
    expect(damaged((wb) => delete wb.posts[3].grade)).toEqual(refused('post 4 (Assistant Accountant) has no grade'));
    expect(damaged((wb) => (wb.posts[1].months = 1.5))).toEqual(refused('post 2 (Commissioning Manager) has a count of months that is not a whole number from 1 to 1,200 (“1.5”)'));
    expect(damaged((wb) => (wb.scenarios[0].overrides.startDelay = 900))).toEqual(refused('scenario 1 (Half) has Start delay (months) at 900, which is not from 0 to 600 months'));
    expect(damaged((wb) => (wb.assumptions.payAward = 5))).toEqual(refused('the workbook has Pay award % at 500%, which is not above -100% and at most 100%'));
  });

  it('a field the workbook does not have, misspelt or from elsewhere, is refused rather than dropped', () => {
    expect(damaged((wb) => (wb.scenarios[0].overrides = { payaward: 0.05 }))).toEqual(refused('scenario 1 (Half) has a field this app does not know (“payaward”)'));
    expect(damaged((wb) => (wb.posts[0].notes = 'typed by hand'))).toEqual(refused('post 1 (Strategic Development Manager) has a field this app does not know (“notes”)'));
  });

  it('a printed total that refers to a line the workbook does not have', () => {
    expect(damaged((wb) => (wb.reported[0].posts = [1, 8]))).toEqual(refused('printed total 1 (Sub Total) refers to post 9, which the workbook does not have'));
  });

  it('a key that would set an object’s prototype is refused, wherever it is', () => {
    expect(damaged((wb) => (wb.posts[1].formulas = { x: '=1' }), (t) => t.replace('"x":"=1"', '"__proto__":"=1"'))).toEqual(
      refused('post 2 (Commissioning Manager) has a formula for “__proto__”, which is not a field that takes a formula'),
    );
    expect(damaged((wb) => (wb.scenarios[0].overrides = { x: 1 }), (t) => t.replace('"x":1', '"__proto__":{"payAward":9}'))).toEqual(
      refused('scenario 1 (Half) has a field this app does not know (“__proto__”)'),
    );
    expect(damaged((wb) => (wb.x = 1), (t) => t.replace('"x":1', '"__proto__":{"name":"x"}'))).toEqual(refused('the workbook has a field this app does not know (“__proto__”)'));
  });

  it('checks every field: any one of them replaced by something of the wrong kind is refused, in words', () => {
    const paths: { path: (string | number)[]; was: unknown }[] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push({ path, was: v });
      if (v !== null && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(everyField(), []);
    expect(paths.length).toBeGreaterThan(150);
    for (const { path, was } of paths.slice(1)) {
      for (const wrong of [{ not: [1] }, typeof was === 'boolean' ? 'yes' : true]) {
        const result = damaged((wb) => {
          const parent = path.slice(0, -1).reduce((o, k) => o[k], wb);
          parent[path.at(-1)!] = wrong;
        });
        expect(result, path.join('.')).toEqual({ problem: expect.stringMatching(/^This workbook file is damaged: .+\.$/) });
        expect((result as { problem: string }).problem, path.join('.')).not.toMatch(/undefined|NaN|\[object|is not a function/);
      }
    }
  });
});
