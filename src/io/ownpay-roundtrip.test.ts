// A post's own pay goes out in the Posts export's Annual cost column and must
// come back as that post's own pay, not as a grade's or a published figure.
// The export is this side's; reading Annual cost in a Posts file is the importer's.
import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import { gradesCsv, postsCsv } from './export';
import { applyImport, previewImport } from './import';

const encode = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

it('exports a post’s own pay and imports it back as that post’s own pay, costed the same', () => {
  const wb = carePlanningWorkbook();
  // General Counsel at £119,999 a year, no grade; the Commissioning Manager keeps Band E's £62,186
  wb.posts[0] = { ...wb.posts[0], title: 'General Counsel', grade: '', annualCost: 119999 };
  const files = [encode('grades.csv', gradesCsv(wb)), encode('posts.csv', postsCsv(wb, costWorkbook(wb)))];
  const preview = previewImport(files, { ...wb, grades: [], posts: [] }, { readAs: new Map([['grades.csv', 'Grades'], ['posts.csv', 'Posts']]) });
  expect(preview.problems.map((p) => `${p.file} row ${p.row}: ${p.reason}`)).toEqual([]);
  const back = applyImport({ ...wb, grades: [], posts: [] }, preview);
  expect(back.posts[0].annualCost).toBe(119999);
  expect(back.posts.slice(1).every((p) => p.annualCost == null)).toBe(true);
  expect(back.posts).toEqual(wb.posts);
  // 2018/19 and 2019/20 at £119,999 instead of Band E's £62,186: 578,025.50 + (119,999 - 62,186) x 24 / 12
  expect(costWorkbook(back).scenarios[1].totals.staff).toBeCloseTo(578025.5 + (119999 - 62186) * 2, 2);
});
