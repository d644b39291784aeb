// What the net cost chart draws, kept apart from chart.js so it can be tested.
import type { Results } from '../model/costing';
import { formatFinancialYear } from '../model/periods';

export const SCENARIO_COLOURS = ['#505a5f', '#1d70b8', '#00703c', '#d4351c', '#4c2c92'];

export function chartData(results: Results) {
  return {
    labels: results.years.map(formatFinancialYear),
    datasets: results.scenarios.flatMap((s, i) => [
      { type: 'bar' as const, label: `${s.name}: net cost`, data: s.years.map((y) => Math.round(y.net)), backgroundColor: SCENARIO_COLOURS[i % 5], order: 2 },
      {
        type: 'line' as const,
        label: `${s.name}: cumulative net cost`,
        data: s.years.map((y) => Math.round(y.cumulative)),
        borderColor: SCENARIO_COLOURS[i % 5],
        backgroundColor: SCENARIO_COLOURS[i % 5],
        borderDash: i === 0 ? [6, 4] : [],
        order: 1,
      },
    ]),
  };
}
