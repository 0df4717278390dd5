/** Small record files for the customs-record tests (written to a fresh temp folder). */
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export function tmp(prefix = "dtb-cr-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const HEADER = "year,month,firm_id,region_code,partner_iso3,hs_code,customs_mode,value_usd";

/** Writes `lines` (without header unless `header` is given) as a CSV file and returns its path. */
export function writeCsv(dir: string, name: string, lines: string[], header = HEADER): string {
  const p = join(dir, name);
  writeFileSync(p, [header, ...lines].join("\n") + "\n");
  return p;
}
