// The only module that touches HyperFormula. It builds the workbook's sheets,
// applies edits in batches, and reads the figures back once per change. The
// page shows and exports these figures, not the model's.
import { HyperFormula, type CellValue } from 'hyperformula';
import { ownCost, type InputValue, type Results, type ScenarioFigures, type YearFigures } from '../model/costing';
import { explainError, formulaProblem, MAX_FORMULA_VALUE } from '../model/formulas';
import { horizonOf, type Horizon } from '../model/horizon';
import { firstMonthOf, lastMonthOf } from '../model/periods';
import { ASSUMPTION_SPECS, includes, scenarioNamed, scenariosOf } from '../model/scenarios';
import { SCENARIO_ASSUMPTIONS, SCENARIO_PROPOSED, type Assumptions, type Post, type Scenario, type ScenarioValues, type Workbook } from '../model/workbook';
import {
  assumptionsSheet,
  costsSheet,
  delayedChunkFormula,
  delayedCol,
  delayedRow,
  delayedSumsSheet,
  delayedTotalRow,
  delayedTotalsFormula,
  gradesSheet,
  layoutOf,
  NAMED_ASSUMPTIONS,
  namedExpressions,
  NO_PAYBACK,
  payRow,
  payYearCell,
  payYearRow,
  workbookPayYear,
  ASSUMPTION,
  COST,
  GRADE,
  POST,
  SCENARIO,
  SUMMARY,
  summaryCells,
  TOTALS,
  postRow,
  postAnnualCost,
  gradeLineOf,
  costRow,
  formulaReach,
  savingRow,
  gradeRow,
  postsSheet,
  postSums,
  costSums,
  savingSums,
  sumsSheet,
  savingsSheet,
  SCENARIO_ROWS,
  scenarioValueCell,
  scenariosSheet,
  startDelays,
  summarySheet,
  totalsSheet,
  USER_ASSUMPTIONS_ROW,
  yearsCol,
  yearsSheet,
  type Layout,
} from './layout';

const CONFIG = {
  licenseKey: 'gpl-v3',
  // Figures are compared to the penny: no rounding on the way out.
  smartRounding: false,
  useColumnIndex: false,
  maxRows: 200_000,
  // The app keeps its own undo; the engine's would hold a copy of every edit.
  undoLimit: 0,
} as const;

/** A cell error the engine returned where a number was expected. */
export class EngineError extends Error {}

function number(value: CellValue, where: string): number {
  if (typeof value === 'number') return value;
  if (value === null) return 0;
  const detail = typeof value === 'object' && 'type' in value ? `${value.type}${value.message ? `: ${value.message}` : ''}` : String(value);
  throw new EngineError(`${where} is not a number (${detail})`);
}

/** HyperFormula's error types as a spreadsheet shows them. */
const ERROR_CODES: Record<string, string> = { DIV_BY_ZERO: '#DIV/0!', NAME: '#NAME?', VALUE: '#VALUE!', REF: '#REF!', NUM: '#NUM!', NA: '#N/A', CYCLE: '#CYCLE!', ERROR: '#ERROR!' };

const sameHorizon = (a: Horizon, b: Horizon) => a.first === b.first && a.years.length === b.years.length;

/** Whether the user typed a formula anywhere: one may read any cell, so no post's cost can be assumed unchanged. */
function hasFormulas(wb: Workbook): boolean {
  const typed = (lines: { formulas?: Partial<Record<string, string>> }[]) => lines.some((l) => l.formulas && Object.values(l.formulas).some((f) => f !== undefined));
  return typed(wb.grades) || typed(wb.posts) || typed(wb.costs) || typed(wb.savings);
}

type LineSheetKey = 'grades' | 'posts' | 'costs' | 'savings';

/** A range over rows [a, b] after `n` rows are added at row `at`: wider if they are inside it, moved down if it is below. */
const widened = (a: number, b: number, at: number, n: number): [number, number] => (at <= a ? [a + n, b + n] : at <= b ? [a, b + n] : [a, b]);
/** A range over rows [a, b] after rows [at, at + n) are taken out. */
const narrowed = (a: number, b: number, at: number, n: number): [number, number] => {
  const end = at + n;
  const move = (r: number, edge: number) => (r < at ? r : r >= end ? r - n : edge);
  return [move(a, at), move(b, at - 1)];
};

