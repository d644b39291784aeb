import { mount } from 'svelte';
import { WorkerEngine } from './engine/client';
import { exampleWorkbook } from './io/example';
import { WorkerImporter } from './io/import-client';
import { AppState } from './state/app.svelte';
import { ImportState } from './state/imports.svelte';
import { Library } from './state/library.svelte';
import { RiskState } from './state/risk.svelte';
import { ScenarioState } from './state/scenarios.svelte';
import { SheetState } from './state/sheets.svelte';
import { ExplainState } from './state/explain.svelte';
import { ShareState } from './state/shared.svelte';
import { WorkbookStore } from './store/db';
import { BrowserTabs } from './store/tabs';
import App from './ui/App.svelte';
import './ui/app.css';

const engine = new WorkerEngine();
const store = new WorkbookStore();
const app = new AppState(engine, store, () => new Date());
const library = new Library(app, store);
const imports = new ImportState(app, new WorkerImporter());
const scenarios = new ScenarioState(app);
const share = new ShareState(app, scenarios, {
  href: () => location.href,
  // Once dealt with, a link leaves the address bar: a reload then opens what is kept here.
  forget: () => history.replaceState(history.state, '', location.pathname + location.search),
  // No clipboard (a page not on https) throws here, and the link is in its box all the same.
  copy: (text) => navigator.clipboard.writeText(text),
});
// The engine loads in its worker while the page paints and the saved workbook is read.
engine.warm();
mount(App, { target: document.getElementById('app')!, props: { app, library, imports, scenarios, share, risk: new RiskState(app, scenarios, engine), sheets: new SheetState(app), explainer: new ExplainState(app) } });
// Closing or hiding the tab keeps a change still on its way to the engine.
addEventListener('pagehide', () => app.flush());
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && app.flush());
// A link pasted into the address bar of an open tab changes only its fragment: no page load.
addEventListener('hashchange', () => void share.follow());

// The service worker keeps the app for offline use; a new version waits for the user.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  let chosen = false;
  const offer = (waiting: ServiceWorker | null) => {
    if (!waiting || !navigator.serviceWorker.controller) return; // the first install needs no offer
    library.update = async () => {
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

void library
  .coordinate(new BrowserTabs())
  .then(() => share.start(exampleWorkbook))
  .then(() => library.askToPersist(navigator.storage?.persist?.bind(navigator.storage)));
