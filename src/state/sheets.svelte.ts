// Editing the workbook's sheets in grids: a cell at a time, a row added or
// deleted. Each change goes through AppState.change, so it is costed by the
// engine, saved, and undoable. A cell that takes a number may take a formula
// (`=ReferralsPerWeek/CasesPerWorker`); the engine works it out.
import { gradeKey } from '../model/costing';
import { formulaProblem } from '../model/formulas';
import { deleteLine, insertLine } from '../model/lines';
import type { Formulas, Workbook } from '../model/workbook';
import type { AppState } from './app.svelte';
import { formulaReach } from '../engine/layout';
import { AssumptionsSheet, RangesSheet, ScenariosSheet } from './assumption-sheets';
import { Sheet, type CellEdit } from './sheet';
import { COST_COLUMNS, COSTS, GRADE_COLUMNS, GRADES, POST_COLUMNS, POSTS, SAVINGS, savingColumns, type CellContext, type Column, type LineKind, type SheetName } from './sheet-columns';

/** A sheet of lines (Grades, Posts, Costs, Savings): a row a line, a column a field of it. */
export class LineSheet<T extends { formulas?: Formulas }> extends Sheet {
  readonly name: SheetName;

  constructor(
    private readonly app: AppState,
    private readonly kind: LineKind<T>,
    private readonly lineColumns: () => Column<T>[],
    private readonly context: () => CellContext,
  ) {
    super();
    this.name = kind.name;
  }

  get columns(): Column<T>[] {
    return this.lineColumns();
  }

  get rows(): number {
    return this.kind.lines(this.app.workbook).length;
  }

  line(row: number): T | undefined {
    return this.kind.lines(this.app.workbook)[row];
  }

  /** The engine's value of a formula in a cell, by the line and the field it stands in for. */
  private worked(row: number, field: string) {
    return this.app.formulaValues.get(`${this.kind.key}:${row}:${field}`);
  }

  show(row: number, col: number): string {
    const column = this.columns[col];
    const line = this.kind.lines(this.app.workbook)[row];
    if (!line || !column) return '';
    const formula = column.formula && line.formulas?.[column.formula] ? column.formula : null;
    if (!formula) return column.show(line);
    const worked = this.worked(row, formula);
    if (worked?.error) return worked.error.split(':')[0];
    return !worked && column.notWorkedOut ? column.notWorkedOut : column.show(line);
  }

  editText(row: number, col: number): string {
    const column = this.columns[col];
    const line = this.kind.lines(this.app.workbook)[row];
    return (column?.formula && line?.formulas?.[column.formula]) || this.show(row, col);
  }

  problem(row: number, col: number): string | null {
    const column = this.columns[col];
    const line = this.kind.lines(this.app.workbook)[row];
    if (!column || !line) return null;
    if (column.problem) return column.problem(line, this.context());
    return column.formula ? (this.worked(row, column.formula)?.error ?? null) : null;
  }

  edit(row: number, col: number, text: string): Promise<string | null> {
    // A line edited in place goes to the engine as that line (state/requests.ts).
    return this.app.changeWith((wb) => this.applied(wb, row, col, text));
  }

  /**
   * Many cells at once, as one change (one Ctrl+Z): a block pasted from Excel
   * (rows past the end add lines) or a value filled down. If any cell cannot
   * be read, nothing changes and every reason is given.
   */
  editMany(cells: CellEdit[]): Promise<string | null> {
    return this.app.changeWith((current) => this.appliedMany(current, cells));
  }

  private appliedMany(current: Workbook, cells: CellEdit[]): Workbook | string {
    let workbook = current;
    const problems: string[] = [];
    const columns = this.columns;
    for (const { row, col, text } of cells) {
      if (col >= columns.length) continue;
      while (row >= this.kind.lines(workbook).length) workbook = this.kind.withLines(workbook, [...this.kind.lines(workbook), this.kind.blank(workbook)]);
      const next = this.applied(workbook, row, col, text);
      const label = columns[col].label;
      if (typeof next === 'string') problems.push(`Row ${row + 1}, ${next.startsWith(label) ? next : `${label}: ${next}`}`);
      else workbook = next;
    }
    if (problems.length) return `Nothing was changed. ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}.`;
    return workbook;
  }

