/**
 * User-supplied customs statistics: exports of a Chinese region (e.g. `zj` Zhejiang, `wz` Wenzhou) by destination
 * economy, from `data/customs/*.csv` (or `DTB_CUSTOMS_DIR`). `template.csv` and files whose name starts with `_`
 * are ignored. Schema and validation: src/lib/customs/validate.ts (shared with the customs page).
 * No public machine-readable source exists for these series (China Customs / provincial yearbooks), hence files.
 */
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {customsDir, REPO_ROOT} from "../config.js";
import {UserError} from "../../src/lib/errors.js";
import {formatProblem, type CustomsRow} from "../../src/lib/customs/validate.js";
import {readCustomsBytes} from "../../src/lib/customs/read.js";

export interface CustomsFileInfo {
  file: string;
  rows: number;
  sha256: string;
  regions: string[];
}

/** The customs files that count: `*.csv` in the folder, except `template.csv` and `_*`. Sorted by name. */
export function customsFiles(dir = customsDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".csv") && f !== "template.csv" && !f.startsWith("_"))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Read and validate every customs file. Throws UserError naming the file, line and column of the first problem
 * (and how many more there are) if any file has a problem, or if two files hold the same region-partner-year.
 * Example: with `data/customs/zhejiang.csv` holding `zj,USA,2019,1e9`, returns `{rows: [{region: "zj", ...}], files: [...]}`.
 */
export async function readCustoms(dir = customsDir()): Promise<{rows: CustomsRow[]; files: CustomsFileInfo[]}> {
  const rows: CustomsRow[] = [];
  const files: CustomsFileInfo[] = [];
  const owner = new Map<string, string>();
  for (const path of customsFiles(dir)) {
    const bytes = readFileSync(path);
    const shown = relative(REPO_ROOT, path).startsWith("..") ? path : relative(REPO_ROOT, path);
    // The one customs reader (src/lib/customs/read.ts): encoding, delimiter, Excel/Parquet bytes, trimmed cells.
    const result = await readCustomsBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {keep: 1});
    if (result.error) throw new UserError(`${shown}: ${result.error.message}`);
    if (result.problemCount) {
      const more = result.problemCount - 1;
      throw new UserError(`${formatProblem(result.problems[0], shown)}${more ? ` (and ${more} more problem${more > 1 ? "s" : ""} in this file)` : ""}`);
    }
    for (const r of result.rows) {
      const key = `${r.region}|${r.partner_iso3}|${r.year}`;
      const prev = owner.get(key);
      if (prev) throw new UserError(`${shown}: ${r.region},${r.partner_iso3},${r.year} is also in ${prev}; keep it in one file`);
      owner.set(key, shown);
      rows.push(r);
    }
    files.push({
      file: shown,
      rows: result.rows.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      regions: [...new Set(result.rows.map((r) => r.region))].sort()
    });
  }
  return {rows, files};
}
