// The only module that touches HyperFormula. It builds the workbook's sheets,
// applies edits in batches, and reads the figures back once per change. The
// page shows and exports these figures, not the model's.
import { HyperFormula, type CellValue } from 'hyperformula';
import { gradeKey, ownCost, type InputValue, type Results, type ScenarioFigures, type YearFigures } from '../model/costing';
import { explainError, formulaProblem, MAX_FORMULA_VALUE } from '../model/formulas';
import { horizonOf, type Horizon } from '../model/horizon';
import { firstMonthOf, lastMonthOf } from '../model/periods';
import { ASSUMPTION_SPECS, includes, scenarioNamed, scenariosOf } from '../model/scenarios';
import { SCENARIO_ASSUMPTIONS, SCENARIO_PROPOSED, type Assumptions, type Post, type Scenario, type ScenarioValues, type Workbook } from '../model/workbook';
import {
  assumptionsSheet,
  costsSheet,
  delayedChunkFormula,
  delayedChunkRows,
  delayedCol,
  delayedRow,
  delayedSumsSheet,
  delayedTotalRow,
  delayedTotalRows,
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
  TOTALS,
  postRow,
  postYearsFormula,
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
  chunkSumsRow,
  freeRow,
  hasFormulas,
  LINE_CHUNK,
  lastRow,
  linesAtUserRows,
  sumsTotalRow,
  type Cell,
  type Layout,
  type LineSheet,
  type Sums,
} from './layout';

/**
 * HyperFormula tries every string as a date, four formats each, as a cell
 * is built and again each time two strings are compared (a saving's type in
 * the savings sums, 10,000 times at 10,000 posts). Its own parser reads no
 * date unless the string's first character after any spaces is a digit or
 * one of / . - : (its quick check), so a string that does not start so is
 * answered at once: our text cells (a leading apostrophe, layout.ts, text),
 * "Saving", "Target". Any other string is parsed as HyperFormula parses it:
 * the same answers, only sooner (docs/SCALE.md).
 */
const parseDateTime = HyperFormula.defaultConfig.parseDateTime;
export const cellDate = (text: string, dateFormat?: string, timeFormat?: string) => (/^\s*[0-9/.:-]/.test(text) ? parseDateTime(text, dateFormat, timeFormat) : undefined);

