/**
 * Reads the shared reference fixtures (never copied into the repo): `../shared/reference/fixtures` beside the
 * repository (absent on a bare clone: see ./shared.ts), and the project's own fixtures in tests/fixtures.
 */
import {readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import type {Frame} from "../../src/lib/engine/types.ts";
import {SHARED_FIXTURE_DIR} from "./shared.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURE_DIR = SHARED_FIXTURE_DIR;
/** The project's own fixtures (scripts/reference/*.R), there on a bare clone. */
export const OWN_FIXTURE_DIR = path.resolve(REPO_ROOT, "tests/fixtures");

/** Minimal CSV reader for the fixtures: quoted text columns, numbers, "NA"/"" = missing. */
export function parseCsv(text: string): Frame {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = "";
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (q) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') q = false;
        else cur += ch;
      } else if (ch === '"') q = true;
      else if (ch === ",") {
        out.push(cur);
        cur = "";
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]);
  const cells = lines.slice(1).map(split);
  const columns: Frame["columns"] = {};
  header.forEach((name, j) => {
    const raw = cells.map((r) => r[j]);
    const numeric = raw.every((v) => v === "NA" || v === "" || Number.isFinite(Number(v)));
    columns[name] = numeric
      ? Float64Array.from(raw, (v) => (v === "NA" || v === "" ? NaN : Number(v)))
      : raw.map((v) => (v === "NA" || v === "" ? null : v));
  });
  return {nrows: cells.length, columns};
}

export function readFixtureFrame(name: string): Frame {
  return parseCsv(readFileSync(path.join(FIXTURE_DIR, `${name}.csv`), "utf8"));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
/** A panel of the project's own fixtures (tests/fixtures/<name>.csv). */
export function readOwnFixtureFrame(name: string): Frame {
  return parseCsv(readFileSync(path.join(OWN_FIXTURE_DIR, `${name}.csv`), "utf8"));
}

export function readFixtureExpected(name: string): any {
  return JSON.parse(readFileSync(path.join(FIXTURE_DIR, `${name}.expected.json`), "utf8"));
}
