// The parts of the page below its headline and controls, and the dialogs, in
// a chunk of their own: the page paints and shows its first figures without
// them (the JavaScript before the first paint, docs/SCALE.md), and they
// load while the person reads those figures.
export { default as AssumptionsForm } from './AssumptionsForm.svelte';
export { default as Comparison } from './Comparison.svelte';
export { default as ExplainDialog } from './ExplainDialog.svelte';
export { default as ImportDialog } from './ImportDialog.svelte';
export { default as Reconciliation } from './Reconciliation.svelte';
export { default as Risk } from './Risk.svelte';
export { default as ScenarioCharts } from './ScenarioCharts.svelte';
export { default as ScenarioTable } from './ScenarioTable.svelte';
export { default as ShareLink } from './ShareLink.svelte';
export { default as SheetsPanel } from './SheetsPanel.svelte';
export { default as Switching } from './Switching.svelte';
export { default as Tornado } from './Tornado.svelte';
