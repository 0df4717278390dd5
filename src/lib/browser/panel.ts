/**
 * The country-year panel, loaded once per page from the Arrow stream built by the data loaders.
 * Rows become plain objects (numbers, strings, booleans; missing numbers are NaN) so that Plot and the
 * components can use them directly. The raw bytes are kept for pages that hand the panel to DuckDB.
 */
import {FileAttachment} from "observablehq:stdlib";
import {DataType, tableFromIPC} from "apache-arrow";

export interface PanelRow {
  iso3: string;
  country: string;
  country_zh: string | null;
  year: number;
  oecd: boolean;
  dstri: number;
  dstri_infra: number;
  dstri_etrans: number;
  dstri_payment: number;
  dstri_ipr: number;
  dstri_other: number;
  exports_cn_usd: number;
  lnexport_cn: number;
  gdp_usd: number;
  lngdp: number;
  pop: number;
  lnpopu: number;
  gov_usd: number;
  lngov: number;
  gov_share: number;
  urban: number;
  [extra: string]: unknown;
}

let bytes: Promise<Uint8Array> | undefined;
let rows: Promise<PanelRow[]> | undefined;

/** The panel as Arrow IPC stream bytes. */
export function panelBytes(): Promise<Uint8Array> {
  // A literal path lets Framework find and hash the file (path relative to this module). The method must be
  // chained directly: a bare FileAttachment("x.arrow") makes Framework add an implicit npm: (CDN) import.
  return (bytes ??= FileAttachment("../../data/panel.arrow").arrayBuffer().then((b: ArrayBuffer) => new Uint8Array(b)));
}

/** The panel as row objects. Nulls in numeric columns become NaN, bigints become numbers. */
export function loadPanel(): Promise<PanelRow[]> {
  return (rows ??= panelBytes().then((b) => {
    const table = tableFromIPC(b);
    const names = table.schema.fields.map((f) => f.name);
    // Dictionary-encoded strings have integer indices, so test the type itself, not its name.
    const numeric = new Set(
      table.schema.fields
        .filter((f) => DataType.isInt(f.type) || DataType.isFloat(f.type) || DataType.isDecimal(f.type))
        .map((f) => f.name)
    );
    const cols = names.map((n) => table.getChild(n)!);
    const out: PanelRow[] = new Array(table.numRows);
    for (let i = 0; i < table.numRows; i++) {
      const r: Record<string, unknown> = {};
      for (let j = 0; j < names.length; j++) {
        const v = cols[j].get(i);
        r[names[j]] = numeric.has(names[j]) ? (v == null ? NaN : Number(v)) : v;
      }
      out[i] = r as PanelRow;
    }
    return out;
  }));
}

/** URLs of the panel downloads (CSV, Parquet), resolved by Framework to hashed files in dist. */
export function panelDownloads(): {csv: string; parquet: string | null} {
  return {csv: FileAttachment("../../data/panel.csv").href, parquet: FileAttachment("../../data/panel.parquet").href};
}

/** Provenance records, one per source. */
export function loadProvenance(): Promise<{sources: Array<Record<string, unknown>>; [k: string]: unknown}> {
  return FileAttachment("../../data/provenance.json").json();
}
