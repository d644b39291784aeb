// The grid's keyboard model, as Excel has it and the ARIA grid pattern asks:
// arrows move a cell, Tab and Shift+Tab move along the row (wrapping to the
// next or previous row), Home and End go to the row's ends (with Ctrl, the
// sheet's), Page Up and Page Down move a page. Pure, so it is tested alone.
export interface Position {
  row: number;
  col: number;
}

export interface Extent {
  rows: number;
  cols: number;
  /** Rows in a page, for Page Up / Page Down. */
  page: number;
}

export interface KeyPress {
  key: string;
  shift?: boolean;
  ctrl?: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Where a key moves the active cell; null if the key is not a move. */
export function move(at: Position, press: KeyPress, extent: Extent): Position | null {
  const lastRow = Math.max(0, extent.rows - 1);
  const lastCol = Math.max(0, extent.cols - 1);
  const to = (row: number, col: number) => ({ row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) });
  switch (press.key) {
    case 'ArrowUp':
      return to(press.ctrl ? 0 : at.row - 1, at.col);
    case 'ArrowDown':
      return to(press.ctrl ? lastRow : at.row + 1, at.col);
    case 'ArrowLeft':
      return to(at.row, press.ctrl ? 0 : at.col - 1);
    case 'ArrowRight':
      return to(at.row, press.ctrl ? lastCol : at.col + 1);
    case 'Home':
      return press.ctrl ? to(0, 0) : to(at.row, 0);
    case 'End':
      return press.ctrl ? to(lastRow, lastCol) : to(at.row, lastCol);
    case 'PageUp':
      return to(at.row - extent.page, at.col);
    case 'PageDown':
      return to(at.row + extent.page, at.col);
    case 'Tab':
      if (press.shift) return at.col > 0 ? to(at.row, at.col - 1) : at.row > 0 ? to(at.row - 1, lastCol) : null;
      return at.col < lastCol ? to(at.row, at.col + 1) : at.row < lastRow ? to(at.row + 1, 0) : null;
    default:
      return null;
  }
}

/** A key that types into a cell: typing replaces the content, as in Excel. */
export const startsTyping = (press: KeyPress & { alt?: boolean; meta?: boolean }) => press.key.length === 1 && !press.ctrl && !press.alt && !press.meta;

/** The rows a scrolled window shows, with a few either side so the keyboard never lands on nothing. */
export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, rows: number, overscan = 8): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows - 1, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last };
}

/**
 * The rows a grid draws: a sheet of up to `drawAll` rows is shown whole (a row
 * per line), drawn from the top to `drawnLast` so far and never short of the
 * rows in view (`view`), a few more each task after the first (each drawn cell
 * costs the page's thread: docs/SCALE.md, "The longest task"); a longer sheet
 * draws the rows in view only.
 */
export function drawnRows(view: { first: number; last: number }, rows: number, drawAll: number, drawnLast: number): { first: number; last: number } {
  if (rows > drawAll) return view;
  return { first: 0, last: Math.min(rows - 1, Math.max(view.last, drawnLast)) };
}

/**
 * Keys for the rows a grid draws, so a row stays the same row of the page
 * while its line does: a row inserted or deleted draws or takes away that one
 * row, and the rows below it move, unchanged, instead of every row below
 * being drawn again with its neighbour's line (at a few hundred rows that
 * laid out and painted the whole sheet again). A line replaced in place (an
 * edit, an undo of it) keeps its row's key, so the cell being edited stays.
 * A row with no line (a sheet of another kind), or a second row of the same
 * line, is keyed by its place, as every row was before.
 */
export class RowKeys {
  private byLine = new Map<unknown, number>();
  private byRow = new Map<number, unknown>();
  private next = 0;

  of(rows: number[], line: (row: number) => unknown): number[] {
    const lines = rows.map(line);
    const present = new Set(lines);
    const used = new Set<number>();
    const byLine = new Map<unknown, number>();
    const byRow = new Map<number, unknown>();
    const keys = rows.map((row, i) => {
      const now = lines[i];
      if (now === undefined || byLine.has(now)) return -1 - row;
      const was = this.byRow.get(row);
      // The line drawn before at this row, now gone from the rows drawn: this row's line was replaced in place.
      const replaced = was !== undefined && !present.has(was) ? this.byLine.get(was) : undefined;
      const key = [this.byLine.get(now), replaced].find((k) => k !== undefined && !used.has(k)) ?? this.next++;
      used.add(key);
      byLine.set(now, key);
      byRow.set(row, now);
      return key;
    });
    this.byLine = byLine;
    this.byRow = byRow;
    return keys;
  }
}
