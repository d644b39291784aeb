import { mount } from 'svelte';
import { WorkerEngine } from './engine/client';
import { exampleWorkbook } from './io/example';
import { WorkerImporter } from './io/import-client';
import { AppState } from './state/app.svelte';
import { ImportState } from './state/imports.svelte';
import { RiskState } from './state/risk.svelte';
import { ScenarioState } from './state/scenarios.svelte';
import { SheetState } from './state/sheets.svelte';
import { ExplainState } from './state/explain.svelte';
import { WorkbookStore } from './store/db';
import { BrowserTabs } from './store/tabs';
import App from './ui/App.svelte';
import './ui/app.css';

const engine = new WorkerEngine();
const app = new AppState(engine, new WorkbookStore(), () => new Date());
const imports = new ImportState(app, new WorkerImporter());
// The engine loads in its worker while the page paints and the saved workbook is read.
engine.warm();
const scenarios = new ScenarioState(app);
mount(App, { target: document.getElementById('app')!, props: { app, imports, scenarios, risk: new RiskState(app, scenarios, engine), sheets: new SheetState(app), explainer: new ExplainState(app) } });
// Closing or hiding the tab keeps a change still on its way to the engine.
addEventListener('pagehide', () => app.flush());
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && app.flush());

// The service worker keeps the app for offline use; a new version waits for the user.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  let chosen = false;
  const offer = (waiting: ServiceWorker | null) => {
    if (!waiting || !navigator.serviceWorker.controller) return; // the first install needs no offer
    app.update = async () => {
      chosen = true;
      waiting.postMessage('use-new-version');
    };
  };
  navigator.serviceWorker
    .register('./sw.js', { scope: './' })
    .then((registration) => {
      offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => installing.state === 'installed' && offer(installing));
      });
    })
    .catch(() => undefined); // no service worker: the app still works, online
  // Reload into the new version only when the user chose it.
  navigator.serviceWorker.addEventListener('controllerchange', () => chosen && location.reload());
}

void app
  .coordinate(new BrowserTabs())
  .then(() => app.start(exampleWorkbook)).then(() => app.askToPersist(navigator.storage?.persist?.bind(navigator.storage)));
