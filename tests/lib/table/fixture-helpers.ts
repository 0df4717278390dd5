/**
 * Test helpers: the reference fixtures live in ../shared/reference/fixtures beside the repository
 * (never copied into it); they are read in place.
 */
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseCsv} from "../../../src/lib/table/csv.js";
import {SHARED_FIXTURE_DIR} from "../../helpers/shared.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, "../../..");
/** The shared reference fixtures ("" on a bare clone: the tests that read them are skipped, see helpers/shared.ts). */
export const FIXTURES_DIR = SHARED_FIXTURE_DIR;
export const FIXTURE_NAMES = ["panel", "panel_unbalanced", "panel_dynamic"] as const;

export function fixturePath(name: string, ext = ".csv"): string {
  return resolve(FIXTURES_DIR, name + ext);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectedOf(name: string): any {
  return JSON.parse(readFileSync(fixturePath(name, ".expected.json"), "utf8"));
}

/** The fixture panel's numeric columns plus `L.dstri` (x of (id, year − 1); NaN if that row is absent). */
export function fixtureColumns(name: string): Record<string, Float64Array> {
  const {frame} = parseCsv(readFileSync(fixturePath(name)), name + ".csv");
  const cols: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(frame.columns)) if (v instanceof Float64Array) cols[k] = v;
  const id = frame.columns.country as Array<string | null>;
  const year = cols.year;
  const dstri = cols.dstri;
  const at = new Map<string, number>();
  for (let i = 0; i < frame.nrows; i++) at.set(`${id[i]}|${year[i]}`, i);
  const lag = new Float64Array(frame.nrows).fill(NaN);
  for (let i = 0; i < frame.nrows; i++) {
    const j = at.get(`${id[i]}|${year[i] - 1}`);
    if (j !== undefined) lag[i] = dstri[j];
  }
  cols["L.dstri"] = lag;
  return cols;
}

/** |a − b| ≤ tol·|b| (relative), with equality required for exact zeros and matching NaN/±Inf. */
export function relClose(a: number, b: number, tol = 1e-8): boolean {
  if (Number.isNaN(b)) return Number.isNaN(a);
  if (!Number.isFinite(b)) return a === b;
  if (b === 0) return Math.abs(a) <= tol;
  return Math.abs(a - b) <= tol * Math.abs(b);
}

export const CONTROLS = ["lngdp", "lnpopu", "gov", "urban"];
