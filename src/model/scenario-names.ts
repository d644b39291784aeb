// The name each workbook assumption has in formulas (the engine's named values), from the assumption table.
import { ASSUMPTIONS } from './assumptions';
import type { ScenarioAssumption } from './workbook';

export const NAME_OF_ASSUMPTION = Object.fromEntries(ASSUMPTIONS.map((a) => [a.key, a.formulaName])) as Record<ScenarioAssumption, string>;
