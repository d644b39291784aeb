// Editing the workbook's sheets in grids: a cell at a time, a row added or
// deleted. Each change goes through AppState.change, so it is costed by the
// engine, saved, and undoable.
import { deleteLine } from '../model/lines';
import type { Workbook } from '../model/workbook';
import type { AppState } from './app.svelte';
import { blankLine, COST_COLUMNS, GRADE_COLUMNS, LINES, POST_COLUMNS, savingColumns, type Column, type SheetName } from './sheet-columns';

export class SheetState {
  open = $state<SheetName>('Posts');

  constructor(private readonly app: AppState) {}

  /** The financial years the Savings grid shows: the horizon's and any a saving names. */
  readonly savingYears = $derived.by(() => {
    const years = new Set(this.app.results?.years ?? []);
    for (const s of this.app.workbook.savings) for (const y of Object.keys(s.amounts)) years.add(Number(y));
    return [...years].sort((a, b) => a - b);
  });

  columns(sheet: SheetName): Column<never>[] {
    const all = { Grades: GRADE_COLUMNS, Posts: POST_COLUMNS, Costs: COST_COLUMNS, Savings: savingColumns(this.savingYears) };
    return all[sheet] as unknown as Column<never>[];
  }

  lines(sheet: SheetName): unknown[] {
    return this.app.workbook[LINES[sheet]];
  }

  /** Typed text into a cell: the reason it cannot be used, or null once the workbook has it. */
  async edit(sheet: SheetName, row: number, col: number, text: string): Promise<string | null> {
    const column = this.columns(sheet)[col] as unknown as Column<unknown>;
    const line = this.lines(sheet)[row];
    if (column === undefined || line === undefined) return 'There is no such cell';
    if (text.trim().startsWith('=')) return 'Formulas in cells are not available yet: type the value';
    const next = column.read(line, text, this.app.workbook);
    if (typeof next === 'string') return next;
    if (column.show(next) === column.show(line)) return null;
    const key = LINES[sheet];
    const workbook: Workbook = { ...this.app.workbook, [key]: (this.app.workbook[key] as unknown[]).map((l, i) => (i === row ? next : l)) };
    // One post's row is one engine edit; any other sheet reshapes what it feeds.
    const ok = await this.app.change(workbook, sheet === 'Posts' ? { type: 'post', index: row, post: workbook.posts[row] } : undefined);
    return ok ? null : (this.app.error ?? 'The change could not be made');
  }

  async addRow(sheet: SheetName): Promise<void> {
    const key = LINES[sheet];
    await this.app.change({ ...this.app.workbook, [key]: [...(this.app.workbook[key] as unknown[]), blankLine(sheet, this.app.workbook)] });
  }

  async deleteRow(sheet: SheetName, row: number): Promise<void> {
    if (row < 0 || row >= this.lines(sheet).length) return;
    await this.app.change(deleteLine(this.app.workbook, LINES[sheet], row));
  }
}