export class WorkbookEngine {
  private hf!: HyperFormula;
  /**
   * Each post's From, To, New post, FTE x annual cost and cost cells by
   * year (POST.from onwards), as last read: reading 10,000 rows back takes
   * longer than the edit, so only rows that changed since are read again.
   */
  private readPosts: { cells: CellValue[][]; stale: Set<number> } | null = null;
  private layout!: Layout;
  private workbook: Workbook;
  private readonly today: Date;

  constructor(workbook: Workbook, today: Date = new Date()) {
    this.workbook = workbook;
    this.today = today;
    this.build();
  }

  /** How many times the sheets were built: tests check that a change did not rebuild. */
  builds = 0;

  /**
   * The rows (0-based, header at 0) each range reading a line sheet covers:
   * the chunks summed on PostSums, CostSums and SavingSums, and the grade
   * table every post looks its grade up in. Rows added inside a range widen
   * it and rows taken out narrow it, as in a spreadsheet; these follow.
   */
  private ranges: Record<LineSheetKey, [number, number][]> = { grades: [], posts: [], costs: [], savings: [] };

  private build(): void {
    this.hf?.destroy();
    this.readPosts = null;
    const horizon = horizonOf(this.workbook, this.today);
    this.layout = layoutOf(this.workbook, horizon, scenariosOf(this.workbook));
    const zeroBased = (chunks: [number, number][]) => chunks.map(([a, b]): [number, number] => [a - 1, b - 1]);
    this.ranges = { grades: [], posts: zeroBased(this.layout.postChunks), costs: zeroBased(this.layout.costChunks), savings: zeroBased(this.layout.savingChunks) };
    this.builds++;
    this.hf = HyperFormula.buildFromSheets(
      {
        Assumptions: assumptionsSheet(this.workbook, horizon),
        Scenarios: scenariosSheet(this.workbook, this.layout),
        Years: yearsSheet(this.layout),
        Grades: gradesSheet(this.workbook, this.layout),
        Posts: postsSheet(this.workbook, this.layout),
        Costs: costsSheet(this.workbook, this.layout),
        Savings: savingsSheet(this.workbook, this.layout),
        PostSums: sumsSheet(this.layout, postSums(this.layout)),
        CostSums: sumsSheet(this.layout, costSums(this.layout)),
        SavingSums: sumsSheet(this.layout, savingSums(this.layout)),
        DelayedSums: delayedSumsSheet(this.layout),
        Summary: summarySheet(this.layout),
        Totals: totalsSheet(this.layout),
      },
      CONFIG,
      namedExpressions(this.workbook),
    );
  }

  /** The workbook as the engine holds it now. */
  get current(): Workbook {
    return this.workbook;
  }

  get horizon(): Horizon {
    return this.layout.horizon;
  }

  private sheet(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new EngineError(`no sheet ${name}`);
    return id;
  }

  /** Replace the whole workbook (an import, a new workbook). */
  load(workbook: Workbook): void {
    this.workbook = workbook;
    this.build();
  }

  /**
   * Change assumptions. The horizon's own assumptions reshape every sheet,
   * so they rebuild; the rest are one cell each.
   */
  setAssumptions(change: Partial<Assumptions>): void {
    this.workbook = { ...this.workbook, assumptions: { ...this.workbook.assumptions, ...change } };
    // The horizon reshapes every sheet.
    if ('firstYear' in change || 'horizonYears' in change) return this.build();
    // A formula the user typed may read an assumption (=PayAward*2): every post is read back.
    if (hasFormulas(this.workbook)) this.readPosts = null;
    const sheet = this.sheet('Assumptions');
    const scenarios = this.sheet('Scenarios');
    this.hf.batch(() => {
      NAMED_ASSUMPTIONS.forEach((n, row) => {
        const value = n.key ? change[n.key] : undefined;
        if (value !== undefined) this.hf.setCellContents({ sheet, row, col: ASSUMPTION.value }, value);
      });
      // The workbook's pay award of single years: column B of the Scenarios sheet's year rows.
      if ('payAwardByYear' in change) {
        this.layout.horizon.years.forEach((fy, k) => {
          if (k > 0) this.hf.setCellContents({ sheet: scenarios, row: payYearRow(k) - 1, col: SCENARIO.workbook }, workbookPayYear(this.workbook, fy));
        });
      }
      this.followDelays();
    });
  }

