/**
 * Multiverse benchmark (part of `npm run bench`), Node, one core, on the study panel (built from the
 * snapshot as `dtb panel` does):
 *  1. the page's full default grid (55,296 specifications) with the batched path: median of `runs`,
 *     CPU time, specifications per second;
 *  2. the reference measured in the same run: `estimate()` called alone on a random sample of the same grid,
 *     scaled to specifications per second (the speed-up of sharing);
 *  3. fixest's multiple estimation of the same grid (bench/multiverse-fixest.R: mvsw over the controls, sw0
 *     over the fixed effects, fsplit over the partner samples, se() per vcov flavour; single-threaded) when
 *     `library(fixest)` loads (R_LIBS may point to it), timed in the same run: specifications per second of
 *     both, and the largest difference of the key coefficients and standard errors over the specifications
 *     both estimated. Without fixest (CI): "n/a";
 *  4. the null bootstrap: 500 draws of a 1,024-specification grid.
 * Targets (issue #8): 1. <= 2 s; 4. <= 60 s in the browser (measured by tests/browser/multiverse.test.ts).
 */
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {buildPanel} from "../loaders/build.ts";
import {estimate} from "../src/lib/engine/estimate.ts";
import {runBatch} from "../src/lib/multiverse/batch.ts";
import {defaultGrid, DEFAULT_KEEP} from "../src/lib/multiverse/default-grid.ts";
import {expandGrid, lagTerm, specOf, type Combos, type Grid} from "../src/lib/multiverse/grid.ts";
import type {BatchResult} from "../src/lib/multiverse/batch.ts";
import type {Frame} from "../src/lib/engine/types.ts";
import {nullDraws} from "../src/lib/multiverse/null.ts";
import {prepare} from "../src/lib/multiverse/prepare.ts";
import {createRng} from "../src/lib/random/rng.ts";

/** Options off in the 1,024-specification null grid (the page's `off` parameter says the same). */
export const NULL_GRID_OFF = {key: [1, 2, 3, 4, 5], lag: [2], vcov: [0, 1], sample: [1, 2, 4, 5], estimator: [1, 2]};

function fixestAvailable(): boolean {
  try {
    execFileSync("Rscript", ["-e", "suppressMessages(library(fixest))"], {stdio: "ignore"});
    return true;
  } catch {
    return false;
  }
}

/**
 * fixest on the same grid and data: the panel with every key term as a column `key__<term>` (lags built by the
 * TypeScript side, so both read identical numbers), the controls and the partner group. Returns null without
 * fixest, else its seconds, its specification count and the largest differences against `r`.
 */
