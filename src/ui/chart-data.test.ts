import { expect, it } from 'vitest';
import { carePlanningWorkbook } from '../../test/care-planning';
import { costWorkbook } from '../model/costing';
import type { Bar } from '../model/sensitivity';
import { cumulativeChart, drawingKey, netCostChart, savingsChart, tornadoChart, type Paint } from './chart-data';
import { handle } from '../engine/handle';

const TODAY = new Date(2026, 10, 23);
const workbook = { ...carePlanningWorkbook(), scenarios: [{ name: 'Half recruited', overrides: { recruitment: 0.5 } }, { name: 'A year late', overrides: { savingsDelay: 12 } }] };
const results = costWorkbook(workbook, TODAY);
const names = ['Do nothing', 'Proposed investment', 'Half recruited', 'A year late'];
// A paint that says what it was asked for, so a test sees the pattern as well as the colour.
const paint: Paint = (s) => `${s.colour} ${s.pattern}`;

// Okabe and Ito's palette for readers with any kind of colour blindness, as R's palette.colors() lists it.
const OKABE_ITO = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];

it('gives each scenario one colour and pattern, the same in every chart', () => {
  const bars = netCostChart(results, paint).data.datasets;
  const lines = cumulativeChart(results).data.datasets;
  expect(bars.map((d) => d.label)).toEqual(names);
  for (const [i, name] of names.entries()) {
    const [colour, pattern] = String(bars[i].backgroundColor).split(' ');
    expect(lines[i].borderColor).toBe(colour);
    const saved = savingsChart(results, name, paint).data.datasets.find((d) => d.type === 'bar')!;
    expect(saved.backgroundColor).toBe(`${colour} ${pattern}`);
  }
  // Four scenarios, four colours and four patterns: none told apart by colour alone.
  const painted = bars.map((d) => String(d.backgroundColor).split(' '));
  expect(new Set(painted.map(([c]) => c)).size).toBe(4);
  expect(new Set(painted.map(([, p]) => p)).size).toBe(4);
  expect(new Set(lines.map((d) => JSON.stringify([d.borderDash, d.pointStyle]))).size).toBe(4);
});

it('takes every scenario colour from the Okabe-Ito palette', () => {
  const many = { ...workbook, scenarios: Array.from({ length: 9 }, (_, i) => ({ name: `What-if ${i + 1}`, overrides: {} })) };
  const colours = netCostChart(costWorkbook(many, TODAY)).data.datasets.map((d) => String(d.backgroundColor).toUpperCase());
  for (const c of colours) expect(OKABE_ITO).toContain(c);
  // The first nine scenarios each have a colour of their own.
  expect(new Set(colours.slice(0, 9)).size).toBe(9);
});

it('draws a tornado bar from the value as it stands to each end, low and high told apart, with the base line', () => {
  // Worked by hand: as it stands the proposal is £20 better than doing nothing (-20);
  // the low end makes it £100 better, the high end £50 worse.
  const bar: Bar = { key: 'recruitment', name: 'Recruitment %', low: 0.5, high: 1, atLow: -100, atHigh: 50, base: -20 };
  const chart = tornadoChart([bar], paint);
  const [low, high] = chart.data.datasets;
  expect(low.label).toMatch(/^Low end/);
  expect(high.label).toMatch(/^High end/);
  expect(low.data).toEqual([[-20, -100]]);
  expect(high.data).toEqual([[-20, 50]]);
  const [lowColour, lowPattern] = String(low.backgroundColor).split(' ');
  const [highColour, highPattern] = String(high.backgroundColor).split(' ');
  expect(lowColour).not.toBe(highColour);
  expect(lowPattern).not.toBe(highPattern);
  expect(chart.options?.plugins?.baseLine?.value).toBe(-20);
  // Each end says what it is in words at its tip: the assumption's own value.
  expect(chart.options?.plugins?.directLabels?.bars).toEqual([['Low 50%'], ['High 100%']]);
});

it('draws the engine’s figures that agree with those shown first as the same picture, and a pound more as another', () => {
  // The engine's own figures of the workbook: the same to the penny, not to the last binary digit.
  const engine = handle({ type: 'load', workbook, today: TODAY.getTime() });
  for (const chart of [(r: typeof results) => (p: Paint) => netCostChart(r, p), (r: typeof results) => () => cumulativeChart(r), (r: typeof results) => (p: Paint) => savingsChart(r, 'Half recruited', p)]) {
    expect(drawingKey(chart(engine))).toBe(drawingKey(chart(results)));
    const more = { ...results, scenarios: results.scenarios.map((s) => ({ ...s, years: s.years.map((y, k) => (k === 1 ? { ...y, net: y.net + 1, cumulative: y.cumulative + 1, savings: y.savings + 1 } : y)) })) };
    expect(drawingKey(chart(more))).not.toBe(drawingKey(chart(results)));
  }
  // Two scenarios in each other's place: the same numbers, other colours and patterns.
  const swapped = { ...results, scenarios: [results.scenarios[0], results.scenarios[1], results.scenarios[3], results.scenarios[2]] };
  expect(drawingKey((p) => netCostChart(swapped, p))).not.toBe(drawingKey((p) => netCostChart(results, p)));
});
