#!/usr/bin/env node
// Post-build: the site's path on its host, for the one page that needs it. Every page of the build links
// relatively and works under any path, except Framework's 404 page: it is served for any missing URL, at any
// depth, so Framework gives it `<base href="/">`, which is wrong when the site lives under a sub-path (GitHub
// Pages: https://<owner>.github.io/<repo>/). `DTB_BASE_PATH=/repo/ node scripts/base-path.js dist` rewrites it;
// without DTB_BASE_PATH nothing changes. .github/workflows/pages.yml sets it from actions/configure-pages.
import {readFileSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";

/** `/a/b` or `a/b/` -> `/a/b/`; "" or "/" -> "/". Refuses anything but path segments of URL-safe characters (no . or ..). */
export function normaliseBase(raw) {
  const trimmed = String(raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  const ok = /^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed) && !trimmed.split("/").some((s) => s === "." || s === "..");
  if (trimmed && !ok) throw new Error(`DTB_BASE_PATH must be a path such as /repo/, got "${raw}"`);
  return trimmed ? `/${trimmed}/` : "/";
}

/** The 404 page's HTML with its base set to `base` (the only `<base href="/">` Framework writes). */
export function withBase(html, base) {
  return html.replace(/<base href="\/">/, `<base href="${base}">`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? "dist");
  if (process.env.DTB_BASE_PATH) {
    try {
      const base = normaliseBase(process.env.DTB_BASE_PATH);
      const file = join(dist, "404.html");
      writeFileSync(file, withBase(readFileSync(file, "utf8"), base));
      console.log(`base-path: 404.html served under ${base}`);
    } catch (error) {
      console.error(`base-path: ${error.message}`);
      process.exit(1);
    }
  }
}
