/**
 * The site's service worker (issue 19: offline after one visit). Bundled by scripts/service-worker.js after the
 * build, which also fills `self.__WB_MANIFEST` with every file of dist/ (pages, scripts, styles, data files, the
 * workers) and a content hash per file (Workbox's injectManifest), so a changed file changes this script and the
 * browser installs the new version on the next online visit.
 * - Precache (Workbox precaching): the whole site but DuckDB-wasm's 34 MB engine, fetched on install; clean URLs
 *   (`/data` -> data.html, `/classroom/` -> classroom/index.html) and query strings (explorer links) map to their
 *   page.
 * - DuckDB's `.wasm` is kept once a page has loaded it (cache first: its path carries the package version).
 * - Same origin only: the site makes no third-party request, and this worker answers none.
 */
import {clientsClaim} from "workbox-core";
import {cleanupOutdatedCaches, precacheAndRoute} from "workbox-precaching";
import {registerRoute} from "workbox-routing";
import {CacheFirst} from "workbox-strategies";
import {CacheableResponsePlugin} from "workbox-cacheable-response";

// The project compiles against the DOM library, not WebWorker's: only what this file uses is declared.
declare const self: {skipWaiting(): Promise<void>; __WB_MANIFEST: Array<{url: string; revision: string | null}>};

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST, {cleanURLs: true, directoryIndex: "index.html", ignoreURLParametersMatching: [/.*/]});

registerRoute(
  ({url, sameOrigin}) => sameOrigin && url.pathname.endsWith(".wasm"),
  new CacheFirst({cacheName: "dtb-wasm", plugins: [new CacheableResponsePlugin({statuses: [200]})]})
);