const CONFIG = {
  licenseKey: 'gpl-v3',
  // Figures are compared to the penny: no rounding on the way out.
  smartRounding: false,
  useColumnIndex: false,
  maxRows: 200_000,
  // The app keeps its own undo; the engine's would hold a copy of every edit.
  undoLimit: 0,
  parseDateTime: cellDate,
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

type LineSheetKey = 'grades' | LineSheet;

const SHEET_NAME = { grades: 'Grades', posts: 'Posts', costs: 'Costs', savings: 'Savings' } as const;

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
   * Rows of each line sheet inside its chunks that no line holds (1-based),
   * for lines to come: rows of lines taken away, and of chunks added
   * (docs/RULES.md, "Lines and their rows in the engine").
   */
  private free: Record<LineSheet, Set<number>> = { posts: new Set(), costs: new Set(), savings: new Set() };
  /** Whether line i sits at row i + 2 on every line sheet, as a formula the user typed reads it. */
  private atUserRows = true;

  private build(): void {
    this.hf?.destroy();
    this.readPosts = null;
    const horizon = horizonOf(this.workbook, this.today);
    this.layout = layoutOf(this.workbook, horizon, scenariosOf(this.workbook));
    const freeOf = (rows: number[], chunks: [number, number][]) => {
      const taken = new Set(rows);
      const free = new Set<number>();
      for (let r = 2; r <= chunks[chunks.length - 1][1]; r++) if (!taken.has(r)) free.add(r);
      return free;
    };
    this.free = { posts: freeOf(this.layout.rows.posts, this.layout.postChunks), costs: freeOf(this.layout.rows.costs, this.layout.costChunks), savings: freeOf(this.layout.rows.savings, this.layout.savingChunks) };
    this.atUserRows = (['posts', 'costs', 'savings'] as const).every((k) => this.layout.rows[k].every((r, i) => r === i + 2));
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

  /** The engine's row (0-based, header at 0) of line `index` of a sheet. */
  private rowOf(sheet: LineSheetKey, index: number): number {
    return sheet === 'grades' ? index + 1 : this.layout.rows[sheet][index] - 1;
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
    // A first formula typed where lines are not at the rows the user sees: =C3 must read the second line, so every line goes back to its row.
    if (!this.atUserRows && linesAtUserRows(this.workbook)) return this.build();
    // A first formula typed where the user's text was left out (layout.ts, Layout.texts): it may read that text.
    if (!this.layout.texts && linesAtUserRows(this.workbook)) return this.build();
    const id = this.sheet(SHEET_NAME[sheet]);
    this.hf.batch(() => {
      for (const index of new Set(changes.map((c) => c.index))) {
        const old = rowOf(before, index);
        const row = this.rowOf(sheet, index);
        rowOf(this.workbook, index).forEach((cell, col) => {
          if (cell !== old[col]) this.hf.setCellContents({ sheet: id, row, col }, cell);
        });
      }
      // A grade renamed: its posts, and any that now find another line first, read their grade's new row.
      if (sheet === 'grades') this.regrade((line) => line, before);
    });
    // A formula the user typed may read any cell (=C3): then every post is read back. Otherwise a post, only its own row;
    // a grade, the posts of its name before and after (a post finds its grade by name), some 500 of 10,000.
    if (hasFormulas(this.workbook)) this.readPosts = null;
    else if (sheet === 'posts') for (const { index } of changes) this.readPosts?.stale.add(index);
    else if (sheet === 'grades' && this.readPosts) {
      const names = new Set(changes.flatMap(({ index }) => [gradeKey(before.grades[index].grade), gradeKey(this.workbook.grades[index].grade)]));
      const { stale } = this.readPosts;
      this.workbook.posts.forEach((p, i) => names.has(gradeKey(p.grade)) && stale.add(i));
    }
  }

  /**
   * Lines added or taken away on one sheet (an insert, a delete, a paste
   * past the end, their undo): lines [at, at + removed) become `lines`, and
   * the scenarios' references to lines moved with them. On Posts, Costs and
   * Savings no row moves: the lines kept are written at their rows, an added
   * line takes a free row and a line taken away leaves its row free
   * (docs/RULES.md, "Lines and their rows in the engine"). The grade table
   * adds or removes rows as a spreadsheet does. Formulas the user typed
   * (which may read a cell by its address), new scenarios or a new horizon
   * build the workbook again instead.
   */
  replaceLines<K extends LineSheetKey>(sheet: K, at: number, removed: number, lines: Workbook[K][number][], scenarios?: Scenario[]): void {
    const before = this.workbook;
    const list = before[sheet].slice() as Workbook[K][number][];
    if (at < 0 || removed < 0 || at + removed > list.length) throw new EngineError(`no lines ${at + 1} to ${at + removed} in ${sheet}`);
    list.splice(at, removed, ...lines);
    this.workbook = { ...before, [sheet]: list, ...(scenarios ? { scenarios } : {}) };
    const names = (wb: Workbook) => scenariosOf(wb).map((sc) => sc.name).join('\u0000');
    if (linesAtUserRows(before) || linesAtUserRows(this.workbook) || names(before) !== names(this.workbook) || !sameHorizon(horizonOf(this.workbook, this.today), this.layout.horizon)) return this.build();
    if (sheet === 'grades') this.replaceGrades(before, at, removed, lines.length);
    else this.replaceRows(sheet as LineSheet, before, at, removed, lines.length);
    // The scenarios' references to lines moved: each line in or out of a scenario by a change of its own gets its flag again.
    if (scenarios && scenarios !== before.scenarios) this.setScenarios(scenarios);
  }

  /** The grade table's rows in or out where they change (no range reads it: each post reads its own grade's cell). */
  private replaceGrades(before: Workbook, at: number, removed: number, added: number): void {
    const delta = added - removed;
    const place = at + Math.min(removed, added);
    const id = this.sheet('Grades');
    this.hf.batch(() => {
      if (delta > 0) this.hf.addRows(id, [place + 1, delta]);
      if (delta < 0) this.hf.removeRows(id, [place + 1, -delta]);
      for (let i = at; i < at + added; i++) this.hf.setCellContents({ sheet: id, row: i + 1, col: 0 }, [gradeRow(this.workbook, this.layout, i)]);
      // Each post's reference to its grade's row moved with the rows (a row taken out leaves #REF!): where that is not the row the model finds, it is written again.
      this.regrade((line) => (delta >= 0 ? (line >= place ? line + delta : line) : line < place ? line : line >= place - delta ? line + delta : undefined), before);
    });
    this.readPosts = null;
  }

  /**
   * Lines [at, at + removed) of a line sheet become `added` lines, no row
   * moving: the first lines take the rows of those they replace, the rest
   * take free rows (a new chunk when none is left); rows left over are
   * cleared and free. Lines after them keep their rows, only their index
   * moves, and the scenarios' flags (by line index) follow the lines.
   */
  private replaceRows(sheet: LineSheet, before: Workbook, at: number, removed: number, added: number): void {
    const kept = Math.min(removed, added);
    const rows = this.layout.rows[sheet];
    const id = this.sheet(SHEET_NAME[sheet]);
    const rowOf = { posts: postRow, costs: costRow, savings: savingRow }[sheet];
    const lines = this.workbook[sheet] as { doNothing?: boolean }[];
    /** A line's index now, from its index before (-1: taken away or replaced). */
    const moved = (i: number) => (i < at ? i : i >= at + removed ? i + added - removed : -1);
    this.hf.batch(() => {
      const blank = freeRow(this.layout, sheet);
      for (const r of rows.slice(at + kept, at + removed)) {
        this.writeRow(sheet, id, r - 1, blank);
        this.free[sheet].add(r);
      }
      // The list of rows as the lines now stand first (0: a line still to place), so takeRows reads each line's grade at its row.
      rows.splice(at, removed, ...rows.slice(at, at + kept), ...Array.from({ length: added - kept }, () => 0));
      this.takeRows(sheet, at + kept, added - kept).forEach((r, j) => (rows[at + kept + j] = r));
      for (let i = at; i < at + added; i++) this.writeRow(sheet, id, rows[i] - 1, rowOf(this.workbook, this.layout, i));
      // A line whose index moved, named by a scenario now or before (where it was), gets its flag again.
      const was = scenariosOf(before);
      scenariosOf(this.workbook).forEach((scenario, s) => {
        const named = new Set([...(scenario.toggled?.[sheet] ?? []), ...(was[s].toggled?.[sheet] ?? []).map(moved)]);
        const col = { posts: this.layout.postIncludeCol, costs: this.layout.costIncludeCol, savings: this.layout.savingIncludeCol }[sheet](s);
        for (const i of named) if (i >= 0 && i < lines.length) this.hf.setCellContents({ sheet: id, row: rows[i] - 1, col }, includes(scenario, sheet, i, lines[i].doNothing ?? false) ? 1 : 0);
      });
    });
    this.atUserRows &&= rows.every((r, i) => r === i + 2);
    if (sheet === 'posts' && this.readPosts) {
      const { cells, stale } = this.readPosts;
      cells.splice(at, removed, ...Array.from({ length: added }, () => []));
      const shifted = [...stale].map(moved).filter((i) => i >= 0);
      stale.clear();
      for (const i of shifted) stale.add(i);
      for (let i = at; i < at + added; i++) stale.add(i);
    }
  }

  /**
   * A line's row written at `row` (0-based), save a post's year cells: they
   * are its chunk's formula's, which a value written there would stop
   * (layout.ts, postYearsFormula).
   */
  private writeRow(sheet: LineSheet, id: number, row: number, cells: Cell[]): void {
    if (sheet !== 'posts') return void this.hf.setCellContents({ sheet: id, row, col: 0 }, [cells]);
    const [first, after] = [this.layout.postYearCol(0), this.layout.postYearCol(this.layout.years)];
    this.hf.setCellContents({ sheet: id, row, col: 0 }, [cells.slice(0, first)]);
    this.hf.setCellContents({ sheet: id, row, col: after }, [cells.slice(after)]);
  }

  /**
   * `count` free rows for lines [from, from + count) of a sheet, lowest
   * first, a post's in a chunk its grade's other posts are in where one is
   * free, so a grade's posts stay in few chunks. Out of free rows, a chunk
   * is added. Called inside a batch.
   */
  private takeRows(sheet: LineSheet, from: number, count: number): number[] {
    if (count <= 0) return [];
    const free = this.free[sheet];
    while (free.size < count) this.addChunk(sheet);
    const chunks = { posts: this.layout.postChunks, costs: this.layout.costChunks, savings: this.layout.savingChunks }[sheet];
    /** Which chunk (by index) holds row r: chunks run in order of their rows. */
    const chunkOf = (r: number) => {
      let [lo, hi] = [0, chunks.length - 1];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (chunks[mid][0] <= r) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const sorted = [...free].sort((a, b) => a - b);
    const gradeOf = (i: number) => gradeKey(this.workbook.posts[i].grade);
    // The chunks each grade's posts are in (the new ones aside), for posts only.
    const chunksOf = new Map<string, Set<number>>();
    if (sheet === 'posts') {
      this.layout.rows.posts.forEach((r, i) => {
        if (i >= from && i < from + count) return;
        const key = gradeOf(i);
        if (!chunksOf.has(key)) chunksOf.set(key, new Set());
        chunksOf.get(key)!.add(chunkOf(r));
      });
    }
    const out: number[] = [];
    for (let i = from; i < from + count; i++) {
      const near = sheet === 'posts' ? chunksOf.get(gradeOf(i)) : undefined;
      const at = near ? sorted.findIndex((r) => near.has(chunkOf(r))) : -1;
      const [r] = sorted.splice(at >= 0 ? at : 0, 1);
      free.delete(r);
      out.push(r);
    }
    return out;
  }

  /**
   * A new chunk of LINE_CHUNK rows after the last, its rows free, and its row of
   * sums on the sums sheet: a row goes in above the totals (so every
   * formula reading them moves with them) and the totals add it too.
   */
  private addChunk(sheet: LineSheet): void {
    const chunks = { posts: this.layout.postChunks, costs: this.layout.costChunks, savings: this.layout.savingChunks }[sheet];
    const end = chunks[chunks.length - 1][1];
    const chunk: [number, number] = [end + 1, end + LINE_CHUNK];
    chunks.push(chunk);
    const blank = freeRow(this.layout, sheet);
    const lines = this.sheet(SHEET_NAME[sheet]);
    for (let r = chunk[0]; r <= chunk[1]; r++) this.writeRow(sheet, lines, r - 1, blank);
    // A post chunk's year cells: its one formula, which weighs its free rows as nothing.
    if (sheet === 'posts') this.hf.setCellContents({ sheet: lines, row: chunk[0] - 1, col: this.layout.postYearCol(0) }, postYearsFormula(this.layout, chunk[0], chunk[1]));
    for (let r = chunk[0]; r <= chunk[1]; r++) this.free[sheet].add(r);
    const sums: Sums = { posts: postSums, costs: costSums, savings: savingSums }[sheet](this.layout);
    const id = this.sheet(sums.sheet);
    // The sums sheet: the header, a row per chunk, then the totals, which were at row `totals` (0-based).
    const totals = chunks.length;
    this.hf.addRows(id, [totals, 1]);
    this.hf.setCellContents({ sheet: id, row: totals, col: 0 }, [chunkSumsRow(this.layout, sums, chunk)]);
    this.hf.setCellContents({ sheet: id, row: totals + 1, col: 0 }, [sumsTotalRow(this.layout, sums, totals + 1)]);
    if (sheet !== 'posts') return;
    // DelayedSums: the chunk's pair of rows where the totals were, and the totals (below them) adding them too.
    const delayed = this.sheet('DelayedSums');
    const at = delayedRow(chunks.length - 1) - 1;
    this.hf.addRows(delayed, [at, 2]);
    this.hf.setCellContents({ sheet: delayed, row: at, col: 0 }, [...delayedChunkRows(this.layout, chunk), ...delayedTotalRows(this.layout, at + 2)]);
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
      if ((was === undefined ? undefined : moved(was)) !== now) this.hf.setCellContents({ sheet: posts, row: this.rowOf('posts', i), col: POST.annualCost }, postAnnualCost(this.workbook, this.layout, i));
    });
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
    // The chunks as the engine holds them now, with any added since the build.
    const chunks = this.layout.postChunks;
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
            if (i < lines.length) this.hf.setCellContents({ sheet: id, row: this.rowOf(key, i), col: column }, includes(scenario, key, i, lines[i].doNothing ?? false) ? 1 : 0);
          }
        };
        flags('Posts', 'posts', this.layout.postIncludeCol(s), wb.posts);
        flags('Costs', 'costs', this.layout.costIncludeCol(s), wb.costs);
        flags('Savings', 'savings', this.layout.savingIncludeCol(s), wb.savings);
      });
      this.followDelays();
    });
  }

  /** The row (1-based) of line `index` on its sheet, as the engine placed it. */
  lineRow(sheet: LineSheet, index: number): number {
    return this.layout.rows[sheet][index];
  }

  /** The formula of a computed cell, for "explain this figure" and tests. */
  formula(sheetName: string, row: number, col: number): string | undefined {
    return this.hf.getCellFormula({ sheet: this.sheet(sheetName), row, col });
  }

  /** The value of a cell, for tests: a post's year cell has no formula of its own (layout.ts, postYearsFormula). */
  value(sheetName: string, row: number, col: number): CellValue {
    return this.hf.getCellValue({ sheet: this.sheet(sheetName), row, col });
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
    return {
      years,
      scenarios,
      postCosts: this.postCosts(proposed.values, pay),
      inputs: this.inputs(),
      postRows: this.layout.rows.posts.slice(),
      postChunks: this.layout.postChunks.map(([a, b]): [number, number] => [a, b]),
      delayedScenarios: this.layout.delayed.slice(),
    };
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
      if (p.formulas?.fte) read('posts', 'Posts', i, 'fte', this.rowOf('posts', i), POST.fte, p.formulas.fte);
      // A post's own pay has no column of the user's: its formula is in the annual cost the post is costed at.
      if (p.formulas?.annualCost) read('posts', 'Posts', i, 'annualCost', this.rowOf('posts', i), POST.annualCost, p.formulas.annualCost);
    });
    wb.costs.forEach((c, i) => {
      for (const field of ['amount', 'quantity', 'unitCost'] as const) if (c.formulas?.[field]) read('costs', 'Costs', i, field, this.rowOf('costs', i), COST[field], c.formulas[field]);
    });
    wb.savings.forEach((sv, i) => {
      this.layout.horizon.years.forEach((fy, k) => {
        const f = sv.formulas?.[`y${fy}`];
        if (f) read('savings', 'Savings', i, `y${fy}`, this.rowOf('savings', i), this.layout.savingInputCol(k), f);
      });
    });
    (wb.userAssumptions ?? []).forEach((u, i) => read('assumptions', 'Assumptions', i, 'value', USER_ASSUMPTIONS_ROW + i, ASSUMPTION.value, typeof u.value === 'string' ? u.value : undefined));
    return out;
  }

  /**
   * Each post's cost per year in Proposed investment: the fraction of the
   * year it runs (its year cells) x FTE x annual cost, as the chunk sums weigh
   * it, x recruitment if new, x the year's pay factor. With a start delay, a new
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
    // Rows [from, to] (0-based) of the sheet, read at once, from From to the last year.
    const read = (from: number, to: number) => this.hf.getRangeValues({ start: { sheet, row: from, col: POST.from }, end: { sheet, row: to, col: this.layout.postYearCol(years - 1) } });
    const rows = this.layout.rows.posts;
    if (!this.readPosts || this.readPosts.cells.length !== count) {
      // Every row of the sheet, then each post's own.
      const all = read(1, lastRow(rows) - 1);
      this.readPosts = { cells: rows.map((r) => all[r - 2]), stale: new Set() };
    }
    // A grade's posts sit together (grouped by grade): rows close by are read as one range, not 500 reads of a row.
    const stale = [...this.readPosts.stale].sort((a, b) => rows[a] - rows[b]);
    for (let j = 0; j < stale.length; ) {
      let end = j;
      while (end + 1 < stale.length && rows[stale[end + 1]] - rows[stale[end]] <= 8) end++;
      const first = rows[stale[j]];
      const got = read(first - 1, rows[stale[end]] - 1);
      for (; j <= end; j++) this.readPosts.cells[stale[j]] = got[rows[stale[j]] - first];
    }
    this.readPosts.stale.clear();
    const at = (row: CellValue[], c: number, i: number, what: string) => number(row[c - POST.from], `${this.workbook.posts[i].title} ${what}`);
    const delay = values.startDelay;
    const edges = this.layout.horizon.years.map((fy) => [firstMonthOf(fy), lastMonthOf(fy)]);
    // A post's costs follow from its row's cells and these: while neither changes, its array is kept.
    const setting = `${values.recruitment}|${delay}|${pay.join()}|${edges.join()}`;
    if (this.costsOfRows?.setting !== setting) this.costsOfRows = { setting, costs: new WeakMap() };
    const known = this.costsOfRows.costs;
    return this.readPosts.cells.map((row, i) => {
      const kept = known.get(row);
      if (kept) return kept;
      // Whether recruitment and the delay apply is the engine's own New post flag (an FTE may be a formula).
      const isNew = row[POST.isNew - POST.from] === 1;
      const scale = isNew ? values.recruitment : 1;
      const cost = at(row, POST.fteCost, i, 'FTE x annual cost');
      let costs: number[];
      if (isNew && delay !== 0) {
        const from = at(row, POST.from, i, 'first month') + delay;
        const to = at(row, POST.to, i, 'last month') + delay;
        costs = edges.map(([first, last], k) => ((cost * Math.max(0, Math.min(to, last) - Math.max(from, first) + 1)) / 12) * scale * pay[k]);
      } else costs = edges.map((_, k) => at(row, this.layout.postYearCol(k), i, `part of year ${k + 1}`) * cost * scale * pay[k]);
      known.set(row, costs);
      return costs;
    });
  }

  /**
   * Each post's costs by the row of cells they were worked out from (a row
   * read again is a new array), under the setting they were worked out with:
   * a post whose row was not read again keeps its array, which the worker's
   * comparison with the last reply then skips (post-costs.ts) instead of
   * comparing 10,000 rows number by number after every edit.
   */
  private costsOfRows: { setting: string; costs: WeakMap<CellValue[], number[]> } | null = null;

  destroy(): void {
    this.hf.destroy();
  }
}