  /**
   * Replace one post. A post that moves the horizon rebuilds; any other
   * writes only the cells of its row that change (a new FTE is one cell), as
   * rewriting a formula makes the engine unpick its links.
   */
  setPost(index: number, post: Post): void {
    this.setLines('posts', [{ index, line: post }]);
  }

  /**
   * Lines changed in place on one sheet (an edit, a paste, a fill): the same
   * count, so every formula's ranges stay. Only the cells that change are
   * written; lines that move the horizon rebuild.
   */
  setLines<K extends 'grades' | 'posts' | 'costs' | 'savings'>(sheet: K, changes: { index: number; line: Workbook[K][number] }[]): void {
    const rowOf = { grades: (wb: Workbook, i: number) => gradeRow(wb, this.layout, i), posts: (wb: Workbook, i: number) => postRow(wb, this.layout, i), costs: (wb: Workbook, i: number) => costRow(wb, this.layout, i), savings: (wb: Workbook, i: number) => savingRow(wb, this.layout, i) }[sheet];
    const before = this.workbook;
    const lines = before[sheet].slice() as Workbook[K][number][];
    for (const { index, line } of changes) {
      if (index < 0 || index >= lines.length) throw new EngineError(`no line ${index + 1} in ${sheet}`);
      lines[index] = line;
    }
    this.workbook = { ...before, [sheet]: lines };
    if (!sameHorizon(horizonOf(this.workbook, this.today), this.layout.horizon)) return this.build();
    const id = this.sheet({ grades: 'Grades', posts: 'Posts', costs: 'Costs', savings: 'Savings' }[sheet]);
    this.hf.batch(() => {
      for (const index of new Set(changes.map((c) => c.index))) {
        const old = rowOf(before, index);
        rowOf(this.workbook, index).forEach((cell, col) => {
          if (cell !== old[col]) this.hf.setCellContents({ sheet: id, row: index + 1, col }, cell);
        });
      }
      // A grade renamed: its posts, and any that now find another line first, read their grade's new row.
      if (sheet === 'grades') this.regrade((line) => line, before);
    });
    // A grade's cost feeds every post of that grade: read them all back; a post, only its own row,
    // unless a formula the user typed may read any cell (=C3): then every post is read back.
    if (sheet === 'grades' || hasFormulas(this.workbook)) this.readPosts = null;
    else if (sheet === 'posts') for (const { index } of changes) this.readPosts?.stale.add(index);
  }

