// What each chart draws, kept apart from chart.js so it can be tested: the
// one home of each scenario's colour, pattern and line style, so a scenario
// looks the same in every chart, on screen and on paper.
import type { Chart, ChartConfiguration, PointStyle } from 'chart.js';
import type { RiskResult } from '../model/risk';
import type { Results } from '../model/costing';
import { formatPounds } from '../model/money';
import { formatFinancialYear } from '../model/periods';
import { ASSUMPTION_SPECS, scenarioNamed } from '../model/scenarios';
import type { Bar } from '../model/sensitivity';
import { describeValue } from '../model/switching';
import { SCENARIO_PROPOSED } from '../model/workbook';

/**
 * What a chart draws, as text: its figures, labels, colours and patterns by
 * name. The same text is the same picture, so new figures that agree with
 * those drawn (the engine's after the model's, to the pound) draw nothing again.
 */
export function drawingKey(chart: (paint: Paint) => { type?: string; data: unknown; options?: unknown }): string {
  return JSON.stringify(chart((fill) => `${fill.colour} ${fill.pattern}`));
}

/** A fill drawn over a bar's colour, so a printout in black and white still tells the bars apart. */
export type Pattern = 'solid' | 'diagonal' | 'dots' | 'cross' | 'vertical' | 'horizontal' | 'back-diagonal' | 'grid' | 'zigzag';
export interface Fill {
  colour: string;
  pattern: Pattern;
}
export interface SeriesStyle extends Fill {
  dash: number[];
  point: PointStyle;
}

/** Turns a fill into what chart.js paints with; the page passes one that draws the pattern. */
export type Paint = (fill: Fill) => string | CanvasPattern;
const plain: Paint = (fill) => fill.colour;

// Okabe and Ito's colours, safe for every common kind of colour blindness.
// No red or green of its own meaning: doing nothing is grey, the proposal blue.
// Yellow, faint on white, comes last.
const STYLES: SeriesStyle[] = [
  { colour: '#999999', pattern: 'solid', dash: [6, 4], point: 'circle' },
  { colour: '#0072B2', pattern: 'diagonal', dash: [], point: 'rect' },
  { colour: '#E69F00', pattern: 'dots', dash: [2, 3], point: 'triangle' },
  { colour: '#009E73', pattern: 'cross', dash: [10, 4], point: 'rectRounded' },
  { colour: '#CC79A7', pattern: 'vertical', dash: [10, 3, 2, 3], point: 'star' },
  { colour: '#000000', pattern: 'horizontal', dash: [4, 4], point: 'crossRot' },
  { colour: '#56B4E9', pattern: 'back-diagonal', dash: [1, 2], point: 'cross' },
  { colour: '#D55E00', pattern: 'grid', dash: [12, 6], point: 'line' },
  { colour: '#F0E442', pattern: 'zigzag', dash: [6, 2, 1, 2], point: 'dash' },
];

/** A scenario's style, by its place in the workbook's list (doing nothing, the proposal, then the user's). */
export function scenarioStyle(results: Results, name: string): SeriesStyle {
  const i = results.scenarios.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  return STYLES[Math.max(0, i) % STYLES.length];
}

/** The tornado's two ends: light and plain for the low end, dark and hatched for the high end. */
export const TORNADO_LOW: Fill = { colour: '#56B4E9', pattern: 'solid' };
export const TORNADO_HIGH: Fill = { colour: '#D55E00', pattern: 'back-diagonal' };

/** Chart text: the page's own colour, at a size a committee can read on paper (the page's font is set where chart.js loads). */
export const CHART_TEXT = { colour: '#0b0c0c', size: 14 };
/** A dark edge round every bar, so a pale colour still stands out from the page. */
const EDGE = { borderColor: '#0b0c0c', borderWidth: 1 };

// Options our own chart.js plugins read (ChartBox registers them).
declare module 'chart.js' {
  interface PluginOptionsByType<TType> {
    /** Words drawn beside the data: `bars[dataset][index]` at a bar's tip, `lines[dataset]` after a line's last point. */
    directLabels?: { bars?: string[][]; lines?: string[] };
    /** A line across the chart at `value` on the value axis, named. */
    baseLine?: { value: number; label: string };
  }
}

