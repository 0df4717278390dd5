/**
 * Explorer benchmark: `toSpec` + `estimate` for 1000 random explorer states on the study's panel, in Node.
 *
 *   npx tsx src/lib/explorer/perf/explorer.perf.ts            # 1000 states
 *   DTB_EXPLORER_STATES=200 npx tsx src/lib/explorer/perf/explorer.perf.ts
 *
 * The panel comes from the loaders (cache -> snapshot -> live, as the site build). States are drawn with a
 * fixed seed so runs compare. Engine errors (e.g. too few observations in a tiny sample) count as runs:
 * the page pays for them too. Prints ms per state overall and per estimator, median and 95th percentile.
 */
import {buildPanel} from "../../../../loaders/build.js";
import {estimate} from "../../engine/estimate.js";
import type {Frame} from "../../engine/types.js";
import {
  CONTROL_VARS, ESTIMATORS, FE_CHOICES, GROUP_CHOICES, KEY_VARS, LAGS, SE_CHOICES, YEAR_MAX, YEAR_MIN,
  toSpec, type ExplorerState, type PartnerInfo
} from "../state.js";

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random state; sample restrictions are kept mild so most states estimate. */
export function randomState(r: () => number, partners: string[]): ExplorerState {
  const pickOne = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const a = YEAR_MIN + Math.floor(r() * 8);
  const b = YEAR_MAX - Math.floor(r() * 4);
  const exclude = partners.filter(() => r() < 0.05).sort();
  return {
    y: "lnexport_cn",
    x: pickOne(KEY_VARS),
    controls: CONTROL_VARS.filter(() => r() < 0.6),
    fe: pickOne(FE_CHOICES),
    se: pickOne(SE_CHOICES),
    from: a,
    to: b,
    drop2020: r() < 0.5,
    group: r() < 0.7 ? "all" : pickOne(GROUP_CHOICES),
    exclude,
    lag: pickOne(LAGS),
    estimator: r() < 0.8 ? "ols" : pickOne(ESTIMATORS),
    boot: false
  };
}

export function partnersOf(frame: Frame): PartnerInfo[] {
  const iso = frame.columns.iso3 as Array<string | null>;
  const oecd = frame.columns.oecd as Float64Array;
  const seen = new Map<string, boolean>();
  for (let i = 0; i < frame.nrows; i++) if (iso[i] && !seen.has(iso[i]!)) seen.set(iso[i]!, oecd[i] === 1);
  return [...seen].map(([iso3, o]) => ({iso3, oecd: o}));
}

export function runExplorerBench(frame: Frame, n: number, seed = 20240601): Record<string, {n: number; errors: number; median: number; p95: number; mean: number}> {
  const partners = partnersOf(frame);
  const r = rng(seed);
  const times: Record<string, number[]> = {all: [], ols: [], "gmm-diff": [], "gmm-sys": []};
  const errors: Record<string, number> = {all: 0, ols: 0, "gmm-diff": 0, "gmm-sys": 0};
  // Warm up the JIT on the default-like path so the first states are not penalised.
  for (let i = 0; i < 20; i++) {
    try {
      estimate(frame, toSpec(randomState(rng(i), partners.map((p) => p.iso3)), partners));
    } catch {
      /* errors are part of the workload */
    }
  }
  for (let i = 0; i < n; i++) {
    const s = randomState(r, partners.map((p) => p.iso3));
    const t0 = performance.now();
    let failed = false;
    try {
      estimate(frame, toSpec(s, partners));
    } catch {
      failed = true;
    }
    const dt = performance.now() - t0;
    for (const k of ["all", s.estimator]) {
      times[k].push(dt);
      if (failed) errors[k]++;
    }
  }
  const out: Record<string, {n: number; errors: number; median: number; p95: number; mean: number}> = {};
  for (const [k, ts] of Object.entries(times)) {
    if (!ts.length) continue;
    const sorted = [...ts].sort((a, b) => a - b);
    out[k] = {
      n: ts.length,
      errors: errors[k],
      median: sorted[Math.floor(sorted.length / 2)],
      p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
      mean: ts.reduce((a, b) => a + b, 0) / ts.length
    };
  }
  return out;
}

const isMain = typeof process !== "undefined" && process.argv[1] && /explorer\.perf\.ts$/.test(process.argv[1]);
if (isMain) {
  const {frame} = await buildPanel();
  const n = Number(process.env.DTB_EXPLORER_STATES ?? 1000);
  const stats = runExplorerBench(frame, n);
  console.log(`explorer: toSpec + estimate on the panel (${frame.nrows} rows), ${n} random states`);
  for (const [k, v] of Object.entries(stats)) {
    console.log(`  ${k.padEnd(9)} n=${String(v.n).padStart(4)} errors=${String(v.errors).padStart(3)}  median ${v.median.toFixed(2)} ms/spec  p95 ${v.p95.toFixed(2)} ms  mean ${v.mean.toFixed(2)} ms`);
  }
}
