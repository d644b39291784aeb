// Which figure is being explained, and the way back up: a scrutiny officer
// opens a total, then a line of it, then a year of that line.
import { delayedChunkFormula, delayedEdgesCol, delayedRow, layoutOf, numbered, placeLines, postCells, postYearsFormula } from '../engine/layout';
import { explain, type Explanation, type FigureRef } from '../model/explain';
import { horizonOf } from '../model/horizon';
import { formatFinancialYear } from '../model/periods';
import { scenariosOf } from '../model/scenarios';
import type { AppState } from './app.svelte';

export class ExplainState {
  private stack = $state.raw<FigureRef[]>([]);

  constructor(private readonly app: AppState) {}

  readonly current = $derived.by((): Explanation | null => (this.stack.length ? explain(this.app.workbook, this.stack[this.stack.length - 1]) : null));

  /**
   * The formula behind a post's cost in a year, as the engine holds it: the
   * fraction of each year each post of its chunk runs, one formula filling
   * the chunk's year cells, which the PostSums sheet multiplies by FTE x
   * annual cost, for the explanation to show beside the sentence, with what
   * its columns hold and which cell is this post's year.
   */
  readonly formula = $derived.by((): string | null => {
    const ref = this.stack[this.stack.length - 1];
    if (!ref || ref.kind !== 'post' || ref.year === null) return null;
    const wb = this.app.workbook;
    const horizon = horizonOf(wb);
    const scenarios = scenariosOf(wb);
    // The engine chooses each post's row (docs/RULES.md, "Lines and their rows in the engine") and says which in its figures;
    // before its figures arrive, the rows it builds with.
    const results = this.app.results;
    const rows = results?.postRows;
    const placed = placeLines(wb);
    const engine = rows?.length === wb.posts.length;
    const built = layoutOf(wb, horizon, scenarios, engine ? { ...placed, posts: rows } : placed);
    // The engine's own chunks and delayed scenarios, which its changes since the build may have made differ from a fresh build's.
    const layout = engine ? { ...built, postChunks: results?.postChunks ?? built.postChunks, delayed: results?.delayedScenarios ?? built.delayed } : built;
    const s = Math.max(0, scenarios.findIndex((x) => x.name === ref.scenario));
    const k = horizon.years.indexOf(ref.year);
    const cost = `${postCells.letter('fteCost')} is FTE x annual cost`;
    const months = `${postCells.letter('from')} and ${postCells.letter('to')} the first and last month; a month is year x 12 + month - 1, so 12*2018+3 is April 2018`;
    const tail = `the Summary sheet multiplies it by the pay award, recruitment and optimism bias of ${scenarios[s].name}`;
    const row = layout.rows.posts[ref.index];
    // A new post in a scenario that starts late has no cell of its own: its chunk's sums count its months moved by the delay.
    const chunk = layout.postChunks.findIndex(([first, last]) => first <= row && row <= last);
    if (layout.delayed[s] && wb.posts[ref.index].fte > 0 && chunk >= 0) {
      const [first, last] = layout.postChunks[chunk];
      const formula = delayedChunkFormula(layout, s, first, last);
      return `${formula} (DelayedSums sheet, row ${delayedRow(chunk)}: ${scenarios[s].name}'s council-funded new posts in Posts rows ${first} to ${last} by year, the externally funded ones on the row below; each new post's months counted from ${postCells.letter('from')} + start delay to ${postCells.letter('to')} + start delay; ${numbered.cell(delayedEdgesCol(layout), 1)} to ${numbered.cell(delayedEdgesCol(layout) + layout.years, 1)} of this sheet hold the first month of each year and the month after the last, before the delay; ${cost}, ${months}; this post is row ${row}; ${tail})`;
    }
    if (chunk < 0 || k < 0) return null;
    // The year cell holds a value, filled by its chunk's one formula (layout.ts, postYearsFormula): that formula is shown, and which of its cells is this post's year.
    const [first, last] = layout.postChunks[chunk];
    const cell = postCells.cell(layout.postYearCol(k), row);
    const block = `${postCells.cell(layout.postYearCol(0), first)}:${postCells.cell(layout.postYearCol(layout.years - 1), last)}`;
    const part = `the fraction of each year each post runs (months in the year / 12), a row a post and a column a year, in ${block}; this post's ${formatFinancialYear(ref.year)} is ${cell}`;
    const weighed = `the PostSums sheet multiplies it by ${postCells.letter('fteCost')}, FTE x annual cost`;
    return `${postYearsFormula(layout, first, last)} (Posts sheet, rows ${first} to ${last}: ${part}; ${months}; ${weighed}; ${tail})`;
  });
  readonly depth = $derived(this.stack.length);

  open(ref: FigureRef): void {
    this.stack = [ref];
  }

  /** One of the current figure's parts, in turn. */
  drill(ref: FigureRef): void {
    this.stack = [...this.stack, ref];
  }

  back(): void {
    this.stack = this.stack.slice(0, -1);
  }

  close(): void {
    this.stack = [];
  }
}
