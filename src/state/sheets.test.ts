import { expect, it } from 'vitest';
import { exampleApp } from '../../test/in-process';
import { SheetState } from './sheets.svelte';

async function started() {
  const app = await exampleApp();
  return { app, sheets: new SheetState(app) };
}

it('an edited FTE costs the post again: the Commissioning Officer at 0.5 FTE is £26,038', async () => {
  const { app, sheets } = await started();
  expect(await sheets.posts.edit(2, sheets.posts.column('fte'), '0.5')).toBeNull();
  expect(app.results!.postCosts[2][1]).toBeCloseTo(26038, 2);
  expect(app.workbook.posts[2].fte).toBe(0.5);
});

it('refuses what cannot be read, on the cell, and changes nothing', async () => {
  const { app, sheets } = await started();
  const before = app.workbook;
  expect(await sheets.posts.edit(2, sheets.posts.column('fte'), 'half')).toBe('FTE: “half” is not a number');
  expect(await sheets.posts.edit(2, sheets.posts.column('end'), '2017-01')).toBe('Commissioning Officer would end before it starts');
  expect(await sheets.grades.edit(0, sheets.grades.column('annualCost'), '£39,820.5x')).toMatch(/is not an amount of money/);
  expect(app.workbook).toBe(before);
});

it('undoes and redoes every change: an edit, an added row, a deleted row', async () => {
  const { app, sheets } = await started();
  await sheets.grades.edit(3, sheets.grades.column('annualCost'), '£70,000'); // Band E
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + ((70000 - 62186) * (24 + 15)) / 12, 2); // Band E posts: 24 + 15 months
  await sheets.costs.addRow();
  expect(app.workbook.costs).toHaveLength(1);
  await sheets.posts.deleteRow(0);
  expect(app.workbook.posts).toHaveLength(7);
  await app.undo();
  expect(app.workbook.posts).toHaveLength(8);
  await app.undo();
  expect(app.workbook.costs).toHaveLength(0);
  await app.undo();
  expect(Math.round(app.results!.scenarios[1].totals.staff)).toBe(578026);
  expect(app.canUndo).toBe(false);
  await app.redo();
  expect(app.workbook.grades[3].annualCost).toBe(70000);
  expect(app.canRedo).toBe(true);
});

it('takes a formula with the user’s own assumptions, follows them, and follows a rename', async () => {
  const { app, sheets } = await started();
  await sheets.assumptions.addRow();
  await sheets.assumptions.addRow();
  const first = sheets.assumptions.rowOf('Assumption_1'); // the first of the user's own, below the workbook's
  expect(await sheets.assumptions.edit(first, sheets.assumptions.column('name'), 'ReferralsPerWeek')).toBeNull();
  expect(await sheets.assumptions.edit(first, sheets.assumptions.column('value'), '40')).toBeNull();
  expect(await sheets.assumptions.edit(first + 1, sheets.assumptions.column('name'), 'CasesPerWorker')).toBeNull();
  expect(await sheets.assumptions.edit(first + 1, sheets.assumptions.column('value'), '10')).toBeNull();
  // Community Care Officer (row 4): FTE 4 -> =ReferralsPerWeek/CasesPerWorker = 4
  expect(await sheets.posts.edit(4, sheets.posts.column('fte'), '=ReferralsPerWeek/CasesPerWorker')).toBeNull();
  expect(app.workbook.posts[4].fte).toBe(4);
  expect(sheets.posts.editText(4, sheets.posts.column('fte'))).toBe('=ReferralsPerWeek/CasesPerWorker');
  // 50 referrals a week: 5 FTE, so one more Grade 5 officer for the year (+£32,774)
  expect(await sheets.assumptions.edit(first, sheets.assumptions.column('value'), '50')).toBeNull();
  expect(app.workbook.posts[4].fte).toBe(5);
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + 32774, 2);
  // A rename follows through the formula
  expect(await sheets.assumptions.edit(first, sheets.assumptions.column('name'), 'Referrals')).toBeNull();
  expect(app.workbook.posts[4].formulas).toEqual({ fte: '=Referrals/CasesPerWorker' });
  expect(app.workbook.posts[4].fte).toBe(5);
});

