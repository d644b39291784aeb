// The grids that are not lists of lines: the workbook's assumptions (its
// own, then the user's named ones), each scenario's own values of them, and
// each one's range.
import { formulaProblem, nameProblem, renameInFormula } from '../model/formulas';
import type { FinancialYear } from '../model/periods';
import { ASSUMPTION_SPECS, payAwardYearName, scenariosOf, shownValue, storedValue, valueProblem, type AssumptionSpec } from '../model/scenarios';
import { NAME_OF_ASSUMPTION } from '../model/scenario-names';
import type { Formulas, UserAssumption, Workbook } from '../model/workbook';
import { formulaReach } from '../engine/layout';
import type { AppState } from './app.svelte';
import { Sheet } from './sheet';
import { ASSUMPTION_COLUMNS, RANGE_COLUMNS, type ColumnHead } from './sheet-columns';
import { setRange } from './ranges';
import { rangesOf } from '../model/sensitivity';

const UNITS: UserAssumption['unit'][] = ['£', '%', 'months', 'number'];
const PAY_AWARD = ASSUMPTION_SPECS.find((a) => a.key === 'payAward')!;

/** A sheet over the open workbook's own parts (not its lines), read and changed through the session. */
abstract class WorkbookSheet extends Sheet {
  constructor(protected readonly app: AppState) {
    super();
  }
}

/** What a row of the Assumptions grid stands for: one of the workbook's own, its pay award for one year, or the user's (by place in their list). */
type AssumptionEntry = { spec: AssumptionSpec } | { year: FinancialYear } | { user: number };

export class AssumptionsSheet extends WorkbookSheet {
  readonly name = 'Assumptions';
  readonly note = 'Use any name in a formula in a cell that takes a number, such as an FTE of =ReferralsPerWeek/CasesPerWorker. Renaming an assumption renames it in every formula.';
  readonly columns = ASSUMPTION_COLUMNS;

  /**
   * The rows in order: the workbook's own, with a row per horizon year after
   * the first directly below the single pay award (the first year is at base
   * prices and takes none), then the user's. The year rows come and go with
   * the horizon, so a row is always looked up here, never by a fixed place.
   */
  private get entries(): AssumptionEntry[] {
    const years = this.app.results?.years ?? [];
    const users = this.app.workbook.userAssumptions?.length ?? 0;
    if (this.cached?.years !== years || this.cached.users !== users) {
      const list: AssumptionEntry[] = ASSUMPTION_SPECS.flatMap((spec) => [{ spec }, ...(spec === PAY_AWARD ? years.slice(1).map((year) => ({ year })) : [])]);
      for (let user = 0; user < users; user++) list.push({ user });
      this.cached = { years, users, list };
    }
    return this.cached.list;
  }
  private cached: { years: FinancialYear[]; users: number; list: AssumptionEntry[] } | null = null;

  get rows(): number {
    return this.entries.length;
  }

  /** The row whose Name cell reads `name` (`PayAward`, `Pay award % 2019/20`, a user's own), or -1. */
  rowOf(name: string): number {
    const col = this.column('name');
    return this.entries.findIndex((_, row) => this.show(row, col) === name);
  }

  show(row: number, col: number): string {
    const entry = this.entries[row];
    const key = this.columns[col]?.key;
    if (!entry) return '';
    if ('spec' in entry) {
      const { spec } = entry;
      const v = { ...this.app.workbook.assumptions }[spec.key] ?? (spec.key === 'recruitment' ? 1 : 0);
      return { name: NAME_OF_ASSUMPTION[spec.key], value: String(shownValue(spec, v)), unit: spec.unit, note: 'The workbook’s own; every scenario uses it unless it sets its own' }[key] ?? '';
    }
    if ('year' in entry) {
      const v = this.app.workbook.assumptions.payAwardByYear?.[entry.year];
      const value = v === undefined ? '' : String(shownValue(PAY_AWARD, v));
      return { name: payAwardYearName(entry.year), value, unit: PAY_AWARD.unit, note: 'The workbook’s own for this year; blank takes the single pay award. A scenario’s own for this year wins' }[key] ?? '';
    }
    const user = this.app.workbook.userAssumptions?.[entry.user];
    if (!user) return '';
    const worked = this.app.formulaValues.get(`assumptions:${entry.user}:value`);
    const value = typeof user.value === 'string' ? (worked?.error ? worked.error.split(':')[0] : String(worked?.value ?? '')) : String(user.value);
    return { name: user.name, value, unit: user.unit, note: user.note }[key] ?? '';
  }

  editText(row: number, col: number): string {
    const entry = this.entries[row];
    const user = entry && 'user' in entry ? this.app.workbook.userAssumptions?.[entry.user] : undefined;
    return user && col === this.column('value') ? String(user.value) : this.show(row, col);
  }

