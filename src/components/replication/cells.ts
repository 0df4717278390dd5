/**
 * Small DOM helpers shared by the replication and audit tables: a number is always rendered as text with its
 * full-precision value in `data-value`, so the browser tests compare what the page computed, not a rounding.
 * Everything is built with textContent (never HTML): values can come from user files.
 */
import {el} from "../format.js";

/** `digits` decimals; NaN/null print as an en dash (data-value "NaN"). */
export function fmtNum(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const s = v.toFixed(digits);
  // "-0.000" reads as a sign error; the paper prints it, we don't.
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A span showing `v` rounded, carrying `v` at full precision. */
export function num(v: number | null | undefined, digits = 3, attrs: Record<string, string> = {}): HTMLSpanElement {
  const span = el("span", {className: "num", text: fmtNum(v, digits)});
  span.dataset.value = v === null || v === undefined ? "NaN" : String(v);
  for (const [k, a] of Object.entries(attrs)) span.dataset[k] = a;
  return span;
}

/** An integer count (N, clusters, df). */
export function int(v: number | null | undefined, attrs: Record<string, string> = {}): HTMLSpanElement {
  const span = el("span", {className: "num", text: v === null || v === undefined || !Number.isFinite(v) ? "–" : String(Math.round(v))});
  span.dataset.value = v === null || v === undefined ? "NaN" : String(v);
  for (const [k, a] of Object.entries(attrs)) span.dataset[k] = a;
  return span;
}

/** Digits that keep two significant figures for small numbers, three decimals otherwise. */
export function autoDigits(v: number): number {
  const a = Math.abs(v);
  if (!Number.isFinite(a) || a === 0 || a >= 0.01) return 3;
  return Math.min(8, 1 - Math.floor(Math.log10(a)));
}
