import { expect, it } from 'vitest';
import { emptyWorkbook } from '../model/workbook';
import { applyImport, previewImport } from './import';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

// The costing matches a post's grade ignoring case and surrounding spaces; the importer must match it the same way.
it('a post imported under a grade the open workbook spells with a trailing space is costed at that grade, not refused', () => {
  const open = { ...emptyWorkbook('open'), grades: [{ grade: 'Band A ', annualCost: 36000 }] };
  const preview = previewImport([file('Posts.csv', 'Title,Grade,FTE,Months\nReviewer,band a,1,12\n')], open);
  expect(preview.problems).toEqual([]);
  const wb = applyImport(open, preview);
  expect(wb.posts.map((p) => p.grade)).toEqual(['Band A ']); // the Grades sheet's spelling
  expect(wb.grades).toEqual(open.grades); // no second Band A implied
});
