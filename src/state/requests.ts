// Which request tells the engine about a change. A change that only edits
// lines in place on one sheet (a typed cell, a paste, a fill, an import of
// nothing new) goes as those lines: at 10,000 posts the engine writes a few
// cells in milliseconds, where building the workbook again takes seconds.
// Anything else (lines added or taken away, assumptions, names) goes whole.
import type { EngineRequest } from '../engine/protocol';
import type { Workbook } from '../model/workbook';

const SHEETS = ['grades', 'posts', 'costs', 'savings'] as const;

export function linesRequest(before: Workbook, after: Workbook): EngineRequest | undefined {
  const changed = (Object.keys({ ...before, ...after }) as (keyof Workbook)[]).filter((key) => before[key] !== after[key]);
  if (changed.length !== 1) return undefined;
  const sheet = SHEETS.find((s) => s === changed[0]);
  if (!sheet || before[sheet].length !== after[sheet].length) return undefined;
  const changes = after[sheet].flatMap((line, index) => (line === before[sheet][index] ? [] : [{ index, line }]));
  return { type: 'lines', sheet, changes } as EngineRequest;
}
