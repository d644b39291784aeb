import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import { WorkerEngine } from './engine/client';
import { exampleWorkbook } from './io/example';
import { WorkerImporter } from './io/import-client';
import { AppState } from './state/app.svelte';
import { ScenarioState } from './state/scenarios.svelte';
import { SheetState } from './state/sheets.svelte';
import { ExplainState } from './state/explain.svelte';
import { WorkbookStore } from './store/db';
import { BrowserTabs } from './store/tabs';
import App from './ui/App.svelte';
import './ui/app.css';

const app = new AppState(new WorkerEngine(), new WorkbookStore(), () => new Date(), new WorkerImporter());
mount(App, { target: document.getElementById('app')!, props: { app, scenarios: new ScenarioState(app), sheets: new SheetState(app), explainer: new ExplainState(app) } });
// Closing or hiding the tab keeps a change still on its way to the engine.
addEventListener('pagehide', () => app.flush());
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && app.flush());

// The service worker keeps the app for offline use; a new version waits for the user.
if ('serviceWorker' in navigator) {
  const update = registerSW({ onNeedRefresh: () => (app.update = () => update(true)) });
}

void app
  .coordinate(new BrowserTabs())
  .then(() => app.start(exampleWorkbook)).then(() => app.askToPersist(navigator.storage?.persist?.bind(navigator.storage)));
