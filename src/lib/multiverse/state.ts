/**
 * The multiverse page's view in the URL: options switched off, the sort, the selected specification and
 * the number of null draws. `parseView` never throws (bad parameters are listed in `ignored`); `lang` belongs
 * to the site's language switch and is kept as is.
 *
 *   off=key:1.2,lag:2   options off per dimension (indices into the default grid's options)
 *   sort=estimate|key|lag|controls|fe|vcov|sample|estimator
 *   sel=0.1.0.31.3.2.0.0   the selected specification's option index in each dimension (DIMS order)
 *   draws=500
 *   v=2   the link format: links written before PPML and Driscoll-Kraay/Newey-West joined the grid carry no `v`
 *
 * Link versions: version 1 (no `v`) links were made when the estimator dimension was OLS, difference and system
 * GMM, and the SE dimension iid, HC1, partner, two-way. Their `off` lists cannot name PPML, DK or NW, which did not
 * exist, so an unversioned `off` list that names none of them opens with them off, as the link opened when it was
 * made. (An unversioned list that names one of them was written between the two, and is read as it is.) A version 1
 * link shows every specification (`view=all`), as it did when it was made: the defensible view came with version 2.
 *   view=defensible|all   which specifications the results show (issue 24: defensible.ts; default defensible)
 */
import {ESTIMATOR_OPTIONS, SE_OPTIONS} from "./default-grid.js";
import {DIMS, dimSizes, type Dim, type Grid, type Keep} from "./grid.js";

/** The link format this page writes (see above). */
export const VIEW_VERSION = 2;

/** Options added in version 2 (PPML; Driscoll-Kraay and Newey-West): off in a version 1 link. */
const ADDED_IN_V2: Partial<Record<Dim, number[]>> = {
  estimator: [ESTIMATOR_OPTIONS.indexOf("ppml")],
  vcov: [SE_OPTIONS.findIndex(([c]) => c === "dk"), SE_OPTIONS.findIndex(([c]) => c === "nw")]
};

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
  let version = 1;
  let offGiven = false;
  let modeGiven = false;
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
      if (ok) {
        view.off = off;
        offGiven = true;
      } else bad();
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
    } else if (name === "v") {
      if (value === String(VIEW_VERSION)) version = VIEW_VERSION;
      else bad();
    } else if (name === "view") {
      if (value === "defensible" || value === "all") {
        view.mode = value;
        modeGiven = true;
      }
      else bad();
    } else bad();
  }
  const added = Object.entries(ADDED_IN_V2) as Array<[Dim, number[]]>;
  if (version === 1 && offGiven && !added.some(([d, idx]) => idx.some((i) => view.off[d]?.includes(i)))) {
    for (const [d, idx] of added) view.off[d] = [...new Set([...(view.off[d] ?? []), ...idx])].sort((a, b) => a - b);
  }
  // A version 1 link (made before the defensible view existed) showed every specification: it opens on "all", as it
  // opened when it was made. A bare page address (no view parameter at all) opens on the default, defensible view.
  const legacyGiven = ["off", "sort", "sel", "draws"].some((n) => params.has(n) && !ignored.some((i) => i.startsWith(`${n}=`)));
  if (version === 1 && legacyGiven && !modeGiven) view.mode = "all";
  return {view, ignored};
}

export function serializeView(v: View, lang?: string | null): string {
  const p: string[] = [];
  if (lang) p.push(`lang=${encodeURIComponent(lang)}`);
  p.push(`v=${VIEW_VERSION}`);
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
