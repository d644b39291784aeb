// Editing the workbook's sheets in grids: a cell at a time, a row added or
// deleted. Each change goes through AppState.change, so it is costed by the
// engine, saved, and undoable. A cell that takes a number may take a formula
// (`=ReferralsPerWeek/CasesPerWorker`); the engine works it out.
import { gradeKey } from '../model/costing';
import { formulaProblem, nameProblem, renameInFormula } from '../model/formulas';
import { deleteLine, insertLine } from '../model/lines';
import { ASSUMPTION_SPECS, scenariosOf, shownValue, storedValue, valueProblem } from '../model/scenarios';
import { formatFinancialYear } from '../model/periods';
import { NAME_OF_ASSUMPTION } from '../model/scenario-names';
import type { Formulas, UserAssumption, Workbook } from '../model/workbook';
import type { AppState } from './app.svelte';
import { formulaReach } from '../engine/layout';
import { ASSUMPTION_COLUMNS, blankLine, COST_COLUMNS, GRADE_COLUMNS, gradeProblem, LINES, POST_COLUMNS, savingColumns, type Column, type LineSheetName, type SheetName } from './sheet-columns';

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

  /** The grades' names as posts match them, once per change rather than for every cell drawn. */
  private readonly gradeNames = $derived.by(() => new Set(this.app.workbook.grades.map((g) => gradeKey(g.grade))));

  /** The Savings columns, made once per change of years rather than for every cell drawn. */
  private readonly savingCols = $derived(savingColumns(this.savingYears));

  columns(sheet: LineSheetName): Column<never>[] {
    const all = { Grades: GRADE_COLUMNS, Posts: POST_COLUMNS, Costs: COST_COLUMNS, Savings: this.savingCols };
    return all[sheet] as unknown as Column<never>[];
  }

  /** Column labels of any sheet. */
  labels(sheet: SheetName): string[] {
    if (sheet === 'Scenarios') return ['Assumption', ...scenariosOf(this.app.workbook).map((s) => s.name)];
    return sheet === 'Assumptions' ? ASSUMPTION_COLUMNS : this.columns(sheet).map((c) => c.label);
  }

  rowCount(sheet: SheetName): number {
    if (sheet === 'Scenarios') return ASSUMPTION_SPECS.length;
    return sheet === 'Assumptions' ? ASSUMPTION_SPECS.length + (this.app.workbook.userAssumptions?.length ?? 0) : this.app.workbook[LINES[sheet]].length;
  }

  /** The Scenarios sheet: a scenario's own value (in %, or months), blank where it uses the workbook's. */
  private scenarioCell(row: number, col: number): string {
    const spec = ASSUMPTION_SPECS[row];
    if (col === 0) return spec.name;
    const v = scenariosOf(this.app.workbook)[col - 1]?.overrides[spec.key];
    return v === undefined ? '' : String(shownValue(spec, v));
  }

  private async editScenario(row: number, col: number, text: string): Promise<string | null> {
    const spec = ASSUMPTION_SPECS[row];
    const scenario = scenariosOf(this.app.workbook)[col - 1];
    if (!spec || col === 0 || !scenario) return 'The assumptions keep their names; change a scenario’s value';
    const typed = text.trim().replace(/%$/, '');
    const overrides = { ...scenario.overrides };
    if (typed === '') delete overrides[spec.key];
    else {
      const v = Number(typed);
      if (!Number.isFinite(v)) return `Enter a number of ${spec.unit === '%' ? 'percent' : 'months'}, or leave it blank for the workbook’s value`;
      const value = storedValue(spec, v);
      const problem = valueProblem(spec.key, value);
      if (problem) return problem;
      overrides[spec.key] = value;
    }
    const name = scenario.name;
    const ok = await this.app.setScenarios((own) => {
      const current = scenariosOf({ scenarios: own } as Workbook).find((s) => s.name === name) ?? scenario;
      const next = { ...current, overrides: { ...overrides } };
      return own.some((s) => s.name === name) ? own.map((s) => (s.name === name ? next : s)) : [...own, next];
    });
    return ok ? null : (this.app.error ?? 'The change could not be made');
  }

  /** What a cell shows: its value, or its formula's error code. */
  show(sheet: SheetName, row: number, col: number): string {
    if (sheet === 'Scenarios') return this.scenarioCell(row, col);
    if (sheet === 'Assumptions') return this.assumptionCell(row, col);
    const column = this.columns(sheet)[col] as unknown as Column<unknown>;
    const line = this.app.workbook[LINES[sheet]][row] as { formulas?: Formulas } | undefined;
    if (!line || !column) return '';
    const error = column.formula && line.formulas?.[column.formula] ? this.app.formulaValues.get(`${LINES[sheet]}:${row}:${column.formula}`)?.error : null;
    if (!error && column.formula && line.formulas?.[column.formula] && sheet === 'Savings') {
      // A formula in a year outside the horizon is kept but not worked out.
      const worked = this.app.formulaValues.get(`savings:${row}:${column.formula}`);
      if (!worked) return '(not worked out)';
    }
    return error ? error.split(':')[0] : column.show(line);
  }

  /** What editing a cell starts from: the formula the user typed, if any. */
  editText(sheet: SheetName, row: number, col: number): string {
    if (sheet === 'Scenarios') return this.scenarioCell(row, col);
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
    if (sheet === 'Scenarios') return null;
    if (sheet === 'Costs' && col === 2) {
      const cost = this.app.workbook.costs[row];
      const years = this.app.results?.years ?? [];
      if (cost?.year != null && years.length && !years.includes(cost.year)) return `${formatFinancialYear(cost.year)} is outside the horizon (${formatFinancialYear(years[0])} to ${formatFinancialYear(years[years.length - 1])}): this cost is not counted`;
    }
    if (sheet === 'Posts' && col === 1) {
      const post = this.app.workbook.posts[row];
      return post ? gradeProblem(post, this.gradeNames) : null;
    }
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
      return [NAME_OF_ASSUMPTION[spec.key], String(shownValue(spec, v)), spec.unit, 'The workbook’s own; every scenario uses it unless it sets its own'][col];
    }
    const user = this.app.workbook.userAssumptions?.[row - ASSUMPTION_SPECS.length];
    if (!user) return '';
    const worked = this.app.formulaValues.get(`assumptions:${row - ASSUMPTION_SPECS.length}:value`);
    const value = typeof user.value === 'string' ? (worked?.error ? worked.error.split(':')[0] : String(worked?.value ?? '')) : String(user.value);
    return [user.name, value, user.unit, user.note][col];
  }

  /** Typed text into a cell: the reason it cannot be used, or null once the workbook has it. */
  async edit(sheet: SheetName, row: number, col: number, text: string): Promise<string | null> {
    if (sheet === 'Scenarios') return this.editScenario(row, col, text);
    if (sheet === 'Assumptions') return this.editAssumption(row, col, text);
    // A line edited in place goes to the engine as that line (state/requests.ts).
    return this.app.changeWith((wb) => this.applied(wb, sheet, row, col, text));
  }

  /**
   * Many cells at once, as one change (one Ctrl+Z): a block pasted from Excel
   * (rows past the end add lines) or a value filled down. If any cell cannot
   * be read, nothing changes and every reason is given.
   */
  async editMany(sheet: SheetName, cells: { row: number; col: number; text: string }[]): Promise<string | null> {
    if (sheet === 'Assumptions' || sheet === 'Scenarios') return 'Paste and fill work in Grades, Posts, Costs and Savings';
    return this.app.changeWith((current) => this.appliedMany(current, sheet, cells));
  }

  private appliedMany(current: Workbook, sheet: LineSheetName, cells: { row: number; col: number; text: string }[]): Workbook | string {
    let workbook = current;
    const problems: string[] = [];
    for (const { row, col, text } of cells) {
      if (col >= this.columns(sheet).length) continue;
      const key = LINES[sheet];
      while (row >= workbook[key].length) workbook = { ...workbook, [key]: [...(workbook[key] as unknown[]), blankLine(sheet, workbook)] };
      const next = this.applied(workbook, sheet, row, col, text);
      const label = this.columns(sheet)[col].label;
      if (typeof next === 'string') problems.push(`Row ${row + 1}, ${next.startsWith(label) ? next : `${label}: ${next}`}`);
      else workbook = next;
    }
    if (problems.length) return `Nothing was changed. ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}.`;
    return workbook;
  }

  /** The workbook with one cell changed, the same workbook if nothing changes, or the reason it cannot be. */
  private applied(workbook: Workbook, sheet: LineSheetName, row: number, col: number, text: string): Workbook | string {
    const column = this.columns(sheet)[col] as unknown as Column<{ formulas?: Formulas }>;
    const key = LINES[sheet];
    const line = workbook[key][row] as { formulas?: Formulas } | undefined;
    if (column === undefined || line === undefined) return 'There is no such cell';
    const typed = text.trim();
    const field = column.formula;
    let next: { formulas?: Formulas } | string;
    if (typed.startsWith('=') && !field) {
      // Text stays text: `=HYPERLINK(...)` typed as a title is a title.
      next = column.read(line, text, workbook);
      if (typeof next === 'string') return `${column.label} takes a value here, not a formula`;
    } else if (typed.startsWith('=') && field) {
      const problem = formulaProblem(typed, this.reach(sheet));
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
    return { ...workbook, [key]: (workbook[key] as unknown[]).map((l, i) => (i === row ? changed : l)) };
  }

  /** What a formula typed on a sheet may read: the grids' own cells, as the engine lays them out, and the assumptions by name. */
  private reach(sheet: LineSheetName | 'Assumptions') {
    return formulaReach(sheet, this.app.results?.years.length ?? 0);
  }

  /** Ctrl+D: each column's top cell (its formula, if it has one) copied down the block. */
  fill(sheet: SheetName, top: number, bottom: number, left: number, right: number): Promise<string | null> {
    const cells = [];
    for (let c = left; c <= right; c++) for (let r = top + 1; r <= bottom; r++) cells.push({ row: r, col: c, text: this.editText(sheet, top, c) });
    return this.editMany(sheet, cells);
  }

  /** A blank row inserted below `row` (at the end if there are none). */
  async insertRow(sheet: SheetName, row: number): Promise<void> {
    if (sheet === 'Assumptions' || sheet === 'Scenarios') return this.addRow(sheet);
    await this.app.changeWith((wb) => insertLine(wb, LINES[sheet], Math.min(row + 1, wb[LINES[sheet]].length), blankLine(sheet, wb)));
  }

  private async editAssumption(row: number, col: number, text: string): Promise<string | null> {
    const spec = ASSUMPTION_SPECS[row];
    const typed = text.trim();
    if (spec) {
      if (col !== 1) return 'The workbook’s own assumptions keep their names; change the value';
      const v = Number(typed.replace(/%$/, ''));
      if (typed === '' || !Number.isFinite(v)) return `Enter a number of ${spec.unit === '%' ? 'percent' : 'months'}`;
      const value = storedValue(spec, v);
      const problem = valueProblem(spec.key, value);
      if (problem) return problem;
      return (await this.app.setAssumptions({ [spec.key]: value })) ? null : (this.app.error ?? 'The change could not be made');
    }
    const i = row - ASSUMPTION_SPECS.length;
    return this.app.changeWith((workbook) => {
      const list = [...(workbook.userAssumptions ?? [])];
      const user = list[i];
      if (!user) return 'There is no such cell';
      if (col === 0) {
        const problem = nameProblem(typed, list.filter((_, j) => j !== i).map((u) => u.name));
        return problem ?? (typed === user.name ? workbook : renameEverywhere(workbook, user.name, typed));
      }
      if (col === 1) {
        if (typed.startsWith('=')) {
          const problem = formulaProblem(typed, this.reach('Assumptions'));
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
      return { ...workbook, userAssumptions: list };
    });
  }

  async addRow(sheet: SheetName): Promise<void> {
    if (sheet === 'Scenarios') return;
    if (sheet === 'Assumptions') {
      await this.app.changeWith((wb) => {
        const taken = (wb.userAssumptions ?? []).map((u) => u.name);
        let n = taken.length + 1;
        while (nameProblem(`Assumption_${n}`, taken)) n++;
        return { ...wb, userAssumptions: [...(wb.userAssumptions ?? []), { name: `Assumption_${n}`, value: 0, unit: 'number', note: '' }] };
      });
      return;
    }
    const key = LINES[sheet];
    await this.app.changeWith((wb) => ({ ...wb, [key]: [...(wb[key] as unknown[]), blankLine(sheet, wb)] }));
  }

  async deleteRow(sheet: SheetName, row: number): Promise<string | null> {
    if (sheet === 'Scenarios') return 'Scenarios are added and deleted under Scenarios above; their assumptions stay';
    if (sheet === 'Assumptions') {
      const i = row - ASSUMPTION_SPECS.length;
      if (i < 0) return 'The workbook’s own assumptions cannot be deleted';
      return this.app.changeWith((wb) => ({ ...wb, userAssumptions: (wb.userAssumptions ?? []).filter((_, j) => j !== i) }));
    }
    return this.app.changeWith((wb) => (row >= 0 && row < wb[LINES[sheet]].length ? deleteLine(wb, LINES[sheet], row) : wb));
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
    savings: workbook.savings.map(follow),
    userAssumptions: (workbook.userAssumptions ?? []).map((u) => ({
      ...u,
      name: u.name === from ? to : u.name,
      value: typeof u.value === 'string' ? renameInFormula(u.value, from, to) : u.value,
    })),
  };
}
