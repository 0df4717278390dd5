/**
 * The explorer's state: every choice on the /explorer page, its URL form, and the `Spec` it stands for.
 *
 * - `parseState(search)` never throws: unknown parameters and invalid values are listed in `ignored`
 *   (as `name=value` text, for a visible note) and the default is used for them. `lang` belongs to the
 *   site's language switch and is neither read nor reported here.
 * - `serializeState(state)` writes every parameter (except an empty exclusion list), so a copied link keeps
 *   meaning the same model even if a default changes later. `parseState(serializeState(s))` gives `s` back
 *   for every normalised state (property-tested).
 * - `toSpec(state)` is the `dtb estimate` spec. The sample restrictions become `exclude` rules (years and
 *   partner ISO3 codes), so the spec alone reproduces the estimate with the CLI; lags are built on the full
 *   panel before the exclusions, as fixest does with `subset`.
 *
 * Pure and browser-safe: no DOM, no globals.
 */
import type {Spec} from "../engine/types.js";

export const KEY_VARS = ["dstri", "dstri_infra", "dstri_etrans", "dstri_payment", "dstri_ipr", "dstri_other"] as const;
export type KeyVar = (typeof KEY_VARS)[number];

/** The study's four controls, then government consumption as a share of GDP (an alternative to lngov). */
export const CONTROL_VARS = ["lngdp", "lnpopu", "lngov", "urban", "gov_share"] as const;
export type ControlVar = (typeof CONTROL_VARS)[number];

export const FE_CHOICES = ["none", "country", "year", "both"] as const;
export type FeChoice = (typeof FE_CHOICES)[number];

/**
 * iid; HC1 (heteroskedasticity-robust); CR1 clustered by country; two-way CR1 (country and year); Driscoll-Kraay
 * over years and Newey-West within partner (fixest's vcov "DK" / "NW", default lag floor(T^(1/4))).
 */
export const SE_CHOICES = ["iid", "hc1", "country", "twoway", "dk", "nw"] as const;
export type SeChoice = (typeof SE_CHOICES)[number];

export const GROUP_CHOICES = ["all", "oecd", "nonoecd"] as const;
export type GroupChoice = (typeof GROUP_CHOICES)[number];

/** PPML (Poisson, fixest fepois) estimates the outcome in levels: lnexport_cn -> exports_cn_usd. */
export const ESTIMATORS = ["ols", "ppml", "gmm-diff", "gmm-sys"] as const;
export type EstimatorChoice = (typeof ESTIMATORS)[number];

export const LAGS = [0, 1, 2] as const;
export type LagChoice = (typeof LAGS)[number];

/** Years of the panel; the range slider cannot leave them. */
export const YEAR_MIN = 2008;
export const YEAR_MAX = 2024;

export interface ExplorerState {
  /** Dependent variable: lnexport_cn, or lnexport_<region> from a customs file. */
  y: string;
  x: KeyVar;
  /** Controls switched on, in CONTROL_VARS order. */
  controls: ControlVar[];
  fe: FeChoice;
  se: SeChoice;
  from: number;
  to: number;
  drop2020: boolean;
  group: GroupChoice;
  /** Partners left out, ISO3, sorted, unique. */
  exclude: string[];
  lag: LagChoice;
  estimator: EstimatorChoice;
  /** Wild cluster bootstrap (by partner) of the key regressor; OLS only. */
  boot: boolean;
}

/** The study's baseline with controls (Table 4): country and year FE, SE clustered by country. */
export const DEFAULT_STATE: Readonly<ExplorerState> = Object.freeze({
  y: "lnexport_cn",
  x: "dstri",
  controls: ["lngdp", "lnpopu", "lngov", "urban"],
  fe: "both",
  se: "country",
  from: YEAR_MIN,
  to: YEAR_MAX,
  drop2020: false,
  group: "all",
  exclude: [],
  lag: 0,
  estimator: "ols",
  boot: false
} as ExplorerState);

export function defaultState(): ExplorerState {
  return {...DEFAULT_STATE, controls: [...DEFAULT_STATE.controls], exclude: [...DEFAULT_STATE.exclude]};
}

/** URL parameter names, short so that links stay readable. */
export const PARAMS = {
  y: "y",
  x: "x",
  controls: "ctrl",
  fe: "fe",
  se: "se",
  years: "yr",
  drop2020: "d2020",
  group: "grp",
  exclude: "excl",
  lag: "lag",
  estimator: "est",
  boot: "boot"
} as const;

/** Parameters that belong to the rest of the site and are kept untouched. */
const FOREIGN_PARAMS = new Set(["lang"]);

const Y_PATTERN = /^lnexport_[a-z][a-z0-9_]*$/;
const ISO3_PATTERN = /^[A-Z]{3}$/;
const MAX_SHOWN = 80;

