import { describe, expect, it } from 'vitest';
import expected from '../../test/care-planning-2017.expected.json';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook, netPresentValue, payBasis, postPeriod, savingProfile, variance } from './costing';
import { horizonOf } from './horizon';
import { month } from './periods';
import { describePostPeriod, emptyWorkbook, isCouncilFunded, periodMismatch, type Post, type Workbook } from './workbook';

const penny = 2; // toBeCloseTo(x, 2): within half a penny

function onePost(overrides: Partial<Post>, setup: (wb: Workbook) => void = () => {}): Workbook {
  const wb = emptyWorkbook('test');
  wb.grades = [{ grade: 'G', annualCost: 36000 }];
  wb.posts = [{ title: 'P', grade: 'G', fte: 1, team: '', group: '', start: month(2021, 4), end: month(2022, 3), months: null, funding: '', ...overrides }];
  setup(wb);
  return wb;
}

const proposed = (wb: Workbook) => costWorkbook(wb).scenarios[1];

describe('the care-planning report of October 2017, to the pound', () => {
  const results = costWorkbook(carePlanningWorkbook());
  const proposal = results.scenarios.find((s) => s.name === 'Proposed investment')!;
  const titles = carePlanningWorkbook().posts.map((p) => p.title);

  it('costs each post as paragraph 20 does, within the report’s own rounding of £1', () => {
    titles.forEach((title, i) => {
      const total = results.postCosts[i].reduce((a, b) => a + b, 0);
      const published = (expected.rows_published as Record<string, number>)[title];
      expect(Math.abs(total - published), title).toBeLessThanOrEqual(1);
    });
  });

  it('costs the Commissioning Manager at 15 months of Band E: £62,186 x 15 / 12 = £77,732.50', () => {
    const i = titles.indexOf('Commissioning Manager');
    expect(results.postCosts[i][0]).toBeCloseTo((62186 * 4) / 12, penny); // Dec 17 - Mar 18
    expect(results.postCosts[i][1]).toBeCloseTo((62186 * 11) / 12, penny); // Apr 18 - Feb 19
    expect(results.postCosts[i][0] + results.postCosts[i][1]).toBeCloseTo(77732.5, penny);
  });

  it('totals the implementation cost at £578,026 (paragraph 26)', () => {
    const implementation = proposal.totals.staff + proposal.totals.other;
    expect(Math.round(implementation)).toBe(expected.implementation_cost_published);
  });

  it('totals the savings at £2,808,000, year by year as paragraph 25', () => {
    expect(proposal.totals.savings).toBe(expected.savings_total_published);
    const byYear = Object.fromEntries(proposal.years.map((y) => [`${y.year}/${String((y.year + 1) % 100).padStart(2, '0')}`, y.savings]));
    for (const [year, amount] of Object.entries(expected.savings_by_year_published)) expect(byYear[year]).toBe(amount);
  });

  it('runs the horizon from 2017/18 (the Commissioning Manager starts Dec 2017) for four years', () => {
    expect(results.years).toEqual([2017, 2018, 2019, 2020]);
  });

  it('nets costs against savings, year by year, and pays back in 2018/19', () => {
    const cm2017 = (62186 * 4) / 12;
    expect(proposal.years[0].net).toBeCloseTo(cm2017, penny);
    // 2018/19: every post but the Strategic Development Manager's second year, less £1,630,000
    const staff2018 = 62186 + (62186 * 11) / 12 + 52076 + 19910 + 4 * 32774 + 52076 + 3 * 32774 + 0.5 * 44882;
    expect(proposal.years[1].staff).toBeCloseTo(staff2018, penny);
    expect(proposal.years[1].net).toBeCloseTo(staff2018 - 1630000, penny);
    expect(proposal.years[1].cumulative).toBeCloseTo(cm2017 + staff2018 - 1630000, penny);
    expect(proposal.paybackYear).toBe(2018);
    expect(proposal.totals.net).toBeCloseTo(578025.5 - 2808000, penny);
  });

  it('discounts year k by 1.035^k, the first year undiscounted', () => {
    const nets = proposal.years.map((y) => y.net);
    const byHand = nets[0] + nets[1] / 1.035 + nets[2] / 1.035 ** 2 + nets[3] / 1.035 ** 3;
    expect(proposal.npv).toBeCloseTo(byHand, penny);
    expect(proposal.years[0].discounted).toBe(proposal.years[0].net);
  });

  it('leaves Do nothing with none of the proposal’s lines', () => {
    const doNothing = results.scenarios[0];
    expect(doNothing.name).toBe('Do nothing');
    expect(doNothing.totals.net).toBe(0);
    expect(doNothing.paybackYear).toBeNull();
  });
});

