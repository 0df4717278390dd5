/**
 * Classroom labs (src/lib/simulate): 1,000 replications of the `cluster` lab at N = 42, T = 7 (target <= 1 s),
 * in Node and, when a built site (dist/) and Chromium are present, in the browser's Web Worker (the lab's own
 * elapsed time, read from the page). Reference measured in the same run: the same 1,000 replications with
 * three full `estimate()` calls each (iid, HC1, clustered), i.e. what the lab would cost without the
 * one-demeaning-three-variances path; the ratio is lab / reference.
 */
import {existsSync} from "node:fs";
import {estimate} from "../src/lib/engine/index.ts";
import {createRng} from "../src/lib/random/rng.ts";
import {drawCluster} from "../src/lib/simulate/dgp.ts";
import {defaultParams, repSeeds, runLab} from "../src/lib/simulate/index.ts";

const REPS = 1000;
const p = defaultParams("cluster");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function labNode(): number {
  const t0 = performance.now();
  runLab("cluster", p, REPS, 1);
  return performance.now() - t0;
}

function reference(): number {
  const N = p.N, T = p.T, n = N * T;
  const country = Float64Array.from({length: n}, (_, r) => Math.floor(r / T));
  const year = Float64Array.from({length: n}, (_, r) => r % T);
  const t0 = performance.now();
  for (const seed of repSeeds(1, REPS)) {
    const s = drawCluster(createRng(seed), p);
    const frame = {nrows: n, columns: {country, year, y: s.y, x: s.x}};
    for (const vcov of ["iid", "hetero", {cluster: ["country"]}] as const) {
      estimate(frame, {id: "country", time: "year", y: "y", x: ["x"], fe: ["country", "year"], vcov: vcov as any});
    }
  }
  return performance.now() - t0;
}

async function labBrowser(): Promise<{cold: number; warm: number} | null> {
  if (!existsSync("dist/classroom/standard-errors.html") || !existsSync("/usr/bin/chromium")) return null;
  const {openSession} = await import("../tests/browser/harness.ts");
  const s = await openSession();
  try {
    const page = await s.newPage();
    const sel = '[data-testid="lab-cluster"]';
    const elapsed = () => page.$eval(sel, (el) => Number((el as HTMLElement).dataset.elapsed));
    const done = () => page.waitForFunction((q) => (document.querySelector(q) as HTMLElement | null)?.dataset.state === "done", sel, {timeout: 120_000});
    await page.goto(s.url(`/classroom/standard-errors?reps=${REPS}&seed=1`));
    await done();
    const cold = await elapsed(); // includes starting the worker and compiling its bundle
    const warm: number[] = [];
    for (let k = 0; k < 3; k++) {
      await page.$eval(sel, (el) => (el as HTMLElement).removeAttribute("data-state"));
      await page.click(`${sel} button`);
      await done();
      warm.push(await elapsed());
    }
    return {cold, warm: median(warm)};
  } finally {
    await s.close();
  }
}

export async function benchSimulate(runs = 5): Promise<void> {
  labNode(); // warm-up (JIT)
  const lab = median(Array.from({length: runs}, labNode));
  const ref = median(Array.from({length: Math.max(1, Math.min(runs, 3))}, reference));
  console.log(`simulate: cluster lab, ${REPS} reps, N=42 T=7, Node: ${lab.toFixed(0)} ms (target <= 1000 ms); reference (3 x estimate() per rep): ${ref.toFixed(0)} ms; ratio ${(lab / ref).toFixed(2)}`);
  const browser = await labBrowser();
  console.log(
    browser === null
      ? "simulate: browser worker: skipped (no dist/ build or no Chromium)"
      : `simulate: cluster lab, ${REPS} reps, browser Web Worker: ${browser.warm.toFixed(0)} ms (median of 3 runs, target <= 1000 ms); first run incl. worker start ${browser.cold.toFixed(0)} ms`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSimulate(Number(process.env.DTB_BENCH_RUNS ?? 5));