  /**
   * Lines added or taken away on one sheet (an insert, a delete, a paste
   * past the end, their undo): lines [at, at + removed) become `lines`, and
   * the scenarios' references to lines move with them. Rows are added or
   * removed in the engine as in a spreadsheet, each range over them widening
   * or narrowing, and only the rows whose contents moved are written, instead
   * of building every sheet again. A change the ranges cannot follow (a
   * range left with no row, a sheet with no line, formulas the user typed,
   * which may read a cell by its address, or a new horizon) rebuilds.
   */
  replaceLines<K extends LineSheetKey>(sheet: K, at: number, removed: number, lines: Workbook[K][number][], scenarios?: Scenario[]): void {
    const before = this.workbook;
    const list = before[sheet].slice() as Workbook[K][number][];
    if (at < 0 || removed < 0 || at + removed > list.length) throw new EngineError(`no lines ${at + 1} to ${at + removed} in ${sheet}`);
    list.splice(at, removed, ...lines);
    this.workbook = { ...before, [sheet]: list, ...(scenarios ? { scenarios } : {}) };
    const delta = lines.length - removed;
    const names = (wb: Workbook) => scenariosOf(wb).map((sc) => sc.name).join('\u0000');
    if (hasFormulas(before) || hasFormulas(this.workbook) || names(before) !== names(this.workbook) || !sameHorizon(horizonOf(this.workbook, this.today), this.layout.horizon)) return this.build();
    const first = at + Math.min(removed, lines.length); // where lines are added or taken away
    const place = delta === 0 ? first : this.placeFor(sheet, first, delta, before[sheet].length);
    if (place === null) return this.build();
    const id = this.sheet({ grades: 'Grades', posts: 'Posts', costs: 'Costs', savings: 'Savings' }[sheet]);
    const rowOf = { grades: gradeRow, posts: postRow, costs: costRow, savings: savingRow }[sheet];
    // Rows whose contents are not what they should be once the rows are in (or out) at `place`.
    const lo = Math.min(at, place, first);
    const hi = delta > 0 ? Math.max(place, first) + delta - 1 : Math.max(place, first, at + lines.length) - 1;
    this.hf.batch(() => {
      if (delta > 0) this.hf.addRows(id, [place + 1, delta]);
      if (delta < 0) this.hf.removeRows(id, [place + 1, -delta]);
      for (let i = lo; i <= hi; i++) this.hf.setCellContents({ sheet: id, row: i + 1, col: 0 }, [rowOf(this.workbook, this.layout, i)]);
      // Each post's reference to its grade's row moved with the rows (a row taken out leaves #REF!): where that is not the row the model finds, it is written again.
      if (sheet === 'grades') this.regrade((line) => (delta >= 0 ? (line >= place ? line + delta : line) : line < place ? line : line >= place - delta ? line + delta : undefined), before);
    });
    this.ranges[sheet] = this.ranges[sheet].map(([a, b]) => (delta > 0 ? widened(a, b, place + 1, delta) : narrowed(a, b, place + 1, -delta)));
    if (sheet === 'grades' || !this.readPosts) this.readPosts = null;
    else if (sheet === 'posts') {
      const { cells, stale } = this.readPosts;
      if (delta > 0) cells.splice(place, 0, ...Array.from({ length: delta }, () => []));
      else cells.splice(place, -delta);
      const moved = [...stale].map((i) => (i < place ? i : delta > 0 ? i + delta : i + delta >= place ? i + delta : -1)).filter((i) => i >= 0);
      stale.clear();
      for (const i of moved) stale.add(i);
      for (let i = lo; i <= hi; i++) stale.add(i);
    }
    // The scenarios' references to lines moved: each line in or out of a scenario by a change of its own gets its flag again.
    if (scenarios && scenarios !== before.scenarios) this.setScenarios(scenarios);
  }

  /**
   * Each post's annual cost reads its grade's own cell (layout.ts,
   * postAnnualCost). After the grades change, a post whose reference, as the
   * engine moved it (`moved`, from its grade's line before), is not the line
   * the model now finds gets its cell again. Called inside a batch.
   */
  private regrade(moved: (line: number) => number | undefined, before: Workbook): void {
    const posts = this.sheet('Posts');
    this.workbook.posts.forEach((p, i) => {
      if (ownCost(p) !== null) return;
      const was = gradeLineOf(before, p.grade);
      const now = gradeLineOf(this.workbook, p.grade);
      if ((was === undefined ? undefined : moved(was)) !== now) this.hf.setCellContents({ sheet: posts, row: i + 1, col: POST.annualCost }, postAnnualCost(this.workbook, this.layout, i));
    });
  }

  /**
   * Where (a line index) to add `delta` rows, or take `-delta` away, close to
   * `first` so that every range keeps its lines: an added row inside a range
   * (not at its first row or past its last, where it would join none), and
   * no range left with no row. Null where none near will do.
   */
  private placeFor(sheet: LineSheetKey, first: number, delta: number, count: number): number | null {
    // No range reads the grade table: each post reads its own grade's cell.
    if (sheet === 'grades') return first;
    const ranges = this.ranges[sheet];
    if (ranges.length === 0) return null;
    for (const place of [first, first - 1, first + 1, first - 2, first + 2]) {
      const row = place + 1;
      if (delta > 0 && place >= 0 && place <= count && ranges.some(([a, b]) => a < row && row <= b)) return place;
      if (delta < 0 && place >= 0 && place - delta <= count && ranges.every(([a, b]) => a < row || b > row - delta - 1)) return place;
    }
    return null;
  }

