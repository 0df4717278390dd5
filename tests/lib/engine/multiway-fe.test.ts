/**
 * Multi-way fixed effects (3 and 4 dimensions, and combined `a^b` effects) against the reference of
 * scripts/reference/trade.R: lm with the full dummy design + sandwich, rescaled to fixest 0.12.1's
 * conventions, on a panel shaped like fixest's `trade` data (origin, destination, product, year).
 * Every number at 1e-8 relative (vcov on the correlation scale, p-values scaled by 1 + t^2 as in
 * project-fixtures.test.ts).
 */
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {demean, demeanIterative} from "../../../src/lib/engine/demean.js";
import {combineFactors} from "../../../src/lib/engine/fe-combine.js";
import {factorize} from "../../../src/lib/engine/frame.js";
import type {Frame, Result, Spec} from "../../../src/lib/engine/types.js";

const FIX = resolve(dirname(fileURLToPath(import.meta.url)), "../../fixtures");
const TOL = 1e-8;
const TEXT = new Set(["origin", "destination", "product", "flow"]);

function readTrade(): Frame {
  const lines = readFileSync(resolve(FIX, "trade_fe.csv"), "utf8").trim().split("\n");
  const header = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  const rows = lines.slice(1).map((l) => l.split(",").map((c) => c.replace(/"/g, "")));
  const columns: Frame["columns"] = {};
  header.forEach((h, j) => {
    columns[h] = TEXT.has(h) ? rows.map((r) => r[j]) : Float64Array.from(rows, (r) => Number(r[j]));
  });
  return {nrows: rows.length, columns};
}

interface Model {
  id: string;
  spec: Spec;
  expected: Result & {dof_K: number; nparams: number; fixef_sizes: number[]};
}
const ref = JSON.parse(readFileSync(resolve(FIX, "trade_fe.reference.json"), "utf8")) as {models: Model[]};
const frame = readTrade();

function rel(a: number, e: number, scale = Math.abs(e)): number {
  return a === e ? 0 : Math.abs(a - e) / scale;
}

describe("multi-way fixed effects equal the lm + dummies reference (fixest conventions)", () => {
  it("has the 3- and 4-dimension models", () => {
    expect(ref.models.length).toBe(16);
    expect(ref.models.some((m) => m.spec.fe!.length === 4)).toBe(true);
  });
  for (const m of ref.models) {
    it(m.id, () => {
      const got = estimate(frame, m.spec);
      const e = m.expected;
      expect(got.terms).toEqual(e.terms);
      expect(got.nobs).toBe(e.nobs);
      expect(got.df_t).toBe(e.df_t);
      expect(got.n_groups).toBe(e.n_groups);
      expect((got.info as Record<string, unknown>).nparams).toBe(e.nparams);
      expect((got.info as Record<string, unknown>).dof_K).toBe(e.dof_K);
      let worst = 0;
      for (let j = 0; j < e.terms.length; j++) {
        worst = Math.max(worst, rel(got.coef[j], e.coef[j]), rel(got.se[j], e.se[j]), rel(got.tstat[j], e.tstat[j]));
        worst = Math.max(worst, rel(got.pvalue[j], e.pvalue[j], Math.abs(e.pvalue[j]) * (1 + e.tstat[j] ** 2)));
        for (let k = 0; k < e.terms.length; k++) worst = Math.max(worst, rel(got.vcov[j][k], e.vcov[j][k], e.se[j] * e.se[k]));
      }
      for (const key of ["r2", "adj_r2", "r2_within", "adj_r2_within", "ssr"] as const) worst = Math.max(worst, rel(got[key] as number, e[key] as number));
      expect(worst).toBeLessThan(TOL);
    });
  }
});

describe("iterative demeaning paths", () => {
  const codes = (name: string) => factorize(frame.columns[name]);
  const y = frame.columns.y as Float64Array;
  it("exact (Schur), cross-tabulation sweeps and row sweeps reach the same projection (4 dimensions)", () => {
    const fes = ["origin", "destination", "product", "year"].map(codes);
    const a = demeanIterative([y], fes);
    expect(a.method).toBe("iterative");
    expect(a.converged).toBe(true);
    const rows = demeanIterative([y], fes, 1e-14, 10000, "rows");
    const exact = demean([y], fes);
    expect(exact.method).toBe("schur");
    expect(exact.redundancies).toBe(1);
    for (let i = 0; i < y.length; i++) {
      expect(Math.abs(a.cols[0][i] - exact.cols[0][i])).toBeLessThan(1e-10);
      expect(Math.abs(rows.cols[0][i] - exact.cols[0][i])).toBeLessThan(1e-10);
    }
    // A dimension with one level per row forces the row-sweep fallback (cells > 2n) without changing
    // the projection (the row dimension absorbs everything: residual 0).
    const rowId = {codes: Int32Array.from({length: frame.nrows}, (_, i) => i), nlevels: frame.nrows};
    const b = demean([y], [...fes, rowId]);
    expect(Math.max(...Array.from(b.cols[0], Math.abs))).toBeLessThan(1e-9);
  });
  it("exact (Schur) with two small dimensions (the specialised sweeps) = iterative, rows in code order and shuffled", () => {
    const fes = ["origin", "year", "product"].map(codes);
    const iter = demeanIterative([y], fes, 1e-14, 10000, "rows");
    const exact = demean([y], fes);
    expect(exact.method).toBe("schur");
    for (let i = 0; i < y.length; i++) expect(Math.abs(iter.cols[0][i] - exact.cols[0][i])).toBeLessThan(1e-10);
    // The same rows in reverse order: the large dimension's rows are then gathered through `order`.
    const n = y.length;
    const rev = (c: Int32Array) => Int32Array.from({length: n}, (_, i) => c[n - 1 - i]);
    const yr = Float64Array.from({length: n}, (_, i) => y[n - 1 - i]);
    const back = demean([yr], fes.map((f) => ({codes: rev(f.codes), nlevels: f.nlevels})));
    expect(back.method).toBe("schur");
    for (let i = 0; i < n; i++) expect(Math.abs(back.cols[0][n - 1 - i] - exact.cols[0][i])).toBeLessThan(1e-10);
  });
  it("combined effects: one level per observed pair, first-appearance order, missing propagates", () => {
    const a = {codes: Int32Array.of(0, 0, 1, 1, -1), nlevels: 2, levels: ["a", "b"]};
    const b = {codes: Int32Array.of(0, 1, 1, 1, 0), nlevels: 2, levels: ["x", "y"]};
    const c = combineFactors([a, b]);
    expect(Array.from(c.codes)).toEqual([0, 1, 2, 2, -1]);
    expect(c.levels).toEqual(["a^x", "a^y", "b^y"]);
  });
});
