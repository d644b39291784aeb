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
