// The reconciliation keeps each post's checks from one workbook to the next
// (reconcile.ts, postChecks): after any run of changes its checks must be
// those of the same workbook seen afresh, every line a new object.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { postArb, workbookArb } from '../../test/arbitraries';
import { reconcile } from './reconcile';
import type { Workbook } from './workbook';

const published = fc.option(fc.integer({ min: 0, max: 50_000_000 }).map((p) => p / 100), { nil: undefined });
const ownPay = fc.option(fc.integer({ min: 0, max: 9_000_000 }).map((p) => p / 100), { nil: undefined });

type Change =
  | { kind: 'grade'; at: number; name: string; cost: number }
  | { kind: 'post'; at: number; post: Workbook['posts'][number]; publishedCost: number | undefined; annualCost: number | undefined }
  | { kind: 'table'; reverse: boolean };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('grade' as const), at: fc.nat(10), name: fc.constantFrom('Band A', 'band b', ' Grade 5 ', 'Elsewhere'), cost: fc.integer({ min: 0, max: 9_000_000 }).map((p) => p / 100) }),
  fc.record({ kind: fc.constant('post' as const), at: fc.nat(20), post: postArb, publishedCost: published, annualCost: ownPay }),
  fc.record({ kind: fc.constant('table' as const), reverse: fc.boolean() }),
);

it('gives the checks of the same workbook seen afresh after any run of changes to posts, their own pay and the grade table', () => {
  fc.assert(
    fc.property(workbookArb, fc.array(published, { minLength: 12, maxLength: 12 }), fc.array(changeArb, { maxLength: 10 }), (start, printed, changes) => {
      let wb: Workbook = { ...start, posts: start.posts.map((p, i) => (printed[i] === undefined ? p : { ...p, publishedCost: printed[i] })) };
      expect(reconcile(wb)).toEqual(reconcile(structuredClone(wb)));
      for (const change of changes) {
        if (change.kind === 'grade') {
          const grades = wb.grades.slice();
          const i = change.at % grades.length;
          grades[i] = { grade: change.name, annualCost: change.cost };
          wb = { ...wb, grades };
        } else if (change.kind === 'table') {
          // The grade table made again: the same grades, or their order turned round (the first of a name wins).
          wb = { ...wb, grades: (change.reverse ? wb.grades.slice().reverse() : wb.grades).map((g) => ({ ...g })) };
        } else if (wb.posts.length) {
          const posts = wb.posts.slice();
          const i = change.at % posts.length;
          posts[i] = { ...change.post, publishedCost: change.publishedCost, ...(change.annualCost === undefined ? {} : { annualCost: change.annualCost }) };
          wb = { ...wb, posts };
        }
        reconcile(wb);
        expect(reconcile(wb)).toEqual(reconcile(structuredClone(wb)));
      }
    }),
    { numRuns: 300 },
  );
});