  /** The workbook with one cell changed, the same workbook if nothing changes, or the reason it cannot be. */
  private applied(workbook: Workbook, row: number, col: number, text: string): Workbook | string {
    const column = this.columns[col];
    const lines = this.kind.lines(workbook);
    const line = lines[row];
    if (column === undefined || line === undefined) return 'There is no such cell';
    const typed = text.trim();
    const field = column.formula;
    let next: T | string;
    if (typed.startsWith('=') && !field) {
      // Text stays text: `=HYPERLINK(...)` typed as a title is a title.
      next = column.read(line, text, workbook);
      if (typeof next === 'string') return `${column.label} takes a value here, not a formula`;
    } else if (typed.startsWith('=') && field) {
      // What a formula may read: the grids' own cells, as the engine lays them out, and the assumptions by name.
      const problem = formulaProblem(typed, formulaReach(this.kind.name, this.app.results?.years.length ?? 0));
      if (problem) return problem;
      if (line.formulas?.[field] === typed) return workbook;
      next = { ...line, formulas: { ...line.formulas, [field]: typed } };
    } else {
      next = column.read(line, text, workbook);
      if (typeof next === 'string') return next;
      if (field && line.formulas?.[field]) {
        const { [field]: _dropped, ...rest } = line.formulas;
        next = { ...next, formulas: rest };
        if (Object.keys(rest).length === 0) delete next.formulas;
      } else if (column.show(next) === column.show(line)) return workbook;
    }
    const changed = next;
    return this.kind.withLines(workbook, lines.map((l, i) => (i === row ? changed : l)));
  }

  async insertRow(row: number): Promise<void> {
    await this.app.changeWith((wb) => insertLine(wb, this.kind.key, Math.min(row + 1, this.kind.lines(wb).length), this.kind.blank(wb)));
  }

  async addRow(): Promise<void> {
    await this.app.changeWith((wb) => this.kind.withLines(wb, [...this.kind.lines(wb), this.kind.blank(wb)]));
  }

  deleteRow(row: number): Promise<string | null> {
    return this.app.changeWith((wb) => (row >= 0 && row < this.kind.lines(wb).length ? deleteLine(wb, this.kind.key, row) : wb));
  }
}

/** The grids' sheets, one adapter each, and which one is open. */
export class SheetState {
  open = $state<SheetName>('Posts');

  readonly grades: LineSheet<Workbook['grades'][number]>;
  readonly posts: LineSheet<Workbook['posts'][number]>;
  readonly costs: LineSheet<Workbook['costs'][number]>;
  readonly savings: LineSheet<Workbook['savings'][number]>;
  readonly assumptions: AssumptionsSheet;
  readonly scenarios: ScenariosSheet;
  readonly ranges: RangesSheet;

  /** The financial years the Savings grid shows: the horizon's and any a saving names. */
  readonly savingYears = $derived.by(() => {
    const years = new Set(this.app.results?.years ?? []);
    for (const s of this.app.workbook.savings) for (const y of Object.keys(s.amounts)) years.add(Number(y));
    return [...years].sort((a, b) => a - b);
  });

  /** The grades' names as posts match them, once per change rather than for every cell drawn. */
  private readonly gradeNames = $derived.by(() => new Set(this.app.workbook.grades.map((g) => gradeKey(g.grade))));

  /** The Savings columns, made once per change of years rather than for every cell drawn. */
  private readonly savingCols = $derived(savingColumns(this.savingYears));

  constructor(private readonly app: AppState) {
    const context = (): CellContext => ({ grades: this.gradeNames, years: this.app.results?.years ?? [] });
    this.grades = new LineSheet(app, GRADES, () => GRADE_COLUMNS, context);
    this.posts = new LineSheet(app, POSTS, () => POST_COLUMNS, context);
    this.costs = new LineSheet(app, COSTS, () => COST_COLUMNS, context);
    this.savings = new LineSheet(app, SAVINGS, () => this.savingCols, context);
    this.assumptions = new AssumptionsSheet(app);
    this.scenarios = new ScenariosSheet(app);
    this.ranges = new RangesSheet(app);
  }

  /** The adapter of a sheet, by the name on its tab. */
  sheet(name: SheetName): Sheet {
    return { Grades: this.grades, Posts: this.posts, Costs: this.costs, Savings: this.savings, Assumptions: this.assumptions, Scenarios: this.scenarios, Ranges: this.ranges }[name];
  }
}
