import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import expected from '../../test/care-planning-2017.expected.json';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook, ownCost, postPeriod, type Results } from '../model/costing';
import { horizonOf } from '../model/horizon';
import { formulaProblem, MAX_TERMS } from '../model/formulas';
import { month, monthsInYear } from '../model/periods';
import type { Post, Saving, Scenario, Workbook } from '../model/workbook';
import { scenariosOf } from '../model/scenarios';
import { columnLetter, formulaReach, LINE_CHUNK, linesAtUserRows, POST, postCells, SAVING, type FormulaSheet } from './layout';
import { costArb, ownPayWorkbookArb, postArb, savingArb, workbookArb } from '../../test/arbitraries';
import { HyperFormula } from 'hyperformula';
import { cellDate, WorkbookEngine } from './engine';
import { expectSameFigures, withInputs } from '../../test/agreement';

const TODAY = new Date(2026, 10, 23);

describe('the engine costs the care-planning report', () => {
  const engine = new WorkbookEngine(carePlanningWorkbook(), TODAY);
  const results = engine.results();
  const proposal = results.scenarios[1];

  it('to £578,026 of implementation cost and £2,808,000 of savings', () => {
    expect(Math.round(proposal.totals.staff + proposal.totals.other)).toBe(expected.implementation_cost_published);
    expect(proposal.totals.savings).toBe(expected.savings_total_published);
  });

  it('with each post within £1 of paragraph 20', () => {
    carePlanningWorkbook().posts.forEach((p, i) => {
      const total = results.postCosts[i].reduce((a, b) => a + b, 0);
      expect(Math.abs(total - (expected.rows_published as Record<string, number>)[p.title]), p.title).toBeLessThanOrEqual(1);
    });
  });

  it('with each post’s cost per year as a formula a person can read', () => {
    // Commissioning Manager (row 3) in 2018/19 (column Q): 11 months / 12 of the year; the chunk sums weigh it
    // by FTE x annual cost (column O); pay award, recruitment and optimism bias multiply the sums in the Summary sheet.
    // (IFERROR in O: a formula in error costs nothing rather than breaking every sum)
    expect(engine.formula('Posts', 2, 14)).toBe('=IFERROR(C3*K3,0)');
    // Its year cells are filled by the one formula of its chunk (rows 2 to 9), in the chunk's first year cell (P2): months
    // before each April 2017, 2018, ... (and April 2021) from From (L) and To (M), differences of neighbours, / 12.
    expect(engine.formula('Posts', 1, 15)).toBe(
      '=ARRAYFORMULA(MMULT(((12*2017+3+{0,12,24,36,48})>$L$2:$L$9)*((12*2017+3+{0,12,24,36,48})-$L$2:$L$9)-((12*2017+2+{0,12,24,36,48})>$M$2:$M$9)*((12*2017+2+{0,12,24,36,48})-$M$2:$M$9),{-1,0,0,0;1,-1,0,0;0,1,-1,0;0,0,1,-1;0,0,0,1})*($M$2:$M$9>=$L$2:$L$9)/12)',
    );
    expect(engine.formula('Posts', 2, 16)).toBeUndefined();
    expect(engine.value('Posts', 2, 16)).toBe(11 / 12);
    // The Summary adds up chunks of posts (PostSums): each chunk's included posts of one kind, weighed by FTE x annual cost, by year.
    expect(engine.formula('PostSums', 1, 1)).toBe('=ARRAYFORMULA(MMULT(TRANSPOSE(Posts!$J$2:$J$9*Posts!$N$2:$N$9*Posts!$T$2:$T$9*Posts!$O$2:$O$9),Posts!$P$2:$S$9))');
    expect(results.postCosts[1][1]).toBeCloseTo((62186 * 11) / 12, 2);
  });

  it('and agrees with the pure model to the penny', () => {
    expectSameFigures(results, costWorkbook(carePlanningWorkbook(), TODAY));
  });

  it('and follows an assumption change: pay award 3% lifts 2018/19 staff cost by 3%', () => {
    const e = new WorkbookEngine(carePlanningWorkbook(), TODAY);
    const before = e.results().scenarios[1].years[1].staff;
    e.setAssumptions({ payAward: 0.03 });
    expect(e.results().scenarios[1].years[1].staff).toBeCloseTo(before * 1.03, 2);
    e.setAssumptions({ savingsDelivery: 0.5 });
    expect(e.results().scenarios[1].totals.savings).toBe(1404000);
  });

  it('and follows a post edit: the Commissioning Officer at 0.5 FTE costs £26,038', () => {
    const e = new WorkbookEngine(carePlanningWorkbook(), TODAY);
    const post = { ...carePlanningWorkbook().posts[2], fte: 0.5 };
    e.setPost(2, post);
    expect(e.results().postCosts[2][1]).toBeCloseTo(26038, 2);
    const wb = carePlanningWorkbook();
    wb.posts[2] = post;
    expectSameFigures(e.results(), costWorkbook(wb, TODAY));
  });

  it('rebuilds when a post edit moves the horizon', () => {
    const e = new WorkbookEngine(carePlanningWorkbook(), TODAY);
    const post = { ...carePlanningWorkbook().posts[0], start: month(2016, 6) };
    e.setPost(0, post);
    const wb = carePlanningWorkbook();
    wb.posts[0] = post;
    expect(e.results().years[0]).toBe(2016);
    expectSameFigures(e.results(), costWorkbook(wb, TODAY));
  });
});

it('holds each post’s From and To as the months it runs, values worked out once, not formulas to build', () => {
  // Start, End and Months are always values and the horizon rebuilds the sheets, so From and To never change but by an edit.
  const wb = carePlanningWorkbook();
  const [first] = wb.posts;
  const horizon = horizonOf(wb, TODAY);
  const posts: Post[] = [
    // Dec 2017 for 15 months: Dec 2017 to Feb 2019.
    { ...first, start: month(2017, 12), end: null, months: 15 },
    // No start: 6 months back from an End of Mar 2019 is Oct 2018 (2018 x 12 + 9).
    { ...first, start: null, end: month(2019, 3), months: 6 },
    // A start and an end.
    { ...first, start: month(2018, 4), end: month(2019, 9), months: null },
    // Neither: the horizon's first month (April of its first year) to its last (March after its last year).
    { ...first, start: null, end: null, months: null },
  ];
  const engine = new WorkbookEngine({ ...wb, posts }, TODAY);
  const last = horizon.years[horizon.years.length - 1];
  const expected = [
    [2017 * 12 + 11, 2017 * 12 + 11 + 14],
    [2018 * 12 + 9, 2019 * 12 + 2],
    [2018 * 12 + 3, 2019 * 12 + 8],
    [horizon.first * 12 + 3, (last + 1) * 12 + 2],
  ];
  expected.forEach(([from, to], i) => {
    const row = engine.lineRow('posts', i) - 1;
    expect(engine.formula('Posts', row, POST.from), `post ${i + 1} From`).toBeUndefined();
    expect(engine.formula('Posts', row, POST.to), `post ${i + 1} To`).toBeUndefined();
    expect([engine.value('Posts', row, POST.from), engine.value('Posts', row, POST.to)], `post ${i + 1}`).toEqual([from, to]);
    expect([from, to]).toEqual([postPeriod(posts[i], horizon).from, postPeriod(posts[i], horizon).to]);
  });
  engine.destroy();
});

