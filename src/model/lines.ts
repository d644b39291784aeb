// Adding and deleting lines. Scenarios and printed totals refer to lines by
// their place in a sheet, so a deletion renumbers those references and drops
// the ones to the deleted line; nothing else changes.
import type { LineSheet } from './scenarios';
import type { Workbook } from './workbook';

const renumber = (list: number[] | undefined, index: number) => list?.flatMap((i) => (i === index ? [] : i > index ? [i - 1] : [i]));

export function deleteLine(workbook: Workbook, sheet: LineSheet | 'grades', index: number): Workbook {
  const next: Workbook = { ...workbook, [sheet]: (workbook[sheet] as unknown[]).filter((_, i) => i !== index) };
  if (sheet === 'grades') return next;
  if (workbook.scenarios) next.scenarios = workbook.scenarios.map((s) => (s.toggled?.[sheet] ? { ...s, toggled: { ...s.toggled, [sheet]: renumber(s.toggled[sheet], index) } } : s));
  if (workbook.reported) next.reported = workbook.reported.map((t) => ({ ...t, [sheet]: renumber(t[sheet], index)! }));
  return next;
}

/** A line inserted at `index`; references to lines at or after it move down one. */
export function insertLine<T>(workbook: Workbook, sheet: LineSheet | 'grades', index: number, line: T): Workbook {
  const list = [...(workbook[sheet] as unknown[])];
  list.splice(index, 0, line);
  const next: Workbook = { ...workbook, [sheet]: list };
  if (sheet === 'grades') return next;
  const shift = (refs: number[] | undefined) => refs?.map((i) => (i >= index ? i + 1 : i));
  if (workbook.scenarios) next.scenarios = workbook.scenarios.map((s) => (s.toggled?.[sheet] ? { ...s, toggled: { ...s.toggled, [sheet]: shift(s.toggled[sheet]) } } : s));
  if (workbook.reported) next.reported = workbook.reported.map((t) => ({ ...t, [sheet]: shift(t[sheet])! }));
  return next;
}
