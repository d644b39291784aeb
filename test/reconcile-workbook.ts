// Two posts of the 2017 care-planning report, each with the cost the report
// printed for it: what the reconciliation's tests check against.
import { month } from '../src/model/periods';
import { emptyWorkbook, type Post, type Workbook } from '../src/model/workbook';

export function twoReportedPosts(): Workbook {
  const wb = emptyWorkbook('r');
  wb.grades = [{ grade: 'Grade 5', annualCost: 32774 }, { grade: 'Band E', annualCost: 62186 }];
  const post = (title: string, grade: string, fte: number, start: number, end: number | null, months: number | null, publishedCost: number): Post => ({ title, grade, fte, team: '', group: '', start, end, months, funding: '', publishedCost });
  wb.posts = [
    post('Community Care Officers', 'Grade 5', 4, month(2018, 4), month(2019, 3), null, 131097),
    post('Commissioning Manager', 'Band E', 1, month(2017, 12), month(2019, 3), 15, 77733),
  ];
  return wb;
}
