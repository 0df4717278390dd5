/**
 * Framework data loader: world country outlines (Natural Earth 1:110m via the `world-atlas` npm package)
 * as TopoJSON, with each country's id replaced by its ISO 3166-1 alpha-3 code so the map can join the
 * panel on `iso3`. Served by the site itself (no CDN). Countries without a numeric code (e.g. Kosovo,
 * Northern Cyprus) keep a null id and are drawn without data.
 */
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
const file = require.resolve("world-atlas/countries-110m.json");
const topo = JSON.parse(readFileSync(file, "utf8"));

const geometries = topo.objects?.countries?.geometries;
if (!Array.isArray(geometries)) throw new Error(`world-110m: no objects.countries.geometries in ${file}`);

for (const g of geometries) {
  const numeric = g.id == null ? null : String(g.id).padStart(3, "0");
  g.id = numeric ? countries.numericToAlpha3(numeric) ?? null : null;
  g.properties = {name: g.properties?.name ?? null};
}

process.stdout.write(JSON.stringify(topo));
