import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overridesArb, ownPayWorkbookArb, workbookArb } from '../../test/arbitraries';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook, type Results } from './costing';
import { recostScenarios, scenariosToRecost } from './recost';
import { scenariosOf } from './scenarios';
import type { Scenario, Workbook } from './workbook';

const TODAY = new Date(2026, 10, 23);

/** The figures of a workbook with one scenario's first-year staff cost a pound up: a figure that can only come from them, not from costing again. */
function marked(results: Results, at: number): Results {
  return {
    ...results,
    scenarios: results.scenarios.map((s, i) => (i === at ? { ...s, years: s.years.map((y, k) => (k === 0 ? { ...y, staff: y.staff + 1 } : y)) } : s)),
  };
}

describe('which scenarios a change to the scenarios alone costs again', () => {
  const wb: Workbook = { ...carePlanningWorkbook(), scenarios: [{ name: 'Late start', overrides: {} }, { name: 'Half recruited', overrides: { recruitment: 0.5 } }] };
  const figures = costWorkbook(wb, TODAY);

  it('costs only the scenario given a start delay, and keeps the post costs and the other scenarios’ figures', () => {
    const after = { ...wb, scenarios: [{ name: 'Late start', overrides: { startDelay: 3 } }, wb.scenarios![1]] };
    const recost = scenariosToRecost(wb, figures, after, TODAY);
    // Do nothing, Proposed investment, Late start, Half recruited: only Late start (third) changed.
    expect(recost).toEqual({ scenarios: [2], postCosts: false });
    const shown = recostScenarios(after, marked(figures, 3), recost!, TODAY);
    expect(shown.scenarios[3].years[0].staff).toBe(figures.scenarios[3].years[0].staff + 1); // taken from the figures given
    expect(shown.postCosts).toBe(figures.postCosts);
    expect({ ...shown, scenarios: shown.scenarios.filter((_, i) => i !== 3) }).toEqual({ ...costWorkbook(after, TODAY), scenarios: costWorkbook(after, TODAY).scenarios.filter((_, i) => i !== 3) });
  });

  it('costs each post again when the proposal’s start delay moves', () => {
    const after = { ...wb, scenarios: [...wb.scenarios!, { name: 'Proposed investment', overrides: { startDelay: 2 } }] };
    const recost = scenariosToRecost(wb, figures, after, TODAY);
    expect(recost).toEqual({ scenarios: [1], postCosts: true });
    const shown = recostScenarios(after, figures, recost!, TODAY);
    expect(shown).toEqual(costWorkbook(after, TODAY));
    // The published example's posts cost less starting two months late: the post costs did change.
    expect(shown.postCosts).not.toEqual(figures.postCosts);
  });

  it('takes a scenario written out again with the same values as unchanged, and a built-in one named in another case as itself', () => {
    const after = { ...wb, scenarios: [{ name: 'Late start', overrides: {}, toggled: { posts: [] } }, { name: 'Half recruited', overrides: { recruitment: 0.5 } }] };
    expect(scenariosToRecost(wb, figures, after, TODAY)).toEqual({ scenarios: [], postCosts: false });
    const renamed = { ...wb, scenarios: [...wb.scenarios!, { name: 'do nothing', overrides: {} }] };
    expect(scenariosToRecost(wb, figures, renamed, TODAY)).toEqual({ scenarios: [0], postCosts: false });
  });

  it('reuses nothing when anything costed besides the scenarios changed, or the figures are not the workbook’s', () => {
    const scenarios = [{ name: 'Late start', overrides: { startDelay: 1 } }];
    expect(scenariosToRecost(wb, figures, { ...wb, scenarios, posts: wb.posts.map((p, i) => (i === 0 ? { ...p, fte: 2 } : p)) }, TODAY)).toBeNull();
    expect(scenariosToRecost(wb, figures, { ...wb, scenarios, assumptions: { ...wb.assumptions } }, TODAY)).toBeNull();
    expect(scenariosToRecost(wb, figures, { ...wb, scenarios, grades: [...wb.grades] }, TODAY)).toBeNull();
    expect(scenariosToRecost(wb, { ...figures, scenarios: figures.scenarios.slice(1) }, { ...wb, scenarios }, TODAY)).toBeNull();
    // The horizon follows today when no line is dated: a figure of last year's horizon is no figure of this one's.
    expect(scenariosToRecost(wb, { ...figures, years: figures.years.map((y) => y + 1) }, { ...wb, scenarios }, TODAY)).toBeNull();
    expect(scenariosToRecost(wb, figures, { ...wb, name: 'Renamed', scenarios }, TODAY)).toEqual({ scenarios: [2], postCosts: false });
  });
});

/** A change to a workbook's scenarios alone: each kept as it is, given new values, taken away, or one added. */
const scenarioChangeArb = (wb: Workbook): fc.Arbitrary<Scenario[]> =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom('keep', 'values', 'drop'), overridesArb), { minLength: (wb.scenarios ?? []).length, maxLength: (wb.scenarios ?? []).length }),
      fc.option(fc.tuple(fc.constantFrom('Proposed investment', 'Do nothing', 'Added'), overridesArb)),
    )
    .map(([each, added]) => {
      const own = wb.scenarios ?? [];
      const kept = own.flatMap((s, i) => (each[i][0] === 'keep' ? [s] : each[i][0] === 'values' ? [{ ...s, overrides: each[i][1] }] : []));
      return added && !kept.some((s) => s.name === added[0]) ? [...kept, { name: added[0], overrides: added[1] }] : kept;
    });

describe('scenarios costed again, against the whole workbook costed', () => {
  it('gives costWorkbook’s figures exactly, costing no scenario kept as it was', () => {
    fc.assert(
      fc.property(
        fc.oneof(workbookArb, ownPayWorkbookArb).chain((wb) => scenarioChangeArb(wb).map((scenarios) => [wb, { ...wb, scenarios }] as const)),
        ([before, after]) => {
          const figures = costWorkbook(before, TODAY);
          const recost = scenariosToRecost(before, figures, after, TODAY);
          expect(recost).not.toBeNull();
          expect(recostScenarios(after, figures, recost!, TODAY)).toEqual(costWorkbook(after, TODAY));
          // A scenario left as the same object is never costed again.
          const now = scenariosOf(after);
          for (const i of recost!.scenarios) expect(before.scenarios ?? []).not.toContain(now[i]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
