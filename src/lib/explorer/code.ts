/**
 * The current specification as code for R (fixest / plm), Stata (reghdfe, ivreghdfe, ppmlhdfe, boottest, xtabond2), Python (pyfixest)
 * and our own CLI, so a reader can re-run the model elsewhere on the panel download (`panel.csv`).
 * The subset is written from the state (year bounds, 2020, OECD flag, ISO3 list) rather than from the
 * spec's expanded exclusion lists, because that is how a person would write it.
 */
import {CONTROL_VARS, YEAR_MAX, YEAR_MIN, bootOn, isGmm, levelOutcome, type ExplorerState} from "./state.js";

const controlsOf = (s: ExplorerState) => CONTROL_VARS.filter((c) => s.controls.includes(c));
const quoteList = (xs: string[], q = '"') => xs.map((x) => `${q}${x}${q}`).join(", ");

/** Conditions that keep a row, in a language's syntax. */
function conditions(s: ExplorerState, lang: "r" | "stata" | "py"): string[] {
  const out: string[] = [];
  const and = (a: string) => out.push(a);
  const col = (c: string) => (lang === "py" ? `df.${c}` : c);
  if (s.from > YEAR_MIN) and(`${col("year")} >= ${s.from}`);
  if (s.to < YEAR_MAX) and(`${col("year")} <= ${s.to}`);
  if (s.drop2020) and(`${col("year")} != 2020`);
  if (s.group !== "all") {
    const yes = s.group === "oecd";
    if (lang === "r") and(yes ? "oecd" : "!oecd");
    else if (lang === "stata") and(`oecd == "${yes ? "true" : "false"}"`);
    else and(yes ? "df.oecd" : "~df.oecd");
  }
  if (s.exclude.length) {
    if (lang === "r") and(`!(iso3 %in% c(${quoteList(s.exclude)}))`);
    else if (lang === "stata") and(`!inlist(iso3, ${quoteList(s.exclude)})`);
    else and(`~df.iso3.isin([${quoteList(s.exclude)}])`);
  }
  return out;
}

/** R: fixest::feols for OLS/FE, plm::pgmm for GMM. */
export function rCode(s: ExplorerState): string {
  const lines = ['df <- read.csv("panel.csv")'];
  const cond = conditions(s, "r");
  const ctrl = controlsOf(s);
  if (isGmm(s)) {
    const lagKey = s.lag === 0 ? s.x : `lag(${s.x}, ${s.lag})`;
    const rhs = [`lag(${s.y}, 1)`, lagKey, ...ctrl].join(" + ");
    lines.unshift("library(plm)");
    lines.push(cond.length ? `df <- subset(df, ${cond.join(" & ")})` : "");
    lines.push(
      'pdf <- pdata.frame(df, index = c("iso3", "year"))',
      `m <- pgmm(${s.y} ~ ${rhs} | lag(${s.y}, 2:99),`,
      `          data = pdf, effect = "twoways", model = "twosteps",`,
      `          transformation = "${s.estimator === "gmm-diff" ? "d" : "ld"}", collapse = TRUE)`,
      "summary(m, robust = TRUE)"
    );
    return lines.filter((l) => l !== "").join("\n") + "\n";
  }
  lines.unshift("library(fixest)");
  const key = s.lag === 0 ? s.x : `l(${s.x}, ${s.lag})`;
  const fe = s.fe === "none" ? "" : ` | ${s.fe === "country" ? "iso3" : s.fe === "year" ? "year" : "iso3 + year"}`;
  const vcov = s.se === "iid" ? '"iid"' : s.se === "hc1" ? '"hetero"' : s.se === "country" ? "~iso3" : s.se === "twoway" ? "~iso3 + year" : s.se === "dk" ? '"DK"' : '"NW"';
  const ppml = s.estimator === "ppml";
  const args = [`${ppml ? levelOutcome(s.y) : s.y} ~ ${[key, ...ctrl].join(" + ")}${fe}`, "data = df"];
  // DK and NW take the panel's unit and time from panel.id (fixest's vcov_DK / vcov_NW), as lags do.
  if (s.lag > 0 || s.se === "dk" || s.se === "nw") args.push("panel.id = ~iso3 + year");
  if (cond.length) args.push(`subset = ~ ${cond.join(" & ")}`);
  args.push(`vcov = ${vcov}`);
  lines.push(`m <- ${ppml ? "fepois" : "feols"}(${args.join(", ")})`, "summary(m)");
  if (bootOn(s)) {
    // fwildclusterboot: restricted wild cluster bootstrap (WCR), Rademacher weights, as the page.
    const term = s.lag === 0 ? s.x : `l(${s.x}, ${s.lag})`;
    lines.push(
      "library(fwildclusterboot)",
      // Current fwildclusterboot takes no seed argument: it draws from dqrng (and R's generator), seeded here.
      "set.seed(1)",
      "dqrng::dqset.seed(1)",
      `b <- boottest(m, param = "${term}", clustid = ~iso3, B = 9999, type = "rademacher", impose_null = TRUE)`,
      "summary(b)"
    );
  }
  return lines.join("\n") + "\n";
}

