// The care-planning report of October 2017 (shared/fixtures/care-planning-2017),
// typed in by hand from paragraphs 20, 25 and 26 so that model and engine tests
// have a workbook that does not pass through the CSV reader under test.
import { month } from '../src/model/periods';
import { emptyWorkbook, type Post, type Workbook } from '../src/model/workbook';

function post(title: string, grade: string, fte: number, group: string, start: [number, number], end: [number, number] | null, months: number | null): Post {
  const team = title.startsWith('Community Care') || title.startsWith('Senior') || title.startsWith('Occupational') ? 'Younger Adults Reviewing Team' : 'Strategic Commissioning';
  return { title, grade, fte, team, group, start: month(...start), end: end && month(...end), months, funding: 'Council' };
}

export function carePlanningWorkbook(): Workbook {
  const wb = emptyWorkbook('Care and support planning (October 2017)');
  wb.grades = [
    { grade: 'Band A', annualCost: 39820 },
    { grade: 'Band B', annualCost: 44882 },
    { grade: 'Band C', annualCost: 52076 },
    { grade: 'Band E', annualCost: 62186 },
    { grade: 'Grade 5', annualCost: 32774 },
  ];
  wb.posts = [
    post('Strategic Development Manager', 'Band E', 1, 'Older Adults', [2018, 4], [2020, 3], null),
    post('Commissioning Manager', 'Band E', 1, 'Younger Adults', [2017, 12], null, 15),
    post('Commissioning Officer', 'Band C', 1, 'Younger Adults', [2018, 4], [2019, 3], null),
    post('Assistant Accountant', 'Band A', 0.5, 'Younger Adults', [2018, 4], [2019, 3], null),
    post('Community Care Officer', 'Grade 5', 4, 'Younger Adults', [2018, 4], [2019, 3], null),
    post('Senior Practitioner', 'Band C', 1, 'Younger Adults', [2018, 4], [2019, 3], null),
    post('Community Care Officer (extension)', 'Grade 5', 3, 'Younger Adults', [2018, 4], [2019, 3], null),
    post('Occupational Therapist (extension)', 'Band B', 0.5, 'Younger Adults', [2018, 4], [2019, 3], null),
  ];
  wb.savings = [
    { line: 'Younger adults: sleep-ins, day hours and accommodation moves', group: 'Younger Adults', type: 'Saving', recurring: false, amounts: { 2018: 1500000, 2019: 749000, 2020: 100000 } },
    { line: 'Older adults: reducing variation in homecare, day services and short-term care', group: 'Older Adults', type: 'Saving', recurring: false, amounts: { 2018: 130000, 2019: 130000, 2020: 199000 } },
  ];
  return wb;
}
