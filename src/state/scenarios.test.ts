import { expect, it } from 'vitest';
import { exampleApp } from '../../test/in-process';
import { ScenarioState } from './scenarios.svelte';

async function started() {
  const app = await exampleApp();
  return { app, scenarios: new ScenarioState(app) };
}

it('a new scenario starts as a copy of the proposal, and its controls move its figures only', async () => {
  const { app, scenarios } = await started();
  expect(await scenarios.create('Half recruited')).toBeNull();
  expect(scenarios.open).toBe('Half recruited');
  expect(scenarios.figures!.totals.staff).toBeCloseTo(578025.5, 2);
  await scenarios.setValue('recruitment', 0.5);
  expect(scenarios.figures!.totals.staff).toBeCloseTo(578025.5 / 2, 2);
  expect(app.results!.scenarios[1].totals.staff).toBeCloseTo(578025.5, 2);
  await scenarios.setValue('recruitment', null); // back to the workbook's value
  expect(scenarios.figures!.totals.staff).toBeCloseTo(578025.5, 2);
});

it('takes lines in and out, duplicates, renames, and deletes with undo', async () => {
  const { app, scenarios } = await started();
  await scenarios.create('Without the SDM');
  await scenarios.toggleLine('posts', 0); // Strategic Development Manager, £124,372
  expect(scenarios.figures!.totals.staff).toBeCloseTo(578025.5 - 124372, 2);
  await scenarios.duplicate();
  expect(scenarios.open).toBe('Without the SDM (copy)');
  expect(scenarios.figures!.totals.staff).toBeCloseTo(578025.5 - 124372, 2);
  expect(await scenarios.rename('Proposed investment')).toBe('There is already a scenario called Proposed investment');
  expect(await scenarios.rename('Lean')).toBeNull();
  await scenarios.remove();
  expect(scenarios.list.map((s) => s.name)).toEqual(['Do nothing', 'Proposed investment', 'Without the SDM']);
  await scenarios.undoRemove();
  expect(scenarios.list.map((s) => s.name)).toEqual(['Do nothing', 'Proposed investment', 'Without the SDM', 'Lean']);
  expect(app.message).toBe('Scenario “Lean” restored.');
});

it('offers the comparison, switching values and the Scenarios sheet as CSV', async () => {
  const { scenarios } = await started();
  await scenarios.create('Late');
  await scenarios.setValue('savingsDelay', 12);
  const comparison = scenarios.download('comparison')!.text;
  expect(comparison).toContain('Late,');
  expect(scenarios.download('scenarios')!.text).toContain('Savings delay (months),,,12');
  await scenarios.analyse();
  expect(scenarios.switching.find((v) => v.key === 'savingsDelivery')!.sentence).toMatch(/still beats doing nothing while savings delivery stays above/);
});

it('sets one year’s pay award of the open scenario: that year and every later one follow; blank gives it back to the single rate', async () => {
  const { app, scenarios } = await started();
  await scenarios.create('Award');
  const before = scenarios.figures!.years.map((y) => y.staff);
  const second = scenarios.figures!.years[1].year;
  expect(await scenarios.setPayAwardYear(second, 0.1)).toBeNull();
  const after = scenarios.figures!.years.map((y) => y.staff);
  expect(after[0]).toBeCloseTo(before[0], 6);
  // 10% in the second year compounds into every later year: each is 1.1 x what it was.
  after.slice(1).forEach((v, k) => expect(v).toBeCloseTo(before[k + 1] * 1.1, 6));
  expect(app.results!.scenarios[1].years[1].staff).toBeCloseTo(before[1], 6);
  expect(await scenarios.setPayAwardYear(second, 2)).toBe('Pay award % is above -100% and at most 100%');
  await scenarios.setPayAwardYear(second, null);
  scenarios.figures!.years.forEach((y, k) => expect(y.staff).toBeCloseTo(before[k], 6));
});

it('compares with the base chosen: doing nothing by default, the base followed through a rename, doing nothing again once it is deleted', async () => {
  const { scenarios } = await started();
  expect(scenarios.base).toBe('Do nothing');
  await scenarios.create('Without the SDM');
  await scenarios.toggleLine('posts', 0); // Strategic Development Manager, £124,372 over the horizon
  scenarios.chooseBase('Proposed investment');
  const row = () => scenarios.comparison.find((r) => r.name === scenarios.open)!;
  expect(row().base).toBe('Proposed investment');
  // The SDM's £124,372 out: net cost £124,372 lower than the proposal's (its NPV less, by discounting).
  expect(row().netDifference).toBeCloseTo(-124372, 0);
  expect(row().difference).toBeLessThan(0);
  expect(scenarios.download('comparison')!.text).toContain('Without the SDM,Proposed investment,');
  scenarios.chooseBase('Without the SDM');
  expect(await scenarios.rename('Lean')).toBeNull();
  expect(scenarios.base).toBe('Lean');
  expect(row().difference).toBe(0);
  await scenarios.remove();
  expect(scenarios.comparison.every((r) => r.base === 'Do nothing')).toBe(true);
  expect(scenarios.baseInUse).toBe('Do nothing');
});

it('reads an assumption as typed: `50%`, `1,000` and a typographic minus are read; `abc`, −10% recruitment and a 1,000% pay award are refused and change nothing', async () => {
  const { app, scenarios } = await started();
  await scenarios.create('Typed');
  const staff = () => scenarios.figures!.totals.staff;
  expect(await scenarios.setTyped('recruitment', '50%')).toBeNull();
  expect(staff()).toBeCloseTo(578025.5 / 2, 2);
  const before = app.workbook;
  expect(await scenarios.setTyped('recruitment', 'abc')).toBe('Enter Recruitment % as a number of percent, like 3.5');
  expect(await scenarios.setTyped('recruitment', '−10')).toBe('Recruitment % is from 0% to 1,000%');
  expect(await scenarios.setTyped('payAward', '1,000%')).toBe('Pay award % is above -100% and at most 100%');
  expect(await scenarios.setTyped('startDelay', '')).toBe('Enter Start delay (months) as a number of months, like 6');
  expect(app.workbook).toBe(before); // nothing changed, so the figures stay on 50%
  expect(staff()).toBeCloseTo(578025.5 / 2, 2);
  expect(await scenarios.setTyped('optimismBias', '1,000')).toBeNull(); // within its bounds: 10 times the cost again
  expect(scenarios.list.find((s) => s.name === 'Typed')!.overrides.optimismBias).toBe(10);
  expect(await scenarios.setTyped('payAward', '−2.5')).toBeNull();
  expect(scenarios.list.find((s) => s.name === 'Typed')!.overrides.payAward).toBeCloseTo(-0.025, 12);
});
