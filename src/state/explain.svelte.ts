// Which figure is being explained, and the way back up: a scrutiny officer
// opens a total, then a line of it, then a year of that line.
import { explain, type Explanation, type FigureRef } from '../model/explain';
import type { AppState } from './app.svelte';

export class ExplainState {
  private stack = $state.raw<FigureRef[]>([]);

  constructor(private readonly app: AppState) {}

  readonly current = $derived.by((): Explanation | null => (this.stack.length ? explain(this.app.workbook, this.stack[this.stack.length - 1]) : null));
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
