// Inline boot script (issue 19): registers the site's service worker (dist/sw.js, made by scripts/service-worker.js),
// so the whole site works offline after one visit. observablehq.config.ts puts this expression, called with no
// argument, in every page's head. Plain ES2017, no imports; must not end with a semicolon nor contain a closing
// script tag.
//  - The site may be served under a sub-path (GitHub Pages: /org/repo/), and pages sit at several depths: the site
//    root is found from Framework's own relative link to `_observablehq/`, and the worker is registered there with
//    that scope.
//  - Not on file: URLs nor in `observable preview` (no sw.js there): the worker is only written by the build.
(function dtbRegisterServiceWorker() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  window.addEventListener("load", function () {
    // After load: Framework's module links come after this script in the head.
    var link = document.querySelector('link[href*="_observablehq/"], script[src*="_observablehq/"]');
    var ref = link && (link.getAttribute("href") || link.getAttribute("src"));
    if (!ref) return;
    var root = new URL(ref.slice(0, ref.indexOf("_observablehq/")) || "./", location.href);
    if (root.origin !== location.origin) return;
    navigator.serviceWorker.register(new URL("sw.js", root).href, {scope: root.pathname}).catch(function () {
      // No worker (e.g. the dev server, which has no sw.js): the site works online as before.
    });
  });
})
