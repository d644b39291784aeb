// The two grids that are not lists of lines: the workbook's assumptions (its
// own, then the user's named ones) and each scenario's own values of them.
import { formulaProblem, nameProblem, renameInFormula } from '../model/formulas';
import { ASSUMPTION_SPECS, scenariosOf, shownValue, storedValue, valueProblem } from '../model/scenarios';
import { NAME_OF_ASSUMPTION } from '../model/scenario-names';
import type { Formulas, UserAssumption, Workbook } from '../model/workbook';
import { formulaReach } from '../engine/layout';
import type { AppState } from './app.svelte';
import { Sheet } from './sheet';
import { ASSUMPTION_COLUMNS, type ColumnHead } from './sheet-columns';

const UNITS: UserAssumption['unit'][] = ['£', '%', 'months', 'number'];

export class AssumptionsSheet extends Sheet {
  readonly name = 'Assumptions';
  readonly note = 'Use any name in a formula in a cell that takes a number, such as an FTE of =ReferralsPerWeek/CasesPerWorker. Renaming an assumption renames it in every formula.';
  readonly columns = ASSUMPTION_COLUMNS;

  constructor(private readonly app: AppState) {
    super();
  }

  get rows(): number {
    return ASSUMPTION_SPECS.length + (this.app.workbook.userAssumptions?.length ?? 0);
  }

  show(row: number, col: number): string {
    const spec = ASSUMPTION_SPECS[row];
    const key = this.columns[col]?.key;
    if (spec) {
      const v = { ...this.app.workbook.assumptions }[spec.key] ?? (spec.key === 'recruitment' ? 1 : 0);
      return { name: NAME_OF_ASSUMPTION[spec.key], value: String(shownValue(spec, v)), unit: spec.unit, note: 'The workbook’s own; every scenario uses it unless it sets its own' }[key] ?? '';
    }
    const user = this.app.workbook.userAssumptions?.[row - ASSUMPTION_SPECS.length];
    if (!user) return '';
    const worked = this.app.formulaValues.get(`assumptions:${row - ASSUMPTION_SPECS.length}:value`);
    const value = typeof user.value === 'string' ? (worked?.error ? worked.error.split(':')[0] : String(worked?.value ?? '')) : String(user.value);
    return { name: user.name, value, unit: user.unit, note: user.note }[key] ?? '';
  }

  editText(row: number, col: number): string {
    const user = this.app.workbook.userAssumptions?.[row - ASSUMPTION_SPECS.length];
    return user && col === this.column('value') ? String(user.value) : this.show(row, col);
  }

  problem(row: number, col: number): string | null {
    const i = row - ASSUMPTION_SPECS.length;
    return i >= 0 && col === this.column('value') ? (this.app.formulaValues.get(`assumptions:${i}:value`)?.error ?? null) : null;
  }

  async edit(row: number, col: number, text: string): Promise<string | null> {
    const spec = ASSUMPTION_SPECS[row];
    const typed = text.trim();
    const key = this.columns[col]?.key;
    if (spec) {
      if (key !== 'value') return 'The workbook’s own assumptions keep their names; change the value';
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
      if (key === 'name') {
        const problem = nameProblem(typed, list.filter((_, j) => j !== i).map((u) => u.name));
        return problem ?? (typed === user.name ? workbook : renameEverywhere(workbook, user.name, typed));
      }
      if (key === 'value') {
        if (typed.startsWith('=')) {
          const problem = formulaProblem(typed, formulaReach('Assumptions', this.app.results?.years.length ?? 0));
          if (problem) return problem;
          list[i] = { ...user, value: typed };
        } else {
          const v = Number(typed.replace(/[£,%]/g, ''));
          if (typed === '' || !Number.isFinite(v)) return `“${typed}” is not a number`;
          list[i] = { ...user, value: v };
        }
      } else if (key === 'unit') {
        if (!UNITS.includes(typed as UserAssumption['unit'])) return `The unit is one of ${UNITS.join(', ')}`;
        list[i] = { ...user, unit: typed as UserAssumption['unit'] };
      } else list[i] = { ...user, note: typed };
      return { ...workbook, userAssumptions: list };
    });
  }

  async addRow(): Promise<void> {
    await this.app.changeWith((wb) => {
      const taken = (wb.userAssumptions ?? []).map((u) => u.name);
      let n = taken.length + 1;
      while (nameProblem(`Assumption_${n}`, taken)) n++;
      return { ...wb, userAssumptions: [...(wb.userAssumptions ?? []), { name: `Assumption_${n}`, value: 0, unit: 'number', note: '' }] };
    });
  }

  deleteRow(row: number): Promise<string | null> {
    const i = row - ASSUMPTION_SPECS.length;
    if (i < 0) return Promise.resolve('The workbook’s own assumptions cannot be deleted');
    return this.app.changeWith((wb) => ({ ...wb, userAssumptions: (wb.userAssumptions ?? []).filter((_, j) => j !== i) }));
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

/** The Scenarios sheet: a row per assumption, a column per scenario with its own value (in %, or months), blank where it uses the workbook's. */
export class ScenariosSheet extends Sheet {
  readonly name = 'Scenarios';
  readonly note = 'Each scenario’s own value of each assumption, in % or months; blank uses the workbook’s.';

  constructor(private readonly app: AppState) {
    super();
  }

  get columns(): ColumnHead[] {
    return [{ key: 'assumption', label: 'Assumption' }, ...scenariosOf(this.app.workbook).map((s): ColumnHead => ({ key: s.name, label: s.name, align: 'num' }))];
  }

  get rows(): number {
    return ASSUMPTION_SPECS.length;
  }

  show(row: number, col: number): string {
    const spec = ASSUMPTION_SPECS[row];
    if (col === this.column('assumption')) return spec.name;
    const v = scenariosOf(this.app.workbook)[col - 1]?.overrides[spec.key];
    return v === undefined ? '' : String(shownValue(spec, v));
  }

  async edit(row: number, col: number, text: string): Promise<string | null> {
    const spec = ASSUMPTION_SPECS[row];
    const scenario = scenariosOf(this.app.workbook)[col - 1];
    if (!spec || col === this.column('assumption') || !scenario) return 'The assumptions keep their names; change a scenario’s value';
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

  async addRow(): Promise<void> {}

  deleteRow(): Promise<string | null> {
    return Promise.resolve('Scenarios are added and deleted under Scenarios above; their assumptions stay');
  }
}