  /**
   * A scenario given a start delay for the first time gets its new posts
   * summed after its delay: a formula per chunk on the DelayedSums sheet
   * reading its delay cell, and its Summary rows reading their totals.
   * Once there they follow any later delay (0 too) by that cell, so a
   * slider moves fifty formulas at 10,000 posts and never rebuilds.
   * Called inside a batch.
   */
  private followDelays(): void {
    const delays = startDelays(this.workbook, this.layout.scenarios);
    const starting = delays.map((d, s) => d !== 0 && !this.layout.delayed[s]);
    if (!starting.includes(true)) return;
    this.layout = { ...this.layout, delayed: this.layout.delayed.map((on, s) => on || starting[s]) };
    const sheet = this.sheet('DelayedSums');
    const summary = this.sheet('Summary');
    // The chunks' rows as the engine holds them now: rows added or taken away since the build moved them.
    const chunks = this.ranges.posts.map(([a, b]) => [a + 1, b + 1]);
    const totalRow = delayedTotalRow(chunks.length);
    const rows = summarySheet(this.layout);
    starting.forEach((start, s) => {
      if (!start) return;
      const col = delayedCol(this.layout, s, 0);
      chunks.forEach(([first, last], j) => this.hf.setCellContents({ sheet, row: delayedRow(j) - 1, col }, delayedChunkFormula(this.layout, s, first, last)));
      this.hf.setCellContents({ sheet, row: totalRow - 1, col }, delayedTotalsFormula(this.layout, s, totalRow - 1));
      this.layout.horizon.years.forEach((_, k) => {
        const row = 1 + s * this.layout.years + k;
        for (const c of [SUMMARY.staff, SUMMARY.external]) this.hf.setCellContents({ sheet: summary, row, col: c }, rows[row][c]);
      });
    });
  }

  /**
   * Replace the scenarios. The same scenarios in the same order change cells
   * (an assumption, a line in or out); any other change reshapes the sheets.
   */
  setScenarios(scenarios: Scenario[]): void {
    const previous = this.layout.scenarios;
    this.workbook = { ...this.workbook, scenarios };
    const next = scenariosOf(this.workbook);
    // The same scenarios: only changed cells are written.
    const same = next.length === previous.length && next.every((sc, i) => sc.name === previous[i].name);
    if (!same) return this.build();
    this.layout = { ...this.layout, scenarios: next };
    if (hasFormulas(this.workbook)) this.readPosts = null;
    const sheet = this.sheet('Scenarios');
    const wb = this.workbook;
    this.hf.batch(() => {
      next.forEach((scenario, s) => {
        const before = previous[s];
        const c = this.layout.scenarioCol(s);
        for (const key of SCENARIO_ASSUMPTIONS) {
          if (before.overrides[key] === scenario.overrides[key]) continue;
          const row = SCENARIO_ROWS[key];
          this.hf.setCellContents({ sheet, row: row - 1, col: c }, scenarioValueCell(scenario, key, row));
        }
        this.layout.horizon.years.forEach((fy, k) => {
          if (k > 0 && before.payAwardByYear?.[fy] !== scenario.payAwardByYear?.[fy]) this.hf.setCellContents({ sheet, row: payYearRow(k) - 1, col: c }, payYearCell(this.layout, scenario, s, fy, payYearRow(k)));
        });
        const flags = (name: 'Posts' | 'Costs' | 'Savings', key: 'posts' | 'costs' | 'savings', column: number, lines: { doNothing?: boolean }[]) => {
          const id = this.sheet(name);
          const changed = new Set([...(before.toggled?.[key] ?? []), ...(scenario.toggled?.[key] ?? [])]);
          for (const i of changed) {
            if (i < lines.length) this.hf.setCellContents({ sheet: id, row: i + 1, col: column }, includes(scenario, key, i, lines[i].doNothing ?? false) ? 1 : 0);
          }
        };
        flags('Posts', 'posts', this.layout.postIncludeCol(s), wb.posts);
        flags('Costs', 'costs', this.layout.costIncludeCol(s), wb.costs);
        flags('Savings', 'savings', this.layout.savingIncludeCol(s), wb.savings);
      });
      this.followDelays();
    });
  }

