// Which request tells the engine about a change. A change that only edits
// lines in place on one sheet (a typed cell, a paste, a fill, an import of
// nothing new) goes as those lines: at 10,000 posts the engine writes a few
// cells in milliseconds, where building the workbook again takes seconds.
// Lines added or taken away on one sheet (an insert, a delete, a paste past
// the end, their undo) go as the run of lines that changed, the engine adding
// or removing rows instead of building again. Anything else (assumptions,
// names, more than one sheet) goes whole.
import type { EngineRequest } from '../engine/protocol';
import { effectiveValues, scenariosOf } from '../model/scenarios';
import type { Workbook } from '../model/workbook';

const SHEETS = ['grades', 'posts', 'costs', 'savings'] as const;

export function linesRequest(before: Workbook, after: Workbook): EngineRequest | undefined {
  const changed = (Object.keys({ ...before, ...after }) as (keyof Workbook)[]).filter((key) => before[key] !== after[key]);
  // Lines in or out move the scenarios' and printed totals' references to lines with them (model/lines.ts).
  const moved = changed.filter((key) => key !== 'scenarios' && key !== 'reported');
  const lineSheet = SHEETS.find((s) => s === moved[0]);
  if (moved.length === 1 && lineSheet && before[lineSheet].length !== after[lineSheet].length) return rowsRequest(before, after, lineSheet);
  if (changed.length !== 1) return undefined;
  const sheet = SHEETS.find((s) => s === changed[0]);
  if (!sheet || before[sheet].length !== after[sheet].length) return undefined;
  const changes = after[sheet].flatMap((line, index) => (line === before[sheet][index] ? [] : [{ index, line }]));
  return { type: 'lines', sheet, changes } as EngineRequest;
}

/** The run of lines that differs between two versions of a sheet: the same lines before it and after it are left where they are. */
function rowsRequest(before: Workbook, after: Workbook, sheet: (typeof SHEETS)[number]): EngineRequest {
  const a: unknown[] = before[sheet];
  const b: unknown[] = after[sheet];
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  let same = 0;
  while (same < a.length - at && same < b.length - at && a[a.length - 1 - same] === b[b.length - 1 - same]) same++;
  const scenarios = before.scenarios !== after.scenarios ? { scenarios: after.scenarios ?? [] } : {};
  return { type: 'rows', sheet, at, removed: a.length - at - same, lines: b.slice(at, b.length - same), ...scenarios } as EngineRequest;
}

/**
 * Whether the engine recosts many posts for this change: rows in or out; a
 * grade's line (its posts sit in every chunk of sums, so every chunk is
 * summed again); a scenario's start delay (every post's cells in its block).
 * At 10,000 posts each takes the engine hundreds of ms, so a large workbook
 * shows the model's figures first (docs/RULES.md, "Figures first, then the
 * engine's").
 */
export function recostsPosts(request: EngineRequest, before: Workbook, after: Workbook): boolean {
  if (request.type === 'rows') return true;
  if (request.type === 'lines') return request.sheet === 'grades';
  if (request.type !== 'scenarios' && request.type !== 'assumptions') return false;
  const delays = (wb: Workbook) => scenariosOf(wb).map((sc) => effectiveValues(sc, wb).startDelay).join(',');
  return delays(before) !== delays(after);
}
