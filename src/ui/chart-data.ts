// What each chart draws, kept apart from chart.js so it can be tested.
import type { ChartConfiguration } from 'chart.js';
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
