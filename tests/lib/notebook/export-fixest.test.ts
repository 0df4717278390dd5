/**
 * The R export's model calls give the page's numbers in the real fixest: the `m<k> <- feols/fepois(...)` lines of
 * the exported script (fepois, vcov = "DK", vcov_NW(lag = 1), vcov_DK(lag = 2)) are run as written on the panel,
 * with only `get_table("panel")` read from a CSV instead of DuckDB, and their coefficients and standard errors are
 * compared with the notebook's own estimates of the same lines. Needs R with fixest (R_LIBS=/tmp/Rlib here); skipped
 * with a printed reason otherwise (CI has no fixest: the engine's agreement with fixest is in gravity-fixest.test.ts).
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import type {Frame} from "../../../src/lib/engine/types.ts";
import {compileModel} from "../../../src/lib/formula/compile.ts";
import {parseModel} from "../../../src/lib/formula/parse.ts";
import {notebookToR} from "../../../src/lib/notebook/rscript.ts";
import {createRng} from "../../../src/lib/random/rng.ts";

const hasFixest = spawnSync("Rscript", ["-e", "quit(status = if (requireNamespace('fixest', quietly = TRUE)) 0 else 3)"]).status === 0;
if (!hasFixest) console.info("R export vs fixest: R with fixest is not available here (set R_LIBS), so the exported calls are not run");

/** A panel with gaps: 12 partners x 9 years, exports in levels (some zeros) and logs. */
function panel(): Frame {
  const rng = createRng(11);
  const iso3: string[] = [], year: number[] = [], dstri: number[] = [], lngdp: number[] = [], ex: number[] = [], ln: number[] = [];
  for (let g = 0; g < 12; g++) {
    const a = rng.normal();
    for (let t = 0; t < 9; t++) {
      if ((g + t) % 7 === 3) continue;
      const d = 0.2 + 0.05 * rng.normal() + 0.01 * t;
      const z = rng.normal();
      const v = rng.uniform() < 0.1 ? 0 : Math.exp(3 + a - 2 * d + 0.5 * z + 0.4 * rng.normal());
      iso3.push(`P${String.fromCharCode(65 + g)}`);
      year.push(2010 + t);
      dstri.push(d);
      lngdp.push(z);
      ex.push(v);
      ln.push(v > 0 ? Math.log(v) : NaN);
    }
  }
  return {nrows: iso3.length, columns: {iso3, year: Float64Array.from(year), dstri: Float64Array.from(dstri), lngdp: Float64Array.from(lngdp), exports: Float64Array.from(ex), lnexport: Float64Array.from(ln)}};
}

const LINES = [
  'fepois(exports ~ dstri + lngdp | iso3 + year, vcov = "DK")',
  "feols(lnexport ~ dstri + lngdp | iso3, vcov = NW(1))",
  "feols(lnexport ~ dstri + lngdp | iso3 + year, vcov = DK(2))",
  'fepois(exports ~ l(dstri, 1) + lngdp | iso3 + year, vcov = "NW")'
];

describe("R export vs the real fixest", () => {
  it.runIf(hasFixest)("the exported fepois / feols calls with DK and NW (lags included) give the notebook's numbers", () => {
    const frame = panel();
    const script = notebookToR({v: 1, panel: {id: "iso3", time: "year"}, cells: [{type: "model", models: LINES.join("\n")}]});
    const calls = script.split("\n").filter((l) => /^m\d+ <- fe(ols|pois)\(/.test(l));
    expect(calls).toHaveLength(LINES.length);
    const dir = mkdtempSync(join(tmpdir(), "nb-fixest-"));
    const cols = Object.keys(frame.columns);
    const csv = [cols.join(","), ...Array.from({length: frame.nrows}, (_, r) => cols.map((c) => {
      const v = (frame.columns[c] as ArrayLike<unknown>)[r];
      return typeof v === "number" ? (Number.isNaN(v) ? "NA" : v.toPrecision(17)) : String(v);
    }).join(","))].join("\n");
    writeFileSync(join(dir, "panel.csv"), csv);
    const program = [
      "suppressMessages(library(fixest))",
      "setFixest_notes(FALSE)",
      'p <- read.csv("panel.csv")',
      "get_table <- function(name) p",
      "panel_id <- ~iso3 + year",
      ...calls,
      `out <- lapply(list(${calls.map((_, k) => `m${k + 1}`).join(", ")}), function(m) list(coef = unname(coef(m)), se = unname(se(m))))`,
      "cat(jsonlite::toJSON(out, digits = NA))"
    ].join("\n");
    writeFileSync(join(dir, "run.R"), program);
    const r = spawnSync("Rscript", ["run.R"], {cwd: dir, encoding: "utf8"});
    if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
    const fx = JSON.parse(r.stdout) as Array<{coef: number[]; se: number[]}>;
    let worstCoef = 0, worstSe = 0;
    LINES.forEach((line, k) => {
      const {frame: f, spec} = compileModel(parseModel(line), frame, {id: "iso3", time: "year"});
      const ours = estimate(f, spec);
      ours.coef.forEach((b, j) => {
        worstCoef = Math.max(worstCoef, Math.abs(b - fx[k].coef[j]) / Math.max(1, Math.abs(b)));
        worstSe = Math.max(worstSe, Math.abs(ours.se[j] - fx[k].se[j]) / ours.se[j]);
      });
    });
    console.info(`R export vs fixest: ${LINES.length} exported models, max relative difference coef ${worstCoef.toExponential(2)}, SE ${worstSe.toExponential(2)}`);
    // PPML's own IRLS stopping rule bounds the agreement (gravity-fixest.test.ts: SEs to 4e-7 relative).
    expect(worstCoef).toBeLessThan(1e-6);
    expect(worstSe).toBeLessThan(1e-6);
  });
  it.skipIf(hasFixest)("fixest is not installed: the exported calls are not run here", () => {});
});
