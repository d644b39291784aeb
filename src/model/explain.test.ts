import { describe, expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from './costing';
import { explain } from './explain';

const TODAY = new Date(2026, 10, 23);
const wb = carePlanningWorkbook();
const results = costWorkbook(wb, TODAY);
const proposal = results.scenarios[1];

describe('explaining a figure', () => {
  it('a post’s cost in a year, as the issue writes it', () => {
    const e = explain(wb, { kind: 'post', scenario: 'Proposed investment', index: 1, year: 2018 }, TODAY);
    expect(e.sentence).toBe('Commissioning Manager, 2018/19: 1 FTE x £62,186 (Band E) x 11 months / 12 = £57,004.');
    expect(e.amount).toBeCloseTo((62186 * 11) / 12, 6);
  });

  it('a post with its own pay, naming its own pay rather than its grade', () => {
    const own = carePlanningWorkbook();
    own.posts[0] = { ...own.posts[0], title: 'General Counsel', grade: '', annualCost: 119999 };
    const e = explain(own, { kind: 'post', scenario: 'Proposed investment', index: 0, year: 2018 }, TODAY);
    expect(e.sentence).toBe('General Counsel, 2018/19: 1 FTE x £119,999 (its own pay) x 12 months / 12 = £119,999.');
    expect(e.amount).toBe(119999);
  });

  it('a total, from the lines that make it up, largest first, each openable', () => {
    const e = explain(wb, { kind: 'measure', scenario: 'Proposed investment', measure: 'staff', year: 2018 }, TODAY);
    expect(e.amount).toBeCloseTo(proposal.years[1].staff, 6);
    expect(e.parts[0]).toMatchObject({ label: 'Community Care Officer', amount: 131096, ref: { kind: 'post', index: 4, year: 2018 } });
    for (let i = 1; i < e.parts.length; i++) expect(Math.abs(e.parts[i - 1].amount)).toBeGreaterThanOrEqual(Math.abs(e.parts[i].amount));
  });

  it('every measure of every year adds up to the figure the page shows', () => {
    for (const measure of ['staff', 'other', 'savings', 'target', 'net', 'cumulative', 'discounted', 'external'] as const) {
      proposal.years.forEach((y) => {
        const e = explain(wb, { kind: 'measure', scenario: 'Proposed investment', measure, year: y.year }, TODAY);
        expect(e.amount, `${measure} ${y.year}`).toBeCloseTo(y[measure], 6);
      });
    }
    const npv = explain(wb, { kind: 'measure', scenario: 'Proposed investment', measure: 'discounted', year: null }, TODAY);
    expect(npv.amount).toBeCloseTo(proposal.npv, 6);
  });

  it('net cost as staff + other - savings, each part openable', () => {
    const e = explain(wb, { kind: 'measure', scenario: 'Proposed investment', measure: 'net', year: 2018 }, TODAY);
    expect(e.parts.map((p) => p.label)).toEqual(['Staff cost', 'Other costs', 'less savings']);
    expect(e.parts[2].amount).toBe(-1630000);
  });

  it('a saving under a start delay arrives that many months late, on top of a savings delay, and says why', () => {
    const late = { ...wb, scenarios: [{ name: 'Late', overrides: { startDelay: 6, savingsDelay: 3 } }] };
    const i = late.savings.findIndex((s) => s.type === 'Saving');
    const e = explain(late, { kind: 'saving', scenario: 'Late', index: i, year: null }, TODAY);
    expect(e.sentence).toContain('9 months late (start delay 6 months + savings delay 3 months)');
    // The figure is the one the scenario counts: 9 months late, as a savings delay of 9 alone would put it.
    const alone = { ...wb, scenarios: [{ name: 'Late', overrides: { savingsDelay: 9 } }] };
    expect(e.amount).toBeCloseTo(explain(alone, { kind: 'saving', scenario: 'Late', index: i, year: null }, TODAY).amount, 6);
    const onTime = explain(wb, { kind: 'saving', scenario: 'Proposed investment', index: i, year: 2018 }, TODAY);
    const lateYear = explain(late, { kind: 'saving', scenario: 'Late', index: i, year: 2018 }, TODAY);
    expect(lateYear.amount).not.toBeCloseTo(onTime.amount, 0);
  });

  it('follows a scenario’s own assumptions', () => {
    const half = { ...wb, scenarios: [{ name: 'Half', overrides: { recruitment: 0.5, payAward: 0.03 } }] };
    const e = explain(half, { kind: 'post', scenario: 'Half', index: 0, year: 2019 }, TODAY);
    // 0.5 x 62,186 x 1.03^2 = 32,986.56
    expect(e.sentence).toBe('Strategic Development Manager, 2019/20: 0.5 FTE (1 x recruitment 50%) x £62,186 (Band E) x 12 months / 12 x pay award (1 + 3%)^2 = £32,987.');
    expect(e.amount).toBeCloseTo(0.5 * 62186 * 1.03 ** 2, 6);
  });
});