/** Stata's longest variable name (a longer CSV column is renamed by import delimited). */
const STATA_NAME_MAX = 32;

/**
 * Stata, with community commands from SSC (each named in a comment with its install line):
 * - OLS/FE: reghdfe (iid, robust, one- and two-way clusters);
 * - Driscoll-Kraay and Newey-West (fixest's vcov "DK" / "NW"): ivreghdfe, i.e. ivreg2's `dkraay(bw)` and
 *   `robust bw(bw)` (Bartlett kernel; within partner for NW as the data are xtset) with reghdfe's absorb(). ivreg2's
 *   bandwidth is fixest's lag + 1 (Bartlett weight 1 - j/bw), the lag floor(T^(1/4)) with T the years in the sample,
 *   computed in Stata from the sample of a first reghdfe. Small-sample factors differ from fixest's;
 * - PPML: ppmlhdfe (robust or clustered; it has no Driscoll-Kraay / Newey-West option, so those are said in a
 *   comment and the R code is the one that reproduces the page);
 * - the wild cluster bootstrap: boottest after reghdfe (WCR, Rademacher, 9,999 draws, seed 1, as the page);
 * - GMM: xtabond2.
 * Every name comes from the explorer's validated state (fixed lists, `lnexport_[a-z0-9_]` outcomes, ISO3 codes),
 * so nothing needs quoting beyond the ISO3 strings; a name longer than Stata allows is said in a comment.
 */
export function stataCode(s: ExplorerState): string {
  const lines = ["import delimited panel.csv, clear", "encode iso3, generate(cid)", "xtset cid year"];
  const cond = conditions(s, "stata");
  const ifc = cond.length ? ` if ${cond.join(" & ")}` : "";
  const ctrl = controlsOf(s);
  const key = s.lag === 0 ? s.x : `L${s.lag === 1 ? "" : s.lag}.${s.x}`;
  const y = s.estimator === "ppml" ? levelOutcome(s.y) : s.y;
  if (y.length > STATA_NAME_MAX) lines.splice(1, 0, `* the outcome ${y} has more than ${STATA_NAME_MAX} characters, which Stata cannot hold as a name: shorten that column of panel.csv first`);
  if (isGmm(s)) {
    const ivs = [key, ...ctrl, "i.year"].join(" ");
    const opts = [`gmm(${s.y}, laglimits(2 99) collapse)`, `iv(${ivs})`, "twostep", "robust"];
    if (s.estimator === "gmm-diff") opts.push("noleveleq");
    lines.unshift("* needs xtabond2 (ssc install xtabond2)");
    lines.push(`xtabond2 ${s.y} L.${s.y} ${[key, ...ctrl].join(" ")} i.year${ifc}, ${opts.join(" ")}`);
    return lines.join("\n") + "\n";
  }
  const absorb = s.fe === "none" ? "noabsorb" : `absorb(${s.fe === "country" ? "cid" : s.fe === "year" ? "year" : "cid year"})`;
  const rhs = [key, ...ctrl].join(" ");
  const hac = s.se === "dk" || s.se === "nw";
  if (s.estimator === "ppml") {
    lines.unshift("* needs ppmlhdfe (ssc install ppmlhdfe; with reghdfe and ftools)");
    const vce = s.se === "country" ? " vce(cluster cid)" : s.se === "twoway" ? " vce(cluster cid year)" : " vce(robust)";
    if (s.se === "iid") lines.push("* ppmlhdfe has no iid (non-robust) errors: robust ones below; fixest's fepois with vcov = \"iid\" is in the R code");
    if (hac) lines.push(`* ppmlhdfe has no ${s.se === "dk" ? "Driscoll-Kraay" : "Newey-West"} option: robust errors below; the R code (fixest's fepois, vcov = "${s.se === "dk" ? "DK" : "NW"}") reproduces the page`);
    lines.push(`ppmlhdfe ${y} ${rhs}${ifc}, ${absorb}${vce}`);
    return lines.join("\n") + "\n";
  }
  if (hac) {
    lines.unshift("* needs reghdfe and ivreghdfe (ssc install reghdfe; ssc install ivreghdfe; with ivreg2, ranktest, ftools)");
    lines.push(
      `* ${s.se === "dk" ? "Driscoll-Kraay" : "Newey-West (within partner)"} errors as fixest's vcov = "${s.se === "dk" ? "DK" : "NW"}": Bartlett kernel, lag floor(T^(1/4)) with T the years in the sample;`,
      "* ivreg2's bandwidth is the lag + 1. Small-sample factors differ from fixest's, so the errors differ slightly.",
      `quietly reghdfe ${y} ${rhs}${ifc}, ${absorb}`,
      "quietly tabulate year if e(sample)",
      "local bw = floor(r(r)^(1/4)) + 1",
      `ivreghdfe ${y} ${rhs}${ifc}${s.fe === "none" ? ", " : `, ${absorb} `}${s.se === "dk" ? "dkraay(`bw')" : "robust bw(`bw')"}`
    );
    return lines.join("\n") + "\n";
  }
  lines.unshift(bootOn(s) ? "* needs reghdfe and boottest (ssc install reghdfe; ssc install boottest; with ftools)" : "* needs reghdfe (ssc install reghdfe; with ftools)");
  const vce = s.se === "iid" ? "vce(unadjusted)" : s.se === "hc1" ? "vce(robust)" : s.se === "country" ? "vce(cluster cid)" : "vce(cluster cid year)";
  lines.push(`reghdfe ${y} ${rhs}${ifc}, ${absorb} ${vce}`);
  // boottest: restricted wild cluster bootstrap (WCR) by partner, Rademacher weights, as the page.
  if (bootOn(s)) lines.push(`boottest ${key}, cluster(cid) reps(9999) weighttype(rademacher) seed(1) nograph`);
  return lines.join("\n") + "\n";
}