function fixestRun(frame: Frame, grid: Grid, combos: Combos, r: BatchResult): {seconds: number; specs: number; compared: number; coefDiff: number; seDiff: number; coefRel: number; seRel: number; beyond: number} | null {
  if (!fixestAvailable()) return null;
  const dir = mkdtempSync(join(tmpdir(), "dtb-fixest-"));
  try {
    const p = prepare(frame, grid);
    const iso = frame.columns.iso3 as string[];
    const year = frame.columns.year as Float64Array;
    const oecd = frame.columns.oecd as Float64Array;
    const keyCols: Array<[string, Float64Array]> = [];
    grid.key.forEach((k) => grid.lags.forEach((l) => keyCols.push([`key__${k}__${l}`, p.terms.get(lagTerm(k, l))!])));
    const cols = ["lnexport_cn", ...grid.controls];
    const num = (v: number) => (Number.isFinite(v) ? String(v) : "NA");
    const lines = [["iso3", "year", "group", ...cols, ...keyCols.map(([n]) => n)].join(",")];
    for (let i = 0; i < frame.nrows; i++) lines.push([iso[i], year[i], oecd[i] === 1 ? "oecd" : "nonoecd", ...cols.map((c) => num((frame.columns[c] as Float64Array)[i])), ...keyCols.map(([, v]) => num(v[i]))].join(","));
    writeFileSync(join(dir, "in.csv"), lines.join("\n") + "\n");
    const script = new URL("./multiverse-fixest.R", import.meta.url).pathname;
    const seconds = Number(execFileSync("Rscript", [script, join(dir, "in.csv"), join(dir, "out.csv")], {encoding: "utf8", stdio: ["ignore", "pipe", "inherit"]}).trim().split("\n").pop());
    // Map each fixest row to the grid's specification: key term, sample (window x group), FE, controls, vcov.
    const index = new Map<string, number>();
    const ctl = grid.subsets.map((s) => s.join("+"));
    const fe = grid.fe.map((f) => (f.length ? f.join("+") : "1"));
    const vc = ["iid", "hetero", "cluster", "twoway"];
    for (let i = 0; i < combos.n; i++) {
      const d = combos.idx;
      index.set([`key__${grid.key[d.key[i]]}__${grid.lags[d.lag[i]]}`, grid.samples[d.sample[i]].label, fe[d.fe[i]], ctl[d.controls[i]], vc[d.vcov[i]]].join("|"), i);
    }
    const group = (g: string) => (g === "Full sample" ? "all" : g);
    let compared = 0, coefDiff = 0, seDiff = 0, specs = 0, coefRel = 0, seRel = 0, beyond = 0;
    for (const line of readFileSync(join(dir, "out.csv"), "utf8").trim().split("\n").slice(1)) {
      const [key, window, grp, feS, controls, vcov, coef, se] = line.split(",").map((x) => x.replace(/^"|"$/g, ""));
      specs++;
      const i = index.get([key, `${window}/${group(grp)}`, feS.replace(/ /g, ""), controls, vcov].join("|"));
      if (i === undefined) throw new Error(`fixest row not in the grid: ${line}`);
      if (!r.ok[i]) continue;
      compared++;
      coefDiff = Math.max(coefDiff, Math.abs(Number(coef) - r.coef[i]));
      seDiff = Math.max(seDiff, Math.abs(Number(se) - r.se[i]));
      // Relative differences too: near-absorbed DSTRI areas have huge, ill-conditioned coefficients.
      coefRel = Math.max(coefRel, Math.abs(Number(coef) - r.coef[i]) / Math.max(1e-300, Math.abs(r.coef[i])));
      seRel = Math.max(seRel, Math.abs(Number(se) - r.se[i]) / Math.max(1e-300, Math.abs(r.se[i])));
      if (Math.abs(Number(coef) - r.coef[i]) > 1e-8 * Math.max(1, Math.abs(r.coef[i]))) beyond++;
    }
    return {seconds, specs, compared, coefDiff, seDiff, coefRel, seRel, beyond};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

export async function runMultiverseBench(runs = 3, draws = Number(process.env.DTB_BENCH_NULL_DRAWS ?? 500)): Promise<Record<string, number | string>> {
  const {frame} = await buildPanel();
  const iso = frame.columns.iso3 as string[];
  const oecd = frame.columns.oecd as Float64Array;
  const partners = [...new Map(iso.map((s, i) => [s, {iso3: s, oecd: oecd[i] === 1}])).values()];
  const grid = defaultGrid(partners);
  const combos = expandGrid(grid, DEFAULT_KEEP);
  const out: Record<string, number | string> = {multiverse_specs: combos.n};

  const times: number[] = [];
  let cpu = 0;
  for (let k = 0; k < runs + 1; k++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    runBatch(prepare(frame, grid), grid, combos, {frame});
    if (k > 0) {
      times.push(performance.now() - t);
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1000;
    }
  }
  times.sort((a, b) => a - b);
  const ms = times[times.length >> 1];
  out.multiverse_ms = Math.round(ms);
  out.multiverse_cpu_ms = Math.round(cpu / runs);
  out.multiverse_specs_per_s = Math.round((combos.n / ms) * 1000);

  // Reference in the same run: estimate() alone on 1,000 random specifications.
  const rng = createRng("bench");
  const sample = Array.from({length: 1000}, () => rng.int(combos.n));
  const t1 = performance.now();
  for (const i of sample) {
    try {
      estimate(frame, specOf(grid, combos, i).spec);
    } catch {
      /* failing specs cost their time too */
    }
  }
  const aloneMs = performance.now() - t1;
  out.alone_specs_per_s = Math.round((sample.length / aloneMs) * 1000);
  out.batched_vs_alone = +(out.multiverse_specs_per_s / out.alone_specs_per_s).toFixed(1);
  // fixest in the same run, on the same grid and data (n/a without fixest, e.g. in CI).
  const full = runBatch(prepare(frame, grid), grid, combos, {frame});
  // A crash of R or fixest is reported as such and the rest of the benchmark goes on.
  let fxFailure: string | null = null;
  let fx: ReturnType<typeof fixestRun> = null;
  try {
    fx = process.env.DTB_BENCH_FIXEST === "0" ? null : fixestRun(frame, grid, combos, full);
  } catch (e) {
    const err = e as {signal?: string; status?: number; message?: string};
    fxFailure = err.signal ? `R stopped with ${err.signal}` : `R exited with status ${err.status ?? "?"}: ${String(err.message ?? e).split("\n")[0]}`;
  }
  if (fx) {
    Object.assign(out, {
      fixest_specs: fx.specs,
      fixest_ms: Math.round(fx.seconds * 1000),
      fixest_specs_per_s: Math.round(fx.specs / fx.seconds),
      multiverse_vs_fixest: +(out.multiverse_specs_per_s / (fx.specs / fx.seconds)).toFixed(1),
      fixest_compared: fx.compared,
      fixest_max_abs_diff_coef: fx.coefDiff,
      fixest_max_abs_diff_se: fx.seDiff,
      fixest_max_rel_diff_coef: fx.coefRel,
      fixest_max_rel_diff_se: fx.seRel,
      fixest_coef_beyond_1e8: fx.beyond
    });
    out.fixest = `${out.multiverse_vs_fixest}x; ${fx.compared} specs compared: max |coef diff| ${fx.coefDiff.toExponential(1)}, max |se diff| ${fx.seDiff.toExponential(1)}; max relative ${fx.coefRel.toExponential(1)} / ${fx.seRel.toExponential(1)}; ${fx.beyond} coefs beyond 1e-8`;
  } else out.fixest = fxFailure ? `failed: ${fxFailure}` : "n/a (library(fixest) does not load; set R_LIBS to where it is installed)";

  // Null bootstrap of the 1,024-specification grid.
  const nullCombos = expandGrid(grid, Object.fromEntries(
    (Object.keys(NULL_GRID_OFF) as Array<keyof typeof NULL_GRID_OFF>).map((d) => [d, Array.from({length: {key: 6, lag: 3, vcov: 4, sample: 6, estimator: 3}[d]}, (_, i) => i).filter((i) => !NULL_GRID_OFF[d].includes(i))])
  ));
  const p = prepare(frame, grid);
  const obs = runBatch(p, grid, nullCombos, {frame});
  const t2 = performance.now();
  nullDraws(p, grid, nullCombos, obs, {seed: 1, from: 0, to: draws});
  const nullMs = performance.now() - t2;
  Object.assign(out, {null_specs: nullCombos.n, null_draws: draws, null_ms: Math.round(nullMs)});

  const rows = [
    ["benchmark", "specs", "ms", "specs/s", "target"],
    ["multiverse: default grid, batched (1 core)", String(combos.n), String(out.multiverse_ms), String(out.multiverse_specs_per_s), "<= 2000 ms"],
    ["reference: estimate() alone, 1,000 of them", "1000", aloneMs.toFixed(0), String(out.alone_specs_per_s), `batched ${out.batched_vs_alone}x`],
    fx
      ? ["fixest multiple estimation (1 thread), same grid", String(fx.specs), String(out.fixest_ms), String(out.fixest_specs_per_s), `batched ${out.fixest}`]
      : ["fixest multiple estimation", "-", "n/a", "-", String(out.fixest)],
    [`null bootstrap: ${draws} draws`, String(nullCombos.n), String(out.null_ms), String(Math.round((nullCombos.n * draws) / nullMs * 1000)), "<= 60000 ms (browser)"]
  ];
  const w = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  for (const r of rows) console.log(r.map((c, j) => c.padEnd(w[j])).join("  "));
  return out;
}