describe('a post’s cost in a year', () => {
  it('is FTE x annual cost x months in that year / 12', () => {
    const wb = onePost({ fte: 0.5, start: month(2021, 9), end: month(2022, 3) });
    expect(proposed(wb).years[0].staff).toBeCloseTo((0.5 * 36000 * 7) / 12, penny); // £10,500
  });

  it('with no end and no months is ongoing: a full year in every later year', () => {
    const wb = onePost({ start: month(2021, 10), end: null });
    expect(proposed(wb).years.map((y) => y.staff)).toEqual([18000, 36000, 36000, 36000]);
  });

  it('with no start starts with the horizon’s first month', () => {
    const wb = onePost({ start: null, end: null }, (w) => (w.costs = [{ description: 'c', group: '', year: 2022, amount: 1, quantity: null, unitCost: null, funding: '' }]));
    const figures = proposed(wb);
    expect(figures.years[0].year).toBe(2022);
    expect(figures.years[0].staff).toBe(36000);
  });

  it('with a Months count that disagrees with its End uses the count, and flags it', () => {
    const post: Post = { title: 'CM', grade: 'G', fte: 1, team: '', group: '', start: month(2017, 12), end: month(2019, 3), months: 15, funding: '' };
    const period = postPeriod(post, horizonOf({ ...emptyWorkbook('x'), posts: [post] }));
    expect(period.to).toBe(month(2019, 2));
    expect(period.mismatch).toEqual({ months: 15, end: month(2019, 3), countedEnd: month(2019, 2) });
    expect(periodMismatch(post)).toBe('CM: 15 months from Dec 2017 ends Feb 2019, but End says Mar 2019 (16 months); costed at 15 months.');
    expect(periodMismatch({ ...post, end: month(2019, 2) })).toBeNull();
  });

  it('with negative FTE is a deletion that reduces the net cost', () => {
    const wb = onePost({ fte: -2 });
    expect(proposed(wb).years[0].staff).toBe(-72000);
    expect(proposed(wb).years[0].net).toBe(-72000);
  });

  it('grows by the pay award compounding from the second year: 36,000 x 1.03^2 in year 2', () => {
    const wb = onePost({ start: month(2021, 4), end: null }, (w) => (w.assumptions.payAward = 0.03));
    const staff = proposed(wb).years.map((y) => y.staff);
    expect(staff[0]).toBe(36000);
    expect(staff[1]).toBeCloseTo(37080, penny);
    expect(staff[2]).toBeCloseTo(38192.4, penny);
  });

  it('when externally funded is shown in its own column and is not part of the net cost', () => {
    const wb = onePost({ funding: 'Transforming Care Partnership' });
    const year = proposed(wb).years[0];
    expect(year.external).toBe(36000);
    expect(year.staff).toBe(0);
    expect(year.net).toBe(0);
  });
});

describe('funding', () => {
  it('blank or naming the council is the council’s; anything else is external', () => {
    expect(isCouncilFunded('')).toBe(true);
    expect(isCouncilFunded('Council')).toBe(true);
    expect(isCouncilFunded('County Council reserves')).toBe(true);
    expect(isCouncilFunded('Transforming Care Partnership')).toBe(false);
    expect(isCouncilFunded('Better Care Fund')).toBe(false);
  });
});