it('shows a formula’s error on its cell and costs it at nothing, leaving the rest standing', async () => {
  const { app, sheets } = await started();
  expect(await sheets.posts.edit(4, sheets.posts.column('fte'), '=Nobody/2')).toBeNull();
  expect(sheets.posts.show(4, sheets.posts.column('fte'))).toBe('#NAME?');
  expect(sheets.posts.problem(4, sheets.posts.column('fte'))).toMatch(/^#NAME\?: it uses a name that is not an assumption or a function/);
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 - 131096, 2);
  expect(await sheets.posts.edit(4, sheets.posts.column('fte'), '=' + '('.repeat(60) + '1' + ')'.repeat(60))).toBe('This formula nests 60 brackets deep; the limit is 40');
  expect(await sheets.posts.edit(4, sheets.posts.column('title'), '=HYPERLINK("x")')).toBeNull(); // text stays text
  expect(app.workbook.posts[4].title).toBe('=HYPERLINK("x")');
  expect(await sheets.posts.edit(4, sheets.posts.column('months'), '=12')).toBe('Months takes a value here, not a formula');
  await sheets.posts.edit(4, sheets.posts.column('fte'), '4'); // a value replaces the formula
  expect(app.workbook.posts[4].formulas).toBeUndefined();
  expect(Math.round(app.results!.scenarios[1].totals.staff)).toBe(578026);
});

it('refuses on the cell a formula reading the engine’s own working, or one that changes every time, and changes nothing', async () => {
  const { app, sheets } = await started();
  const before = app.workbook;
  expect(await sheets.posts.edit(4, sheets.posts.column('fte'), '=Totals!B2')).toBe('This formula reads Totals!B2: Totals is the engine’s own working, which a formula may not read; it may read the assumptions by name and the Grades, Posts, Costs, Savings and Assumptions sheets');
  expect(await sheets.posts.edit(4, sheets.posts.column('fte'), '=O3')).toBe('This formula reads O3: that column is the engine’s own working; on Posts a formula may read columns A to I');
  expect(await sheets.posts.edit(4, sheets.posts.column('fte'), '=RAND()*4')).toBe('RAND() gives a different value every time the workbook is worked out, so the costing could not be checked; type the value instead');
  await sheets.assumptions.addRow();
  const first = sheets.assumptions.rowOf('Assumption_1'); // the first of the user's own, below the workbook's
  expect(await sheets.assumptions.edit(first, sheets.assumptions.column('value'), '=Summary!C2')).toMatch(/^This formula reads Summary!C2: Summary is the engine’s own working/);
  expect(app.workbook.posts).toBe(before.posts);
  expect(await sheets.posts.edit(4, sheets.posts.column('fte'), '=C3*4')).toBeNull(); // another post's FTE, as the grid shows it
  expect(await sheets.savings.edit(0, sheets.savings.column('y2017'), '=F3+Posts!C2')).toBeNull();
});

it('pastes a block from Excel as one change, adding rows past the end, or refuses it whole with reasons', async () => {
  const { app, sheets } = await started();
  // Title, Grade, FTE of two rows: the last post's row and a new one
  expect(await sheets.posts.editMany([
    { row: 7, col: 0, text: 'Occupational Therapist' }, { row: 7, col: 1, text: 'Band B' }, { row: 7, col: 2, text: '1' },
    { row: 8, col: 0, text: 'Reviewer' }, { row: 8, col: 1, text: 'Band A' }, { row: 8, col: 2, text: '2' },
  ])).toBeNull();
  expect(app.workbook.posts).toHaveLength(9);
  expect(app.workbook.posts[8]).toMatchObject({ title: 'Reviewer', grade: 'Band A', fte: 2 });
  const before = app.workbook;
  expect(await sheets.posts.editMany([{ row: 0, col: 2, text: 'lots' }, { row: 1, col: 2, text: '2' }])).toBe('Nothing was changed. Row 1, FTE: “lots” is not a number.');
  expect(app.workbook).toBe(before);
  await app.undo();
  expect(app.workbook.posts).toHaveLength(8); // the paste was one change
});

it('inserts a row below the active one, keeping scenario references right', async () => {
  const { app, sheets } = await started();
  await app.setScenarios([{ name: 'Without the manager', overrides: {}, toggled: { posts: [1] } }]);
  await sheets.posts.insertRow(0);
  expect(app.workbook.posts[1].title).toBe('New post');
  expect(app.workbook.scenarios![0].toggled).toEqual({ posts: [2] });
  expect(app.workbook.posts[2].title).toBe('Commissioning Manager');
});

