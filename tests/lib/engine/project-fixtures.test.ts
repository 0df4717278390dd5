/**
 * The engine against the project's own reference fixtures (tests/fixtures/*.expected.json), generated
 * by scripts/reference/expected.R with lm + factor dummies + sandwich + car in fixest 0.12.1 conventions
 * (see scripts/reference/README.md). Every stored model is re-estimated with `estimate(frame, spec)` and
 * every reported number is compared at 1e-8 relative:
 * - coef, se, tstat, r2, adj_r2, r2_within, adj_r2_within, ssr: |a − e| ≤ 1e-8·|e|;
 * - vcov: |a − e| ≤ 1e-8·se_i·se_j (correlation scale, so near-zero covariances are not over-weighted);
 * - pvalue: |a − e| ≤ 1e-8·|e|·(1 + t²) — in the tail, d log p / d log|t| ≈ t², so a 1e-12 relative
 *   difference in t (QR vs Cholesky on badly scaled controls) legitimately moves p by ~t²·1e-12;
 * - terms, df_t, nobs, n_groups: exactly.
 * Descriptives, correlations and VIF of each panel are checked with the engine's helpers too.
 */
import {readdirSync, readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
// @ts-ignore -- d3 ships no type declarations and @types/d3 is not installed; typed below.
import {csvParse as d3CsvParse} from "d3";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {completeCases, describe as describeVars} from "../../../src/lib/engine/descriptives.js";
import {correlationMatrix} from "../../../src/lib/engine/correlation.js";
import {vif} from "../../../src/lib/engine/vif.js";
import type {Frame, Result, Spec} from "../../../src/lib/engine/types.js";

type CsvRows = Array<Record<string, string | undefined>> & {columns: string[]};
const csvParse = d3CsvParse as (text: string) => CsvRows;

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, "../../fixtures");
const TOL = 1e-8;
const CONTROLS = ["lngdp", "lnpopu", "gov", "urban"];

interface Expected {
  terms: string[];
  coef: number[];
  se: number[];
  tstat: number[];
  pvalue: number[];
  df_t: number;
  nobs: number;
  n_groups: number;
  r2: number;
  adj_r2: number;
  r2_within: number | null;
  adj_r2_within: number | null;
  vcov: number[][];
  ssr: number;
}
interface FixtureModel {
  id: string;
  spec: Spec;
  expected: Expected;
}
interface Fixture {
  meta: {skipped: Array<{id: string; reason: string}>};
  models: FixtureModel[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  descriptives: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  correlations: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  vif: any;
}

const PANELS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .sort();

/** The panel CSV as a Frame: `country` as strings, everything else Float64Array ("NA"/"" -> NaN). */
function readFrame(name: string): Frame {
  const rows = csvParse(readFileSync(resolve(FIXTURES, name + ".csv"), "utf8"));
  const nrows = rows.length;
  const columns: Frame["columns"] = {};
  for (const col of rows.columns) {
    if (col === "country") {
      columns[col] = rows.map((r) => (r[col] === undefined || r[col] === "" || r[col] === "NA" ? null : (r[col] as string)));
    } else {
      const v = new Float64Array(nrows);
      for (let i = 0; i < nrows; i++) {
        const s = rows[i][col];
        v[i] = s === undefined || s === "" || s === "NA" ? NaN : Number(s);
      }
      columns[col] = v;
    }
  }
  return {nrows, columns};
}

/** Numeric columns plus `L.dstri` (dstri at (country, year − 1); NaN if that row is absent). */
function numericWithLag(frame: Frame): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(frame.columns)) if (v instanceof Float64Array) out[k] = v;
  const id = frame.columns.country as Array<string | null>;
  const at = new Map<string, number>();
  for (let i = 0; i < frame.nrows; i++) at.set(`${id[i]}|${out.year[i]}`, i);
  const lag = new Float64Array(frame.nrows).fill(NaN);
  for (let i = 0; i < frame.nrows; i++) {
    const j = at.get(`${id[i]}|${out.year[i] - 1}`);
    if (j !== undefined) lag[i] = out.dstri[j];
  }
  out["L.dstri"] = lag;
  return out;
}

function close(a: number | null | undefined, e: number, scale = Math.abs(e)): boolean {
  if (a === null || a === undefined || Number.isNaN(a)) return false;
  if (a === e) return true;
  return Math.abs(a - e) <= TOL * scale;
}

