// The engine checked against the pure model: shared by the engine's tests.
import { expect } from 'vitest';
import type { Results } from '../src/model/costing';
import type { Workbook } from '../src/model/workbook';

/** Every figure of two results agrees to the penny; `step` names what came before, for a sequence of edits. */
export function expectSameFigures(engine: Results, model: Results, step = ''): void {
  const at = (where: string) => (step ? `${step}: ${where}` : where);
  expect(engine.years, at('years')).toEqual(model.years);
  const close = (a: number, b: number, where: string) => expect(Math.abs(a - b), `${at(where)}: engine ${a}, model ${b}`).toBeLessThan(0.005);
  model.scenarios.forEach((m, s) => {
    const e = engine.scenarios[s];
    expect(e.name, at('scenario')).toBe(m.name);
    m.years.forEach((y, k) => {
      for (const key of ['staff', 'other', 'savings', 'target', 'net', 'cumulative', 'discounted', 'external'] as const) close(e.years[k][key], y[key], `${m.name} ${y.year} ${key}`);
    });
    close(e.npv, m.npv, `${m.name} NPV`);
    close(e.beyondHorizon, m.beyondHorizon, `${m.name} beyond the horizon`);
    for (const key of Object.keys(m.values) as (keyof typeof m.values)[]) close(e.values[key], m.values[key], `${m.name} ${key}`);
    expect(e.paybackYear, at(`${m.name} payback`)).toBe(m.paybackYear);
  });
  model.postCosts.forEach((row, i) => row.forEach((v, k) => close(engine.postCosts[i][k], v, `post ${i} year ${k}`)));
}

/** The workbook as the page holds it after a reply: each formula's value (0 where it errs) in its field. */
export function withInputs(wb: Workbook, results: Results): Workbook {
  const next: Workbook = structuredClone(wb);
  for (const v of results.inputs ?? []) {
    if (v.sheet === 'assumptions') continue;
    const line = next[v.sheet][v.index] as unknown as Record<string, unknown> & { amounts?: Record<number, number> };
    if (v.sheet === 'savings') line.amounts = { ...line.amounts, [Number(v.field.slice(1))]: v.value };
    else line[v.field] = v.value;
  }
  return next;
}
