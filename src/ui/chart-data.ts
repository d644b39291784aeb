// What each chart draws, kept apart from chart.js so it can be tested.
import type { Chart, ChartConfiguration } from 'chart.js';
import type { RiskResult } from '../model/risk';
import type { Results } from '../model/costing';
import { formatPounds } from '../model/money';
import { formatFinancialYear } from '../model/periods';
import { scenarioNamed } from '../model/scenarios';
import { SCENARIO_PROPOSED } from '../model/workbook';
import type { Bar } from '../model/sensitivity';

export const SCENARIO_COLOURS = ['#505a5f', '#1d70b8', '#00703c', '#d4351c', '#4c2c92', '#f47738', '#5694ca', '#85994b'];
const colour = (i: number) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length];

const money = {
  plugins: { legend: { position: 'bottom' as const }, tooltip: { callbacks: { label: (ctx: { dataset: { label?: string }; raw: unknown }) => `${ctx.dataset.label}: ${formatPounds(Number(ctx.raw))}` } } },
  scales: { y: { ticks: { callback: (v: string | number) => formatPounds(Number(v)) } } },
};
const base = { responsive: true, maintainAspectRatio: false, animation: false as const };

/** Net cost per year for every scenario side by side. */
export function netCostChart(results: Results): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: results.years.map(formatFinancialYear),
      datasets: results.scenarios.map((s, i) => ({ label: s.name, data: s.years.map((y) => Math.round(y.net)), backgroundColor: colour(i) })),
    },
    options: { ...base, ...money },
  };
}

/** Cumulative net cost per scenario; each payback year is marked with a large point. */
export function cumulativeChart(results: Results): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: results.years.map(formatFinancialYear),
      datasets: results.scenarios.map((s, i) => ({
        label: s.paybackYear === null ? `${s.name} (no payback in the horizon)` : `${s.name} (pays back ${formatFinancialYear(s.paybackYear)})`,
        data: s.years.map((y) => Math.round(y.cumulative)),
        borderColor: colour(i),
        backgroundColor: colour(i),
        borderDash: i === 0 ? [6, 4] : [],
        pointRadius: s.years.map((y) => (y.year === s.paybackYear ? 9 : 3)),
        pointStyle: s.years.map((y) => (y.year === s.paybackYear ? ('rectRot' as const) : ('circle' as const))),
      })),
    },
    options: { ...base, ...money },
  };
}

/** Savings against the target, for one scenario. */
export function savingsChart(results: Results, name: string): ChartConfiguration<'bar' | 'line'> {
  const s = results.scenarios.find((x) => x.name === name) ?? scenarioNamed(results.scenarios, SCENARIO_PROPOSED)!;
  return {
    type: 'bar',
    data: {
      labels: results.years.map(formatFinancialYear),
      datasets: [
        { type: 'bar', label: `${s.name}: savings`, data: s.years.map((y) => Math.round(y.savings)), backgroundColor: '#00703c', order: 2 },
        { type: 'line', label: 'Savings target', data: s.years.map((y) => Math.round(y.target)), borderColor: '#0b0c0c', backgroundColor: '#0b0c0c', order: 1 },
      ],
    },
    options: { ...base, ...money },
  };
}

/** A tornado: each assumption's NPV against doing nothing from its low to its high end. */
export function tornadoChart(bars: Bar[]): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.name),
      datasets: [
        {
          label: 'NPV against doing nothing, low to high',
          data: bars.map((b) => [Math.round(Math.min(b.atLow, b.atHigh)), Math.round(Math.max(b.atLow, b.atHigh))] as [number, number]),
          backgroundColor: '#1d70b8',
        },
      ],
    },
    options: {
      ...base,
      indexAxis: 'y',
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (ctx) => { const [a, b] = ctx.raw as [number, number]; return `${formatPounds(a)} to ${formatPounds(b)}`; } } } },
      scales: { x: { ticks: { callback: (v) => formatPounds(Number(v)) } } },
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
