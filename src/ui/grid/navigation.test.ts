import { describe, expect, it } from 'vitest';
import { drawnRows, move, startsTyping, visibleRows, RowKeys } from './navigation';

const extent = { rows: 10, cols: 4, page: 5 };
const at = { row: 3, col: 2 };

describe('the grid’s keyboard model', () => {
  it('moves a cell with the arrows, and stops at the edges', () => {
    expect(move(at, { key: 'ArrowUp' }, extent)).toEqual({ row: 2, col: 2 });
    expect(move(at, { key: 'ArrowRight' }, extent)).toEqual({ row: 3, col: 3 });
    expect(move({ row: 0, col: 0 }, { key: 'ArrowUp' }, extent)).toEqual({ row: 0, col: 0 });
    expect(move({ row: 9, col: 3 }, { key: 'ArrowRight' }, extent)).toEqual({ row: 9, col: 3 });
  });

  it('jumps to the edge with Ctrl and an arrow', () => {
    expect(move(at, { key: 'ArrowDown', ctrl: true }, extent)).toEqual({ row: 9, col: 2 });
    expect(move(at, { key: 'ArrowLeft', ctrl: true }, extent)).toEqual({ row: 3, col: 0 });
  });

  it('goes to the row’s ends with Home and End, the sheet’s with Ctrl', () => {
    expect(move(at, { key: 'Home' }, extent)).toEqual({ row: 3, col: 0 });
    expect(move(at, { key: 'End' }, extent)).toEqual({ row: 3, col: 3 });
    expect(move(at, { key: 'Home', ctrl: true }, extent)).toEqual({ row: 0, col: 0 });
    expect(move(at, { key: 'End', ctrl: true }, extent)).toEqual({ row: 9, col: 3 });
  });

  it('moves a page with Page Up and Page Down', () => {
    expect(move(at, { key: 'PageDown' }, extent)).toEqual({ row: 8, col: 2 });
    expect(move(at, { key: 'PageUp' }, extent)).toEqual({ row: 0, col: 2 });
  });

  it('moves along the row with Tab, wrapping to the next row, and back with Shift+Tab', () => {
    expect(move({ row: 3, col: 3 }, { key: 'Tab' }, extent)).toEqual({ row: 4, col: 0 });
    expect(move({ row: 3, col: 0 }, { key: 'Tab', shift: true }, extent)).toEqual({ row: 2, col: 3 });
    // Tab out of the last cell leaves the grid (null: the browser moves focus on)
    expect(move({ row: 9, col: 3 }, { key: 'Tab' }, extent)).toBeNull();
    expect(move({ row: 0, col: 0 }, { key: 'Tab', shift: true }, extent)).toBeNull();
  });

  it('starts typing on a printable key, not on Ctrl+Z or a named key', () => {
    expect(startsTyping({ key: '5' })).toBe(true);
    expect(startsTyping({ key: '=' })).toBe(true);
    expect(startsTyping({ key: 'z', ctrl: true })).toBe(false);
    expect(startsTyping({ key: 'Enter' })).toBe(false);
  });

  it('renders the rows in view and a few either side, out of 10,000', () => {
    expect(visibleRows(36 * 5000, 360, 36, 10_000)).toEqual({ first: 4992, last: 5018 });
    expect(visibleRows(0, 360, 36, 3)).toEqual({ first: 0, last: 2 });
  });

  it('draws a sheet it shows whole a few rows a task: first those in view, then on to the last', () => {
    // 100 posts at 40 px a row in a 420 px box: rows 0 to 14 (0 to 10 in view, 3 beyond), the rest follow task by task.
    const view = visibleRows(0, 420, 40, 100, 3);
    expect(drawnRows(view, 100, 300, -1)).toEqual({ first: 0, last: 14 });
    expect(drawnRows(view, 100, 300, 38)).toEqual({ first: 0, last: 38 });
    expect(drawnRows(view, 100, 300, 140)).toEqual({ first: 0, last: 99 });
    // Scrolled down before the rows got there: those in view are drawn at once, and every row above them.
    expect(drawnRows(visibleRows(40 * 60, 420, 40, 100, 3), 100, 300, 38)).toEqual({ first: 0, last: 74 });
    // A sheet too long to show whole: the rows in view only.
    expect(drawnRows(visibleRows(40 * 500, 420, 40, 1000, 3), 1000, 300, -1)).toEqual({ first: 497, last: 514 });
  });
});

describe('the key of each drawn row', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Post ${i + 1}` }));
  const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('follows a line moved by a row inserted above it, so only the new row is drawn', () => {
    const keys = new RowKeys();
    const before = lines(5);
    const first = keys.of(rows(5), (r) => before[r]);
    const after = [...before.slice(0, 2), { title: 'New' }, ...before.slice(2)];
    const second = keys.of(rows(6), (r) => after[r]);
    expect(second.slice(0, 2)).toEqual(first.slice(0, 2));
    expect(second.slice(3)).toEqual(first.slice(2));
    expect(first).not.toContain(second[2]);
  });

  it('follows the lines below a row deleted', () => {
    const keys = new RowKeys();
    const before = lines(5);
    const first = keys.of(rows(5), (r) => before[r]);
    const after = [...before.slice(0, 1), ...before.slice(2)];
    expect(keys.of(rows(4), (r) => after[r])).toEqual([first[0], ...first.slice(2)]);
  });

  it('keeps a row’s key when its line is replaced in place by an edit, so the cell being edited stays', () => {
    const keys = new RowKeys();
    const before = lines(3);
    const first = keys.of(rows(3), (r) => before[r]);
    const after = [before[0], { ...before[1], title: 'Edited' }, before[2]];
    expect(keys.of(rows(3), (r) => after[r])).toEqual(first);
  });

  it('gives every row a key of its own, even where one line is in two rows or a row has no line', () => {
    const keys = new RowKeys();
    const same = { title: 'Same' };
    const other = { title: 'Other' };
    const drawn = keys.of(rows(4), (r) => (r < 2 ? same : r === 2 ? undefined : other));
    expect(new Set(drawn).size).toBe(4);
    expect(keys.of(rows(4), (r) => (r < 2 ? same : r === 2 ? undefined : other))).toEqual(drawn);
  });
});