it('holds a saving’s figures and profile typed as numbers as their values, the formulas only where a year is a formula', () => {
  const care = carePlanningWorkbook();
  // The horizon held where it is, so a saving the year before it stays before it.
  const held = horizonOf(care, TODAY);
  const wb = { ...care, assumptions: { ...care.assumptions, firstYear: held.first, horizonYears: held.years.length } };
  const horizon = horizonOf(wb, TODAY);
  const n = horizon.years.length;
  const [y0, y1, y2] = horizon.years;
  const [sample] = wb.savings;
  const savings: Saving[] = [
    // Recurring, 1,000 saved the year before the horizon: 1,000 + 500, then + nothing, then + 250.
    { ...sample, recurring: true, amounts: { [y0 - 1]: 1000, [y0]: 500, [y2]: 250 }, formulas: undefined },
    // Not recurring: each year's own figure, a blank year 0.
    { ...sample, recurring: false, amounts: { [y0]: 700, [y1]: 0.1 }, formulas: undefined },
    // Recurring, with its second year a formula: the first year's figure is a value, the rest read the formula.
    { ...sample, recurring: true, amounts: { [y0]: 100, [y1]: 20 }, formulas: { [`y${y1}`]: '=10*2' } },
  ];
  const engine = new WorkbookEngine({ ...wb, savings }, TODAY);
  expect(engine.horizon).toEqual(horizon);
  const cells = (i: number, first: number) => {
    const row = engine.lineRow('savings', i) - 1;
    return Array.from({ length: n }, (_, k) => ({ formula: engine.formula('Savings', row, first + k), value: engine.value('Savings', row, first + k) }));
  };
  const values = (xs: number[]) => xs.map((value) => ({ formula: undefined, value }));
  const figure = SAVING.firstInput + n;
  const profile = SAVING.firstInput + 2 * n;
  const rest = (x: number) => Array.from({ length: n - 3 }, () => x);
  expect(cells(0, figure)).toEqual(values([500, 0, 250, ...rest(0)]));
  expect(cells(0, profile)).toEqual(values([1500, 1500, 1750, ...rest(1750)]));
  expect(cells(1, figure)).toEqual(values([700, 0.1, 0, ...rest(0)]));
  expect(cells(1, profile)).toEqual(values([700, 0.1, 0, ...rest(0)]));
  const third = cells(2, profile);
  expect(cells(2, figure)[0]).toEqual({ formula: undefined, value: 100 });
  expect(cells(2, figure)[1].formula).toMatch(/^=IFERROR\(N\(/);
  expect(third[0]).toEqual({ formula: undefined, value: 100 });
  expect(third.slice(1).map((c) => c.formula)).toEqual(third.slice(1).map((c) => expect.stringMatching(/^=\$E\d+\+SUM\(/)));
  expect(third.map((c) => c.value)).toEqual([100, 120, ...rest(120), 120]);
  engine.destroy();
});

it('answers a text cell (its leading apostrophe) and a word as no date at once, and parses any other string as HyperFormula does', () => {
  const defaults = HyperFormula.defaultConfig.parseDateTime;
  expect(cellDate("'01/04/2024", 'DD/MM/YYYY')).toBeUndefined();
  expect(cellDate('Saving', 'DD/MM/YYYY', 'hh:mm')).toBeUndefined();
  // Whatever HyperFormula's own parser makes of a string that starts with a digit, a separator or spaces, so does the engine's.
  for (const s of [' 01/04/2024', '\t1/4/24', '1-4-2024', '12:30 pm', '.5', '-1', '2024/25', '  ', '', 'April 2024', "'1/4/2024"]) {
    for (const [d, t] of [['DD/MM/YYYY', undefined], ['DD/MM/YY', 'hh:mm'], [undefined, 'hh:mm:ss.sss']] as const) expect(cellDate(s, d, t), `${s} ${d} ${t}`).toEqual(defaults(s, d, t));
  }
  expect(cellDate('01/04/2024', 'DD/MM/YYYY')).toEqual({ year: 2024, month: 4, day: 1 });
  expect(cellDate('01/04/2024', 'DD/MM/YYYY')).toEqual(defaults('01/04/2024', 'DD/MM/YYYY', undefined));
  expect(cellDate('13:30', undefined, 'hh:mm')).toEqual(defaults('13:30', undefined, 'hh:mm'));
  // A title that reads as a date stays the title (a formula reading it keeps it in the engine: LEN of the text, not of 45383);
  // a formula's date string is still a date (1 April 2024 is day 45383).
  const wb = carePlanningWorkbook();
  const engine = new WorkbookEngine({ ...wb, posts: [{ ...wb.posts[0], title: '01/04/2024', formulas: { fte: '=LEN(A2)' } }] }, TODAY);
  expect(engine.value('Posts', 1, POST.title)).toBe('01/04/2024');
  expect(engine.results().inputs?.find((x) => x.sheet === 'posts')?.value).toBe(10);
  engine.destroy();
  const dated = new WorkbookEngine({ ...wb, userAssumptions: [{ name: 'Day', value: '=DATEVALUE("01/04/2024")', unit: 'number', note: '' }] }, TODAY);
  expect(dated.results().inputs?.find((x) => x.sheet === 'assumptions')?.value).toBe(45383);
  dated.destroy();
});

it('leaves the user’s text that no formula reads out of the engine, and builds again with it when a first typed formula may read it', () => {
  const care = carePlanningWorkbook();
  const plain = <T extends { formulas?: unknown }>(lines: T[]) => lines.map((l) => ({ ...l, formulas: undefined }));
  const wb: Workbook = { ...care, grades: plain(care.grades), posts: plain(care.posts), costs: plain(care.costs), savings: plain(care.savings), userAssumptions: [] };
  expect(linesAtUserRows(wb)).toBe(false);
  const engine = new WorkbookEngine(wb, TODAY);
  const row = engine.lineRow('posts', 0) - 1;
  // No text a formula of ours never reads; the cells our formulas read stay (a cost's year, a saving's type).
  expect([POST.title, POST.grade, POST.team, POST.group, POST.funding].map((c) => engine.value('Posts', row, c))).toEqual([null, null, null, null, null]);
  expect(engine.value('Grades', 1, 0)).toBeNull();
  expect(engine.value('Savings', engine.lineRow('savings', 0) - 1, SAVING.type)).toBe(wb.savings[0].type);
  expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
  // A first formula typed reads the post's title by its address: the engine builds again, with the text.
  const builds = engine.builds;
  const title = wb.posts[0].title;
  engine.setPost(0, { ...wb.posts[0], formulas: { fte: `=LEN(${postCells.cell('title', 2)})` } });
  expect(engine.builds).toBe(builds + 1);
  expect(engine.value('Posts', 1, POST.title)).toBe(title);
  expect(engine.results().inputs?.find((x) => x.sheet === 'posts' && x.index === 0)?.value).toBe(title.length);
  engine.destroy();
});

it('names columns as a spreadsheet does', () => {
  expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});

// Random workbooks: the engine and the pure model must agree to the penny.
it('agrees with the pure model to the penny on random workbooks', () => {
  fc.assert(
    fc.property(workbookArb, (wb) => {
      const engine = new WorkbookEngine(wb, TODAY);
      try {
        expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      } finally {
        engine.destroy();
      }
    }),
    { numRuns: 150 },
  );
}, 60_000);

// A start delay slides new posts and savings together (docs/RULES.md): every random workbook here holds a
// saving and a scenario that starts late, with or without a savings delay on top.
it('agrees with the pure model to the penny when a start delay slides posts and savings together', () => {
  const late = fc.record({ startDelay: fc.integer({ min: 1, max: 30 }), savingsDelay: fc.integer({ min: 0, max: 40 }) });
  fc.assert(
    fc.property(workbookArb, savingArb, late, late, (wb, saving, a, b) => {
      const withLate: Workbook = { ...wb, savings: [...wb.savings, { ...saving, type: 'Saving', doNothing: undefined }], scenarios: [{ name: 'Late', overrides: a }, { name: 'Later', overrides: b }] };
      const engine = new WorkbookEngine(withLate, TODAY);
      try {
        expectSameFigures(engine.results(), costWorkbook(withLate, TODAY));
      } finally {
        engine.destroy();
      }
    }),
    { numRuns: 60 },
  );
}, 60_000);

it('follows a scenario edit made in place (overrides, lines in and out) as a rebuild would', () => {
  const wb = { ...carePlanningWorkbook(), scenarios: [{ name: 'Half', overrides: { recruitment: 0.5 } }] };
  const engine = new WorkbookEngine(wb, TODAY);
  const edited = [{ name: 'Half', overrides: { recruitment: 0.5, savingsDelay: 6, optimismBias: 0.2 }, toggled: { posts: [0, 3] } }];
  engine.setScenarios(edited);
  const fresh = costWorkbook({ ...wb, scenarios: edited }, TODAY);
  expectSameFigures(engine.results(), fresh);
  // Half the new posts, 20% bias: the Strategic Development Manager (left out) no longer counts
  expect(engine.results().scenarios[2].years[2].staff).toBe(0);
  engine.setScenarios([...edited, { name: 'Another', overrides: {} }]); // a new scenario reshapes the sheets
  expect(engine.results().scenarios.map((s) => s.name)).toEqual(['Do nothing', 'Proposed investment', 'Half', 'Another']);
});

describe('formulas the user typed', () => {
  const wb = () => {
    const w = carePlanningWorkbook();
    w.userAssumptions = [
      { name: 'ReferralsPerWeek', value: 40, unit: 'number', note: 'Front door, 2017' },
      { name: 'CasesPerWorker', value: 10, unit: 'number', note: '' },
    ];
    w.posts[4] = { ...w.posts[4], formulas: { fte: '=ReferralsPerWeek/CasesPerWorker' } }; // 4 Community Care Officers
    return w;
  };

  it('are worked out with the user’s own assumptions by name, and reported back', () => {
    const engine = new WorkbookEngine(wb(), TODAY);
    const r = engine.results();
    expect(r.inputs).toEqual([
      { sheet: 'posts', index: 4, field: 'fte', value: 4, error: null },
      { sheet: 'assumptions', index: 0, field: 'value', value: 40, error: null },
      { sheet: 'assumptions', index: 1, field: 'value', value: 10, error: null },
    ]);
    expect(r.postCosts[4][1]).toBe(4 * 32774);
  });

  it('in error cost nothing and leave every other figure standing', () => {
    const w = wb();
    w.userAssumptions![1].value = 0; // 40 / 0
    const r = new WorkbookEngine(w, TODAY).results();
    expect(r.inputs![0]).toMatchObject({ value: 0, error: expect.stringMatching(/^#DIV\/0!: it divides by zero/) });
    expect(r.postCosts[4][1]).toBe(0);
    expect(Math.round(r.scenarios[1].totals.staff)).toBe(578026 - 131096);
  });

  it('too big for the engine are refused, not built', () => {
    const w = carePlanningWorkbook();
    w.posts[0] = { ...w.posts[0], formulas: { fte: '=' + '('.repeat(130) + '1' + ')'.repeat(130) } };
    const r = new WorkbookEngine(w, TODAY).results();
    expect(r.inputs![0].error).toBe('Not worked out: This formula nests 130 brackets deep; the limit is 40');
    expect(Math.round(r.scenarios[1].totals.staff)).toBe(578026 - 124372);
  });
});

// What a cell shows is what it costs: a formula that gives text (="10") shows #VALUE! and costs nothing,
// where the engine used to read the text as a number and cost it.
describe('a formula that gives text or true/false, not a number', () => {
  const proposal = (r: Results) => r.scenarios[1];

  it('as a post’s FTE: shows the error and the post costs nothing', () => {
    for (const fte of ['="10"', '=TRUE()', '="1"&"0"']) {
      const w = carePlanningWorkbook();
      w.posts[4] = { ...w.posts[4], formulas: { fte } }; // Community Care Officer: 4 x £32,774 x 12/12 = £131,096
      const r = new WorkbookEngine(w, TODAY).results();
      expect(r.inputs![0], fte).toMatchObject({ value: 0, error: expect.stringMatching(/^#VALUE!/) });
      expect(r.postCosts[4].every((v) => v === 0), fte).toBe(true);
      expect(Math.round(proposal(r).totals.staff), fte).toBe(578026 - 4 * 32774);
      expectSameFigures(r, costWorkbook(withInputs(w, r), TODAY));
    }
  });

  it('as a grade’s annual cost: every post of the grade costs nothing', () => {
    const w = carePlanningWorkbook();
    w.grades[4] = { ...w.grades[4], formulas: { annualCost: '="100000"' } }; // Grade 5: 4 + 3 Community Care Officers x £32,774
    const r = new WorkbookEngine(w, TODAY).results();
    expect(r.inputs![0]).toMatchObject({ value: 0, error: expect.stringMatching(/^#VALUE!/) });
    expect(Math.round(proposal(r).totals.staff)).toBe(578026 - 7 * 32774);
    expectSameFigures(r, costWorkbook(withInputs(w, r), TODAY));
  });

  it('as a cost’s amount, quantity or unit cost, or a saving: counts nothing', () => {
    const w = carePlanningWorkbook();
    w.costs = [
      { description: 'Laptops', group: '', year: 2018, amount: null, quantity: 2, unitCost: 300, funding: '', formulas: { unitCost: '="300"' } },
      { description: 'Training', group: '', year: 2018, amount: 5000, quantity: null, unitCost: null, funding: '', formulas: { amount: '="5000"' } },
      { description: 'Desks', group: '', year: 2018, amount: null, quantity: 3, unitCost: 200, funding: '', formulas: { quantity: '="3"' } },
      { description: 'Travel', group: '', year: 2018, amount: 750, quantity: null, unitCost: null, funding: '' },
    ];
    w.savings[0] = { ...w.savings[0], formulas: { y2018: '="1500000"' } };
    const r = new WorkbookEngine(w, TODAY).results();
    expect(r.inputs!.map((v) => v.error?.slice(0, 7))).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!']);
    expect(proposal(r).totals.other).toBe(750); // only Travel
    expect(proposal(r).totals.savings).toBe(2808000 - 1500000);
    expectSameFigures(r, costWorkbook(withInputs(w, r), TODAY));
  });

  it('as a user assumption: a formula using it errs and costs nothing', () => {
    const w = carePlanningWorkbook();
    w.userAssumptions = [{ name: 'Officers', value: '="4"', unit: 'number', note: '' }];
    w.posts[4] = { ...w.posts[4], formulas: { fte: '=Officers*1' } };
    const r = new WorkbookEngine(w, TODAY).results();
    expect(r.inputs!.map((v) => [v.sheet, v.value, v.error?.slice(0, 7)])).toEqual([
      ['posts', 0, '#VALUE!'],
      ['assumptions', 0, '#VALUE!'],
    ]);
    expect(Math.round(proposal(r).totals.staff)).toBe(578026 - 4 * 32774);
    expectSameFigures(r, costWorkbook(withInputs(w, r), TODAY));
  });

  it('far too large a number counts nothing, and never stops the workbook being costed', () => {
    const w = carePlanningWorkbook();
    w.costs = [
      { description: 'Huge', group: '', year: 2018, amount: 1, quantity: null, unitCost: null, funding: '', formulas: { amount: '=1e300' } },
      { description: 'Huge too', group: '', year: 2018, amount: 1, quantity: null, unitCost: null, funding: '', formulas: { amount: '=1e300' } },
    ];
    w.posts[4] = { ...w.posts[4], formulas: { fte: '=1e300' } };
    const r = new WorkbookEngine(w, TODAY).results();
    expect(r.inputs!.map((v) => [v.value, v.error?.slice(0, 5)])).toEqual([[0, '#NUM!'], [0, '#NUM!'], [0, '#NUM!']]);
    expect(proposal(r).totals.other).toBe(0);
    expect(Math.round(proposal(r).totals.staff)).toBe(578026 - 4 * 32774);
  });
});

// A formula that reads the engine's own workings (=Totals!B2), or calls RAND(), written before the
// rule or brought in a tampered file: not built; its cell says why and it costs nothing.
describe('a stored formula that breaks the rules', () => {
  it('is not built: the workbook opens and costs the rest', () => {
    const reasons = {
      '=Totals!B2': 'Not worked out: This formula reads Totals!B2: Totals is the engine’s own working, which a formula may not read; it may read the assumptions by name and the Grades, Posts, Costs, Savings and Assumptions sheets',
      '=O3*0+1': 'Not worked out: This formula reads O3: that column is the engine’s own working; on Posts a formula may read columns A to I',
      '=RAND()*4': 'Not worked out: RAND() gives a different value every time the workbook is worked out, so the costing could not be checked; type the value instead',
    };
    for (const [fte, reason] of Object.entries(reasons)) {
      const w = carePlanningWorkbook();
      w.posts[4] = { ...w.posts[4], formulas: { fte } };
      const engine = new WorkbookEngine(w, TODAY);
      const r = engine.results();
      expect(r.inputs![0]).toEqual({ sheet: 'posts', index: 4, field: 'fte', value: 0, error: reason });
      expect(Math.round(r.scenarios[1].totals.staff), fte).toBe(578026 - 4 * 32774);
      expectSameFigures(r, costWorkbook(withInputs(w, r), TODAY));
      engine.destroy();
    }
  });

  it('a user assumption named as the engine names a cell does not stop the workbook opening', () => {
    const w = carePlanningWorkbook();
    w.userAssumptions = [{ name: 'Population2020', value: 5, unit: 'number', note: '' }];
    w.posts[4] = { ...w.posts[4], formulas: { fte: '=Population2020' } };
    const r = new WorkbookEngine(w, TODAY).results();
    expect(r.inputs![0]).toMatchObject({ value: 0, error: 'Not worked out: This formula uses Population2020, which reads as a cell, not a name: a name cannot be letters followed only by digits' });
    expect(Math.round(r.scenarios[1].totals.staff)).toBe(578026 - 4 * 32774);
  });

  it('as long a chain as the limit allows builds, of any operator', () => {
    for (const op of ['&', '=', '<>', '+', '^']) {
      const w = carePlanningWorkbook();
      w.posts[4] = { ...w.posts[4], formulas: { fte: '=' + Array.from({ length: MAX_TERMS + 1 }, () => '1').join(op) } };
      w.posts[5] = { ...w.posts[5], formulas: { fte: '=' + '-'.repeat(MAX_TERMS) + '1' } };
      w.posts[6] = { ...w.posts[6], formulas: { fte: '=' + Array.from({ length: MAX_TERMS + 2 }, () => '1').join(op) } };
      const r = new WorkbookEngine(w, TODAY).results();
      expect(r.inputs![0].error ?? '', op).not.toMatch(/^Not worked out/);
      expect(r.inputs![1].error, op).toBeNull();
      expect(r.inputs![2].error, op).toBe(`Not worked out: This formula has ${MAX_TERMS + 1} operations; the limit is ${MAX_TERMS}`);
    }
  });
});

// Whatever formulas a user types, or a file brings, in whichever numeric cells: the workbook opens,
// every figure is a finite number, and the pure model (each formula at the value the engine reports,
// nothing where it errs or is refused) agrees to the penny.
it('opens and costs any workbook of random formulas, agreeing with the model', () => {
  const term = fc.oneof(
    fc.integer({ min: 0, max: 50 }).map(String),
    fc.constantFrom('2.5', '"10"', '"abc"', 'TRUE()', 'PayAward', 'Alpha', 'Beta', 'Nobody'),
    // the grids' own cells: post FTEs (itself, another, a loop), a quantity, a user assumption, a grade's name
    fc.constantFrom('C2', 'C3', 'Posts!C2', 'Posts!C4', 'SUM(Posts!C2:C4)', 'Costs!E2', 'Assumptions!B10', 'Grades!A2'),
    // the engine's own working: refused
    fc.constantFrom('Totals!B2', 'Summary!C3', 'Years!B5', 'PostSums!B2', 'Posts!O2', 'Posts!P3', 'Scenarios!C2', 'O2', 'SUM(2:2)'),
    fc.constantFrom('1/0', 'RAND()', 'NOW()', '1e300', '10^400', '-1e13', 'SQRT(-1)'),
  );
  const formula = fc.oneof(term, fc.tuple(term, fc.constantFrom('+', '-', '*', '/', '&'), term).map(([a, op, b]) => `${a}${op}${b}`)).map((f) => `=${f}`);
  const maybe = fc.option(formula, { freq: 2 });
  const arb = fc.tuple(workbookArb, fc.array(fc.tuple(maybe, maybe), { minLength: 12, maxLength: 12 }), fc.array(maybe, { minLength: 4, maxLength: 4 }), fc.array(fc.tuple(maybe, maybe, maybe), { minLength: 5, maxLength: 5 }), fc.array(fc.tuple(fc.integer({ min: 2016, max: 2024 }), maybe), { minLength: 5, maxLength: 5 }), fc.tuple(formula, formula));
  fc.assert(
    fc.property(arb, ([base, ftes, annual, costFormulas, savingFormulas, [alpha, beta]]) => {
      const set = <T extends { formulas?: Partial<Record<string, string>> }>(line: T, field: string, f: string | null): T => (f === null ? line : { ...line, formulas: { ...line.formulas, [field]: f } });
      const wb: Workbook = {
        ...base,
        // A fixed horizon: a saving whose only amount becomes nothing would otherwise move it (the page rebuilds on the next change).
        assumptions: { ...base.assumptions, firstYear: 2017, horizonYears: 5 },
        userAssumptions: [
          { name: 'Alpha', value: alpha, unit: 'number', note: '' },
          { name: 'Beta', value: beta, unit: 'number', note: '' },
        ],
        // A post's own pay as a formula too (the first of each pair), beside its FTE's.
        posts: base.posts.map((p, i) => set(set(p, 'fte', ftes[i][1]), 'annualCost', ftes[i][0])),
        grades: base.grades.map((g, i) => set(g, 'annualCost', annual[i])),
        costs: base.costs.map((c, i) => ['amount', 'quantity', 'unitCost'].reduce((line, field, j) => set(line, field, costFormulas[i][j]), c)),
        savings: base.savings.map((v, i) => set(v, `y${savingFormulas[i][0]}`, savingFormulas[i][1])),
      };
      const engine = new WorkbookEngine(wb, TODAY);
      try {
        const r = engine.results();
        for (const sc of r.scenarios) for (const y of sc.years) for (const v of Object.values(y)) expect(Number.isFinite(v)).toBe(true);
        // Each refused formula says so and counts nothing.
        const sheetOf: Record<string, FormulaSheet> = { posts: 'Posts', grades: 'Grades', costs: 'Costs', savings: 'Savings', assumptions: 'Assumptions' };
        for (const v of r.inputs ?? []) {
          const line = v.sheet === 'assumptions' ? null : (wb[v.sheet][v.index] as { formulas?: Partial<Record<string, string>> });
          const typed = line ? line.formulas![v.field]! : (wb.userAssumptions![v.index].value as string);
          const refused = formulaProblem(typed, formulaReach(sheetOf[v.sheet], r.years.length));
          if (refused) expect(v).toMatchObject({ value: 0, error: `Not worked out: ${refused}` });
          if (v.error) expect(v.value).toBe(0);
          if (/^="[^"]*"$/.test(typed) || typed === '=TRUE()') expect(v.error).toMatch(/^#VALUE!/);
        }
        expectSameFigures(r, costWorkbook(withInputs(wb, r), TODAY));
      } finally {
        engine.destroy();
      }
    }),
    { numRuns: 30 },
  );
}, 60_000);

it('sums lines in chunks of 200 to the penny, and an edit in a later chunk follows as a rebuild would', () => {
  // The random workbooks above fit in one chunk; this one spans three of posts and two of costs and savings.
  const [sample] = fc.sample(workbookArb, { numRuns: 1, seed: 8 });
  const wb: Workbook = {
    ...sample,
    posts: fc.sample(postArb, { numRuns: 450, seed: 1 }).map((p, i) => (i % 7 === 0 ? { ...p, doNothing: true } : p)),
    costs: fc.sample(costArb, { numRuns: 230, seed: 2 }),
    savings: fc.sample(savingArb, { numRuns: 210, seed: 3 }),
    scenarios: [
      { name: 'Half', overrides: { recruitment: 0.5, savingsDelay: 7 }, toggled: { posts: [5, 250, 449], costs: [220], savings: [205] } },
      { name: 'Late', overrides: { startDelay: 9, optimismBias: 0.1 } },
    ],
  };
  const engine = new WorkbookEngine(wb, TODAY);
  try {
    expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
    expect(engine.formula('PostSums', 3, 0)).toBeUndefined(); // three chunks, then the totals row
    expect(engine.formula('PostSums', 4, 1)).toBe('=SUM(B2:B4)');
    const post = { ...wb.posts[420], fte: 2.5, start: month(2020, 6), end: null, months: 20 };
    engine.setPost(420, post);
    const posts = wb.posts.slice();
    posts[420] = post;
    expectSameFigures(engine.results(), costWorkbook({ ...wb, posts }, TODAY));
    const scenarios = [{ ...wb.scenarios![0], toggled: { posts: [5, 250, 449, 420, 399] } }, wb.scenarios![1]];
    engine.setScenarios(scenarios);
    expectSameFigures(engine.results(), costWorkbook({ ...wb, posts, scenarios }, TODAY));
  } finally {
    engine.destroy();
  }
}, 60_000);

describe('lines added and taken away without a rebuild', () => {
  const sheetArb = fc.constantFrom('grades' as const, 'posts' as const, 'costs' as const, 'savings' as const);
  /** A workbook over three chunks of posts and two of costs and savings, so rows go in at chunks' edges too. */
  const chunked = (): Workbook => {
    const [sample] = fc.sample(workbookArb, { numRuns: 1, seed: 8 });
    return {
      ...sample,
      posts: fc.sample(postArb, { numRuns: 450, seed: 1 }),
      costs: fc.sample(costArb, { numRuns: 230, seed: 2 }),
      savings: fc.sample(savingArb, { numRuns: 210, seed: 3 }),
      scenarios: [{ name: 'Half', overrides: { recruitment: 0.5 }, toggled: { posts: [5, 200, 201, 449], costs: [199, 200], savings: [0, 205] } }],
    };
  };
  /** Lines [at, at + removed) of a sheet become `lines`, scenario references moving as model/lines.ts moves them. */
  const replaced = (wb: Workbook, sheet: 'grades' | 'posts' | 'costs' | 'savings', at: number, removed: number, lines: unknown[]): Workbook => {
    const list = (wb[sheet] as unknown[]).slice();
    list.splice(at, removed, ...lines);
    const delta = lines.length - removed;
    const move = (refs?: number[]) => refs?.flatMap((i) => (i < at ? [i] : i < at + removed ? (i - at < lines.length ? [i] : []) : [i + delta]));
    const scenarios = sheet === 'grades' ? wb.scenarios : wb.scenarios?.map((sc) => (sc.toggled?.[sheet] ? { ...sc, toggled: { ...sc.toggled, [sheet]: move(sc.toggled[sheet]) } } : sc));
    return { ...wb, [sheet]: list, scenarios };
  };

  it('inserts and deletes posts at a chunk’s first row, its last, the sheet’s start and end, to the penny, with no rebuild', () => {
    let wb = chunked();
    const engine = new WorkbookEngine(wb, TODAY);
    try {
      engine.results();
      const [extra] = fc.sample(postArb, { numRuns: 1, seed: 9 });
      // Chunks cover rows of posts 0-199, 200-399, 400-449.
      for (const [at, removed, lines] of [[200, 0, [extra]], [0, 0, [extra, extra]], [wb.posts.length + 2, 0, [extra]], [199, 2, []], [0, 1, []], [wb.posts.length, 1, []], [100, 3, [extra]]] as [number, number, Post[]][]) {
        wb = replaced(wb, 'posts', at, removed, lines);
        engine.replaceLines('posts', at, removed, lines, wb.scenarios);
        expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      }
      expect(engine.builds).toBe(1);
    } finally {
      engine.destroy();
    }
  }, 60_000);

  it('follows random runs of lines in and out on any sheet as the model does', () => {
    fc.assert(
      fc.property(
        fc.oneof(workbookArb, fc.constant(null)),
        sheetArb,
        fc.array(fc.tuple(fc.nat(500), fc.nat(3), fc.array(fc.tuple(postArb, costArb, savingArb, fc.integer({ min: 0, max: 9_000_000 })), { maxLength: 3 })), { minLength: 1, maxLength: 4 }),
        (random, sheet, ops) => {
          let wb = random ?? chunked();
          const engine = new WorkbookEngine(wb, TODAY);
          try {
            engine.results();
            for (const [where, take, made] of ops) {
              const count = wb[sheet].length;
              const at = where % (count + 1);
              const removed = Math.min(take, count - at);
              const lines = made.map(([post, cost, saving, pounds], i) => ({ grades: { grade: `New ${i}`, annualCost: pounds / 100 }, posts: post, costs: cost, savings: saving })[sheet]);
              const was = wb;
              wb = replaced(wb, sheet, at, removed, lines);
              const builds = engine.builds;
              engine.replaceLines(sheet, at, removed, lines as never, wb.scenarios);
              expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
              // Only typed formulas (which read cells by address) or a new horizon build again.
              const horizon = (w: Workbook) => `${horizonOf(w, TODAY).first} ${horizonOf(w, TODAY).years.length}`;
              if (!linesAtUserRows(was) && !linesAtUserRows(wb) && horizon(was) === horizon(wb)) expect(engine.builds).toBe(builds);
            }
          } finally {
            engine.destroy();
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  // Lines and their rows in the engine (docs/RULES.md): on Posts, Costs and Savings no line's row ever moves.
  const lineSheets = ['posts', 'costs', 'savings'] as const;
  const freshLines = (sheet: (typeof lineSheets)[number], n: number, seed: number) => ({ posts: fc.sample(postArb, { numRuns: n, seed }), costs: fc.sample(costArb, { numRuns: n, seed }), savings: fc.sample(savingArb, { numRuns: n, seed }) })[sheet] as never[];

  it('inserts, deletes, pastes and undoes at the start, middle and end of Posts, Costs and Savings: no row moves, a freed row is taken again, to the penny, with no rebuild', () => {
    for (const sheet of lineSheets) {
      let wb = chunked();
      const engine = new WorkbookEngine(wb, TODAY);
      try {
        engine.results();
        // Built with no row free, the sheet gains one chunk of 200 rows at most: fewer lines than that are added here.
        const lastRow = wb[sheet].length + 1 + LINE_CHUNK;
        const rows = () => wb[sheet].map((_, i) => engine.lineRow(sheet, i));
        const step = (at: number, removed: number, lines: never[]) => {
          const before = rows();
          wb = replaced(wb, sheet, at, removed, lines);
          engine.replaceLines(sheet, at, removed, lines, wb.scenarios);
          expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
          const after = rows();
          const delta = lines.length - removed;
          // Lines before the change, those it keeps, and those after it are where they were; no two lines share a row.
          before.forEach((r, i) => {
            if (i < at + Math.min(removed, lines.length)) expect(after[i], `${sheet} line ${i}`).toBe(r);
            else if (i >= at + removed) expect(after[i + delta], `${sheet} line ${i}, now ${i + delta}`).toBe(r);
          });
          expect(new Set(after).size).toBe(after.length);
          return { before, after };
        };
        // A line deleted and put back (its undo) takes its own row again.
        const line = wb[sheet][10] as never;
        const { before } = step(10, 1, []);
        expect(step(10, 0, [line]).after[10]).toBe(before[10]);
        const made = freshLines(sheet, 3, 21);
        step(0, 0, [made[0]]); // at the start
        step(Math.floor(wb[sheet].length / 2), 0, [made[1]]); // in the middle
        step(wb[sheet].length, 0, [made[2]]); // at the end
        step(100, 0, made); // several (a paste)
        step(100, 3, []); // and its undo
        step(0, 1, []);
        step(Math.floor(wb[sheet].length / 2), 2, []);
        step(wb[sheet].length - 1, 1, []);
        step(50, 2, made); // a paste over two lines, one more after them
        expect(Math.max(...rows())).toBeLessThanOrEqual(lastRow);
        expect(engine.builds).toBe(1);
      } finally {
        engine.destroy();
      }
    }
  }, 120_000);

  it('adds a chunk of 200 rows after the last when every row is taken, its sums joining the totals, with no rebuild', () => {
    const sums = { posts: 'PostSums', costs: 'CostSums', savings: 'SavingSums' } as const;
    for (const sheet of lineSheets) {
      let wb = chunked();
      const engine = new WorkbookEngine(wb, TODAY);
      try {
        engine.results();
        const count = wb[sheet].length; // rows 2 to count + 1, in chunks of 200, the last ending at the last line
        const chunks = Math.ceil(count / LINE_CHUNK);
        const insert = (at: number, lines: never[]) => {
          wb = replaced(wb, sheet, at, 0, lines);
          engine.replaceLines(sheet, at, 0, lines, wb.scenarios);
          expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
        };
        const made = freshLines(sheet, 3, 30);
        const lines = (n: number) => Array.from({ length: n }, (_, i) => made[i % 3]);
        // No row is free: two lines take the first rows of a chunk of rows count + 2 to count + 201.
        insert(20, lines(2));
        const sumsOf = (chunk: number, first: number) => expect(engine.formula(sums[sheet], chunk, 1)).toMatch(new RegExp(`\\$${first}:\\$[A-Z]+\\$${first + LINE_CHUNK - 1}\\)\\)$`));
        sumsOf(chunks + 1, count + 2);
        expect(engine.formula(sums[sheet], chunks + 2, 1)).toBe(`=SUM(B2:B${chunks + 2})`);
        // 198 more fill it; the next takes the first row of another.
        insert(0, lines(198));
        expect(engine.formula(sums[sheet], chunks + 2, 1)).toBe(`=SUM(B2:B${chunks + 2})`);
        insert(wb[sheet].length, lines(1));
        sumsOf(chunks + 2, count + 202);
        expect(engine.formula(sums[sheet], chunks + 3, 1)).toBe(`=SUM(B2:B${chunks + 3})`);
        expect(engine.lineRow(sheet, wb[sheet].length - 1)).toBe(count + 202);
        // Their undo, then another line: the figures follow, and still no rebuild.
        wb = replaced(wb, sheet, 0, 201, []);
        engine.replaceLines(sheet, 0, 201, [], wb.scenarios);
        expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
        insert(5, lines(1));
        expect(engine.builds).toBe(1);
      } finally {
        engine.destroy();
      }
    }
  }, 120_000);

  it('keeps scenarios that start late to the penny when posts take a new chunk, and a delay first set after it reaches that chunk too', () => {
    let wb: Workbook = { ...chunked(), scenarios: [{ name: 'Late', overrides: { startDelay: 7 } }, { name: 'Half', overrides: { recruitment: 0.5 } }] };
    const engine = new WorkbookEngine(wb, TODAY);
    try {
      expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      const insert = (at: number, lines: never[]) => {
        wb = replaced(wb, 'posts', at, 0, lines);
        engine.replaceLines('posts', at, 0, lines, wb.scenarios);
        expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      };
      // No row is free at the build: these take a chunk added after the last, and Late's delayed sums must count them.
      const made = freshLines('posts', 5, 41) as Post[];
      insert(3, made.map((p, i) => ({ ...p, fte: 1, annualCost: 30_000 + i, formulas: undefined, start: horizonOf(wb, TODAY).first * 12 + 3 + i, end: null, months: null })) as never[]);
      // A delay first given to Half (and to Proposed investment) after the chunk was added, then moved: every chunk, the new one too.
      const delays = (late: number, half: number, proposed: number) => {
        wb = { ...wb, scenarios: [{ name: 'Late', overrides: { startDelay: late } }, { name: 'Half', overrides: { recruitment: 0.5, startDelay: half } }, { name: 'Proposed investment', overrides: { startDelay: proposed } }] };
        engine.setScenarios(wb.scenarios!);
        expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      };
      delays(7, 5, 0);
      delays(13, 2, 9);
      // The new posts deleted again, their rows freed: the delayed sums follow.
      wb = replaced(wb, 'posts', 3, 5, []);
      engine.replaceLines('posts', 3, 5, [], wb.scenarios);
      expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      expect(engine.builds).toBe(1);
    } finally {
      engine.destroy();
    }
  }, 120_000);

  it('fills each chunk’s year cells with one formula, which follows a post’s new start, a row left free and a chunk added, to the penny', () => {
    let wb: Workbook = chunked();
    const engine = new WorkbookEngine(wb, TODAY);
    const years = horizonOf(wb, TODAY).years.length;
    /** Rows of Posts whose year cells hold a formula of their own (1-based), and the chunks' first rows. */
    const formulaRows = () => {
      const rows: number[] = [];
      const last = engine.results().postChunks!.at(-1)![1];
      for (let r = 2; r <= last; r++) for (let k = 0; k < years; k++) if (engine.formula('Posts', r - 1, POST.first + k) !== undefined) rows.push(r);
      return rows;
    };
    const firsts = () => engine.results().postChunks!.map(([first]) => first);
    try {
      // 450 posts in three chunks: three formulas, not 450 x the years.
      expect(firsts()).toEqual([2, 202, 402]);
      expect(formulaRows()).toEqual(firsts());
      // Post 300's start moved a year on: its chunk's formula counts its new months.
      const post = wb.posts[300];
      const moved = { ...post, start: (post.start ?? month(2019, 4)) + 12, end: null, months: 9 };
      wb = { ...wb, posts: wb.posts.map((p, i) => (i === 300 ? moved : p)) };
      engine.setPost(300, moved);
      expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      // Post 10 deleted: its row is free (no From, no To) and weighs nothing in its chunk's year cells.
      const row = engine.lineRow('posts', 10);
      wb = replaced(wb, 'posts', 10, 1, []);
      engine.replaceLines('posts', 10, 1, [], wb.scenarios);
      expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      for (let k = 0; k < years; k++) expect(engine.value('Posts', row - 1, POST.first + k)).toBe(0);
      // 200 posts pasted at the end: one takes the free row, the rest a chunk added after the last (which ended at row 451), with its own formula.
      const made = freshLines('posts', 200, 43);
      wb = replaced(wb, 'posts', wb.posts.length, 0, made);
      engine.replaceLines('posts', wb.posts.length - 200, 0, made, wb.scenarios);
      expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
      expect(firsts()).toEqual([2, 202, 402, 452]);
      expect(formulaRows()).toEqual(firsts());
      expect(engine.builds).toBe(1);
    } finally {
      engine.destroy();
    }
  }, 120_000);

  it('puts a post inserted at the top in a free row of a chunk its grade is in', () => {
    const base = carePlanningWorkbook();
    const post = (grade: string, i: number) => ({ ...base.posts[1], grade, title: `${grade} ${i}` });
    // 200 Band B posts then 200 Band A: grouped by grade, Band A takes rows 2 to 201 and Band B rows 202 to 401.
    const posts = [...Array.from({ length: 200 }, (_, i) => post('Band B', i)), ...Array.from({ length: 200 }, (_, i) => post('Band A', i))];
    const engine = new WorkbookEngine({ ...base, grades: [{ grade: 'Band A', annualCost: 30000 }, { grade: 'Band B', annualCost: 40000 }], posts }, TODAY);
    try {
      expect(engine.lineRow('posts', 250)).toBe(52);
      expect(engine.lineRow('posts', 100)).toBe(302);
      // One post of each grade taken away frees row 52 (Band A's chunk) and row 302 (Band B's).
      engine.replaceLines('posts', 250, 1, []);
      engine.replaceLines('posts', 100, 1, []);
      engine.replaceLines('posts', 0, 0, [post('Band B', 999)]);
      expect(engine.lineRow('posts', 0)).toBe(302);
    } finally {
      engine.destroy();
    }
  });

  it('places the posts of a workbook over one chunk grouped by grade, so a grade’s posts fill few chunks', () => {
    const [sample] = fc.sample(workbookArb, { numRuns: 1, seed: 8 });
    const grades = ['Band A', 'Band B', 'Band C', 'Band D', 'Band E'];
    // 1,000 posts, the grades taking turns down the list: in order, each grade would be in all five chunks.
    const wb: Workbook = { ...sample, grades: grades.map((grade, i) => ({ grade, annualCost: 30000 + 1000 * i })), posts: fc.sample(postArb, { numRuns: 1000, seed: 4 }).map((p, i) => ({ ...p, grade: grades[i % 5] })) };
    const engine = new WorkbookEngine(wb, TODAY);
    try {
      const results = engine.results();
      expectSameFigures(results, costWorkbook(wb, TODAY));
      for (const grade of grades) {
        const chunks = new Set(wb.posts.flatMap((p, i) => (p.grade === grade ? [Math.floor((results.postRows![i] - 2) / LINE_CHUNK)] : [])));
        expect(chunks.size, grade).toBeLessThanOrEqual(2); // 200 posts: one chunk, or the end of one and the start of the next
      }
      // A new post, with no row free: a chunk is added for it, and the figures follow.
      const post = { ...wb.posts[0] };
      engine.replaceLines('posts', 0, 0, [post]);
      expectSameFigures(engine.results(), costWorkbook({ ...wb, posts: [post, ...wb.posts] }, TODAY));
      expect(engine.builds).toBe(1);
    } finally {
      engine.destroy();
    }
  }, 60_000);

  it('gives a grade a new cost without touching any post’s year cells: they hold the fraction of the year, the chunk sums weigh it by FTE x annual cost', () => {
    const [sample] = fc.sample(workbookArb, { numRuns: 1, seed: 8 });
    const grades = ['Band A', 'Band B', 'Band C'];
    // 450 posts over three chunks, a scenario at half recruitment and one that starts late.
    let wb: Workbook = {
      ...sample,
      grades: grades.map((grade, i) => ({ grade, annualCost: 30000 + 1000 * i })),
      posts: fc.sample(postArb, { numRuns: 450, seed: 5 }).map((p, i) => ({ ...p, grade: grades[i % 3], annualCost: i % 7 === 0 ? p.annualCost : undefined })),
      scenarios: [{ name: 'Half', overrides: { recruitment: 0.5 } }, { name: 'Late', overrides: { startDelay: 5 } }],
    };
    const engine = new WorkbookEngine(wb, TODAY);
    try {
      const rows = engine.results().postRows!;
      // A year cell that read FTE x annual cost (or the annual cost) would be recomputed for each of the grade's posts.
      const reads = (formula: string, column: keyof typeof POST) => new RegExp(`(^|[^A-Z$])\\$?${postCells.letter(column)}\\d`).test(formula);
      // The year cells are each chunk's one formula, in its first row's first year cell.
      for (const [first] of engine.results().postChunks!) {
        const f = engine.formula('Posts', first - 1, POST.first)!;
        expect(f).toMatch(/^=ARRAYFORMULA\(/);
        expect(reads(f, 'fteCost') || reads(f, 'annualCost') || reads(f, 'fte'), `chunk from row ${first}: ${f}`).toBe(false);
      }
      expect(rows.length).toBe(450);
      // Band B from £31,000 to £47,250.50: Band B's posts cost 47,250.50 / 31,000 as much, in every scenario; the model agrees.
      const before = engine.results();
      engine.setLines('grades', [{ index: 1, line: { grade: 'Band B', annualCost: 47250.5 } }]);
      wb = { ...wb, grades: wb.grades.map((g, i) => (i === 1 ? { grade: 'Band B', annualCost: 47250.5 } : g)) };
      const after = engine.results();
      expectSameFigures(after, costWorkbook(wb, TODAY));
      wb.posts.forEach((p, i) => {
        const ratio = p.grade === 'Band B' && ownCost(p) === null ? 47250.5 / 31000 : 1;
        before.postCosts[i].forEach((v, k) => expect(after.postCosts[i][k], `post ${i} year ${k}`).toBeCloseTo(v * ratio, 6));
      });
      expect(engine.builds).toBe(1);
    } finally {
      engine.destroy();
    }
  }, 60_000);

  it('keeps each line at the row the user sees while a typed formula may read a cell by its address (=C3)', () => {
    let wb = chunked();
    const engine = new WorkbookEngine(wb, TODAY);
    try {
      // 450 posts, grouped by grade: line 1 is not at row 3.
      expect(engine.results().postRows!.every((r, i) => r === i + 2)).toBe(false);
      // Post 5's FTE typed as =C3*2 (line 1's FTE, twice): the engine builds with every line at row line + 2.
      const typed = { ...wb.posts[5], fte: 0, formulas: { fte: '=C3*2' } };
      engine.setPost(5, typed);
      wb = { ...wb, posts: wb.posts.map((p, i) => (i === 5 ? typed : p)) };
      const results = engine.results();
      expect(engine.builds).toBe(2);
      expect(results.postRows).toEqual(wb.posts.map((_, i) => i + 2));
      expect(results.inputs!.find((v) => v.sheet === 'posts' && v.index === 5)!.value).toBeCloseTo(wb.posts[1].fte * 2, 9);
      // A post inserted at the start: =C3 (now line 6's) reads the line at row 3, line 1 as the user sees it, so this rebuilds.
      const [extra] = fc.sample(postArb, { numRuns: 1, seed: 9 });
      wb = replaced(wb, 'posts', 0, 0, [extra]);
      engine.replaceLines('posts', 0, 0, [extra], wb.scenarios);
      const after = engine.results();
      expect(engine.builds).toBe(3);
      expect(after.inputs!.find((v) => v.sheet === 'posts' && v.index === 6)!.value).toBeCloseTo(wb.posts[1].fte * 2, 9);
    } finally {
      engine.destroy();
    }
  }, 60_000);
});

it('warms an insert and a delete up too, leaving every figure as it was, a chunk of posts full or not', async () => {
  const { handle, warmUp } = await import('./handle');
  const care = carePlanningWorkbook();
  // A full chunk of posts: the first insert after a load would add a chunk of rows (the warm-up adds it instead).
  const full = { ...care, posts: Array.from({ length: LINE_CHUNK }, (_, i) => ({ ...care.posts[i % care.posts.length], title: `Post ${i + 1}` })) };
  for (const wb of [care, full]) {
    const calls: string[] = [];
    const original = WorkbookEngine.prototype.replaceLines;
    const spy = vi.spyOn(WorkbookEngine.prototype, 'replaceLines').mockImplementation(function (this: WorkbookEngine, ...args: Parameters<typeof original>) {
      calls.push(`${args[0]} at ${args[1]} -${args[2]} +${args[3].length}`);
      return original.apply(this, args);
    });
    try {
      const loaded = handle({ type: 'load', workbook: wb, today: TODAY.getTime() });
      warmUp();
      const n = wb.posts.length;
      expect(calls).toEqual([`posts at ${n} -0 +1`, `posts at ${n} -1 +0`]);
      expect({ ...handle({ type: 'assumptions', change: {} }), postChunks: undefined }).toEqual({ ...loaded, postChunks: undefined });
      // The person's own insert after it: the engine's figures are still the model's.
      const extra = { ...wb.posts[1], fte: 2 };
      const inserted = { ...wb, posts: [...wb.posts.slice(0, 1), extra, ...wb.posts.slice(1)] };
      expectSameFigures(handle({ type: 'rows', sheet: 'posts', at: 1, removed: 0, lines: [extra] }), costWorkbook(inserted, TODAY));
    } finally {
      spy.mockRestore();
    }
  }
}, 60_000);

it('keeps a post’s costs as the same array while its row is not read again, so the comparisons after an edit skip it', () => {
  const wb = carePlanningWorkbook();
  const engine = new WorkbookEngine(wb, TODAY);
  try {
    const first = engine.results().postCosts;
    engine.setPost(2, { ...wb.posts[2], fte: 0.5 });
    const edited = engine.results().postCosts;
    expect(edited[0]).toBe(first[0]);
    expect(edited[2]).not.toBe(first[2]);
    expect(edited).toEqual(costWorkbook({ ...wb, posts: wb.posts.map((p, i) => (i === 2 ? { ...p, fte: 0.5 } : p)) }, TODAY).postCosts.map((row) => row.map((v) => expect.closeTo(v, 6))));
    // A pay award moves every post's costs: none is kept.
    engine.setAssumptions({ payAward: 0.05 });
    const awarded = engine.results().postCosts;
    expect(awarded[0]).not.toBe(edited[0]);
    expectSameFigures(engine.results(), costWorkbook({ ...wb, posts: wb.posts.map((p, i) => (i === 2 ? { ...p, fte: 0.5 } : p)), assumptions: { ...wb.assumptions, payAward: 0.05 } }, TODAY));
  } finally {
    engine.destroy();
  }
});

it('leaves every figure as it was after warming up', async () => {
  const { handle, warmUp } = await import('./handle');
  const wb = carePlanningWorkbook();
  const loaded = handle({ type: 'load', workbook: wb, today: TODAY.getTime() });
  warmUp();
  const after = handle({ type: 'assumptions', change: {} });
  // Every figure and post row as before; the chunks of rows may have one more, empty (the one a first insert would add).
  expect({ ...after, postChunks: undefined }).toEqual({ ...loaded, postChunks: undefined });
  expect(after.postChunks!.slice(0, loaded.postChunks!.length)).toEqual(loaded.postChunks);
  expectSameFigures(after, costWorkbook(wb, TODAY));
});

it('follows lines edited in place on any sheet as a rebuild would, writing only what changed', () => {
  const sheetArb = fc.constantFrom('grades' as const, 'posts' as const, 'costs' as const, 'savings' as const);
  fc.assert(
    fc.property(workbookArb, sheetArb, fc.array(fc.tuple(fc.nat(20), postArb, costArb, savingArb, fc.integer({ min: 0, max: 9_000_000 }))), (wb, sheet, edits) => {
      const engine = new WorkbookEngine(wb, TODAY);
      try {
        engine.results();
        const count = wb[sheet].length;
        if (count === 0) return;
        const changes = edits.map(([i, post, cost, saving, pounds]) => {
          const index = i % count;
          const line = { grades: { ...wb.grades[index], annualCost: pounds / 100 }, posts: post, costs: cost, savings: saving }[sheet];
          return { index, line };
        });
        engine.setLines(sheet, changes as never);
        const lines = wb[sheet].slice() as unknown[];
        for (const { index, line } of changes) lines[index] = line;
        expectSameFigures(engine.results(), costWorkbook({ ...wb, [sheet]: lines }, TODAY));
      } finally {
        engine.destroy();
      }
    }),
    { numRuns: 120 },
  );
}, 60_000);

it('follows grades renamed, doubled, cased and spaced differently, in place and in and out, as the model finds them', () => {
  // A post reads the first grade whose name matches its own, ignoring case and spaces at either end (model/costing.ts, gradeKey).
  const wb = carePlanningWorkbook();
  const engine = new WorkbookEngine(wb, TODAY);
  try {
    engine.results();
    let grades = wb.grades;
    const step = (next: typeof grades, change: () => void) => {
      grades = next;
      change();
      expectSameFigures(engine.results(), costWorkbook({ ...wb, grades }, TODAY));
    };
    // Band E (row 5) renamed: its two posts cost nothing; then named again with other case and spaces.
    step([...grades.slice(0, 3), { grade: 'Band F', annualCost: 62186 }, grades[4]], () => engine.setLines('grades', [{ index: 3, line: grades[3] }]));
    step([...grades.slice(0, 3), { grade: ' band e ', annualCost: 70000 }, grades[4]], () => engine.setLines('grades', [{ index: 3, line: grades[3] }]));
    // A second Band E above it wins; taken out, the first is read again.
    step([{ grade: 'BAND E', annualCost: 50000 }, ...grades], () => engine.replaceLines('grades', 0, 0, [grades[0]]));
    step(grades.slice(1), () => engine.replaceLines('grades', 0, 1, []));
    // Band A taken out: Assistant Accountant costs nothing; Band E moves up a row and keeps its posts.
    step(grades.slice(1), () => engine.replaceLines('grades', 0, 1, []));
    step([{ grade: 'Band A', annualCost: 39820 }, ...grades], () => engine.replaceLines('grades', 0, 0, [grades[0]]));
    expect(engine.builds).toBe(1);
  } finally {
    engine.destroy();
  }
});

describe('a start delay moved in place', () => {
  it('recomputes the sums of its new posts without rebuilding, a delay of its own or the proposal\'s, and agrees with the model', () => {
    const wb: Workbook = { ...carePlanningWorkbook(), scenarios: [{ name: 'Late', overrides: { startDelay: 3 } }] };
    const engine = new WorkbookEngine(wb, TODAY);
    try {
      const built = engine.builds;
      for (const delay of [7, 12, 0, 5]) {
        const scenarios = [{ name: 'Late', overrides: { startDelay: delay } }];
        engine.setScenarios(scenarios);
        expectSameFigures(engine.results(), costWorkbook({ ...wb, scenarios }, TODAY));
      }
      // Late's new posts are summed per chunk by one formula reading Late's start delay cell on the Scenarios sheet.
      expect(engine.formula('DelayedSums', 1, 3 + 2 * engine.results().years.length)).toContain('Scenarios!$E$4');
      // A delay no other scenario has, the proposal's own, set for the first time: still no rebuild, and its post costs follow.
      const scenarios = [{ name: 'Late', overrides: { startDelay: 5 } }, { name: 'Proposed investment', overrides: { startDelay: 2 } }];
      engine.setScenarios(scenarios);
      expectSameFigures(engine.results(), costWorkbook({ ...wb, scenarios }, TODAY));
      expect(engine.builds).toBe(built); // a slider dragged across its range, a new delay: no rebuild
    } finally {
      engine.destroy();
    }
  });

  it('follows random start delays on several scenarios, by overrides and by the workbook, as a rebuild would and without one', () => {
    // which: Do nothing, the proposal, or one of the workbook's own scenarios (each may be given a delay of its own).
    const move = fc.tuple(fc.nat(5), fc.integer({ min: 0, max: 30 }), fc.boolean());
    fc.assert(
      fc.property(workbookArb, fc.array(move, { minLength: 1, maxLength: 6 }), (wb, moves) => {
        const engine = new WorkbookEngine(wb, TODAY);
        let current = wb;
        try {
          for (const [which, delay, onWorkbook] of moves) {
            if (onWorkbook) {
              current = { ...current, assumptions: { ...current.assumptions, startDelay: delay } };
              engine.setAssumptions({ startDelay: delay });
            } else {
              const all = scenariosOf(current);
              const name = all[which % all.length].name;
              const own = current.scenarios ?? [];
              const late = (s: Scenario) => ({ ...s, overrides: { ...s.overrides, startDelay: delay } });
              // In place, so the scenarios keep their order (a built-in one is found by name wherever it is).
              const scenarios = own.some((s) => s.name === name) ? own.map((s) => (s.name === name ? late(s) : s)) : [...own, late({ name, overrides: {} })];
              current = { ...current, scenarios };
              engine.setScenarios(scenarios);
            }
            expectSameFigures(engine.results(), costWorkbook(current, TODAY));
          }
          expect(engine.builds).toBe(1);
        } finally {
          engine.destroy();
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('keeps a delayed scenario to the penny through posts inserted and deleted', () => {
    const wb: Workbook = { ...carePlanningWorkbook(), scenarios: [{ name: 'Late', overrides: { startDelay: 4 } }, { name: 'Proposed investment', overrides: { startDelay: 7 } }] };
    const engine = new WorkbookEngine(wb, TODAY);
    try {
      engine.replaceLines('posts', 2, 0, [{ ...wb.posts[1], title: 'Another', fte: 2 }]);
      expectSameFigures(engine.results(), costWorkbook(engine.current, TODAY));
      engine.replaceLines('posts', 0, 1, []);
      expectSameFigures(engine.results(), costWorkbook(engine.current, TODAY));
      const scenarios = [{ name: 'Late', overrides: { startDelay: 4 } }, { name: 'Proposed investment', overrides: { startDelay: 7 } }, { name: 'New', overrides: {} }];
      engine.setScenarios(scenarios.slice(0, 2).map((s, i) => (i === 0 ? { ...s, overrides: { startDelay: 9 } } : s)));
      expectSameFigures(engine.results(), costWorkbook(engine.current, TODAY));
      expect(engine.builds).toBe(1);
    } finally {
      engine.destroy();
    }
  });
});

describe('post costs read back after an edit', () => {
  // A formula the user typed may read any cell: the posts' costs shown must be a rebuild's.
  it('follow a post whose FTE reads another post', () => {
    const base = carePlanningWorkbook();
    const posts = base.posts.map((p, i) => (i === 0 ? { ...p, formulas: { fte: '=C3' } } : p)); // post 1's FTE
    const engine = new WorkbookEngine({ ...base, posts }, TODAY);
    try {
      engine.results();
      engine.setPost(1, { ...posts[1], fte: posts[1].fte + 2 });
      expect(engine.results().postCosts).toEqual(new WorkbookEngine(engine.current, TODAY).results().postCosts);
    } finally {
      engine.destroy();
    }
  });

  it('follow a grade whose cost reads a post', () => {
    const base = carePlanningWorkbook();
    const grades = base.grades.map((g, i) => (i === 0 ? { ...g, formulas: { annualCost: '=Posts!C2*10000' } } : g));
    const engine = new WorkbookEngine({ ...base, grades }, TODAY);
    try {
      engine.results();
      engine.setPost(0, { ...base.posts[0], fte: base.posts[0].fte + 1 });
      expect(engine.results().postCosts).toEqual(new WorkbookEngine(engine.current, TODAY).results().postCosts);
    } finally {
      engine.destroy();
    }
  });
});

// Establishment lists give each post its own pay: it costs the post, whatever its grade costs.
describe('a post’s own pay', () => {
  it('agrees with the pure model to the penny on random workbooks where some posts state their own pay', () => {
    fc.assert(
      fc.property(ownPayWorkbookArb, (wb) => {
        const engine = new WorkbookEngine(wb, TODAY);
        try {
          expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
        } finally {
          engine.destroy();
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('always wins over its grade’s: a grade’s new cost never moves it, and it costs FTE x its own pay x months / 12', () => {
    fc.assert(
      fc.property(ownPayWorkbookArb, fc.nat(3), fc.integer({ min: 0, max: 20_000_000 }), (wb, g, pence) => {
        const engine = new WorkbookEngine(wb, TODAY);
        try {
          const before = engine.results().postCosts;
          engine.setLines('grades', [{ index: g, line: { ...wb.grades[g], annualCost: pence / 100 } }]);
          const after = engine.results();
          const proposal = after.scenarios[1].values;
          const horizon = horizonOf(wb, TODAY);
          wb.posts.forEach((post, i) => {
            if (typeof post.annualCost !== 'number') return;
            expect(after.postCosts[i], post.title).toEqual(before[i]);
            const period = postPeriod(post, horizon, proposal.startDelay);
            const fte = post.fte > 0 ? post.fte * proposal.recruitment : post.fte;
            after.years.forEach((fy, k) => {
              const expected = ((fte * post.annualCost! * monthsInYear(period.from, period.to, fy)) / 12) * (1 + proposal.payAward) ** k;
              expect(Math.abs(after.postCosts[i][k] - expected), `${post.title} ${fy}`).toBeLessThan(0.005);
            });
          });
        } finally {
          engine.destroy();
        }
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  it('is written into the post’s annual cost cell; a post without one looks its grade up', () => {
    const wb = carePlanningWorkbook();
    wb.posts[0] = { ...wb.posts[0], annualCost: 70000 }; // Strategic Development Manager, Band E at £62,186
    const engine = new WorkbookEngine(wb, TODAY);
    try {
      expect(engine.formula('Posts', 1, 10)).toBeUndefined();
      // Commissioning Manager is Band E, the fourth grade (row 5): the post reads that one cell, so a grade's new cost recomputes its own posts only.
      expect(engine.formula('Posts', 2, 10)).toBe('=IFERROR(Grades!$B$5,0)');
      // 2018/19 and 2019/20 at £70,000: the implementation cost 578,025.50 + (70,000 - 62,186) x 24 / 12
      const r = engine.results();
      expect(r.postCosts[0].slice(1, 3)).toEqual([70000, 70000]);
      expect(r.scenarios[1].totals.staff).toBeCloseTo(578025.5 + (70000 - 62186) * 2, 2);
    } finally {
      engine.destroy();
    }
  });

  it('follows edits in place that give a post its own pay, change it and take it away, as a rebuild would', () => {
    const wb = carePlanningWorkbook();
    const engine = new WorkbookEngine(wb, TODAY);
    try {
      engine.results();
      const built = engine.builds;
      const steps = [
        { ...wb.posts[0], annualCost: 70000 },
        { ...wb.posts[0], annualCost: 70000, grade: '' },
        { ...wb.posts[0], annualCost: 80000, grade: '' },
        { ...wb.posts[0], annualCost: null },
        { ...wb.posts[0], annualCost: 0 },
        wb.posts[0],
      ];
      for (const post of steps) {
        engine.setPost(0, post);
        expectSameFigures(engine.results(), costWorkbook({ ...wb, posts: [post, ...wb.posts.slice(1)] }, TODAY));
      }
      expect(engine.builds).toBe(built);
      expect(engine.formula('Posts', 1, 10)).toBe('=IFERROR(Grades!$B$5,0)');
    } finally {
      engine.destroy();
    }
  });

  it('follows random post edits in place, with and without own pay, as a rebuild would', () => {
    const ownPayPostArb = fc.tuple(postArb, fc.option(fc.integer({ min: 0, max: 20_000_000 }).map((p) => p / 100), { freq: 2 }), fc.boolean()).map(([p, own, blank]) => (own === null ? p : { ...p, annualCost: own, grade: blank ? '' : p.grade }));
    fc.assert(
      fc.property(ownPayWorkbookArb, fc.array(fc.tuple(fc.nat(20), ownPayPostArb), { minLength: 1, maxLength: 4 }), (wb, edits) => {
        if (wb.posts.length === 0) return;
        const engine = new WorkbookEngine(wb, TODAY);
        try {
          engine.results();
          const changes = edits.map(([i, line]) => ({ index: i % wb.posts.length, line }));
          engine.setLines('posts', changes);
          const posts = wb.posts.slice();
          for (const { index, line } of changes) posts[index] = line;
          expectSameFigures(engine.results(), costWorkbook({ ...wb, posts }, TODAY));
        } finally {
          engine.destroy();
        }
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  it('may be a formula: worked out, reported back, and in error it costs nothing', () => {
    const wb = carePlanningWorkbook();
    wb.userAssumptions = [{ name: 'SeniorPay', value: 70000, unit: '£', note: '' }];
    wb.posts[0] = { ...wb.posts[0], formulas: { annualCost: '=SeniorPay' } };
    const r = new WorkbookEngine(wb, TODAY).results();
    expect(r.inputs![0]).toEqual({ sheet: 'posts', index: 0, field: 'annualCost', value: 70000, error: null });
    expect(r.postCosts[0].slice(1, 3)).toEqual([70000, 70000]);
    expectSameFigures(r, costWorkbook(withInputs(wb, r), TODAY));
    wb.posts[0] = { ...wb.posts[0], formulas: { annualCost: '="70000"' } };
    const text = new WorkbookEngine(wb, TODAY).results();
    expect(text.inputs![0]).toMatchObject({ field: 'annualCost', value: 0, error: expect.stringMatching(/^#VALUE!/) });
    expect(text.postCosts[0].every((v) => v === 0)).toBe(true);
    expect(Math.round(text.scenarios[1].totals.staff)).toBe(578026 - 2 * 62186);
    expectSameFigures(text, costWorkbook(withInputs(wb, text), TODAY));
  });
});

describe('a pay award set year by year', () => {
  // A post of £100,000 a year, ongoing, over 2024/25 to 2027/28; the award is 3.2% in 2025/26, then 2% a year.
  // Factors: 1, 1.032, 1.032 x 1.02 = 1.05264, 1.05264 x 1.02 = 1.0736928.
  const wb: Workbook = {
    name: 'Award by year',
    assumptions: { firstYear: 2024, horizonYears: 4, payAward: 0.02, payAwardByYear: { 2025: 0.032 }, discountRate: 0.035, savingsDelivery: 1 },
    grades: [{ grade: 'Band E', annualCost: 100_000 }],
    posts: [{ title: 'Practitioner', grade: 'Band E', fte: 1, team: '', group: '', start: null, end: null, months: null, funding: '' }],
    costs: [],
    savings: [],
  };
  const handWorked = [100_000, 103_200, 105_264, 107_369.28];

  it('costs each year at the product of the awards up to it, in the model and the engine', () => {
    const model = costWorkbook(wb, TODAY);
    model.scenarios[1].years.forEach((y, k) => expect(y.staff).toBeCloseTo(handWorked[k], 6));
    const engine = new WorkbookEngine(wb, TODAY);
    engine.results().scenarios[1].years.forEach((y, k) => expect(y.staff).toBeCloseTo(handWorked[k], 6));
    engine.results().postCosts[0].forEach((v, k) => expect(v).toBeCloseTo(handWorked[k], 6));
    expectSameFigures(engine.results(), model);
  });

  it('a scenario’s own year wins; a year it does not name takes the workbook’s, else its single rate', () => {
    const scenarios = [{ name: 'Higher', overrides: { payAward: 0.05 }, payAwardByYear: { 2026: 0 } }];
    const engine = new WorkbookEngine({ ...wb, scenarios }, TODAY);
    // 2025/26 the workbook's 3.2%; 2026/27 the scenario's own 0%; 2027/28 its single 5%.
    const staff = engine.results().scenarios[2].years.map((y) => y.staff);
    [100_000, 103_200, 103_200, 108_360].forEach((v, k) => expect(staff[k]).toBeCloseTo(v, 6));
  });

  it('follows a year’s award changed in place, by the workbook or a scenario, as a rebuild would', () => {
    const engine = new WorkbookEngine({ ...wb, scenarios: [{ name: 'Higher', overrides: {} }] }, TODAY);
    engine.setAssumptions({ payAwardByYear: { 2025: 0.032, 2027: 0.1 } });
    const scenarios = [{ name: 'Higher', overrides: {}, payAwardByYear: { 2026: 0.04 } }];
    engine.setScenarios(scenarios);
    expect(engine.builds).toBe(1);
    const after = { ...wb, assumptions: { ...wb.assumptions, payAwardByYear: { 2025: 0.032, 2027: 0.1 } }, scenarios };
    expectSameFigures(engine.results(), costWorkbook(after, TODAY));
    // Higher: 1, 1.032, 1.032 x 1.04 = 1.07328, 1.07328 x 1.1 = 1.180608.
    [100_000, 103_200, 107_328, 118_060.8].forEach((v, k) => expect(engine.results().scenarios[2].years[k].staff).toBeCloseTo(v, 6));
  });

  it('agrees with the pure model to the penny with random awards by year, by the workbook and by scenario', () => {
    const awards = fc.dictionary(
      fc.integer({ min: 2014, max: 2032 }).map(String),
      fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      { maxKeys: 8 },
    );
    fc.assert(
      fc.property(workbookArb, awards, fc.array(awards, { maxLength: 4 }), (base, own, perScenario) => {
        const wb: Workbook = {
          ...base,
          assumptions: { ...base.assumptions, payAwardByYear: own as Record<number, number> },
          scenarios: (base.scenarios ?? []).map((s, i) => (perScenario[i] ? { ...s, payAwardByYear: perScenario[i] as Record<number, number> } : s)),
        };
        const engine = new WorkbookEngine(wb, TODAY);
        try {
          expectSameFigures(engine.results(), costWorkbook(wb, TODAY));
        } finally {
          engine.destroy();
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