describe('non-staff costs', () => {
  it('are an amount, or quantity x unit cost (IT kit £1,600 per new starter x 102 = £163,200)', () => {
    const wb = onePost({ fte: 0 }, (w) => {
      w.costs = [
        { description: 'Pilot', group: '', year: 2021, amount: 312000, quantity: null, unitCost: null, funding: '' },
        { description: 'IT kit', group: '', year: 2022, amount: null, quantity: 102, unitCost: 1600, funding: '' },
        { description: 'Partner', group: '', year: null, amount: 80000, quantity: null, unitCost: null, funding: 'NHS' },
      ];
    });
    const years = proposed(wb).years;
    expect(years[0].other).toBe(312000);
    expect(years[1].other).toBe(163200);
    expect(years[0].external).toBe(80000); // no year: the horizon's first
  });
});

describe('savings', () => {
  it('given as a profile are each year’s amount', () => {
    expect(savingProfile({ line: '', group: '', type: 'Saving', recurring: false, amounts: { 2021: 100, 2022: 50 } }, [2021, 2022, 2023])).toEqual([100, 50, 0]);
  });

  it('given as recurring are new savings that carry on in every later year', () => {
    expect(savingProfile({ line: '', group: '', type: 'Saving', recurring: true, amounts: { 2021: 100, 2022: 50 } }, [2021, 2022, 2023])).toEqual([100, 150, 150]);
  });

  it('are scaled by savings delivery %, targets are not; variance is target - savings', () => {
    const wb = onePost({ fte: 0 }, (w) => {
      w.assumptions.savingsDelivery = 0.8;
      w.savings = [
        { line: 's', group: '', type: 'Saving', recurring: false, amounts: { 2021: 1000 } },
        { line: 't', group: '', type: 'Target', recurring: false, amounts: { 2021: 1000 } },
      ];
    });
    const y = proposed(wb).years[0];
    expect(y.savings).toBe(800);
    expect(y.target).toBe(1000);
    expect(variance(y)).toBe(200); // a shortfall
  });
});

