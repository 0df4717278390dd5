/**
 * The multiverse page's view in the URL: options switched off, the sort, the selected specification and
 * the number of null draws. `parseView` never throws (bad parameters are listed in `ignored`); `lang` belongs
 * to the site's language switch and is kept as is.
 *
 *   off=key:1.2,lag:2   options off per dimension (indices into the default grid's options)
 *   sort=estimate|key|lag|controls|fe|vcov|sample|estimator
 *   sel=0.1.0.31.3.2.0.0   the selected specification's option index in each dimension (DIMS order)
 *   draws=500
 *   view=defensible|all   which specifications the results show (issue 24: defensible.ts; default defensible)
 */
import {DIMS, dimSizes, type Dim, type Grid, type Keep} from "./grid.js";

export interface View {
  off: Partial<Record<Dim, number[]>>;
  sort: "estimate" | Dim;
  sel: Record<Dim, number> | null;
  draws: number;
  /** "defensible": only the specifications a referee would defend (defensible.ts); "all": every choice. */
  mode: "defensible" | "all";
}

export const DEFAULT_DRAWS = 200;
export const defaultView = (): View => ({off: {estimator: [1, 2, 3], vcov: [4, 5]}, sort: "estimate", sel: null, draws: DEFAULT_DRAWS, mode: "defensible"});

export function parseView(search: string, g: Grid): {view: View; ignored: string[]} {
  const view = defaultView();
  const ignored: string[] = [];
  const sizes = dimSizes(g);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return {view, ignored: [String(search).slice(0, 80)]};
  }
  for (const [name, value] of params) {
    if (name === "lang") continue;
    const bad = () => ignored.push(`${name}=${value}`.slice(0, 80));
    if (name === "off") {
      const off: View["off"] = {};
      let ok = true;
      for (const part of value.split(",").filter(Boolean)) {
        const [d, list] = part.split(":");
        const idx = (list ?? "").split(".").filter(Boolean).map(Number);
        if (!(DIMS as readonly string[]).includes(d) || idx.some((i) => !Number.isInteger(i) || i < 0 || i >= sizes[d as Dim])) ok = false;
        else off[d as Dim] = [...new Set(idx)].sort((a, b) => a - b);
      }
      if (ok) view.off = off;
      else bad();
    } else if (name === "sort") {
      if (value === "estimate" || (DIMS as readonly string[]).includes(value)) view.sort = value as View["sort"];
      else bad();
    } else if (name === "sel") {
      const idx = value.split(".").map(Number);
      if (idx.length === DIMS.length && idx.every((v, k) => Number.isInteger(v) && v >= 0 && v < sizes[DIMS[k]])) {
        view.sel = Object.fromEntries(DIMS.map((d, k) => [d, idx[k]])) as Record<Dim, number>;
      } else bad();
    } else if (name === "draws") {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 10 && n <= 5000) view.draws = n;
      else bad();
    } else if (name === "view") {
      if (value === "defensible" || value === "all") view.mode = value;
      else bad();
    } else bad();
  }
  return {view, ignored};
}

export function serializeView(v: View, lang?: string | null): string {
  const p: string[] = [];
  if (lang) p.push(`lang=${encodeURIComponent(lang)}`);
  const off = DIMS.filter((d) => v.off[d]?.length).map((d) => `${d}:${v.off[d]!.join(".")}`);
  p.push(`off=${off.join(",")}`, `sort=${v.sort}`);
  if (v.sel) p.push(`sel=${DIMS.map((d) => v.sel![d]).join(".")}`);
  p.push(`draws=${v.draws}`, `view=${v.mode}`);
  return p.join("&");
}

/** The options switched on (the complement of `off`), as expandGrid's Keep. */
export function keepOf(v: View, g: Grid): Keep {
  const sizes = dimSizes(g);
  const keep: Keep = {};
  for (const d of DIMS) {
    const off = new Set(v.off[d] ?? []);
    keep[d] = Array.from({length: sizes[d]}, (_, i) => i).filter((i) => !off.has(i));
  }
  return keep;
}
