// The service worker, written into dist/sw.js at build time with the list of
// built files (FILES) and a version (VERSION) in place of the two markers.
// After one visit the app opens with no network at all, under whatever
// sub-path it is served from. A new version installs beside the old and waits
// until the user chooses it: the page never reloads by itself.
/* global self, caches, location */
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `council-scenarios-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('council-scenarios-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks, when the user has chosen the new version.
self.addEventListener('message', (event) => {
  if (event.data === 'use-new-version') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  if (request.mode === 'navigate') {
    // The page is the one this worker keeps, even online: a reload runs the
    // version in use, never a newer build behind the user's back. The browser
    // still checks sw.js for a new version, which is offered to the user.
    const shell = new URL('./', self.registration.scope).href;
    const url = new URL(request.url);
    const page = url.origin + url.pathname;
    if (page === shell || page === `${shell}index.html`) {
      event.respondWith(caches.match('./', { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
      return;
    }
    event.respondWith(fetch(request).catch(() => caches.match('./', { cacheName: CACHE })));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
});