const money = {
  plugins: { legend: { position: 'bottom' as const, labels: { boxWidth: 28, boxHeight: 16 } }, tooltip: { callbacks: { label: (ctx: { dataset: { label?: string }; raw: unknown }) => `${ctx.dataset.label}: ${formatPounds(Number(ctx.raw))}` } } },
  scales: {
    x: { grid: { display: false } },
    // Zero is where a cost turns into a saving: its line is drawn darker than the rest.
    y: { ticks: { callback: (v: string | number) => formatPounds(Number(v)) }, grid: { color: (c: { tick?: { value: number } }) => (c.tick?.value === 0 ? '#0b0c0c' : '#d8d8d8') } },
  },
};
const base = { responsive: true, maintainAspectRatio: false, animation: false as const };

/** Net cost per year for every scenario side by side. */
export function netCostChart(results: Results, paint: Paint = plain): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: results.years.map(formatFinancialYear),
      datasets: results.scenarios.map((s) => ({ label: s.name, data: s.years.map((y) => Math.round(y.net)), backgroundColor: paint(scenarioStyle(results, s.name)), ...EDGE })),
    },
    options: { ...base, ...money },
  };
}

/** Cumulative net cost per scenario, each named at its line's end; each payback year is marked with a large diamond. */
export function cumulativeChart(results: Results): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: results.years.map(formatFinancialYear),
      datasets: results.scenarios.map((s) => {
        const style = scenarioStyle(results, s.name);
        return {
          label: s.paybackYear === null ? `${s.name} (no payback in the horizon)` : `${s.name} (pays back ${formatFinancialYear(s.paybackYear)})`,
          data: s.years.map((y) => Math.round(y.cumulative)),
          borderColor: style.colour,
          backgroundColor: style.colour,
          borderWidth: 3,
          borderDash: style.dash,
          pointRadius: s.years.map((y) => (y.year === s.paybackYear ? 10 : 5)),
          pointBorderColor: '#0b0c0c',
          pointStyle: s.years.map((y) => (y.year === s.paybackYear ? ('rectRot' as const) : style.point)),
        };
      }),
    },
    options: {
      ...base,
      ...money,
      layout: { padding: { right: 8 } },
      plugins: { ...money.plugins, directLabels: { lines: results.scenarios.map((s) => s.name) } },
    },
  };
}

/** Savings against the target, for one scenario, in that scenario's own colour and pattern. */
export function savingsChart(results: Results, name: string, paint: Paint = plain): ChartConfiguration<'bar' | 'line'> {
  const s = results.scenarios.find((x) => x.name === name) ?? scenarioNamed(results.scenarios, SCENARIO_PROPOSED)!;
  return {
    type: 'bar',
    data: {
      labels: results.years.map(formatFinancialYear),
      datasets: [
        { type: 'bar', label: `${s.name}: savings`, data: s.years.map((y) => Math.round(y.savings)), backgroundColor: paint(scenarioStyle(results, s.name)), ...EDGE, order: 2 },
        { type: 'line', label: 'Savings target', data: s.years.map((y) => Math.round(y.target)), borderColor: '#0b0c0c', backgroundColor: '#0b0c0c', borderWidth: 3, borderDash: [8, 4], pointStyle: 'rect', pointRadius: 5, order: 1 },
      ],
    },
    options: { ...base, ...money },
  };
}

/**
 * A tornado: for each assumption, a bar from the scenario's net present value
 * against doing nothing as it stands (the base line) to that figure at the low
 * end, and one below it to the high end; each tip names its end and value.
 */
