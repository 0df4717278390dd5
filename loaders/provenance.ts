/**
 * The site's provenance document (`/data/provenance.json`): how each input was obtained (cache, snapshot or live;
 * URL, time, rows, sha256, licence, citation), the customs files used, and the panel's shape.
 */
import type {BuiltPanel} from "./build.js";
import type {Provenance} from "./cache.js";
import {shippedSnapshotDir} from "./config.js";
import {manifestEntry, readManifest} from "./manifest.js";
import {SOURCES, type SourceName} from "./sources/index.js";

/** Which data a source's series uses, against the snapshot shipped with the code (#12: never mix silently). */
export interface InUse {
  /** "shipped" (data/snapshot), "DTB_SNAPSHOT_DIR" (an outside snapshot) or "live" (a `dtb data fetch`). */
  from: "shipped" | "DTB_SNAPSHOT_DIR" | "live";
  origin: string;
  /** What the shipped snapshot holds for this source. */
  shipped_origin: string | null;
  /** True when the series in use comes from another origin than the shipped one (e.g. live Comtrade vs IMF DOTS). */
  differs_from_shipped: boolean;
}

/** Say which data a source uses. Example: a fresh clone gives `{from: "shipped", differs_from_shipped: false, ...}`. */
export function inUse(p: Provenance): InUse {
  let shipped: string | null = null;
  try {
    shipped = manifestEntry(readManifest(shippedSnapshotDir()), SOURCES[p.source as SourceName]?.file ?? "")?.origin ?? null;
  } catch {
    shipped = null; // a damaged manifest is reported where the data are read; here it only means "unknown"
  }
  const how = p.method === "cache" ? p.cached_from : p.method;
  const from = how === "live" ? "live" : p.snapshot === "DTB_SNAPSHOT_DIR" ? "DTB_SNAPSHOT_DIR" : "shipped";
  const origin = p.origin ?? "unknown";
  return {from, origin, shipped_origin: shipped, differs_from_shipped: shipped !== null && origin !== shipped};
}

export interface ProvenanceDoc {
  generated_at: string;
  panel: {rows: number; columns: string[]; years: [number, number]; partners: number; regions: string[]};
  sources: Array<BuiltPanel["sources"][number] & {in_use: InUse}>;
  customs: BuiltPanel["customs"];
}

/** Describe a built panel. Example: `provenanceDoc(await buildPanel()).sources[0].method` -> "snapshot" on a fresh cache. */
export function provenanceDoc(built: BuiltPanel): ProvenanceDoc {
  const iso3 = built.frame.columns.iso3 as Array<string | null>;
  return {
    generated_at: new Date().toISOString(),
    panel: {
      rows: built.frame.nrows,
      columns: Object.keys(built.frame.columns),
      years: built.years,
      partners: new Set(iso3).size,
      regions: built.regions
    },
    sources: built.sources.map((s) => ({...s, url: s.url.replace(/^file:\/\/.*\/([^/]+)$/, "file://…/$1"), in_use: inUse(s)})),
    customs: built.customs
  };
}
