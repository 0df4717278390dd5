/**
 * Reads the shared reference fixtures (never copied into the repo): `../shared/reference/fixtures`
 * relative to the repository root, resolved from this file's location.
 */
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {Frame} from "../../../../src/lib/engine/types.js";

import {HAVE_SHARED_REFERENCE, SHARED_FIXTURE_DIR} from "../../../helpers/shared.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = SHARED_FIXTURE_DIR;
export const haveFixtures = HAVE_SHARED_REFERENCE;
/** The project's own fixtures (scripts/reference/*.R), there on a bare clone. */
export const OWN_FIXTURES = resolve(here, "../../../fixtures");

/** Parses a fixture CSV (quoted header, "NA" = missing) into a Frame; `country` stays text. */
export function readFixtureFrame(name: string): Frame {
  return readFrameAt(resolve(FIXTURES, `${name}.csv`));
}

export function readFrameAt(file: string): Frame {
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",").map((h) => h.replace(/^"|"$/g, ""));
  const rows = lines.slice(1).map((l) => l.split(",").map((v) => v.replace(/^"|"$/g, "")));
  const columns: Frame["columns"] = {};
  header.forEach((h, j) => {
    if (h === "country") columns[h] = rows.map((r) => (r[j] === "NA" ? null : r[j]));
    else columns[h] = Float64Array.from(rows, (r) => (r[j] === "NA" || r[j] === "" ? NaN : Number(r[j])));
  });
  return {nrows: rows.length, columns};
}

export interface GmmExpected {
  terms: string[];
  coef: number[];
  se_robust: number[];
  z_robust: number[];
  p_robust: number[];
  se_nonrobust: number[];
  coef_onestep: number[];
  time_dummy_terms: string[];
  time_dummy_coef: number[];
  n_obs_used: number;
  n_groups: number;
  n_instruments: number;
  sargan_hansen: {stat: number; df: number; p: number};
  ar1: {z: number; p: number};
  ar2: {z: number; p: number};
  wald_coef: {stat: number; df: number; p: number};
  warnings: string[];
}

export function readGmmExpected(name: string): Record<string, GmmExpected> {
  return JSON.parse(readFileSync(resolve(FIXTURES, `${name}.expected.json`), "utf8")).gmm;
}
