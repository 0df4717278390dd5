/**
 * The multiverse page's own timing in headless Chromium (issue #8: the full default grid, 55,296
 * specifications, <= 2 s in the browser). Drives the built site (dist/, or $DTB_DIST) as a reader would: a
 * fresh page loads /multiverse, which runs the default grid at once; the page reports what it measured itself
 * in `data-timings` on `.multiverse` (run = start of the run to the last result; phases: worker start-up,
 * estimation in the workers, assembly, summary, influence, first draw of the curve), and the time of the
 * optional null bootstrap in `data-ms` on `.mv-null`.
 *
 * Each repetition is a fresh page in a fresh browser profile (cold workers, cold JIT); the median is printed
 * with the load average, because the machine is shared.
 *
 * Run: `npx tsx bench/multiverse-browser.ts` (needs `npm run build` first and /usr/bin/chromium); in
 * `npm run bench` when DTB_BENCH_MULTIVERSE_BROWSER=1. DTB_BENCH_RUNS sets the repetitions (default 5);
 * DTB_BENCH_NULL_DRAWS > 0 also times that many null draws of the 1,024-specification grid once.
 */
import {loadavg} from "node:os";
import {openSession} from "../tests/browser/harness.ts";

/** The 1,024-specification grid of the null-bootstrap target (same as bench/multiverse.ts NULL_GRID_OFF). */
const NULL_GRID = "off=key:1.2.3.4.5,lag:2,vcov:0.1,sample:1.2.4.5,estimator:1.2";

interface PageTimings {
  run: number;
  [phase: string]: number;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

async function once(query = ""): Promise<PageTimings> {
  const s = await openSession();
  try {
    const page = await s.newPage();
    await page.goto(s.url(`/multiverse${query}`));
    await page.waitForSelector(".multiverse[data-state=done]", {timeout: 180_000});
    await page.waitForSelector(".mv-curve-box svg", {timeout: 60_000});
    const t = await page.getAttribute(".multiverse", "data-timings");
    // Builds before the phases were reported give the run and the curve's draw only.
    return t ? (JSON.parse(t) as PageTimings) : {run: Number(await page.getAttribute(".multiverse", "data-run-ms")), draw: Number(await page.getAttribute(".mv-curve-box", "data-draw-ms"))};
  } finally {
    await s.close();
  }
}

async function nullOnce(draws: number): Promise<{ms: number; specs: string}> {
  const s = await openSession();
  try {
    const page = await s.newPage();
    await page.goto(s.url(`/multiverse?${NULL_GRID}&draws=${draws}`));
    await page.waitForSelector(".multiverse[data-state=done]", {timeout: 180_000});
    await page.click(".mv-null-run");
    await page.waitForSelector(".mv-null[data-done]", {timeout: 900_000});
    const ms = Number(await page.getAttribute(".mv-null", "data-ms"));
    const specs = (await page.getAttribute(".mv-null", "data-specs")) ?? "?";
    return {ms, specs};
  } finally {
    await s.close();
  }
}

export async function runMultiverseBrowserBench(runs = Number(process.env.DTB_BENCH_RUNS ?? 5), draws = Number(process.env.DTB_BENCH_NULL_DRAWS ?? 0)): Promise<Record<string, number | string>> {
  const load0 = loadavg()[0];
  const all: PageTimings[] = [];
  for (let k = 0; k < runs; k++) all.push(await once());
  const phases = Object.keys(all[0]);
  const out: Record<string, number | string> = {browser_runs: runs, load_average: `${load0.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`};
  for (const p of phases) out[`browser_${p}_ms`] = Math.round(median(all.map((t) => t[p])));
  out.browser_run_each_ms = all.map((t) => Math.round(t.run)).join(", ");
  if (draws > 0) {
    const r = await nullOnce(draws);
    Object.assign(out, {browser_null_draws: draws, browser_null_specs: r.specs, browser_null_ms: r.ms});
  }
  console.log(`multiverse page, default grid (median of ${runs} fresh pages; load ${out.load_average}): run ${out.browser_run_ms} ms (target <= 2000 ms)`);
  console.log(`  phases (median ms): ${phases.filter((p) => p !== "run").map((p) => `${p} ${out[`browser_${p}_ms`]}`).join(", ")}`);
  if (draws > 0) console.log(`  null bootstrap in the browser: ${draws} draws x ${out.browser_null_specs} specs: ${out.browser_null_ms} ms (target <= 60000 ms)`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runMultiverseBrowserBench());
