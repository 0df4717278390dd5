/**
 * How long a lab run will take, before it starts: milliseconds per replication as base + perCell x (N T),
 * fitted to `runLab` timings in Node on the shared two-core machine (loaded; the page's workers run the same
 * code at about the same speed). It only has to be right within a factor of ~2: the page asks before a run
 * estimated over 10 s and refines the figure from the batches that have arrived.
 * Example: `estimateRunMs("nickell", {N: 5000, T: 50, rho: 0.95}, 100000, 1)` -> days (the page asks first).
 */
import type {LabName, Params} from "./labs.js";

const MODEL: Record<LabName, {base: number; perCell: number}> = {
  // Measured (ms per replication): fe 0.39 at 42 x 7, 1.60 at 200 x 20; cluster 0.16, 0.68;
  // nickell (two GMM fits) 12.6 at 42 x 7, 25.8 at 200 x 7; gravity (the engine's PPML twice per draw) 4.6 at N 500, 17 at N 5000.
  fe: {base: 0.3, perCell: 0.00035},
  cluster: {base: 0.1, perCell: 0.00015},
  nickell: {base: 10, perCell: 0.012},
  gravity: {base: 2.5, perCell: 0.003}
};

/** Estimated ms per replication. */
export function msPerRep(lab: LabName, p: Params): number {
  const m = MODEL[lab];
  const cells = lab === "gravity" ? p.N : p.N * (p.T + (lab === "nickell" ? 1 : 0));
  return m.base + m.perCell * cells;
}

/** Estimated wall time of `reps` replications spread over `workers` workers. */
export function estimateRunMs(lab: LabName, p: Params, reps: number, workers: number): number {
  return (reps * msPerRep(lab, p)) / Math.max(1, workers);
}

/** "about 3 s", "about 4 min", "about 2.5 h", "about 3 days" (both languages). */
export function formatDuration(ms: number): {en: string; zh: string} {
  const s = ms / 1000;
  if (s < 60) return {en: `about ${Math.max(1, Math.round(s))} s`, zh: `约 ${Math.max(1, Math.round(s))} 秒`};
  if (s < 3600) return {en: `about ${Math.round(s / 60)} min`, zh: `约 ${Math.round(s / 60)} 分钟`};
  if (s < 86400 * 2) return {en: `about ${(s / 3600).toFixed(1)} h`, zh: `约 ${(s / 3600).toFixed(1)} 小时`};
  return {en: `about ${Math.round(s / 86400)} days`, zh: `约 ${Math.round(s / 86400)} 天`};
}

/** Runs estimated longer than this ask before they start (the 10 s). */
export const ASK_ABOVE_MS = 10_000;
