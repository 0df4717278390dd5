#!/usr/bin/env node
// Lets `observable build` run with no network at all.
//
// Why: Framework's client and stdlib bundles contain lazy `import("npm:x")` calls for the libraries it
// offers as implicit globals (React for JSX, Leaflet, ECharts, sample datasets...). While bundling, it
// rewrites each to `/_npm/x@<version>/...`, and looks the version up on registry.npmjs.org unless a
// folder `src/.observablehq/cache/_npm/x@<version>` already exists (framework/dist/npm.js,
// initializeNpmVersionCache + resolveNpmVersion). A cold build therefore needs the registry.
// Our pages never use those globals (every library is imported from node_modules and bundled), so
// these lazy imports are never executed; the version only names a URL nobody requests. We pin the
// versions here (installed ones where the package is in node_modules) and create the marker folders,
// exactly what a warm Framework cache holds. (DuckDB-wasm needs no marker: Framework pins its version.) The browser tests fail on any request for /_npm/.
import {mkdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

const PINNED = {
  "@observablehq/inputs": "0.12.0",
  "@observablehq/plot": null,
  "@observablehq/sample-datasets": "1.0.1",
  "apache-arrow": null,
  arquero: null,
  d3: null,
  "d3-dsv": "3.0.1",
  echarts: "6.1.0",
  htl: "1.0.0",
  leaflet: "1.9.4",
  lodash: "4.18.1",
  "mapbox-gl": "3.32.0",
  "parquet-wasm": "0.8.0",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "topojson-client": null
};

function installedVersion(name) {
  try {
    return JSON.parse(readFileSync(join(process.cwd(), "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

const root = join(process.cwd(), "src", ".observablehq", "cache", "_npm");
for (const [name, pinned] of Object.entries(PINNED)) {
  const version = pinned ?? installedVersion(name);
  if (!version) throw new Error(`seed-framework-npm-cache: no version for ${name}`);
  mkdirSync(join(root, `${name}@${version}`), {recursive: true});
}
