/**
 * The simulator's state in the URL: ?partner=IND&area=dstri_ipr&score=0.25 (other parameters, e.g. lang, kept).
 * Unknown or invalid values fall back to the defaults; the score is clamped to [0, 1] and rounded to 0.01.
 * `ignoredParams` lists what was not taken as written, for the page's visible note (as the explorer does).
 */
import {SCORE_DEFS} from "../mechanism/areas.js";

export interface WhatIfState {
  partner: string;
  /** Panel column of the score: "dstri" or one of the five area columns. */
  area: string;
  /** Target score in [0, 1], or null = the partner's current score. */
  score: number | null;
}

/** Rounds to the slider step (0.01) and clamps to [0, 1]. */
export function clampScore(v: number): number {
  return Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;
}

/** Reads the state from a query string; `partners` are the valid ISO3 codes. */
export function parseState(search: string, partners: readonly string[], defaults: {partner: string; area: string}): WhatIfState {
  const q = new URLSearchParams(search);
  const p = (q.get("partner") ?? "").toUpperCase();
  const a = q.get("area") ?? "";
  const s = q.get("score");
  const n = s === null || s.trim() === "" ? NaN : Number(s);
  return {
    partner: partners.includes(p) ? p : defaults.partner,
    area: SCORE_DEFS.some((d) => d.column === a) ? a : defaults.area,
    score: Number.isFinite(n) ? clampScore(n) : null
  };
}

/** Writes the state into a query string, keeping the other parameters of `search`. */
export function formatState(state: WhatIfState, search = ""): string {
  const q = new URLSearchParams(search);
  q.set("partner", state.partner);
  q.set("area", state.area);
  if (state.score === null) q.delete("score");
  else q.set("score", state.score.toFixed(2));
  return "?" + q.toString();
}

/**
 * The `name=value` pairs of `search` that parseState did not take as written (invalid partner or area,
 * a score that is not a number or lies outside [0, 1]), each shortened to 60 characters for the note.
 * Example: `ignoredParams("?partner=XXX&score=5", ["USA"])` -> `["partner=XXX", "score=5 → 1.00"]`.
 */
export function ignoredParams(search: string, partners: readonly string[]): string[] {
  const q = new URLSearchParams(search);
  const out: string[] = [];
  const short = (v: string) => (v.length > 60 ? v.slice(0, 59) + "…" : v);
  const p = q.get("partner");
  if (p !== null && !partners.includes(p.toUpperCase())) out.push(short(`partner=${p}`));
  const a = q.get("area");
  if (a !== null && !SCORE_DEFS.some((d) => d.column === a)) out.push(short(`area=${a}`));
  const s = q.get("score");
  if (s !== null) {
    const n = s.trim() === "" ? NaN : Number(s);
    if (!Number.isFinite(n)) out.push(short(`score=${s}`));
    else if (n < 0 || n > 1) out.push(short(`score=${s}`) + ` → ${clampScore(n).toFixed(2)}`); // language-neutral: the note is bilingual
  }
  return out;
}
