import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from './costing';
import { headline } from './headline';
import { netCostTable, shownFigures, wholePounds } from './shown';
import { shownComparison } from './comparison';

const TODAY = new Date(2026, 10, 23);

it('rounds half a pound away from nought, as the money formatter does', () => {
  expect([wholePounds(0.5), wholePounds(-0.5), wholePounds(20728.666667), wholePounds(-1134889.166667)]).toEqual([1, -1, 20729, -1134889]);
});

it('the care-planning figures add up as shown: £2,808,000 - £578,026 = £2,229,974, and so do the years', () => {
  const proposal = costWorkbook(carePlanningWorkbook(), TODAY).scenarios[1];
  const shown = shownFigures(proposal);
  // Staff by year, each rounded from its exact amount: 20,728.67, 495,110.83, 62,186, 0 (no other costs).
  expect(shown.years.map((y) => y.staff + y.other)).toEqual([20729, 495111, 62186, 0]);
  expect(shown.implementationCost).toBe(20729 + 495111 + 62186); // 578,026, the published figure
  expect(shown.totals.savings).toBe(1630000 + 879000 + 299000); // 2,808,000
  // Net by year from the rounded parts: 20,729; 495,111 - 1,630,000; 62,186 - 879,000; -299,000.
  expect(shown.years.map((y) => y.net)).toEqual([20729, -1134889, -816814, -299000]);
  expect(shown.totals.net).toBe(578026 - 2808000); // -2,229,974; the exact -2,229,974.50 rounds to -2,229,975
  expect(shown.years.map((y) => y.cumulative)).toEqual([20729, 20729 - 1134889, 20729 - 1134889 - 816814, 578026 - 2808000]);
  expect(shown.npv).toBe(shown.years.reduce((sum, y) => sum + y.discounted, 0));
  expect(Math.abs(shown.npv - proposal.npv)).toBeLessThanOrEqual(2); // one half-pound per year at most
});

it('the headline card states the same figures: its net is its savings less its implementation cost', () => {
  const h = headline(costWorkbook(carePlanningWorkbook(), TODAY));
  expect([h.implementationCost, h.savings, h.net]).toEqual([578026, 2808000, -2229974]);
});

it('the comparison on screen and on paper states the headline’s figures: £578,026, £2,808,000, net £2,229,974', () => {
  const results = costWorkbook(carePlanningWorkbook(), TODAY);
  const h = headline(results);
  const rows = shownComparison(results);
  const proposal = rows[1];
  // Not £2,229,975, the exact -2,229,974.50 rounded alone, beside the headline's £2,229,974.
  expect([proposal.costs, proposal.savings, proposal.net]).toEqual([578026, 2808000, 578026 - 2808000]);
  expect(proposal.net).toBe(h.net);
  expect(proposal.npv).toBe(h.npv);
  // Doing nothing has no lines of its own here: the difference is the NPV shown, less £0.
  expect(proposal.difference).toBe(h.npv - rows[0].npv);
  expect(proposal.difference).toBe(h.npvAgainstDoingNothing);
  expect(proposal.netDifference).toBe(proposal.net - rows[0].net);
});

it('the printed net cost table adds up across: each year’s net as the year tables show it, and their sum', () => {
  const results = costWorkbook(carePlanningWorkbook(), TODAY);
  const table = netCostTable(results);
  const proposal = table.find((r) => r.name === 'Proposed investment')!;
  // 20,729; 495,111 - 1,630,000; 62,186 - 879,000; -299,000 (the first test above).
  expect(proposal.years).toEqual([20729, -1134889, -816814, -299000]);
  expect(proposal.total).toBe(20729 - 1134889 - 816814 - 299000); // -2,229,974
});

it('rounds a half pound the same way whatever its last binary digit: the engine and the model agree on the page', () => {
  // 2.5 FTE x £45,677 = £114,192.50 exactly; worked out another way it can come to 114,192.49999999999.
  expect(wholePounds(114_192.5)).toBe(114_193);
  expect(wholePounds(114_192.49999999999)).toBe(114_193);
  expect(wholePounds(-114_192.49999999999)).toBe(-114_193);
  // A real part of a penny below the half still goes down.
  expect(wholePounds(114_192.494)).toBe(114_192);
});