  /** The formula of a computed cell, for "explain this figure" and tests. */
  formula(sheetName: string, row: number, col: number): string | undefined {
    return this.hf.getCellFormula({ sheet: this.sheet(sheetName), row, col });
  }

  results(): Results {
    const years = this.layout.horizon.years;
    const summary = this.hf.getSheetValues(this.sheet('Summary'));
    const totals = this.hf.getSheetValues(this.sheet('Totals'));
    const parameters = this.hf.getSheetValues(this.sheet('Scenarios'));
    const scenarios: ScenarioFigures[] = this.layout.scenarios.map(({ name }, s) => {
      const yearRows = years.map((year, k): YearFigures => {
        const row = summary[1 + s * years.length + k];
        const at = (c: keyof typeof SUMMARY) => number(row[SUMMARY[c]], `${name} ${year} ${c}`);
        return { year, staff: at('staff'), other: at('other'), savings: at('savings'), target: at('target'), net: at('net'), cumulative: at('cumulative'), discounted: at('discounted'), external: at('external') };
      });
      const t = totals[1 + s];
      const at = (c: keyof typeof TOTALS) => number(t[TOTALS[c]], `${name} total ${c}`);
      const payback = at('payback');
      const values = Object.fromEntries(ASSUMPTION_SPECS.map((a) => [a.key, number(parameters[SCENARIO_ROWS[a.key] - 1][this.layout.scenarioCol(s)], `${name} ${a.name}`)])) as ScenarioValues;
      return {
        name,
        values,
        beyondHorizon: at('beyond'),
        years: yearRows,
        totals: { staff: at('staff'), other: at('other'), savings: at('savings'), target: at('target'), net: at('net'), discounted: at('discounted'), external: at('external') },
        npv: at('npv'),
        paybackYear: payback >= NO_PAYBACK ? null : years[payback],
      };
    });
    const proposed = scenarioNamed(scenarios, SCENARIO_PROPOSED)!;
    const pay = this.hf.getSheetValues(this.sheet('Years'))[payRow(scenarios.indexOf(proposed)) - 1].slice(yearsCol(0), yearsCol(years.length)).map((v, k) => number(v, `Pay factor of year ${k + 1}`));
    return { years, scenarios, postCosts: this.postCosts(proposed.values, pay), inputs: this.inputs() };
  }

