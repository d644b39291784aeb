// Editing the workbook's sheets in grids: a cell at a time, a row added or
// deleted. Each change goes through AppState.change, so it is costed by the
// engine, saved, and undoable. A cell that takes a number may take a formula
// (`=ReferralsPerWeek/CasesPerWorker`); the engine works it out.
import { formulaProblem, nameProblem, renameInFormula } from '../model/formulas';
import { deleteLine } from '../model/lines';
import { ASSUMPTION_SPECS } from '../model/scenarios';
import { NAME_OF_ASSUMPTION } from '../model/scenario-names';
import type { Formulas, UserAssumption, Workbook } from '../model/workbook';
import type { AppState } from './app.svelte';
import { ASSUMPTION_COLUMNS, blankLine, COST_COLUMNS, GRADE_COLUMNS, LINES, POST_COLUMNS, savingColumns, type Column, type LineSheetName, type SheetName } from './sheet-columns';

const UNITS: UserAssumption['unit'][] = ['£', '%', 'months', 'number'];

export class SheetState {
  open = $state<SheetName>('Posts');

  constructor(private readonly app: AppState) {}

  /** The financial years the Savings grid shows: the horizon's and any a saving names. */
  readonly savingYears = $derived.by(() => {
    const years = new Set(this.app.results?.years ?? []);
    for (const s of this.app.workbook.savings) for (const y of Object.keys(s.amounts)) years.add(Number(y));
    return [...years].sort((a, b) => a - b);
  });

  columns(sheet: LineSheetName): Column<never>[] {
    const all = { Grades: GRADE_COLUMNS, Posts: POST_COLUMNS, Costs: COST_COLUMNS, Savings: savingColumns(this.savingYears) };
    return all[sheet] as unknown as Column<never>[];
  }

  /** Column labels of any sheet. */
  labels(sheet: SheetName): string[] {
    return sheet === 'Assumptions' ? ASSUMPTION_COLUMNS : this.columns(sheet).map((c) => c.label);
  }

  rowCount(sheet: SheetName): number {
    return sheet === 'Assumptions' ? ASSUMPTION_SPECS.length + (this.app.workbook.userAssumptions?.length ?? 0) : this.app.workbook[LINES[sheet]].length;
  }

  /** What a cell shows: its value, or its formula's error code. */
  show(sheet: SheetName, row: number, col: number): string {
    if (sheet === 'Assumptions') return this.assumptionCell(row, col);
    const column = this.columns(sheet)[col] as unknown as Column<unknown>;
    const line = this.app.workbook[LINES[sheet]][row] as { formulas?: Formulas } | undefined;
    if (!line || !column) return '';
    const error = column.formula && line.formulas?.[column.formula] ? this.app.formulaValues.get(`${LINES[sheet]}:${row}:${column.formula}`)?.error : null;
    return error ? error.split(':')[0] : column.show(line);
  }

  /** What editing a cell starts from: the formula the user typed, if any. */
  editText(sheet: SheetName, row: number, col: number): string {
    if (sheet === 'Assumptions') {
      const user = this.app.workbook.userAssumptions?.[row - ASSUMPTION_SPECS.length];
      return user && col === 1 ? String(user.value) : this.assumptionCell(row, col);
    }
    const column = this.columns(sheet)[col] as unknown as Column<unknown>;
    const line = this.app.workbook[LINES[sheet]][row] as { formulas?: Formulas } | undefined;
    return (column?.formula && line?.formulas?.[column.formula]) || this.show(sheet, row, col);
  }

  /** Why a cell needs a look (a formula in error, an unknown grade), or null. */
  problem(sheet: SheetName, row: number, col: number): string | null {
    if (sheet === 'Assumptions') {
      const i = row - ASSUMPTION_SPECS.length;
      return i >= 0 && col === 1 ? (this.app.formulaValues.get(`assumptions:${i}:value`)?.error ?? null) : null;
    }
    const column = this.columns(sheet)[col] as unknown as Column<unknown>;
    return column?.formula ? (this.app.formulaValues.get(`${LINES[sheet]}:${row}:${column.formula}`)?.error ?? null) : null;
  }

  private assumptionCell(row: number, col: number): string {
    const spec = ASSUMPTION_SPECS[row];
    if (spec) {
      const v = { ...this.app.workbook.assumptions }[spec.key] ?? (spec.key === 'recruitment' ? 1 : 0);
      return [NAME_OF_ASSUMPTION[spec.key], spec.unit === '%' ? String(Number((v * 100).toPrecision(10))) : String(v), spec.unit, 'The workbook’s own; every scenario uses it unless it sets its own'][col];
    }
    const user = this.app.workbook.userAssumptions?.[row - ASSUMPTION_SPECS.length];
    if (!user) return '';
    const worked = this.app.formulaValues.get(`assumptions:${row - ASSUMPTION_SPECS.length}:value`);
    const value = typeof user.value === 'string' ? (worked?.error ? worked.error.split(':')[0] : String(worked?.value ?? '')) : String(user.value);
    return [user.name, value, user.unit, user.note][col];
  }

