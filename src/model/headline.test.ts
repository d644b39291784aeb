import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from './costing';
import { describePayback, headline } from './headline';

it('states the care-planning proposal as the report does: £578,026 to implement, £2,808,000 saved', () => {
  const h = headline(costWorkbook(carePlanningWorkbook()));
  expect(h.implementationCost).toBe(578026);
  expect(h.savings).toBe(2808000);
  expect(h.net).toBe(578026 - 2808000); // as shown: the exact 578,025.50 - 2,808,000 would round to -2,229,975
  expect(h.npvAgainstDoingNothing).toBeCloseTo(h.npv, 2); // doing nothing costs nothing here
  expect(h.horizon).toBe('2017/18 to 2020/21');
  expect(describePayback(h.paybackYear)).toBe('2018/19');
  expect(describePayback(null)).toBe('Not within the horizon');
});