/** Python: pyfixest for OLS/FE; a note for GMM (pyfixest has no dynamic-panel GMM). */
export function pythonCode(s: ExplorerState): string {
  const ctrl = controlsOf(s);
  const lines = ["import pandas as pd", ...(isGmm(s) ? [] : ["import pyfixest as pf"]), "", 'df = pd.read_csv("panel.csv")'];
  let key: string = s.x;
  if (s.lag > 0) {
    // A calendar-time lag (merge on year + k), computed on the full panel before the subset, as fixest's l().
    key = `L${s.lag}_${s.x}`;
    lines.push(
      `lag = df[["iso3", "year", "${s.x}"]].assign(year=df.year + ${s.lag}).rename(columns={"${s.x}": "${key}"})`,
      `df = df.merge(lag, on=["iso3", "year"], how="left")`
    );
  }
  const cond = conditions(s, "py");
  if (cond.length) lines.push(`df = df[${cond.map((c) => `(${c})`).join(" & ")}]`);
  if (isGmm(s)) {
    lines.push(
      "# pyfixest has no Arellano-Bond / Blundell-Bond GMM. Use the R (plm::pgmm) or Stata (xtabond2) code,",
      "# or this site's CLI with the specification shown under \"dtb\"."
    );
    return lines.join("\n") + "\n";
  }
  const fe = s.fe === "none" ? "" : ` | ${s.fe === "country" ? "iso3" : s.fe === "year" ? "year" : "iso3 + year"}`;
  const vcov = s.se === "iid" ? '"iid"' : s.se === "hc1" ? '"hetero"' : s.se === "country" ? '{"CRV1": "iso3"}' : s.se === "twoway" ? '{"CRV1": "iso3+year"}' : s.se === "dk" ? '"DK"' : '"NW"';
  if (s.se === "dk" || s.se === "nw") lines.push(`# pyfixest's panel HAC needs the panel: panel_id=("iso3", "year")`);
  lines.push(`fit = pf.${s.estimator === "ppml" ? "fepois" : "feols"}("${s.estimator === "ppml" ? levelOutcome(s.y) : s.y} ~ ${[key, ...ctrl].join(" + ")}${fe}", data=df, vcov=${vcov})`, "fit.summary()");
  return lines.join("\n") + "\n";
}

/** This project's CLI: the spec JSON saved as spec.json, then `dtb estimate`. */
export function dtbCode(specJson: string): string {
  return `cat > spec.json <<'JSON'\n${specJson}\nJSON\nnode bin/dtb.js estimate --data panel.csv --spec spec.json\n`;
}
