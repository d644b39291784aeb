import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from './costing';
import { headline } from './headline';
import { shownFigures, wholePounds } from './shown';

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
