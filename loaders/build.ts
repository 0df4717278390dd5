/**
 * Build the panel from whatever the resolution order provides (cache -> snapshot -> live) plus the customs files,
 * and collect the provenance of every input. This is what the Framework data loaders and `dtb panel` call.
 */
import type {Frame} from "../src/lib/engine/types.js";
import {assemblePanel, PANEL_YEARS} from "./panel.js";
import {resolveSource} from "./resolve.js";
import {readCustoms, type CustomsFileInfo} from "./sources/customs.js";
import type {Provenance} from "./cache.js";

export interface BuiltPanel {
  frame: Frame;
  sources: Provenance[];
  customs: CustomsFileInfo[];
  /** Customs regions present (each adds exports_<region>_usd and lnexport_<region>). */
  regions: string[];
  years: [number, number];
}

/** Resolve the three sources and the customs files, then assemble the panel. Example: `(await buildPanel()).frame.nrows` -> 714. */
export async function buildPanel(): Promise<BuiltPanel> {
  const dstri = await resolveSource("dstri");
  const wdi = await resolveSource("wdi");
  const exports = await resolveSource("exports");
  const customs = await readCustoms();
  const frame = assemblePanel({dstri: dstri.table, wdi: wdi.table, exports: exports.table, customs: customs.rows});
  return {
    frame,
    sources: [dstri.provenance, wdi.provenance, exports.provenance],
    customs: customs.files,
    regions: [...new Set(customs.rows.map((r) => r.region))].sort(),
    years: [PANEL_YEARS[0], PANEL_YEARS[PANEL_YEARS.length - 1]]
  };
}
