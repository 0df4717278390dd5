/**
 * Multiverse benchmark (part of `npm run bench`), Node, one core, on the study panel (built from the
 * snapshot as `dtb panel` does):
 *  1. the page's full default grid (55,296 specifications) with the batched path: median of `runs`,
 *     CPU time, specifications per second;
 *  2. the reference measured in the same run: `estimate()` called alone on a random sample of the same grid,
 *     scaled to specifications per second (the speed-up of sharing);
 *  3. fixest multiple estimation of the same grid when `library(fixest)` loads (it does not install on the
 *     project's machines: then "n/a");
 *  4. the null bootstrap: 500 draws of a 1,024-specification grid.
 * Targets (issue #8): 1. <= 2 s; 4. <= 60 s in the browser (measured by tests/browser/multiverse.test.ts).
 */
import {execFileSync} from "node:child_process";
import {buildPanel} from "../loaders/build.ts";
import {estimate} from "../src/lib/engine/estimate.ts";
import {runBatch} from "../src/lib/multiverse/batch.ts";
import {defaultGrid, DEFAULT_KEEP} from "../src/lib/multiverse/default-grid.ts";
import {expandGrid, specOf} from "../src/lib/multiverse/grid.ts";
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
  out.fixest = fixestAvailable() ? "available: not yet wired" : "n/a (fixest is not installable here)";

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
    ["fixest multiple estimation", "-", "n/a", "-", String(out.fixest)],
    [`null bootstrap: ${draws} draws`, String(nullCombos.n), String(out.null_ms), String(Math.round((nullCombos.n * draws) / nullMs * 1000)), "<= 60000 ms (browser)"]
  ];
  const w = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  for (const r of rows) console.log(r.map((c, j) => c.padEnd(w[j])).join("  "));
  return out;
}