const oneOf = <T extends string | number>(list: readonly T[], v: unknown): v is T => (list as readonly unknown[]).includes(v);

/** `name=value` for the note, shortened so a huge parameter cannot flood the page. */
function describe(name: string, value: string): string {
  const s = `${name}=${value}`;
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
}

/**
 * The state in a URL search string ("?a=1&b=2" or "a=1&b=2"). Never throws.
 * @example parseState("?fe=none&foo=1") // {state: {...defaults, fe: "none"}, ignored: ["foo=1"]}
 */
export function parseState(search: string): {state: ExplorerState; ignored: string[]} {
  const state = defaultState();
  const ignored: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === "string" ? search : "");
  } catch {
    return {state, ignored: [describe("?", String(search))]};
  }
  const seen = new Set<string>();
  for (const [name, raw] of params) {
    if (FOREIGN_PARAMS.has(name)) continue;
    const value = raw.trim();
    const bad = () => ignored.push(describe(name, raw));
    if (seen.has(name)) {
      bad(); // a repeated parameter is ambiguous: the first one wins
      continue;
    }
    seen.add(name);
    switch (name) {
      case PARAMS.y:
        if (Y_PATTERN.test(value)) state.y = value;
        else bad();
        break;
      case PARAMS.x:
        if (oneOf(KEY_VARS, value)) state.x = value;
        else bad();
        break;
      case PARAMS.controls: {
        if (value === "none") {
          state.controls = [];
          break;
        }
        const items = value.split(",").map((s) => s.trim());
        if (items.some((s) => !oneOf(CONTROL_VARS, s))) bad();
        else state.controls = CONTROL_VARS.filter((c) => items.includes(c));
        break;
      }
      case PARAMS.fe:
        if (oneOf(FE_CHOICES, value)) state.fe = value;
        else bad();
        break;
      case PARAMS.se:
        if (oneOf(SE_CHOICES, value)) state.se = value;
        else bad();
        break;
      case PARAMS.years: {
        const m = /^(\d{4})-(\d{4})$/.exec(value);
        const a = m ? Number(m[1]) : NaN;
        const b = m ? Number(m[2]) : NaN;
        if (m && a >= YEAR_MIN && b <= YEAR_MAX && a <= b) {
          state.from = a;
          state.to = b;
        } else bad();
        break;
      }
      case PARAMS.drop2020:
        if (value === "1" || value === "0") state.drop2020 = value === "1";
        else bad();
        break;
      case PARAMS.group:
        if (oneOf(GROUP_CHOICES, value)) state.group = value;
        else bad();
        break;
      case PARAMS.exclude: {
        if (value === "") break;
        const items = value.split(",").map((s) => s.trim().toUpperCase());
        if (items.some((s) => !ISO3_PATTERN.test(s))) bad();
        else state.exclude = [...new Set(items)].sort();
        break;
      }
      case PARAMS.lag: {
        const k = /^[0-2]$/.test(value) ? Number(value) : NaN;
        if (oneOf(LAGS, k)) state.lag = k;
        else bad();
        break;
      }
      case PARAMS.estimator:
        if (oneOf(ESTIMATORS, value)) state.estimator = value;
        else bad();
        break;
      case PARAMS.boot:
        if (value === "0" || value === "1") state.boot = value === "1";
        else bad();
        break;
      default:
        bad();
    }
  }
  return {state, ignored};
}

/**
 * The state as a search string without the leading "?"; `keep` adds foreign parameters (e.g. lang) first.
 * @example serializeState(defaultState()) // "y=lnexport_cn&x=dstri&ctrl=lngdp,lnpopu,lngov,urban&fe=both&..."
 */
