import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { comparison, describeDifference, shownComparison } from './comparison';
import { headline } from './headline';
import { costWorkbook } from './costing';
import { month } from './periods';
import { emptyWorkbook, type Workbook } from './workbook';

const penny = 2;

/**
 * £12,000 of staff in 2021/22 (year 0, undiscounted) and a £20,000 saving in
 * 2022/23 (year 1, discounted once at 3.5%); a third scenario recruits half.
 */
function small(): Workbook {
  const wb = emptyWorkbook('small');
  wb.grades = [{ grade: 'G', annualCost: 12000 }];
  wb.posts = [{ title: 'P', grade: 'G', fte: 1, team: '', group: '', start: month(2021, 4), end: month(2022, 3), months: null, funding: '' }];
  wb.savings = [{ line: 'S', group: '', type: 'Saving', recurring: false, amounts: { 2022: 20000 } }];
  wb.scenarios = [{ name: 'Half', overrides: { recruitment: 0.5 } }];
  return wb;
}

describe('the comparison against any base', () => {
  const results = costWorkbook(small());
  const proposalNpv = 12000 - 20000 / 1.035; // -7,323.67

  it('measures every scenario against doing nothing by default', () => {
    const rows = comparison(results);
    expect(rows.map((r) => [r.name, r.base])).toEqual([['Do nothing', 'Do nothing'], ['Proposed investment', 'Do nothing'], ['Half', 'Do nothing']]);
    expect(rows[1].npv).toBeCloseTo(proposalNpv, penny);
    expect(rows[1].difference).toBeCloseTo(proposalNpv - 0, penny);
    expect(rows[0].difference).toBe(0);
  });

  it('against Proposed investment: doing nothing is £7,323.67 worse, recruiting half £6,000 better', () => {
    const rows = comparison(results, 'Proposed investment');
    expect(rows.every((r) => r.base === 'Proposed investment')).toBe(true);
    const [doNothing, proposal, half] = rows;
    expect(proposal.difference).toBe(0);
    expect(doNothing.baseNpv).toBeCloseTo(proposalNpv, penny);
    expect(doNothing.difference).toBeCloseTo(0 - proposalNpv, penny); // +7,323.67
    // Half the staff in year 0, which is not discounted: exactly £6,000 less.
    expect(half.difference).toBeCloseTo(-6000, penny);
    expect(half.netDifference).toBeCloseTo(-6000, penny);
    // Both pay back when the saving arrives: 12,000 - 20,000 and 6,000 - 20,000 in 2022/23.
    expect([doNothing.paybackYear, proposal.paybackYear, half.paybackYear]).toEqual([null, 2022, 2022]);
    expect(half.basePaybackYear).toBe(2022);
  });

  it('falls back to doing nothing when the base is gone (deleted or renamed)', () => {
    expect(comparison(results, 'No such scenario').every((r) => r.base === 'Do nothing')).toBe(true);
  });

  it('matches the base by name as the built-in scenarios are matched', () => {
    expect(comparison(results, 'proposed investment')[0].base).toBe('Proposed investment');
  });

  it('the care-planning report against its own proposal: doing nothing forgoes savings less costs, at 3.5%', () => {
    const rows = comparison(costWorkbook(carePlanningWorkbook()), 'Proposed investment');
    // Worked by hand as the switching values are: the costs' NPV and the savings' NPV at 3.5%.
    const costs = 20728.666667 + 495110.833333 / 1.035 + 62186 / 1.035 ** 2;
    const savings = 1630000 / 1.035 + 879000 / 1.035 ** 2 + 299000 / 1.035 ** 3;
    expect(rows[0].name).toBe('Do nothing');
    expect(rows[0].difference).toBeCloseTo(savings - costs, 0); // about £2,107,972 worse
  });
});

describe('the difference in words', () => {
  it('says better for a lower NPV and worse for a higher one, to the pound', () => {
    expect(describeDifference(-6000)).toBe('£6,000 better');
    expect(describeDifference(7323.67)).toBe('£7,324 worse');
    expect(describeDifference(0.4)).toBe('£0');
    expect(describeDifference(-0.4)).toBe('£0');
  });
});

describe('the comparison as shown', () => {
  it('adds up as printed: the example’s net cost is £2,808,000 of savings less £578,026 of cost, as on the headline', () => {
    const results = costWorkbook(carePlanningWorkbook());
    const proposal = shownComparison(results).find((r) => r.name === 'Proposed investment')!;
    // Cost by year 20,728.67 / 495,110.83 / 62,186 / 0 -> £20,729 + £495,111 + £62,186 = £578,026;
    // savings £1,630,000 + £879,000 + £299,000 (from 2018/19) = £2,808,000: net -£2,229,974, not the exact -£2,229,974.50's -£2,229,975.
    expect(proposal.costs).toBe(578_026);
    expect(proposal.savings).toBe(2_808_000);
    expect(proposal.net).toBe(-2_229_974);
    expect(proposal.npv).toBe(headline(results).npv);
    expect(proposal.difference).toBe(proposal.npv - 0);
    // The exact comparison, for the CSV, keeps the pence.
    expect(comparison(results).find((r) => r.name === 'Proposed investment')!.net).toBeCloseTo(-2_229_974.5, 2);
  });
});
