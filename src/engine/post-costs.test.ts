import fc from 'fast-check';
import { expect, it } from 'vitest';
import { packPostCosts, unpackPostCosts } from './post-costs';

const costs = (n: number) => fc.array(fc.array(fc.double({ noNaN: true, min: -1e7, max: 1e7 }), { minLength: 3, maxLength: 3 }), { minLength: n, maxLength: n });

it('sends only the rows that changed, and the page puts back exactly what the engine has', () => {
  fc.assert(
    fc.property(
      fc.nat(30).chain((n) => fc.tuple(costs(n), fc.array(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.array(fc.double({ noNaN: true }), { minLength: 3, maxLength: 3 }))))),
      ([before, edits]) => {
        const after = before.map((row) => row.slice());
        for (const [i, row] of edits) if (i < after.length) after[i] = row;
        const message = packPostCosts(before, after);
        expect(unpackPostCosts(before, message)).toEqual(after);
        const changed = after.filter((row, i) => row.some((v, k) => v !== before[i][k])).length;
        if ('rows' in message) expect(message.rows.length).toBe(changed);
      },
    ),
  );
});

it('after posts inserted or deleted, sends the rows that came in, not the 10,000 that moved', () => {
  fc.assert(
    fc.property(
      fc.nat(30).chain((n) => fc.tuple(costs(n), fc.nat(n), fc.nat(3), fc.integer({ min: 0, max: 3 }).chain(costs))),
      ([before, at, removed, added]) => {
        const after = [...before.slice(0, at), ...added, ...before.slice(at + removed)];
        const message = packPostCosts(before, after);
        expect(unpackPostCosts(before, message)).toEqual(after);
        if ('rows' in message) expect(message.rows.length).toBeLessThanOrEqual(3);
      },
    ),
  );
  // A post inserted below the first of three: its row alone.
  expect(packPostCosts([[1], [2], [3]], [[1], [7], [2], [3]])).toEqual({ count: 4, moved: { at: 1, removed: 0, added: 1 }, rows: [[1, [7]]] });
  // The first deleted: nothing but where.
  expect(packPostCosts([[1], [2], [3]], [[2], [3]])).toEqual({ count: 2, moved: { at: 0, removed: 1, added: 0 }, rows: [] });
  // Rows the page does not have are refused, not guessed at.
  expect(unpackPostCosts([[1], [2]], { count: 4, moved: { at: 1, removed: 0, added: 1 }, rows: [[1, [7]]] })).toBeNull();
  expect(unpackPostCosts([[1], [2], [3]], { count: 4, moved: { at: 1, removed: 0, added: 1 }, rows: [] })).toBeNull();
});

it('sends everything the first time, or when most rows change', () => {
  expect(packPostCosts(null, [[1, 2]])).toEqual({ whole: [[1, 2]] });
  expect(packPostCosts([[1, 2]], [[5, 6], [3, 4]])).toEqual({ whole: [[5, 6], [3, 4]] });
  expect(packPostCosts([[1], [2], [3]], [[9], [9], [3]])).toEqual({ whole: [[9], [9], [3]] });
  expect(packPostCosts([[1], [2], [3]], [[1], [9], [3]])).toEqual({ count: 3, rows: [[1, [9]]] });
  // A patch the page cannot apply (it has no rows, or a different count) is refused, not guessed at.
  expect(unpackPostCosts(null, { count: 3, rows: [] })).toBeNull();
  expect(unpackPostCosts([[1]], { count: 3, rows: [] })).toBeNull();
});

it('takes a row kept as the same array (a post costed before, its costs kept) as unchanged without reading it', () => {
  // Counts which rows have their numbers read: a row that is the same array as last time needs no comparing, number by number.
  const read = new Set<number>();
  const counted = (i: number) => new Proxy([i, i + 1, i + 2], { get: (target, key) => (/^\d+$/.test(String(key)) && read.add(i), Reflect.get(target, key)) });
  const kept = Array.from({ length: 6 }, (_, i) => counted(i));
  const fresh = [40, 50, 60];
  expect(packPostCosts(kept, [...kept.slice(0, 2), fresh, ...kept.slice(2)])).toEqual({ count: 7, moved: { at: 2, removed: 0, added: 1 }, rows: [[2, fresh]] });
  // Only the row that met the new one, where the same rows before it end.
  expect([...read]).toEqual([2]);
  read.clear();
  expect(packPostCosts(kept, kept.slice())).toEqual({ count: 6, rows: [] });
  expect(read.size).toBe(0);
});
