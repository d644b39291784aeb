import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overridesArb, ownPayWorkbookArb, workbookArb } from '../../test/arbitraries';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook, type Results } from './costing';
import { firstStartDelay, recostScenarios, scenariosToRecost } from './recost';
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
    const recost = scenariosToRecost(wb, figures, after);
    // Do nothing, Proposed investment, Late start, Half recruited: only Late start (third) changed.
    expect(recost).toEqual({ scenarios: [2], postCosts: false });
    const shown = recostScenarios(after, marked(figures, 3), recost!, TODAY)!;
    expect(shown.scenarios[3].years[0].staff).toBe(figures.scenarios[3].years[0].staff + 1); // taken from the figures given
    expect(shown.postCosts).toBe(figures.postCosts);
    expect({ ...shown, scenarios: shown.scenarios.filter((_, i) => i !== 3) }).toEqual({ ...costWorkbook(after, TODAY), scenarios: costWorkbook(after, TODAY).scenarios.filter((_, i) => i !== 3) });
  });

  it('costs each post again when the proposal’s start delay moves', () => {
    const after = { ...wb, scenarios: [...wb.scenarios!, { name: 'Proposed investment', overrides: { startDelay: 2 } }] };
    const recost = scenariosToRecost(wb, figures, after);
    expect(recost).toEqual({ scenarios: [1], postCosts: true });
    const shown = recostScenarios(after, figures, recost!, TODAY)!;
    expect(shown).toEqual(costWorkbook(after, TODAY));
    // The published example's posts cost less starting two months late: the post costs did change.
    expect(shown.postCosts).not.toEqual(figures.postCosts);
  });

  it('takes a scenario written out again with the same values as unchanged, and a built-in one named in another case as itself', () => {
    const after = { ...wb, scenarios: [{ name: 'Late start', overrides: {}, toggled: { posts: [] } }, { name: 'Half recruited', overrides: { recruitment: 0.5 } }] };
    expect(scenariosToRecost(wb, figures, after)).toEqual({ scenarios: [], postCosts: false });
    const renamed = { ...wb, scenarios: [...wb.scenarios!, { name: 'do nothing', overrides: {} }] };
    expect(scenariosToRecost(wb, figures, renamed)).toEqual({ scenarios: [0], postCosts: false });
  });

  it('reuses nothing when anything costed besides the scenarios changed, or the figures are not the workbook’s', () => {
    const scenarios = [{ name: 'Late start', overrides: { startDelay: 1 } }];
    expect(scenariosToRecost(wb, figures, { ...wb, scenarios, posts: wb.posts.map((p, i) => (i === 0 ? { ...p, fte: 2 } : p)) })).toBeNull();
    expect(scenariosToRecost(wb, figures, { ...wb, scenarios, assumptions: { ...wb.assumptions } })).toBeNull();
    expect(scenariosToRecost(wb, figures, { ...wb, scenarios, grades: [...wb.grades] })).toBeNull();
    expect(scenariosToRecost(wb, { ...figures, scenarios: figures.scenarios.slice(1) }, { ...wb, scenarios })).toBeNull();
    expect(scenariosToRecost(wb, figures, { ...wb, name: 'Renamed', scenarios })).toEqual({ scenarios: [2], postCosts: false });
  });

  it('puts no figures together over another horizon: a workbook with no dated line starts it in this year, which may have turned', () => {
    const undated: Workbook = { ...wb, posts: [], costs: [], savings: [], assumptions: { ...wb.assumptions, firstYear: null } };
    const lastYear = costWorkbook(undated, new Date(2025, 10, 23));
    const after = { ...undated, scenarios: [{ name: 'Late start', overrides: { startDelay: 1 } }, wb.scenarios![1]] };
    const recost = scenariosToRecost(undated, lastYear, after)!;
    expect(recostScenarios(after, lastYear, recost, TODAY)).toBeNull();
    expect(recostScenarios(after, lastYear, recost, new Date(2025, 10, 24))).toEqual(costWorkbook(after, new Date(2025, 10, 24)));
  });

  it('says when a scenario has a start delay the engine does not yet sum: only then does the engine take long over it', () => {
    const engine = { ...figures, delayedScenarios: [false, false, false, true] };
    const delayed = (scenarios: Scenario[]) => ({ ...wb, scenarios });
    expect(firstStartDelay(engine, delayed([{ name: 'Late start', overrides: { startDelay: 1 } }, wb.scenarios![1]]))).toBe(true);
    // Half recruited is summed with a delay already: moving it is quick.
    expect(firstStartDelay(engine, delayed([wb.scenarios![0], { name: 'Half recruited', overrides: { recruitment: 0.5, startDelay: 4 } }]))).toBe(false);
    expect(firstStartDelay(engine, delayed([{ name: 'Late start', overrides: { recruitment: 0.9 } }, wb.scenarios![1]]))).toBe(false);
    // A delay for every scenario, from the workbook's own assumption: Do nothing and the proposal are new to it.
    expect(firstStartDelay(engine, { ...wb, assumptions: { ...wb.assumptions, startDelay: 2 } })).toBe(true);
    // A scenario the engine has not costed yet, given a delay.
    expect(firstStartDelay(engine, delayed([...wb.scenarios!, { name: 'New', overrides: { startDelay: 2 } }]))).toBe(true);
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
          const recost = scenariosToRecost(before, figures, after);
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