  problem(row: number, col: number): string | null {
    const entry = this.entries[row];
    return entry && 'user' in entry && col === this.column('value') ? (this.app.formulaValues.get(`assumptions:${entry.user}:value`)?.error ?? null) : null;
  }

  async edit(row: number, col: number, text: string): Promise<string | null> {
    const entry = this.entries[row];
    const typed = text.trim();
    const key = this.columns[col]?.key;
    if (!entry) return 'There is no such cell';
    if ('spec' in entry) {
      const { spec } = entry;
      if (key !== 'value') return 'The workbook’s own assumptions keep their names; change the value';
      const v = Number(typed.replace(/%$/, ''));
      if (typed === '' || !Number.isFinite(v)) return `Enter a number of ${spec.unit === '%' ? 'percent' : 'months'}`;
      const value = storedValue(spec, v);
      const problem = valueProblem(spec.key, value);
      if (problem) return problem;
      return (await this.app.setAssumptions({ [spec.key]: value })) ? null : (this.app.error ?? 'The change could not be made');
    }
    if ('year' in entry) return this.editYear(entry.year, key, typed);
    const i = entry.user;
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

  /** The workbook's own pay award for one year, as typed (`3.2` or `3.2%`); blank gives the year back to the single rate. */
  private async editYear(year: FinancialYear, key: string | undefined, typed: string): Promise<string | null> {
    const name = payAwardYearName(year);
    if (key !== 'value') return `${name} keeps its name; change the value, or clear it to use the single pay award`;
    const byYear = { ...this.app.workbook.assumptions.payAwardByYear };
    if (typed === '') {
      if (!(year in byYear)) return null;
      delete byYear[year];
    } else {
      const v = Number(typed.replace(/%$/, ''));
      if (!Number.isFinite(v)) return `Enter a number of percent for ${name}, or leave it blank for the single pay award`;
      const value = storedValue(PAY_AWARD, v);
      // The same bounds as the single rate, named after the year the person typed in.
      const problem = valueProblem(PAY_AWARD.key, value);
      if (problem) return problem.replace(PAY_AWARD.name, name);
      if (byYear[year] === value) return null;
      byYear[year] = value;
    }
    const ok = await this.app.setAssumptions({ payAwardByYear: Object.keys(byYear).length ? byYear : undefined });
    return ok ? null : (this.app.error ?? 'The change could not be made');
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
    const entry = this.entries[row];
    if (entry && 'year' in entry) return Promise.resolve(`${payAwardYearName(entry.year)} cannot be deleted; clear its value to use the single pay award`);
    if (!entry || !('user' in entry)) return Promise.resolve('The workbook’s own assumptions cannot be deleted');
    const i = entry.user;
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
export class ScenariosSheet extends WorkbookSheet {
  readonly name = 'Scenarios';
  readonly note = 'Each scenario’s own value of each assumption, in % or months; blank uses the workbook’s.';

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

/** The Ranges sheet: each assumption's Low and High (the tornado's ends, the risk view's range), in % or months. */
export class RangesSheet extends WorkbookSheet {
  readonly name = 'Ranges';
  readonly note = 'Each assumption’s Low and High, in % or months: the sensitivity chart’s ends, and the range the risk view draws from (the scenario’s own value is the most likely).';
  readonly columns = RANGE_COLUMNS;

  get rows(): number {
    return ASSUMPTION_SPECS.length;
  }

  show(row: number, col: number): string {
    const spec = ASSUMPTION_SPECS[row];
    if (!spec) return '';
    if (col === this.column('assumption')) return spec.name;
    const [low, high] = rangesOf(this.app.workbook)[spec.key];
    return String(shownValue(spec, col === this.column('low') ? low : high));
  }

  async edit(row: number, col: number, text: string): Promise<string | null> {
    const spec = ASSUMPTION_SPECS[row];
    if (!spec || col === this.column('assumption')) return 'The assumptions keep their names; change their Low or High';
    const end = col === this.column('low') ? 'Low' : 'High';
    const typed = text.trim().replace(/%$/, '');
    const v = Number(typed);
    if (typed === '' || !Number.isFinite(v)) return `Enter ${end} as a number of ${spec.unit === '%' ? 'percent' : 'months'}`;
    const [low, high] = rangesOf(this.app.workbook)[spec.key];
    const value = storedValue(spec, v);
    return setRange(this.app, spec.key, end === 'Low' ? value : low, end === 'High' ? value : high);
  }

  async addRow(): Promise<void> {}

  deleteRow(): Promise<string | null> {
    return Promise.resolve('Every assumption has a range; change its Low or High');
  }
}
