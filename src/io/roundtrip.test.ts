// Export then import gives back the same workbook, whatever the text.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { costWorkbook } from '../model/costing';
import { month } from '../model/periods';
import { emptyWorkbook, type Cost, type Post, type Saving, type Workbook } from '../model/workbook';
import { costsCsv, gradesCsv, postsCsv, savingsCsv } from './export';
import { applyImport, previewImport } from './import';

// Awkward pieces: quotes, separators, line breaks, £, what Excel runs as a formula.
const piece = fc.constantFrom('a', 'Z', 'é', ' ', '"', ',', ';', '\n', '\r\n', '£', '=', '+', '-', '@', "'", '*', '(', ')', '–', '1', '007', 'Band', '\t', '＝');
const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join('').trim());
// A label that reads as a total (`Total`, `Net total:`) is read as one: that is the point of the rule.
const TOTALISH = /^(?:(?:sub|grand|net)[\s-]*)?totals?\b|\btotals?\s*:?$/i;
const label = text.filter((t) => t !== '' && !TOTALISH.test(t));
const money = fc.integer({ min: -50_000_00, max: 200_000_00 }).map((p) => p / 100);
const monthArb = fc.integer({ min: month(2018, 1), max: month(2024, 12) });
const note = fc.option(label, { nil: undefined });

const workbookArb = fc.uniqueArray(label, { minLength: 1, maxLength: 4, selector: (g) => g.toLowerCase() }).chain((gradeNames) => {
  const post: fc.Arbitrary<Post> = fc
    .record({
      title: label,
      grade: fc.constantFrom(...gradeNames),
      fte: fc.integer({ min: -300, max: 500 }).map((n) => n / 100),
      team: text,
      group: text,
      start: fc.option(monthArb),
      end: fc.option(monthArb),
      months: fc.option(fc.integer({ min: 1, max: 36 })),
      funding: text,
      publishedCost: fc.option(money, { nil: undefined }),
      note,
      doNothing: fc.option(fc.constant(true), { nil: undefined }),
    })
    .filter((p) => p.months !== null || p.start === null || p.end === null || p.end >= p.start)
    .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as Post);
  const cost: fc.Arbitrary<Cost> = fc
    .record({
      description: label,
      group: text,
      year: fc.option(fc.integer({ min: 2018, max: 2024 })),
      amount: fc.option(money),
      quantity: fc.option(fc.integer({ min: 1, max: 200 })),
      unitCost: fc.option(money),
      funding: text,
      note,
      doNothing: fc.option(fc.constant(true), { nil: undefined }),
    })
    .filter((c) => c.amount !== null || (c.quantity !== null && c.unitCost !== null))
    .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as unknown as Cost);
  const saving: fc.Arbitrary<Saving> = fc.record({
    line: label,
    group: text,
    type: fc.constantFrom('Saving' as const, 'Target' as const),
    recurring: fc.boolean(),
    amounts: fc
      .dictionary(fc.integer({ min: 2018, max: 2024 }).map(String), money, { minKeys: 1, maxKeys: 4 })
      .map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [Number(k), v]))),
  });
  return fc.record({
    grades: fc.tuple(...gradeNames.map(() => fc.integer({ min: 1, max: 120_000_00 }).map((p) => p / 100))).map((costs) => gradeNames.map((grade, i) => ({ grade, annualCost: costs[i] }))),
    posts: fc.array(post, { maxLength: 6 }),
    costs: fc.array(cost, { maxLength: 4 }),
    savings: fc.array(saving, { maxLength: 4 }),
  });
});

it('export then import gives back the same workbook, whatever the text', () => {
  fc.assert(
    fc.property(workbookArb, (sheets) => {
      const wb: Workbook = { ...emptyWorkbook('round trip'), ...sheets };
      const encode = (name: string, csv: string) => ({ name, bytes: new TextEncoder().encode(csv) });
      const files = [
        encode('grades.csv', gradesCsv(wb)),
        encode('posts.csv', postsCsv(wb, costWorkbook(wb))),
        encode('costs.csv', costsCsv(wb)),
        ...(wb.savings.length ? [encode('savings.csv', savingsCsv(wb))] : []),
      ];
      const preview = previewImport(files, emptyWorkbook('x'), { readAs: new Map([['grades.csv', 'Grades'], ['posts.csv', 'Posts'], ['costs.csv', 'Costs'], ['savings.csv', 'Savings']]) });
      expect(preview.problems).toEqual([]);
      const back = applyImport(emptyWorkbook('round trip'), preview);
      expect(back.grades).toEqual(wb.grades);
      expect(back.posts).toEqual(wb.posts);
      expect(back.costs).toEqual(wb.costs);
      expect(back.savings).toEqual(wb.savings);
    }),
    { numRuns: 200 },
  );
}, 60_000);