  /** What each formula the user typed works out to, and each user assumption. */
  private inputs(): InputValue[] {
    const out: InputValue[] = [];
    // The guard round each formula (layout.ts, guarded) turns text into #VALUE! and too large a number into #NUM!, with no message of their own.
    // A formula not built (layout.ts, NOT_WORKED_OUT) is #ERROR! to every cell that reads it.
    const guard: Record<string, string> = {
      VALUE: 'it gives text or true/false, not a number',
      NUM: `it is more than ${MAX_FORMULA_VALUE.toLocaleString('en-GB')} either way`,
      ERROR: 'it reads a formula that was not worked out',
    };
    const read = (sheet: InputValue['sheet'], name: 'Grades' | 'Posts' | 'Costs' | 'Savings' | 'Assumptions', index: number, field: string, row: number, col: number, formula?: string) => {
      const refused = typeof formula === 'string' ? formulaProblem(formula, formulaReach(name, this.layout.years)) : null;
      if (refused) return out.push({ sheet, index, field, value: 0, error: `Not worked out: ${refused}` });
      const v = this.hf.getCellValue({ sheet: this.sheet(name), row, col });
      // A formula reading an empty cell works out to nothing, as in a spreadsheet.
      if (typeof v === 'number' || v === null) out.push({ sheet, index, field, value: v ?? 0, error: null });
      else if (typeof v === 'object' && 'type' in v) out.push({ sheet, index, field, value: 0, error: explainError(ERROR_CODES[String(v.type)] ?? '#ERROR!', v.message || guard[String(v.type)]) });
      else out.push({ sheet, index, field, value: 0, error: explainError('#VALUE!', guard.VALUE) });
    };
    const wb = this.workbook;
    wb.grades.forEach((g, i) => g.formulas?.annualCost && read('grades', 'Grades', i, 'annualCost', i + 1, GRADE.annualCost, g.formulas.annualCost));
    wb.posts.forEach((p, i) => {
      if (p.formulas?.fte) read('posts', 'Posts', i, 'fte', i + 1, POST.fte, p.formulas.fte);
      // A post's own pay has no column of the user's: its formula is in the annual cost the post is costed at.
      if (p.formulas?.annualCost) read('posts', 'Posts', i, 'annualCost', i + 1, POST.annualCost, p.formulas.annualCost);
    });
    wb.costs.forEach((c, i) => {
      for (const field of ['amount', 'quantity', 'unitCost'] as const) if (c.formulas?.[field]) read('costs', 'Costs', i, field, i + 1, COST[field], c.formulas[field]);
    });
    wb.savings.forEach((sv, i) => {
      this.layout.horizon.years.forEach((fy, k) => {
        const f = sv.formulas?.[`y${fy}`];
        if (f) read('savings', 'Savings', i, `y${fy}`, i + 1, this.layout.savingInputCol(k), f);
      });
    });
    (wb.userAssumptions ?? []).forEach((u, i) => read('assumptions', 'Assumptions', i, 'value', USER_ASSUMPTIONS_ROW + i, ASSUMPTION.value, typeof u.value === 'string' ? u.value : undefined));
    return out;
  }

  /**
   * Each post's cost per year in Proposed investment: its cost cells, x
   * recruitment if new, x the year's pay factor. With a start delay, a new
   * post's months are counted from its From and To cells moved by the delay,
   * as the DelayedSums formula counts them: the engine sums the delayed
   * posts a chunk at a time and holds no cell per post and year for them
   * (a cell each made a slider move recompute 60,000 cells), so this one
   * line of arithmetic on the engine's own cells gives each post's share.
   */
  private postCosts(values: ScenarioValues, pay: number[]): number[][] {
    const count = this.workbook.posts.length;
    if (count === 0) return [];
    const years = this.layout.years;
    const sheet = this.sheet('Posts');
    const read = (from: number, to: number) => this.hf.getRangeValues({ start: { sheet, row: from + 1, col: POST.from }, end: { sheet, row: to + 1, col: this.layout.postYearCol(years - 1) } });
    if (!this.readPosts || this.readPosts.cells.length !== count) this.readPosts = { cells: read(0, count - 1), stale: new Set() };
    for (const i of this.readPosts.stale) this.readPosts.cells[i] = read(i, i)[0];
    this.readPosts.stale.clear();
    const at = (row: CellValue[], c: number, i: number, what: string) => number(row[c - POST.from], `${this.workbook.posts[i].title} ${what}`);
    const delay = values.startDelay;
    const edges = this.layout.horizon.years.map((fy) => [firstMonthOf(fy), lastMonthOf(fy)]);
    return this.readPosts.cells.map((row, i) => {
      // Whether recruitment and the delay apply is the engine's own New post flag (an FTE may be a formula).
      const isNew = row[POST.isNew - POST.from] === 1;
      const scale = isNew ? values.recruitment : 1;
      if (isNew && delay !== 0) {
        const from = at(row, POST.from, i, 'first month') + delay;
        const to = at(row, POST.to, i, 'last month') + delay;
        const cost = at(row, POST.fteCost, i, 'FTE x annual cost');
        return edges.map(([first, last], k) => ((cost * Math.max(0, Math.min(to, last) - Math.max(from, first) + 1)) / 12) * scale * pay[k]);
      }
      return edges.map((_, k) => at(row, this.layout.postYearCol(k), i, `cost in year ${k + 1}`) * scale * pay[k]);
    });
  }

  destroy(): void {
    this.hf.destroy();
  }
}