/** All mismatches between an engine Result and the R expectation, as readable lines. */
function compare(id: string, got: Result, want: Expected): string[] {
  const bad: string[] = [];
  const push = (field: string, e: unknown, a: unknown) => bad.push(`${id} ${field}: expected ${JSON.stringify(e)}, actual ${JSON.stringify(a)}`);
  if (JSON.stringify(got.terms) !== JSON.stringify(want.terms)) {
    push("terms", want.terms, got.terms);
    return bad; // everything else is positional
  }
  for (const [field, key] of [["df_t", "df_t"], ["nobs", "nobs"], ["n_groups", "n_groups"]] as const) {
    if (got[key] !== want[key]) push(field, want[key], got[key]);
  }
  const k = want.terms.length;
  for (let j = 0; j < k; j++) {
    const term = want.terms[j];
    if (!close(got.coef[j], want.coef[j])) push(`coef[${term}]`, want.coef[j], got.coef[j]);
    if (!close(got.se[j], want.se[j])) push(`se[${term}]`, want.se[j], got.se[j]);
    if (!close(got.tstat[j], want.tstat[j])) push(`tstat[${term}]`, want.tstat[j], got.tstat[j]);
    const pscale = Math.abs(want.pvalue[j]) * (1 + want.tstat[j] ** 2);
    if (!close(got.pvalue[j], want.pvalue[j], pscale)) push(`pvalue[${term}]`, want.pvalue[j], got.pvalue[j]);
  }
  if (!Array.isArray(got.vcov) || got.vcov.length !== k) {
    push("vcov (shape)", `${k}x${k}`, got.vcov);
  } else {
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        const e = want.vcov[i][j];
        if (!close(got.vcov[i]?.[j], e, want.se[i] * want.se[j])) push(`vcov[${want.terms[i]},${want.terms[j]}]`, e, got.vcov[i]?.[j]);
      }
    }
  }
  if (!close(got.r2, want.r2)) push("r2", want.r2, got.r2);
  if (!close(got.adj_r2, want.adj_r2)) push("adj_r2", want.adj_r2, got.adj_r2);
  for (const key of ["r2_within", "adj_r2_within"] as const) {
    const e = want[key];
    const a = got[key];
    if (e === null) {
      if (a !== null && a !== undefined) push(key, null, a);
    } else if (!close(a, e)) push(key, e, a);
  }
  if (got.ssr !== undefined && !close(got.ssr, want.ssr)) push("ssr", want.ssr, got.ssr);
  return bad;
}

describe("project fixtures are present", () => {
  it("has the three generated panels", () => {
    expect(PANELS).toEqual(["singletons", "twoway_cluster", "unbalanced_gaps"]);
  });
});

describe.each(PANELS)("engine vs R reference on tests/fixtures/%s", (name) => {
  const fixture = JSON.parse(readFileSync(resolve(FIXTURES, name + ".expected.json"), "utf8")) as Fixture;
  const frame = readFrame(name);

  it("has models", () => {
    expect(fixture.models.length).toBeGreaterThan(50);
  });

  it.each(fixture.models.map((m) => [m.id, m] as const))("%s", (_id, model) => {
    const got = estimate(frame, model.spec);
    expect(compare(model.id, got, model.expected)).toEqual([]);
  });

  const cols = numericWithLag(frame);

  it("descriptives (available cases and estimation sample of y ~ dstri + controls)", () => {
    const vars = ["y", "dstri", "L.dstri", ...CONTROLS];
    const sample = completeCases(["y", "dstri", ...CONTROLS].map((v) => cols[v]));
    const bad: string[] = [];
    for (const [block, mask] of [["available_cases", undefined], ["estimation_sample_ctrl", sample]] as const) {
      const got = describeVars(cols, vars, mask);
      const want = fixture.descriptives[block] as Array<Record<string, number | string>>;
      expect(got.map((r) => r.variable)).toEqual(want.map((r) => r.variable));
      want.forEach((w, i) => {
        if (got[i].n !== w.n) bad.push(`${block} ${w.variable} n: expected ${w.n}, actual ${got[i].n}`);
        for (const key of ["mean", "sd", "min", "max"] as const) {
          if (!close(got[i][key], w[key] as number)) bad.push(`${block} ${w.variable} ${key}: expected ${w[key]}, actual ${got[i][key]}`);
        }
      });
    }
    expect(bad).toEqual([]);
  });

  it.each(["pairwise", "listwise"] as const)("correlations (%s, cor.test p)", (method) => {
    const want = fixture.correlations[method];
    const got = correlationMatrix(cols, want.variables, method);
    const bad: string[] = [];
    const k = want.variables.length;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        const cell = `${want.variables[i]},${want.variables[j]}`;
        if (got.n[i][j] !== want.n[i][j]) bad.push(`n[${cell}]: expected ${want.n[i][j]}, actual ${got.n[i][j]}`);
        if (!close(got.r[i][j], want.r[i][j], Math.max(Math.abs(want.r[i][j]), 1e-3))) bad.push(`r[${cell}]: expected ${want.r[i][j]}, actual ${got.r[i][j]}`);
        const r = want.r[i][j];
        const t2 = i === j ? 0 : (r * r * (want.n[i][j] - 2)) / (1 - r * r);
        if (!close(got.p[i][j], want.p[i][j], Math.abs(want.p[i][j]) * (1 + t2))) bad.push(`p[${cell}]: expected ${want.p[i][j]}, actual ${got.p[i][j]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("VIF of pooled y ~ dstri + controls (car::vif)", () => {
    const want = fixture.vif;
    const got = vif(cols, want.variables, completeCases([cols.y]));
    expect(got.n).toBe(want.n);
    want.vif.forEach((v: number, j: number) => {
      expect(close(got.vif[j], v), `${want.variables[j]}: expected ${v}, actual ${got.vif[j]}`).toBe(true);
    });
  });
});