it('edits a scenario’s assumptions in the Scenarios grid: 50 is 50%, blank is the workbook’s value', async () => {
  const { app, sheets } = await started();
  await app.setScenarios([{ name: 'Half', overrides: {} }]);
  expect(sheets.scenarios.columns.map((c) => c.label)).toEqual(['Assumption', 'Do nothing', 'Proposed investment', 'Half']);
  expect(await sheets.scenarios.edit(1, sheets.scenarios.column('Half'), '50')).toBeNull(); // Recruitment %
  expect(app.workbook.scenarios!.find((s) => s.name === 'Half')!.overrides).toEqual({ recruitment: 0.5 });
  expect(app.results!.scenarios[2].totals.staff).toBeCloseTo(578025.5 / 2, 2);
  expect(sheets.scenarios.show(1, sheets.scenarios.column('Half'))).toBe('50');
  expect(await sheets.scenarios.edit(1, sheets.scenarios.column('Half'), '')).toBeNull();
  expect(app.workbook.scenarios!.find((s) => s.name === 'Half')!.overrides).toEqual({});
});

it('flags a cost dated outside the horizon, which is not counted', async () => {
  const { app, sheets } = await started();
  await sheets.costs.addRow();
  await sheets.costs.edit(0, sheets.costs.column('amount'), '1000');
  expect(await sheets.costs.edit(0, sheets.costs.column('year'), '2030/31')).toBeNull();
  // a horizon set by the data grows to take the cost in...
  expect(sheets.costs.problem(0, sheets.costs.column('year'))).toBeNull();
  expect(app.results!.years.at(-1)).toBe(2030);
  // ...one set by hand does not, and the cell says the cost is left out
  await app.setAssumptions({ firstYear: 2017, horizonYears: 4 });
  expect(sheets.costs.problem(0, sheets.costs.column('year'))).toBe('2030/31 is outside the horizon (2017/18 to 2020/21): this cost is not counted');
  expect(app.results!.scenarios[1].totals.other).toBe(0);
});

it('counts both of two quick changes: each works on the workbook the one before left', async () => {
  const { app, sheets } = await started();
  await Promise.all([sheets.assumptions.addRow(), sheets.assumptions.addRow(), sheets.posts.edit(2, sheets.posts.column('fte'), '0.5')]);
  expect(app.workbook.userAssumptions!.map((u) => u.name)).toEqual(['Assumption_1', 'Assumption_2']);
  expect(app.workbook.posts[2].fte).toBe(0.5);
  await app.undo();
  expect(app.workbook.posts[2].fte).toBe(1); // three changes, undone one at a time
  expect(app.workbook.userAssumptions).toHaveLength(2);
});

it('fills the top cell down a block, formula and all, as one change', async () => {
  const { app, sheets } = await started();
  await sheets.posts.edit(2, sheets.posts.column('fte'), '=2/4'); // Commissioning Officer: 0.5 FTE
  expect(await sheets.posts.fill(2, 3, sheets.posts.column('fte'), sheets.posts.column('fte'))).toBeNull(); // down to the Assistant Accountant
  expect(app.workbook.posts[3].formulas).toEqual({ fte: '=2/4' });
  expect(app.workbook.posts[3].fte).toBe(0.5);
  await app.undo();
  expect(app.workbook.posts[3].formulas).toBeUndefined();
});

it('takes a formula in a saving’s year, and an error there counts as nothing without breaking a recurring sum', async () => {
  const { app, sheets } = await started();
  // Younger adults, 2018/19: 1,500,000 -> =3*500000
  expect(sheets.savings.columns.map((c) => c.label)[sheets.savings.column('y2018')]).toBe('2018/19');
  expect(await sheets.savings.edit(0, sheets.savings.column('y2018'), '=3*500000')).toBeNull();
  expect(app.workbook.savings[0].amounts[2018]).toBe(1500000);
  expect(app.results!.scenarios[1].totals.savings).toBe(2808000);
  await sheets.savings.edit(0, sheets.savings.column('recurring'), 'Yes'); // recurring: 1.5m, then 1.5m + 749k, then + 100k
  expect(await sheets.savings.edit(0, sheets.savings.column('y2019'), '=1/0')).toBeNull(); // 2019/20 in error
  expect(sheets.savings.show(0, sheets.savings.column('y2019'))).toBe('#DIV/0!');
  // Younger adults now save 1.5m in 2018/19, 1.5m in 2019/20 (+0), 1.6m in 2020/21 (+100k)
  expect(app.results!.scenarios[1].years.map((y) => y.savings)).toEqual([0, 1630000, 1500000 + 130000, 1600000 + 199000]);
});

// A post's own pay: the Posts sheet's Annual cost, blank where the grade's cost applies.