  /** Typed text into a cell: the reason it cannot be used, or null once the workbook has it. */
  async edit(sheet: SheetName, row: number, col: number, text: string): Promise<string | null> {
    if (sheet === 'Assumptions') return this.editAssumption(row, col, text);
    const column = this.columns(sheet)[col] as unknown as Column<{ formulas?: Formulas }>;
    const line = this.app.workbook[LINES[sheet]][row] as { formulas?: Formulas } | undefined;
    if (column === undefined || line === undefined) return 'There is no such cell';
    const typed = text.trim();
    const field = column.formula;
    let next: { formulas?: Formulas } | string;
    if (typed.startsWith('=') && !field) {
      // Text stays text: `=HYPERLINK(...)` typed as a title is a title.
      next = column.read(line, text, this.app.workbook);
      if (typeof next === 'string') return `${column.label} takes a value here, not a formula`;
    } else if (typed.startsWith('=') && field) {
      const problem = formulaProblem(typed);
      if (problem) return problem;
      if (line.formulas?.[field] === typed) return null;
      next = { ...line, formulas: { ...line.formulas, [field]: typed } };
    } else {
      next = column.read(line, text, this.app.workbook);
      if (typeof next === 'string') return next;
      if (field && line.formulas?.[field]) {
        const { [field]: _dropped, ...rest } = line.formulas;
        next = { ...next, formulas: rest };
        if (Object.keys(rest).length === 0) delete next.formulas;
      } else if (column.show(next) === column.show(line)) return null;
    }
    const key = LINES[sheet];
    const workbook: Workbook = { ...this.app.workbook, [key]: (this.app.workbook[key] as unknown[]).map((l, i) => (i === row ? next : l)) };
    // One post's row is one engine edit; any other sheet reshapes what it feeds.
    const ok = await this.app.change(workbook, sheet === 'Posts' ? { type: 'post', index: row, post: workbook.posts[row] } : undefined);
    return ok ? null : (this.app.error ?? 'The change could not be made');
  }

  private async editAssumption(row: number, col: number, text: string): Promise<string | null> {
    const spec = ASSUMPTION_SPECS[row];
    const typed = text.trim();
    if (spec) {
      if (col !== 1) return 'The workbook’s own assumptions keep their names; change the value';
      const v = Number(typed.replace(/%$/, ''));
      if (typed === '' || !Number.isFinite(v)) return `Enter a number of ${spec.unit === '%' ? 'percent' : 'months'}`;
      await this.app.setAssumptions({ [spec.key]: spec.unit === '%' ? v / 100 : v });
      return null;
    }
    const i = row - ASSUMPTION_SPECS.length;
    const list = [...(this.app.workbook.userAssumptions ?? [])];
    const user = list[i];
    if (!user) return 'There is no such cell';
    let workbook = this.app.workbook;
    if (col === 0) {
      const problem = nameProblem(typed, list.filter((_, j) => j !== i).map((u) => u.name));
      if (problem) return problem;
      workbook = renameEverywhere(workbook, user.name, typed);
      return (await this.app.change(workbook)) ? null : this.app.error;
    }
    if (col === 1) {
      if (typed.startsWith('=')) {
        const problem = formulaProblem(typed);
        if (problem) return problem;
        list[i] = { ...user, value: typed };
      } else {
        const v = Number(typed.replace(/[£,%]/g, ''));
        if (typed === '' || !Number.isFinite(v)) return `“${typed}” is not a number`;
        list[i] = { ...user, value: v };
      }
    } else if (col === 2) {
      if (!UNITS.includes(typed as UserAssumption['unit'])) return `The unit is one of ${UNITS.join(', ')}`;
      list[i] = { ...user, unit: typed as UserAssumption['unit'] };
    } else list[i] = { ...user, note: typed };
    return (await this.app.change({ ...workbook, userAssumptions: list })) ? null : this.app.error;
  }

  async addRow(sheet: SheetName): Promise<void> {
    if (sheet === 'Assumptions') {
      const taken = (this.app.workbook.userAssumptions ?? []).map((u) => u.name);
      let n = taken.length + 1;
      while (nameProblem(`Assumption_${n}`, taken)) n++;
      await this.app.change({ ...this.app.workbook, userAssumptions: [...(this.app.workbook.userAssumptions ?? []), { name: `Assumption_${n}`, value: 0, unit: 'number', note: '' }] });
      return;
    }
    const key = LINES[sheet];
    await this.app.change({ ...this.app.workbook, [key]: [...(this.app.workbook[key] as unknown[]), blankLine(sheet, this.app.workbook)] });
  }

  async deleteRow(sheet: SheetName, row: number): Promise<string | null> {
    if (sheet === 'Assumptions') {
      const i = row - ASSUMPTION_SPECS.length;
      if (i < 0) return 'The workbook’s own assumptions cannot be deleted';
      await this.app.change({ ...this.app.workbook, userAssumptions: (this.app.workbook.userAssumptions ?? []).filter((_, j) => j !== i) });
      return null;
    }
    if (row < 0 || row >= this.rowCount(sheet)) return null;
    await this.app.change(deleteLine(this.app.workbook, LINES[sheet], row));
    return null;
  }
}

/** A user assumption renamed, and every formula that uses it following. */
function renameEverywhere(workbook: Workbook, from: string, to: string): Workbook {
  const follow = <T extends { formulas?: Formulas }>(line: T): T =>
    line.formulas ? { ...line, formulas: Object.fromEntries(Object.entries(line.formulas).map(([k, f]) => [k, f && renameInFormula(f, from, to)])) } : line;
  return {
    ...workbook,
    grades: workbook.grades.map(follow),
    posts: workbook.posts.map(follow),
    costs: workbook.costs.map(follow),
    userAssumptions: (workbook.userAssumptions ?? []).map((u) => ({
      ...u,
      name: u.name === from ? to : u.name,
      value: typeof u.value === 'string' ? renameInFormula(u.value, from, to) : u.value,
    })),
  };
}
