import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import type { AppState } from './app.svelte';
import { ExplainState } from './explain.svelte';

it('shows a post year’s formula as the engine holds it, with what its columns hold', () => {
  const wb = { ...carePlanningWorkbook(), scenarios: [{ name: 'Late', overrides: { startDelay: 3 } }] };
  const explain = new ExplainState({ workbook: wb } as AppState);
  explain.open({ kind: 'post', scenario: 'Proposed investment', index: 1, year: 2018 });
  expect(explain.formula).toBe(
    '=$O3*MAX(0,MIN($M3,12*2019+2)-MAX($L3,12*2018+3)+1)/12 (Posts sheet, row 3: O is FTE x annual cost, L and M the first and last month; a month is year x 12 + month - 1, so 12*2018+3 is April 2018; the Summary sheet multiplies it by the pay award, recruitment and optimism bias of Proposed investment)',
  );
  explain.open({ kind: 'post', scenario: 'Late', index: 1, year: 2018 });
  expect(explain.formula).toBe(
    "=$O3*MAX(0,MIN($U3,12*2019+2)-MAX($T3,12*2018+3)+1)/12 (Posts sheet, row 3: O is FTE x annual cost; the block's own first two columns hold the first and last month after the start delay; a month is year x 12 + month - 1, so 12*2018+3 is April 2018; the Summary sheet multiplies it by the pay award, recruitment and optimism bias of Late)",
  );
});
