/**
 * Registers the service worker (public/sw.js) and puts the files this visit already loaded into
 * its cache: they were fetched before the worker took control, and the verification page must
 * open again with no network. Browsers offer service workers only on https and localhost.
 */
export function keepForOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(async () => {
      const loaded = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
        .map((url) => url.pathname);
      const cache = await caches.open('corridor-v1');
      await cache.addAll(['/index.html', ...new Set(loaded)]);
    })
    .catch(() => undefined); // no offline copy; the app works online as before
}