it('takes a post’s own pay in its Annual cost cell: the Strategic Development Manager at £70,000 adds (70,000 - 62,186) x 24 / 12', async () => {
  const { app, sheets } = await started();
  expect(sheets.posts.columns.map((c) => c.label)[sheets.posts.column('annualCost')]).toBe('Annual cost');
  expect(sheets.posts.show(0, sheets.posts.column('annualCost'))).toBe('');
  expect(await sheets.posts.edit(0, sheets.posts.column('annualCost'), '£70,000')).toBeNull();
  expect(app.workbook.posts[0].annualCost).toBe(70000);
  expect(sheets.posts.show(0, sheets.posts.column('annualCost'))).toBe('70000');
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + ((70000 - 62186) * 24) / 12, 2);
  // Blank again: the grade's cost
  expect(await sheets.posts.edit(0, sheets.posts.column('annualCost'), '')).toBeNull();
  expect(app.workbook.posts[0]).not.toHaveProperty('annualCost');
  expect(Math.round(app.results!.scenarios[1].totals.staff)).toBe(578026);
  await app.undo();
  expect(app.workbook.posts[0].annualCost).toBe(70000);
  await app.undo();
  expect(app.workbook.posts[0]).not.toHaveProperty('annualCost');
  await app.redo();
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + ((70000 - 62186) * 24) / 12, 2);
});

it('refuses own pay that cannot be read, and a post with neither grade nor own pay, changing nothing', async () => {
  const { app, sheets } = await started();
  const before = app.workbook;
  expect(await sheets.posts.edit(0, sheets.posts.column('annualCost'), '£70,000x')).toMatch(/is not an amount of money/);
  expect(await sheets.posts.edit(0, sheets.posts.column('grade'), '')).toBe('Grade cannot be blank unless the post has its own Annual cost');
  expect(app.workbook).toBe(before);
  // With its own pay, a post needs no grade, and is not flagged for the grade it lacks
  expect(await sheets.posts.edit(0, sheets.posts.column('annualCost'), '70000')).toBeNull();
  expect(await sheets.posts.edit(0, sheets.posts.column('grade'), '')).toBeNull();
  expect(app.workbook.posts[0].grade).toBe('');
  expect(sheets.posts.problem(0, sheets.posts.column('grade'))).toBeNull();
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + ((70000 - 62186) * 24) / 12, 2);
  const graded = app.workbook;
  expect(await sheets.posts.edit(0, sheets.posts.column('annualCost'), '')).toBe('Annual cost cannot be blank: Strategic Development Manager has no grade to cost it');
  expect(app.workbook).toBe(graded);
});

it('flags a grade not in Grades on a post costed by it, not on one with its own pay', async () => {
  const { sheets } = await started();
  expect(await sheets.posts.edit(0, sheets.posts.column('grade'), 'Band Z')).toBeNull();
  expect(sheets.posts.problem(0, sheets.posts.column('grade'))).toBe('Grade Band Z is not in the Grades sheet: the post costs nothing until it is');
  expect(await sheets.posts.edit(0, sheets.posts.column('annualCost'), '70000')).toBeNull();
  expect(sheets.posts.problem(0, sheets.posts.column('grade'))).toBeNull();
});

it('takes a formula as a post’s own pay, and pastes and fills own pay as other cells', async () => {
  const { app, sheets } = await started();
  await sheets.assumptions.addRow();
  const first = sheets.assumptions.rowOf('Assumption_1'); // the first of the user's own, below the workbook's
  expect(await sheets.assumptions.edit(first, sheets.assumptions.column('name'), 'SeniorPay')).toBeNull();
  expect(await sheets.assumptions.edit(first, sheets.assumptions.column('value'), '70000')).toBeNull();
  expect(await sheets.posts.edit(0, sheets.posts.column('annualCost'), '=SeniorPay')).toBeNull();
  expect(app.workbook.posts[0].annualCost).toBe(70000);
  expect(sheets.posts.editText(0, sheets.posts.column('annualCost'))).toBe('=SeniorPay');
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + ((70000 - 62186) * 24) / 12, 2);
  expect(await sheets.posts.edit(0, sheets.posts.column('annualCost'), '="70000"')).toBeNull();
  expect(sheets.posts.show(0, sheets.posts.column('annualCost'))).toBe('#VALUE!');
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 - 2 * 62186, 2); // in error it costs nothing
  expect(await sheets.posts.edit(0, sheets.posts.column('annualCost'), '=SeniorPay')).toBeNull();
  // Filled down to the Commissioning Manager (Band E, 15 months): +(70,000 - 62,186) x 15 / 12 more
  expect(await sheets.posts.fill(0, 1, sheets.posts.column('annualCost'), sheets.posts.column('annualCost'))).toBeNull();
  expect(app.workbook.posts[1].formulas).toEqual({ annualCost: '=SeniorPay' });
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + ((70000 - 62186) * (24 + 15)) / 12, 2);
  // Pasted values over both: the formulas go, the values stay
  expect(await sheets.posts.editMany([{ row: 0, col: sheets.posts.column('annualCost'), text: '60000' }, { row: 1, col: sheets.posts.column('annualCost'), text: '£60,000' }])).toBeNull();
  expect(app.workbook.posts.slice(0, 2).map((p) => [p.annualCost, p.formulas])).toEqual([[60000, undefined], [60000, undefined]]);
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5 + ((60000 - 62186) * (24 + 15)) / 12, 2);
});