export function serializeState(state: ExplorerState, keep: Record<string, string> = {}): string {
  const p: Array<[string, string]> = Object.entries(keep).filter(([k]) => FOREIGN_PARAMS.has(k));
  p.push(
    [PARAMS.y, state.y],
    [PARAMS.x, state.x],
    [PARAMS.controls, state.controls.length ? CONTROL_VARS.filter((c) => state.controls.includes(c)).join(",") : "none"],
    [PARAMS.fe, state.fe],
    [PARAMS.se, state.se],
    [PARAMS.years, `${state.from}-${state.to}`],
    [PARAMS.drop2020, state.drop2020 ? "1" : "0"],
    [PARAMS.group, state.group],
    [PARAMS.lag, String(state.lag)],
    [PARAMS.estimator, state.estimator]
  );
  // Written only when on (as the exclusion list), so the links of every earlier view stay the same.
  if (state.boot) p.push([PARAMS.boot, "1"]);
  if (state.exclude.length) p.push([PARAMS.exclude, [...new Set(state.exclude)].sort().join(",")]);
  // Commas stay readable: they are legal in a query and URLSearchParams decodes them either way.
  return p.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ",")}`).join("&");
}

/** True for the GMM estimators (which ignore the FE and SE choices: time effects and Windmeijer SE). */
export const isGmm = (s: ExplorerState): boolean => s.estimator === "gmm-diff" || s.estimator === "gmm-sys";

/** The outcome in levels that PPML estimates for a log outcome: lnexport_cn -> exports_cn_usd. */
export const levelOutcome = (y: string): string => y.replace(/^lnexport_(.+)$/, "exports_$1_usd");

/** The wild bootstrap applies to OLS only. */
export const bootOn = (s: ExplorerState): boolean => s.boot && s.estimator === "ols";

/** The key regressor as a spec term: dstri, L.dstri or L2.dstri. */
export function keyTerm(s: ExplorerState): string {
  return s.lag === 0 ? s.x : s.lag === 1 ? `L.${s.x}` : `L${s.lag}.${s.x}`;
}

/** Partner attributes the sample filter needs. */
export interface PartnerInfo {
  iso3: string;
  oecd: boolean;
}

/** Years the state leaves out (outside the range, and 2020 when dropped), ascending. */
export function excludedYears(s: ExplorerState): number[] {
  const out: number[] = [];
  for (let y = YEAR_MIN; y <= YEAR_MAX; y++) if (y < s.from || y > s.to || (s.drop2020 && y === 2020)) out.push(y);
  return out;
}

/** Partners the state leaves out (group filter and the explicit list), ascending. */
export function excludedPartners(s: ExplorerState, partners: PartnerInfo[]): string[] {
  const out = new Set(s.exclude);
  for (const p of partners) {
    if ((s.group === "oecd" && !p.oecd) || (s.group === "nonoecd" && p.oecd)) out.add(p.iso3);
  }
  return [...out].sort();
}

/**
 * The sample filter as a row predicate (true = the row may enter the estimation). Rows also need
 * non-missing values for every variable; the engine drops those.
 */
export function sampleFilter(s: ExplorerState): (row: {iso3: string; year: number; oecd: boolean | number}) => boolean {
  const excluded = new Set(s.exclude);
  return (row) => {
    if (row.year < s.from || row.year > s.to || (s.drop2020 && row.year === 2020)) return false;
    if (excluded.has(row.iso3)) return false;
    const oecd = row.oecd === true || row.oecd === 1;
    return s.group === "all" || (s.group === "oecd" ? oecd : !oecd);
  };
}

/**
 * The `dtb estimate` spec for a state. `partners` (iso3 + OECD flag of every panel partner) turns the
 * OECD / non-OECD choice into explicit ISO3 exclusions.
 * @example toSpec(defaultState(), []).x // ["dstri", "lngdp", "lnpopu", "lngov", "urban"]
 */
export function toSpec(s: ExplorerState, partners: PartnerInfo[]): Spec {
  const exclude: Record<string, Array<number | string>> = {};
  const years = excludedYears(s);
  if (years.length) exclude.year = years;
  const iso = excludedPartners(s, partners);
  if (iso.length) exclude.iso3 = iso;
  const controls = CONTROL_VARS.filter((c) => s.controls.includes(c));
  if (isGmm(s)) {
    // Dynamic panel as in the study's Table 7: L.y on the right, lags 2+ of y as collapsed GMM instruments,
    // time effects; the engine reports Windmeijer-corrected two-step SE.
    return {
      id: "iso3",
      time: "year",
      y: s.y,
      x: [`L.${s.y}`, keyTerm(s), ...controls],
      estimator: s.estimator,
      effect: "twoways",
      gmm: {instruments: "y", lags: [2, 99], collapse: true},
      ...(Object.keys(exclude).length ? {exclude} : {})
    };
  }
  const fe = s.fe === "none" ? [] : s.fe === "country" ? ["iso3"] : s.fe === "year" ? ["year"] : ["iso3", "year"];
  const vcov: Spec["vcov"] =
    s.se === "iid" ? "iid" : s.se === "hc1" ? "hetero" : s.se === "country" ? {cluster: ["iso3"]} : s.se === "twoway" ? {cluster: ["iso3", "year"]} : s.se === "dk" ? "driscoll_kraay" : "newey_west";
  const ppml = s.estimator === "ppml";
  return {
    id: "iso3",
    time: "year",
    y: ppml ? levelOutcome(s.y) : s.y,
    x: [keyTerm(s), ...controls],
    fe,
    vcov,
    ...(ppml ? {estimator: "ppml" as const} : {}),
    ...(Object.keys(exclude).length ? {exclude} : {}),
    ...(bootOn(s) ? {bootstrap: {type: "wild" as const, term: keyTerm(s), cluster: "iso3", weights: "rademacher" as const, reps: 9999, seed: 1}} : {})
  };
}
