// The name each workbook assumption has in formulas (the engine's named values).
import type { ScenarioAssumption } from './workbook';

export const NAME_OF_ASSUMPTION: Record<ScenarioAssumption, string> = {
  payAward: 'PayAward',
  recruitment: 'Recruitment',
  startDelay: 'StartDelay',
  savingsDelivery: 'SavingsDelivery',
  savingsDelay: 'SavingsDelay',
  optimismBias: 'OptimismBias',
  discountRate: 'DiscountRate',
};
