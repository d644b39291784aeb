// What every grid's sheet offers SheetsPanel, whatever it holds: one adapter
// per kind of sheet (lines, the workbook's assumptions, the scenarios), so no
// caller asks which sheet it has.
import type { ColumnHead, SheetName } from './sheet-columns';

export type CellEdit = { row: number; col: number; text: string };

export abstract class Sheet {
  abstract readonly name: SheetName;
  /** The columns as the grid heads them. */
  abstract get columns(): ColumnHead[];
  abstract get rows(): number;
  /** A word under the grid on what the sheet takes, or null. */
  readonly note: string | null = null;

  /** A column's place by its name in code (`posts.column('fte')`); a name no column has is a mistake in the code. */
  column(key: string): number {
    const at = this.columns.findIndex((c) => c.key === key);
    if (at < 0) throw new Error(`${this.name} has no column ${key}`);
    return at;
  }

  /** What a cell shows: its value, or its formula's error code. */
  abstract show(row: number, col: number): string;
  /** What editing a cell starts from: the formula the user typed, if any. */
  editText(row: number, col: number): string {
    return this.show(row, col);
  }
  /** The line a row shows, which stays the same object while the line is unchanged; undefined on a sheet of another kind. */
  line(_row: number): unknown {
    return undefined;
  }
  /** Why a cell needs a look (a formula in error, an unknown grade), or null. */
  problem(_row: number, _col: number): string | null {
    return null;
  }
  /** Typed text into a cell: the reason it cannot be used, or null once the workbook has it. */
  abstract edit(row: number, col: number, text: string): Promise<string | null>;
  /** Many cells at once, as one change: a block pasted from Excel, or a value filled down. */
  editMany(_cells: CellEdit[]): Promise<string | null> {
    return Promise.resolve('Paste and fill work in Grades, Posts, Costs and Savings');
  }

  /** Ctrl+D: each column's top cell (its formula, if it has one) copied down the block. */
  fill(top: number, bottom: number, left: number, right: number): Promise<string | null> {
    const cells: CellEdit[] = [];
    for (let c = left; c <= right; c++) for (let r = top + 1; r <= bottom; r++) cells.push({ row: r, col: c, text: this.editText(top, c) });
    return this.editMany(cells);
  }

  /** A blank row inserted below `row` (at the end if the sheet keeps its own order). */
  insertRow(_row: number): Promise<void> {
    return this.addRow();
  }
  abstract addRow(): Promise<void>;
  abstract deleteRow(row: number): Promise<string | null>;
}