it('heads each sheet’s columns with their alignment: amounts, counts and each scenario’s values right, words left', async () => {
  const { sheets } = await started();
  const numbers = (sheet: { columns: { label: string; align?: 'num' }[] }) => sheet.columns.filter((c) => c.align === 'num').map((c) => c.label);
  expect(numbers(sheets.posts)).toEqual(['FTE', 'Months', 'Annual cost']);
  expect(numbers(sheets.costs)).toEqual(['Amount', 'Quantity', 'Unit cost']);
  expect(numbers(sheets.grades)).toEqual(['Annual cost']);
  expect(numbers(sheets.assumptions)).toEqual(['Value']);
  expect(numbers(sheets.scenarios)).toEqual(['Do nothing', 'Proposed investment']);
  expect(numbers(sheets.savings)).toEqual(['2017/18', '2018/19', '2019/20', '2020/21']);
});

it('says on a post’s Months cell where its count and its Start and End disagree: the count is costed', async () => {
  const { sheets } = await started();
  // The Commissioning Manager: 15 months from December 2017; the report's End of March 2019 makes 16
  expect(sheets.posts.problem(1, sheets.posts.column('months'))).toBeNull();
  expect(await sheets.posts.edit(1, sheets.posts.column('end'), 'Mar 2019')).toBeNull();
  expect(sheets.posts.problem(1, sheets.posts.column('months'))).toMatch(/^Commissioning Manager: 15 months from .* ends .*, but End says .* \(16 months\); costed at 15 months\.$/);
  expect(sheets.posts.problem(0, sheets.posts.column('months'))).toBeNull();
});

it('finds a sheet’s columns by name, and refuses a name no column has', async () => {
  const { sheets } = await started();
  expect(sheets.posts.columns[sheets.posts.column('fte')].label).toBe('FTE');
  expect(sheets.sheet('Assumptions').columns[sheets.assumptions.column('value')].label).toBe('Value');
  expect(() => sheets.posts.column('salary')).toThrow('Posts has no column salary');
});

it('sets the workbook’s own pay award for one year on the Assumptions grid: 10% in 2019/20 lifts that year and the next by 1.1, and undo restores', async () => {
  const { app, sheets } = await started();
  const staff = () => app.results!.scenarios[1].years.map((y) => y.staff);
  const before = staff(); // 2017/18..2020/21, at the example's single award of 0%
  const row = sheets.assumptions.rowOf('Pay award % 2019/20');
  expect(sheets.assumptions.rowOf('Pay award % 2018/19')).toBe(sheets.assumptions.rowOf('PayAward') + 1); // directly below the single rate
  expect(sheets.assumptions.show(row, sheets.assumptions.column('value'))).toBe(''); // blank: the single rate
  expect(await sheets.assumptions.edit(row, sheets.assumptions.column('value'), '-100')).toBe('Pay award % 2019/20 is above -100% and at most 100%');
  expect(await sheets.assumptions.edit(row, sheets.assumptions.column('value'), '10%')).toBeNull();
  expect(app.workbook.assumptions.payAwardByYear).toEqual({ 2019: 0.1 });
  expect(sheets.assumptions.show(row, sheets.assumptions.column('value'))).toBe('10');
  const after = staff();
  expect(after[0]).toBeCloseTo(before[0], 2);
  expect(after[1]).toBeCloseTo(before[1], 2); // 2018/19 takes the single rate
  expect(after[2]).toBeCloseTo(before[2] * 1.1, 2);
  expect(after[3]).toBeCloseTo(before[3] * 1.1, 2); // compounds into 2020/21, which takes the single 0%
  await app.undo();
  expect(app.workbook.assumptions.payAwardByYear ?? {}).toEqual({});
  staff().forEach((v, k) => expect(v).toBeCloseTo(before[k], 2));
  await app.redo();
  expect(await sheets.assumptions.edit(row, sheets.assumptions.column('value'), '')).toBeNull(); // cleared: back to the single rate
  expect(app.workbook.assumptions.payAwardByYear ?? {}).toEqual({});
  staff().forEach((v, k) => expect(v).toBeCloseTo(before[k], 2));
});
