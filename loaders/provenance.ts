/**
 * The site's provenance document (`/data/provenance.json`): how each input was obtained (cache, snapshot or live;
 * URL, time, rows, sha256, licence, citation), the customs files used, and the panel's shape.
 */
import type {BuiltPanel} from "./build.js";

export interface ProvenanceDoc {
  generated_at: string;
  panel: {rows: number; columns: string[]; years: [number, number]; partners: number; regions: string[]};
  sources: BuiltPanel["sources"];
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
    sources: built.sources.map((s) => ({...s, url: s.url.replace(/^file:\/\/.*\/([^/]+)$/, "file://…/$1")})),
    customs: built.customs
  };
}