describe('the horizon', () => {
  it('runs at least four years from the first year the data touches', () => {
    expect(horizonOf(onePost({})).years).toEqual([2021, 2022, 2023, 2024]);
  });

  it('runs longer where the data does', () => {
    expect(horizonOf(onePost({ end: month(2027, 3) })).years).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('of an empty workbook starts in the current financial year', () => {
    expect(horizonOf(emptyWorkbook('x'), new Date(2026, 10, 23)).years).toEqual([2026, 2027, 2028, 2029]);
    expect(horizonOf(emptyWorkbook('x'), new Date(2027, 1, 1)).years[0]).toBe(2026);
  });
});

describe('net present value and payback', () => {
  it('NPV at 3.5% of 100 a year for 3 years is 100 + 100/1.035 + 100/1.035^2 = 289.97 (100 + 96.618 + 93.351)', () => {
    expect(netPresentValue([100, 100, 100], 0.035)).toBeCloseTo(289.9694, 3);
  });

  it('payback is the first year the cumulative net turns into a saving; none within the horizon otherwise', () => {
    const wb = onePost({ end: null }, (w) => (w.savings = [{ line: 's', group: '', type: 'Saving', recurring: false, amounts: { 2022: 50000, 2023: 50000 } }]));
    // cumulative: 36,000; 22,000; 8,000; 44,000
    expect(proposed(wb).years.map((y) => y.cumulative)).toEqual([36000, 22000, 8000, 44000]);
    expect(proposed(wb).paybackYear).toBeNull();
    wb.savings[0].amounts[2023] = 60000; // cumulative in 2023/24: -2,000
    expect(proposed(wb).paybackYear).toBe(2023);
  });
});

it('describes a post’s period as the report writes it', () => {
  const p: Post = { title: 'P', grade: 'G', fte: 1, team: '', group: '', start: month(2017, 12), end: null, months: 15, funding: '' };
  expect(describePostPeriod(p)).toBe('Dec 2017, 15 months');
  expect(describePostPeriod({ ...p, months: null, end: month(2019, 3) })).toBe('Dec 2017 to Mar 2019');
  expect(describePostPeriod({ ...p, months: null })).toBe('Dec 2017, ongoing');
  expect(describePostPeriod({ ...p, start: null, months: null })).toBe('From the start, ongoing');
});

describe('rules the first review found unguarded', () => {
  it('a recurring saving made before the horizon still recurs in it: 100 in 2018/19 + 50 in 2019/20 is 150 a year', () => {
    const wb = onePost({ fte: 0, start: month(2019, 4) }, (w) => {
      w.assumptions.firstYear = 2019;
      w.savings = [{ line: 's', group: '', type: 'Saving', recurring: true, amounts: { 2018: 100, 2019: 50 } }];
    });
    expect(proposed(wb).years.map((y) => y.savings)).toEqual([150, 150, 150, 150]);
  });

  it('payback is not declared on rounding noise: £0.30 of cost less 0.1 + 0.2 of savings is no saving', () => {
    const wb = onePost({ fte: 0 }, (w) => {
      w.costs = [{ description: 'c', group: '', year: 2021, amount: 0.3, quantity: null, unitCost: null, funding: '' }];
      w.savings = [
        { line: 'a', group: '', type: 'Saving', recurring: false, amounts: { 2021: 0.1 } },
        { line: 'b', group: '', type: 'Saving', recurring: false, amounts: { 2021: 0.2 } },
      ];
    });
    expect(proposed(wb).paybackYear).toBeNull();
  });

  it('a post with an end and a count but no start runs the count up to its end: 12 months to Mar 2019 is Apr 2018 - Mar 2019', () => {
    const wb = onePost({ start: null, end: month(2019, 3), months: 12 }, (w) => (w.assumptions.firstYear = 2017));
    expect(proposed(wb).years.map((y) => y.staff)).toEqual([0, 36000, 0, 0]);
  });

  it('grade names match ignoring case and stray spaces', () => {
    expect(proposed(onePost({ grade: ' g ' })).years[0].staff).toBe(36000);
  });

  it('a grade not in Grades costs nothing (and the engine agrees)', () => {
    expect(proposed(onePost({ grade: 'Band Z' })).years[0].staff).toBe(0);
  });
});

describe('a post’s own pay', () => {
  // Establishment lists give each post its own salary: it costs the post, whatever its grade costs.
  it('wins over its grade’s: £48,000 of its own, Grade G at £36,000, a full year is £48,000', () => {
    expect(proposed(onePost({ annualCost: 48000 })).years[0].staff).toBe(48000);
  });

  it('is FTE x its own pay x months / 12: 0.5 x £50,000 x 6 / 12 = £12,500', () => {
    const wb = onePost({ annualCost: 50000, fte: 0.5, end: month(2021, 9) });
    expect(proposed(wb).years[0].staff).toBe(12500);
    expect(costWorkbook(wb).postCosts[0][0]).toBe(12500);
  });

  it('needs no grade: a blank grade, or one not in Grades, is costed at the post’s own pay', () => {
    expect(proposed(onePost({ grade: '', annualCost: 40000 })).years[0].staff).toBe(40000);
    expect(proposed(onePost({ grade: 'Band Z', annualCost: 40000 })).years[0].staff).toBe(40000);
  });

  it('left blank, the grade’s cost applies; stated as £0, the post costs nothing', () => {
    expect(proposed(onePost({ annualCost: null })).years[0].staff).toBe(36000);
    expect(proposed(onePost({ annualCost: 0 })).years[0].staff).toBe(0);
  });
});

it('finds the horizon of 200,000 dated lines without overflowing the call stack', () => {
  const wb = onePost({}, (w) => (w.posts = Array.from({ length: 200_000 }, () => w.posts[0])));
  expect(horizonOf(wb).years[0]).toBe(2021);
});

it('names what a post is paid by, for lists of lines: its grade, or its own pay', () => {
  expect(payBasis(onePost({}).posts[0])).toBe('G');
  expect(payBasis(onePost({ grade: '', annualCost: 119999 }).posts[0])).toBe('own pay £119,999');
});