export function tornadoChart(bars: Bar[], paint: Paint = plain): ChartConfiguration<'bar'> {
  const end = (b: Bar, which: 'low' | 'high') => describeValue(ASSUMPTION_SPECS.find((s) => s.key === b.key)!, b[which]);
  const baseValue = bars.length ? Math.round(bars[0].base) : 0;
  return {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.name),
      datasets: [
        { label: 'Low end of the range', data: bars.map((b) => [Math.round(b.base), Math.round(b.atLow)] as [number, number]), backgroundColor: paint(TORNADO_LOW), ...EDGE },
        { label: 'High end of the range', data: bars.map((b) => [Math.round(b.base), Math.round(b.atHigh)] as [number, number]), backgroundColor: paint(TORNADO_HIGH), ...EDGE },
      ],
    },
    options: {
      ...base,
      indexAxis: 'y',
      layout: { padding: { top: 26, left: 8, right: 8 } },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 28, boxHeight: 16 } },
        tooltip: { callbacks: { label: (ctx) => { const [, to] = ctx.raw as [number, number]; return `${ctx.dataset.label}: ${formatPounds(to)}`; } } },
        directLabels: { bars: [bars.map((b) => `Low ${end(b, 'low')}`), bars.map((b) => `High ${end(b, 'high')}`)] },
        baseLine: { value: baseValue, label: `As it stands: ${formatPounds(baseValue)}` },
      },
      scales: { x: { ticks: { callback: (v) => formatPounds(Number(v)) }, grace: '25%', grid: { color: '#d8d8d8' } }, y: { grid: { display: false } } },
    },
  };
}

/** Where each of P10, P50 and P90 falls among the bars: the bar's index plus how far across it (0 to 1). */
export function riskMarks(result: RiskResult): { label: string; value: number; at: number }[] {
  const { bins } = result;
  return (
    [
      ['P10', result.p10],
      ['P50', result.p50],
      ['P90', result.p90],
    ] as const
  ).map(([label, value]) => {
    let i = bins.findIndex((b) => value <= b.to);
    if (i < 0) i = bins.length - 1;
    const { from, to } = bins[i];
    return { label, value, at: i + (to > from ? (value - from) / (to - from) : 0.5) };
  });
}

type Marked = { marks?: ReturnType<typeof riskMarks> };

/**
 * Draws P10, P50 and P90 as dashed upright lines, each labelled, over the
 * histogram: readable in black and white. The marks ride on the dataset, so
 * a chart updated in place draws the new ones.
 */
const markPlugin = {
  id: 'riskMarks',
  afterDatasetsDraw(chart: Chart<'bar'>) {
    const marks = (chart.data.datasets[0] as Marked | undefined)?.marks ?? [];
    const x = chart.scales.x;
    const { top, bottom } = chart.chartArea;
    const { ctx } = chart;
    const step = chart.data.labels && chart.data.labels.length > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : x.width;
    ctx.save();
    ctx.strokeStyle = '#0b0c0c';
    ctx.fillStyle = '#0b0c0c';
    ctx.setLineDash([5, 3]);
    ctx.font = 'bold 12px sans-serif';
    ctx.textAlign = 'center';
    marks.forEach((m, i) => {
      const px = x.getPixelForValue(0) + (m.at - 0.5) * step;
      ctx.beginPath();
      ctx.moveTo(px, top + 14 * (i + 1));
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.fillText(m.label, px, top + 14 * (i + 1) - 3);
    });
    ctx.restore();
  },
};

/** The runs' NPVs as a histogram, with P10, P50 and P90 marked. */
export function riskChart(result: RiskResult): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      // Each bar by its middle: a bar's whole range is too long to stand under it, and the table below gives both ends.
      labels: result.bins.map((b) => formatPounds((b.from + b.to) / 2)),
      datasets: [{ label: 'Runs', data: result.bins.map((b) => b.count), backgroundColor: '#5694ca', categoryPercentage: 1, barPercentage: 0.95, marks: riskMarks(result) } as ChartConfiguration<'bar'>['data']['datasets'][number] & Marked],
    },
    options: {
      ...base,
      plugins: { legend: { display: false } },
      scales: { x: { title: { display: true, text: 'Net present value of net cost (brackets: a saving)' }, ticks: { maxRotation: 45 } }, y: { title: { display: true, text: 'Runs' } } },
    },
    plugins: [markPlugin],
  };
}
