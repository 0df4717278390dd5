/**
 * Two-sided t p-values as the multiverse needs them (one per specification: 55,296 for the default grid, df
 * between 15 and 300): the engine's allocation-free t-tail.ts against the @stdlib CDF it replaced for integer
 * df <= 1,000, measured in the same run. Each is timed cold (first pass) and warm (median of `runs` passes).
 */
import {twoSidedTInteger} from "../src/lib/engine/t-tail.ts";
import {tcdf} from "../src/lib/vendor/stdlib-dists.js";

const N = 55_296;

function time(f: (t: number, df: number) => number, ts: Float64Array, dfs: Float64Array): number {
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < ts.length; i++) sink += f(ts[i], dfs[i]);
  const ms = performance.now() - t0;
  if (!(sink > 0)) throw new Error("p-value bench: no p-values computed");
  return ms;
}

export function benchPvalues(runs = 5): Record<string, number> {
  // Deterministic t statistics over (-8, 8) and the dfs of the study's samples.
  const ts = Float64Array.from({length: N}, (_, i) => (((i * 7919) % 16000) - 8000) / 1000);
  const dfs = Float64Array.from({length: N}, (_, i) => [15, 19, 29, 150, 229, 281][i % 6]);
  const ours = (t: number, df: number) => twoSidedTInteger(t, df);
  const stdlib = (t: number, df: number) => 2 * tcdf(-Math.abs(t), df);
  const cold = {ours: time(ours, ts, dfs), stdlib: time(stdlib, ts, dfs)};
  const warm = {ours: [] as number[], stdlib: [] as number[]};
  for (let k = 0; k < runs; k++) {
    warm.ours.push(time(ours, ts, dfs));
    warm.stdlib.push(time(stdlib, ts, dfs));
  }
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const out = {pvalues: N, tTail_cold_ms: cold.ours, stdlib_cold_ms: cold.stdlib, tTail_ms: med(warm.ours), stdlib_ms: med(warm.stdlib)};
  console.log(`t p-values (${N}): t-tail ${out.tTail_ms.toFixed(1)} ms warm, ${out.tTail_cold_ms.toFixed(1)} ms cold; @stdlib ${out.stdlib_ms.toFixed(1)} ms warm, ${out.stdlib_cold_ms.toFixed(1)} ms cold (${(out.stdlib_ms / out.tTail_ms).toFixed(1)}x warm)`);
  return out;
}
