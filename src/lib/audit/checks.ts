/**
 * Internal-consistency checks of the study's printed numbers (data/paper/tables.json), each with the
 * arithmetic that a reader can redo, and, where it helps, what the open panel says instead.
 *
 * Every number in a check is computed here from the transcription (or the panel), never typed in, so the
 * page and the tests (tests/lib/audit/checks.test.ts) show the same arithmetic. The wording states facts
 * and the most likely reading; where a printed number admits an innocent explanation, the check says so.
 * Browser-safe.
 */
import {tQuantile} from "../vendor/stdlib-dists.js";
import {correlationPValue, pearson} from "../engine/correlation.js";
import {describe} from "../engine/descriptives.js";
import {estimate} from "../engine/estimate.js";
import type {Frame, Result} from "../engine/types.js";
import {vif} from "../engine/vif.js";
import type {PaperModel, PaperTables} from "../paper/schema.js";
import {numericColumns, stars} from "../replication/compute.js";
import {CONTROLS, replicationModels} from "../replication/models.js";

/** One line of arithmetic: what is computed, how, and the result (full precision). */
export interface Step {
  label: string;
  /** The formula with the numbers filled in, e.g. "30 × 14". */
  expr: string;
  value: number;
  /** How to print `value`: decimals (default 3) or "int". */
  digits?: number | "int";
}

export type Verdict = "inconsistent" | "unclear" | "consistent";

export interface Check {
  id: string;
  title: string;
  /** What a reviewer would check. */
  question: string;
  /** The arithmetic on the paper's printed numbers. */
  steps: Step[];
  /** What the arithmetic shows. */
  finding: string;
  verdict: Verdict;
  /** The same quantity on the open panel (empty without a panel). */
  ours: Step[];
  oursText: string | null;
}

const OUTCOME = {column: "lnexport_cn", region: "cn", label: "China"};

function model(paper: PaperTables, id: string): PaperModel {
  const m = paper.models.find((x) => x.id === id);
  if (!m) throw new Error(`tables.json has no model ${id}`);
  return m;
}

function row(paper: PaperTables, variable: string) {
  const r = paper.table2.find((x) => x.variable === variable);
  if (!r) throw new Error(`tables.json Table 2 has no row ${variable}`);
  return r;
}

const f = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : String(v));

// ---------------------------------------------------------------------------------------------------------
/** Observation counts against 30 countries and the years claimed. */
export function checkObservations(paper: PaperTables, frame?: Frame): Check {
  const [y0, y1] = paper.claims.period;
  const years = y1 - y0 + 1;
  const g = paper.claims.n_countries;
  const n4 = model(paper, "t4_m1").observations;
  const n5 = model(paper, "t5_zj").observations;
  const n6 = model(paper, "t6_zj").observations;
  const maxN = g * years;
  const steps: Step[] = [
    {label: "Years claimed", expr: `${y1} − ${y0} + 1`, value: years, digits: "int"},
    {label: "Largest possible balanced sample", expr: `${g} countries × ${years} years`, value: maxN, digits: "int"},
    {label: "Table 4 observations per country", expr: `${n4} / ${g}`, value: n4 / g, digits: 2},
    {label: "Table 4 excess over the possible", expr: `${n4} − ${maxN}`, value: n4 - maxN, digits: "int"},
    {label: "Dropping 2020 (Table 5) removes", expr: `${n4} − ${n5}`, value: n4 - n5, digits: "int"},
    {label: "… per country (one year would remove 1)", expr: `(${n4} − ${n5}) / ${g}`, value: (n4 - n5) / g, digits: 2},
    {label: "The one-year lag (Table 6) removes", expr: `${n4} − ${n6}`, value: n4 - n6, digits: "int"},
    {label: "… per country", expr: `(${n4} − ${n6}) / ${g}`, value: (n4 - n6) / g, digits: 2},
    ...paper.table2
      .filter((r) => r.obs % g !== 0)
      .map((r) => ({label: `Table 2 N of ${r.variable} per country`, expr: `${r.obs} / ${g}`, value: r.obs / g, digits: 2}))
  ];
  const finding =
    `${g} countries over ${y0}-${y1} give at most ${maxN} country-years, but Table 4 uses ${n4}, i.e. ${f(n4 / g, 0)} years per country. ` +
    `Removing the single year 2020 takes away ${n4 - n5} observations (${f((n4 - n5) / g, 0)} per country), where one year of a ${g}-country panel is ${g}; ` +
    `the lag takes away ${n4 - n6} (${f((n4 - n6) / g, 0)} per country), as a one-year lag should. ` +
    `Several Table 2 counts are not multiples of ${g} and all exceed ${maxN}. The counts fit a panel of ${g} units over ${n4 / g} periods, or a different unit of observation, better than the design described.`;
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const iso = frame.columns.iso3 as Array<string | null>;
    const partners = new Set(iso).size;
    const yearCol = frame.columns.year as Float64Array;
    const ys = new Set(Array.from(yearCol)).size;
    const r = estimate(frame, replicationModels(OUTCOME)[1].spec);
    const t = (r.info as {n_periods?: number}).n_periods ?? NaN;
    ours.push(
      {label: "Panel rows", expr: `${partners} partners × ${ys} years`, value: frame.nrows, digits: "int"},
      {label: "Table 4 (2) on China's exports: observations", expr: `${r.n_groups} partners × ${t} years`, value: r.nobs, digits: "int"}
    );
    oursText = `Our panel is balanced by construction (${partners} partners × ${ys} years); a model needs the DSTRI (from 2014) and China's exports (to 2020), so Table 4 (2) has ${r.nobs} observations.`;
  }
  return {
    id: "observations",
    title: "Observation counts against 30 countries and 2008-2021",
    question: "Do the reported observation counts follow from the number of countries and years the paper states?",
    steps,
    finding,
    verdict: n4 > maxN ? "inconsistent" : "consistent",
    ours,
    oursText
  };
}

// ---------------------------------------------------------------------------------------------------------
/** First year the OECD publishes the DSTRI (used when no panel is given). */
export const DSTRI_FIRST_YEAR = 2014;

/** The DSTRI's published range (0-1, from 2014) against the reported range and sample period. */
export function checkDstriRange(paper: PaperTables, frame?: Frame): Check {
  const d = row(paper, "DSTRI");
  const [y0, y1] = paper.claims.period;
  let first = DSTRI_FIRST_YEAR;
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const s = describe(numericColumns(frame), ["dstri"])[0];
    const dstri = numericColumns(frame).dstri;
    const year = frame.columns.year as Float64Array;
    first = Infinity;
    for (let i = 0; i < frame.nrows; i++) if (dstri[i] === dstri[i]) first = Math.min(first, year[i]);
    ours.push(
      {label: "OECD DSTRI in our panel: minimum", expr: "min(dstri)", value: s.min, digits: 2},
      {label: "maximum", expr: "max(dstri)", value: s.max, digits: 2},
      {label: "mean", expr: "mean(dstri)", value: s.mean},
      {label: "standard deviation", expr: "sd(dstri)", value: s.sd},
      {label: "first year with a value", expr: "min(year | dstri present)", value: first, digits: "int"}
    );
    oursText = `The published index stays within 0-1 (ours: ${f(s.min, 2)}-${f(s.max, 2)}, mean ${f(s.mean)}) and starts in ${first}.`;
  }
  const before = Math.max(0, Math.min(y1, first - 1) - y0 + 1);
  const steps: Step[] = [
    {label: "Reported maximum above the index's ceiling of 1", expr: `${d.max} − 1`, value: d.max - 1},
    {label: "Reported mean above the ceiling", expr: `${d.mean} − 1`, value: d.mean - 1},
    {label: "Years of the claimed period before the index exists", expr: `${first} − ${y0}`, value: before, digits: "int"},
    {label: "Country-years with no published DSTRI", expr: `${before} × ${paper.claims.n_countries}`, value: before * paper.claims.n_countries, digits: "int"},
    {label: "Reported DSTRI observations", expr: "Table 2", value: d.obs, digits: "int"}
  ];
  return {
    id: "dstri-range",
    title: "DSTRI values outside the index's scale, and years before it exists",
    question: "Can the reported DSTRI be the OECD index, given its published scale (0 to 1) and first year (2014)?",
    steps,
    finding:
      `The reported DSTRI runs from ${d.min} to ${d.max} with mean ${d.mean}: the mean alone is ${f(d.mean - 1)} above the largest value the OECD index can take. ` +
      `The paper also has ${d.obs} DSTRI observations over ${y0}-${y1}, although the index starts in ${first}. The variable must be a rescaled, summed or otherwise constructed measure, with earlier years filled in; the paper describes compiling it from OECD reports but gives no method.`,
    verdict: d.max > 1 ? "inconsistent" : "consistent",
    ours,
    oursText
  };
}

// ---------------------------------------------------------------------------------------------------------
/** lngov is called a logarithm but its values are not. */
export function checkLngov(paper: PaperTables, frame?: Frame): Check {
  const g = row(paper, "lngov");
  const coefs = paper.models.filter((m) => m.terms.lngov).map((m) => m.terms.lngov);
  const maxAbsT = Math.max(...coefs.map((c) => Math.abs(c.t)));
  const printedZero = coefs.filter((c) => c.coef === 0).length;
  // "-0.000" means |b| < 0.0005; with t as printed, the SE is below 0.0005 / |t|.
  const steps: Step[] = [
    {label: "Digits of e^max if max were a natural log", expr: `${g.max} / ln 10`, value: g.max / Math.LN10, digits: 0},
    {label: "Digits of e^mean", expr: `${g.mean} / ln 10`, value: g.mean / Math.LN10, digits: 0},
    {label: "Coefficients printed as ±0.000", expr: `of ${coefs.length} models`, value: printedZero, digits: "int"},
    {label: "Largest |t| on a printed zero", expr: "max |t|", value: maxAbsT, digits: 2},
    {label: "Upper bound of that coefficient's SE", expr: `0.0005 / ${f(maxAbsT, 2)}`, value: 0.0005 / maxAbsT, digits: 6},
    {label: "Largest effect a printed zero allows for one SD of lngov", expr: `0.0005 × ${g.sd}`, value: 0.0005 * g.sd, digits: 2}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const s = describe(numericColumns(frame), ["lngov"])[0];
    ours.push(
      {label: "ln(government consumption, US$): minimum", expr: "min(lngov)", value: s.min, digits: 2},
      {label: "maximum", expr: "max(lngov)", value: s.max, digits: 2},
      {label: "mean", expr: "mean(lngov)", value: s.mean, digits: 2}
    );
    oursText = `Logs of government spending in US$ lie between ${f(s.min, 1)} and ${f(s.max, 1)} in our panel; a variable with a mean of ${g.mean} cannot be such a log.`;
  }
  return {
    id: "lngov",
    title: "lngov is described as a logarithm, but its values are levels",
    question: "Are the reported values of lngov consistent with the natural log of public expenditure?",
    steps,
    finding:
      `Table 2 gives lngov a mean of ${g.mean}, a standard deviation of ${g.sd} and a maximum of ${g.max}. As logarithms these would be numbers with thousands of digits, so the variable was most likely entered in levels. ` +
      `Its coefficient is then printed as -0.000 or 0.000 in all ${coefs.length} models while t reaches ${f(maxAbsT, 2)}: the size of the effect cannot be read from the tables, and one standard deviation of lngov could move exports by as much as ${f(0.0005 * g.sd, 1)} log points.`,
    verdict: g.max > 100 ? "inconsistent" : "consistent",
    ours,
    oursText
  };
}

// ---------------------------------------------------------------------------------------------------------
/** Two-sided p-value of a Pearson r from n observations, and the smallest |r| that earns *** at n. */
export function correlationFacts(r: number, n: number): {p: number; t: number; rCritical01: number} {
  const df = n - 2;
  const t = r * Math.sqrt(df / (1 - r * r));
  const tc = tQuantile(0.995, df);
  return {p: correlationPValue(r, n), t, rCritical01: tc / Math.sqrt(tc * tc + df)};
}

const starCount = (printed: string) => (printed.match(/\*/g) ?? []).length;

/** Which of the two panels prints the stars that p earns. */
function whichFits(cell: {zj: string; wz: string}, earned: string): string {
  const zj = starCount(cell.zj) === earned.length;
  const wz = starCount(cell.wz) === earned.length;
  if (zj && !wz) return "The Zhejiang panel's stars fit; the Wenzhou panel's do not.";
  if (wz && !zj) return "The Wenzhou panel's stars fit; the Zhejiang panel's do not.";
  return zj ? "Both panels' stars fit." : "Neither panel's stars fit.";
}

/** Identical correlation rows for the two regions, and the same r starred differently. */
export function checkCorrelations(paper: PaperTables, frame?: Frame): Check {
  const [a, b] = paper.table3;
  const n = model(paper, "t4_m1").observations;
  // Column 0 is the correlation with the region's exports.
  const first = a.rows.slice(1).map((r, i) => ({variable: r.variable, zj: r.cells[0], wz: b.rows[i + 1].cells[0]}));
  const sameY = first.filter((c) => c.zj.printed === c.wz.printed);
  // Cells among the regressors (not involving exports): expected to be equal, checked for stars.
  const starDiff: Array<{row: string; col: string; zj: string; wz: string; r: number}> = [];
  a.rows.forEach((r, i) =>
    r.cells.forEach((c, j) => {
      if (i === 0 || j === 0) return;
      const other = b.rows[i].cells[j];
      if (other && other.printed !== c.printed) starDiff.push({row: r.variable, col: a.variables[j], zj: c.printed, wz: other.printed, r: c.r});
    })
  );
  const target = starDiff[0];
  const facts = target ? correlationFacts(target.r, n) : null;
  const steps: Step[] = [
    {label: "Rows where the correlation with exports is printed identically for Zhejiang and Wenzhou", expr: `of ${first.length}`, value: sameY.length, digits: "int"},
    {label: "Cells among the regressors printed differently in the two panels", expr: "count", value: starDiff.length, digits: "int"}
  ];
  if (target && facts) {
    steps.push(
      {label: `t of r = ${target.r} at n = ${n}`, expr: `${target.r} × √(${n - 2} / (1 − (${target.r})²))`, value: facts.t},
      {label: "two-sided p", expr: `2 · F_t(−|t|; ${n - 2})`, value: facts.p, digits: 4},
      {label: "stars this p earns", expr: "*** < 0.01 ≤ ** < 0.05", value: stars(facts.p).length, digits: "int"},
      {label: `smallest |r| for *** at n = ${n}`, expr: `t₀.₉₉₅ / √(t₀.₉₉₅² + ${n - 2})`, value: facts.rCritical01, digits: 4}
    );
  }
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const cols = numericColumns(frame);
    const c = pearson(cols.lnexport_cn, cols.dstri);
    ours.push(
      {label: "r(lnexport_cn, DSTRI), pairwise", expr: `n = ${c.n}`, value: c.r},
      {label: "its p-value", expr: `2 · F_t(−|t|; ${c.n - 2})`, value: c.p, digits: 4}
    );
    oursText = `On the open panel, China's exports and the DSTRI correlate at r = ${f(c.r)} (n = ${c.n}, p = ${f(c.p, 3)}).`;
  }
  const sameNames = sameY.map((c) => c.variable).join(" and ");
  return {
    id: "correlations",
    title: "Correlation rows shared by the two regions, and one r with two star levels",
    question: "Are the correlations of Table 3 and their significance stars consistent across its two panels and with n?",
    steps,
    finding:
      `Zhejiang's and Wenzhou's exports are different series, yet their correlations with ${sameNames} are printed identically (${sameY.map((c) => c.zj.printed).join(", ")}). ` +
      (target && facts
        ? `Among the regressors the panels should agree, and they do except for ${target.row}-${target.col}: ${target.zj} in the Zhejiang panel, ${target.wz} in the Wenzhou panel. ` +
          `At n = ${n}, r = ${target.r} has p = ${f(facts.p, 4)}, which earns ${stars(facts.p) || "no star"}; *** would need |r| ≥ ${f(facts.rCritical01, 4)}. ${whichFits(target, stars(facts.p))}`
        : ""),
    verdict: sameY.length > 0 || starDiff.length > 0 ? "inconsistent" : "consistent",
    ours,
    oursText
  };
}

// ---------------------------------------------------------------------------------------------------------
/** What an R² of 0.99 means with two-way fixed effects. */
export function checkR2(paper: PaperTables, frame?: Frame): Check {
  const m1 = model(paper, "t4_m1");
  const m2 = model(paper, "t4_m2");
  const steps: Step[] = [
    {label: "Variance left unexplained by model (1)", expr: `1 − ${m1.r2}`, value: 1 - (m1.r2 ?? NaN)},
    {label: "R² added by the four controls, model (2) − (1)", expr: `${m2.r2} − ${m1.r2}`, value: (m2.r2 ?? NaN) - (m1.r2 ?? NaN)}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const [base, ctrl] = replicationModels(OUTCOME).slice(0, 2).map((m) => estimate(frame, m.spec));
    const info = base.info as {ssr_fe_only: number; tss: number};
    const feOnly = 1 - info.ssr_fe_only / info.tss;
    ours.push(
      {label: "R² of China's exports on country and year FE only", expr: `1 − ${f(info.ssr_fe_only, 2)} / ${f(info.tss, 2)}`, value: feOnly, digits: 4},
      {label: "R² with the DSTRI added", expr: "Table 4 (1)", value: base.r2 ?? NaN, digits: 4},
      {label: "R² with DSTRI and controls", expr: "Table 4 (2)", value: ctrl.r2 ?? NaN, digits: 4},
      {label: "within R² of the DSTRI alone", expr: "1 − SSR / SSR(FE only)", value: base.r2_within ?? NaN, digits: 4},
      {label: "within R² with controls", expr: "Table 4 (2)", value: ctrl.r2_within ?? NaN, digits: 4}
    );
    oursText =
      `On our panel the fixed effects alone explain ${f(100 * feOnly, 1)}% of the variance of log exports; the DSTRI adds ${f(100 * ((base.r2 ?? NaN) - feOnly), 2)} percentage points ` +
      `(within R² ${f(base.r2_within ?? NaN, 4)}). A high R² here says that exports differ mostly between partners and years, not that the DSTRI explains them.`;
  }
  return {
    id: "r2",
    title: "An R² of 0.99 comes from the fixed effects",
    question: "How much of the reported R² is due to the DSTRI rather than to the country and year fixed effects?",
    steps,
    finding:
      `With partner and year fixed effects, R² counts the variation between partners and between years as explained. Model (1) reaches ${m1.r2} with the DSTRI as its only regressor, and the four controls add ${f((m2.r2 ?? NaN) - (m1.r2 ?? NaN))}. ` +
      `The paper does not report the within R², which is the share of the remaining variation its regressors explain; without it, 0.99 says little about the DSTRI.`,
    verdict: "unclear",
    ours,
    oursText
  };
}

// ---------------------------------------------------------------------------------------------------------
/** t statistics against coefficients: implied standard errors. */
export function checkTstats(paper: PaperTables, frame?: Frame): Check {
  const m2 = model(paper, "t4_m2");
  const gdp = m2.terms.lngdp;
  const pop = model(paper, "t7_zj").terms.lnpopu;
  const gdpRow = row(paper, "lngdp");
  const se = Math.abs(gdp.coef / gdp.t);
  const steps: Step[] = [
    {label: "Implied SE of lngdp, Table 4 (2)", expr: `|${gdp.coef} / ${gdp.t}|`, value: se, digits: 4},
    {label: "95% interval half-width", expr: `1.96 × ${f(se, 4)}`, value: 1.96 * se, digits: 4},
    {label: "Implied SE of lnpopu in the GMM Table 7", expr: `|${pop.coef} / ${pop.t}|`, value: Math.abs(pop.coef / pop.t), digits: 4},
    {label: "Effect of lngdp's whole range in Table 2", expr: `${gdp.coef} × (${gdpRow.max} − ${gdpRow.min})`, value: gdp.coef * (gdpRow.max - gdpRow.min)}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const r: Result = estimate(frame, replicationModels(OUTCOME)[1].spec);
    const j = r.terms.indexOf("lngdp");
    ours.push(
      {label: "Our lngdp coefficient (China, Table 4 (2))", expr: "clustered by country", value: r.coef[j]},
      {label: "its SE", expr: "CR1", value: r.se[j], digits: 4},
      {label: "its t", expr: "coef / SE", value: r.tstat[j], digits: 2}
    );
    oursText = `On our panel, log GDP's coefficient is ${f(r.coef[j])} with t = ${f(r.tstat[j], 2)}: once partner and year effects are removed, little variation in GDP is left to estimate it from.`;
  }
  return {
    id: "tstats",
    title: "Very large t statistics on the controls",
    question: "Are the t statistics plausible given the coefficients and how much the regressors vary within countries?",
    steps,
    finding:
      `lngdp's t of ${gdp.t} implies a standard error of ${f(se, 4)}, a precision rarely seen for a control in a two-way fixed-effects panel of ${m2.n_countries} countries, where only each country's deviations from its own average and from the year's average identify the coefficient. ` +
      `The sign is also unusual: a larger partner economy would buy ${f(Math.abs(gdp.coef), 2)}% less for 1% more GDP. The paper does not say which standard errors it used; non-clustered standard errors on a panel like this are typically far too small.`,
    verdict: "unclear",
    ours,
    oursText
  };
}

// ---------------------------------------------------------------------------------------------------------
/** A constant printed beside country fixed effects. */
export function checkConstant(paper: PaperTables): Check {
  const m1 = model(paper, "t4_m1");
  const m3 = model(paper, "t4_m3");
  const y1 = row(paper, "lnexport_zj").mean;
  const y3 = row(paper, "lnexport_wz").mean;
  const x = row(paper, "DSTRI").mean;
  const c1 = m1.terms.Constant;
  const c3 = m3.terms.Constant;
  const steps: Step[] = [
    {label: "ȳ − b·x̄, Zhejiang (what xtreg, fe reports with one regressor and no year dummies)", expr: `${y1} − (${m1.terms.DSTRI.coef}) × ${x}`, value: y1 - m1.terms.DSTRI.coef * x},
    {label: "printed constant, model (1)", expr: "Table 4", value: c1.coef},
    {label: "ȳ − b·x̄, Wenzhou", expr: `${y3} − (${m3.terms.DSTRI.coef}) × ${x}`, value: y3 - m3.terms.DSTRI.coef * x},
    {label: "printed constant, model (3)", expr: "Table 4", value: c3.coef}
  ];
  return {
    id: "constant",
    title: "A constant reported beside country fixed effects",
    question: "What does the constant mean when a full set of partner fixed effects is included, and does it match the means?",
    steps,
    finding:
      `With a fixed effect for every partner, the constant is not identified on its own; software that prints one (Stata's xtreg, fe, reghdfe) reports an average of the fixed effects, which carries no information on the DSTRI. ` +
      `With one regressor, that average is ȳ − b·x̄ on the estimation sample: ${f(y1 - m1.terms.DSTRI.coef * x)} for Zhejiang against ${c1.coef} printed. ` +
      `Year dummies and the differing samples of Table 2 (N ${row(paper, "lnexport_zj").obs} against ${m1.observations}) can account for a gap, so this is a question, not a finding. The fixed effects are labelled "Province FE" although the units are partner countries.`,
    verdict: "unclear",
    ours: [],
    oursText: "Our fixed-effects models absorb the constant into the partner effects and report none, as fixest does."
  };
}

// ---------------------------------------------------------------------------------------------------------
/** Minimums of 0 for lnexport_wz and city_rate. */
export function checkMinimums(paper: PaperTables, frame?: Frame): Check {
  const wz = row(paper, "lnexport_wz");
  const zj = row(paper, "lnexport_zj");
  const city = row(paper, "city_rate");
  const steps: Step[] = [
    {label: "Wenzhou's smallest export value", expr: `e^${wz.min}`, value: Math.exp(wz.min), digits: 0},
    {label: "Wenzhou's average (geometric) export value", expr: `e^${wz.mean}`, value: Math.exp(wz.mean), digits: 0},
    {label: "Zhejiang's smallest export value", expr: `e^${zj.min}`, value: Math.exp(zj.min), digits: 0},
    {label: "Lowest urbanisation rate reported", expr: "Table 2", value: city.min, digits: 3}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const [u, e] = describe(numericColumns(frame), ["urban", "exports_cn_usd"]);
    ours.push(
      {label: "Lowest urban share among our 42 partners", expr: "min(urban)", value: u.min, digits: 3},
      {label: "Smallest annual value of China's exports to a partner (US$ million)", expr: "min(exports_cn_usd) / 10⁶", value: e.min / 1e6, digits: 1}
    );
    oursText = `No partner in our panel has an urban share below ${f(u.min, 3)}, and China's smallest yearly export to any of them is US$${f(e.min / 1e6, 0)} million.`;
  }
  return {
    id: "minimums",
    title: "Exports of one unit and an urbanisation rate of zero",
    question: "Are the minimum values in Table 2 possible?",
    steps,
    finding:
      `A minimum of 0 for lnexport_wz means Wenzhou exported exactly one unit (the unit is not stated) to some partner in some year, against a typical e^${wz.mean} ≈ ${f(Math.exp(wz.mean), 0)}; ` +
      `this usually marks a zero or missing value recoded as 1 before taking logs, which distorts a log-linear model. A city_rate minimum of 0 would be a country without towns; it is more likely a missing value stored as 0.`,
    verdict: wz.min === 0 || city.min === 0 ? "inconsistent" : "consistent",
    ours,
    oursText
  };
}

// ---------------------------------------------------------------------------------------------------------
/** Solve for the inverse of a small symmetric matrix (Gauss-Jordan with partial pivoting). */
export function invert(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((r, i) => [...r, ...Array.from({length: n}, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= k * m[c][j];
    }
  }
  return m.map((r) => r.slice(n));
}

/** The mean VIF implied by Table 3's correlations among the regressors, against the reported 1.97. */
export function checkVif(paper: PaperTables, frame?: Frame): Check {
  const panel = paper.table3[0];
  const idx = panel.variables.map((_, i) => i).slice(1);
  const names = idx.map((i) => panel.variables[i]);
  const r = idx.map((i) => idx.map((j) => (i === j ? 1 : (i > j ? panel.rows[i].cells[j] : panel.rows[j].cells[i]).r)));
  const inv = invert(r);
  const vifs = names.map((_, k) => inv[k][k]);
  const mean = vifs.reduce((s, v) => s + v, 0) / vifs.length;
  const steps: Step[] = [
    ...names.map((n, k) => ({label: `VIF of ${n} from Table 3`, expr: `[R⁻¹]_${k + 1}${k + 1}`, value: vifs[k], digits: 2})),
    {label: "Mean VIF implied by Table 3", expr: "average", value: mean, digits: 2},
    {label: "Mean VIF reported", expr: "text", value: paper.claims.vif_mean, digits: 2}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const cols = numericColumns(frame);
    const mask = new Uint8Array(frame.nrows).map((_, i) => (cols.lnexport_cn[i] === cols.lnexport_cn[i] ? 1 : 0));
    const v = vif(cols, ["dstri", ...CONTROLS], mask);
    const m = v.vif.reduce((s, x) => s + x, 0) / v.vif.length;
    ours.push({label: "Mean VIF on our panel (pooled, Table 4 (2) sample)", expr: `n = ${v.n}`, value: m, digits: 2});
    oursText = `On our panel the mean VIF of the same five regressors is ${f(m, 2)}.`;
  }
  const close = Math.abs(mean - paper.claims.vif_mean) < 0.05;
  return {
    id: "vif",
    title: "The reported mean VIF against Table 3",
    question: "Does the mean variance inflation factor of 1.97 follow from the correlations the paper prints?",
    steps,
    finding:
      `For regressors standardised on one sample, each VIF is a diagonal element of the inverse of their correlation matrix. Table 3's correlations imply a mean VIF of ${f(mean, 2)}, ` +
      (close
        ? `close to the reported ${paper.claims.vif_mean}.`
        : `against ${paper.claims.vif_mean} reported. Pairwise correlations on different samples can explain part of the gap.`),
    verdict: close ? "consistent" : "unclear",
    ours,
    oursText
  };
}

// ---------------------------------------------------------------------------------------------------------
/** The GMM table: what is missing to judge it. */
export function checkGmm(paper: PaperTables): Check {
  const g = model(paper, "t7_zj");
  const fe = model(paper, "t6_zj");
  const hasLagY = Object.keys(g.terms).some((t) => /lnexport/i.test(t));
  const steps: Step[] = [
    {label: "Observations, GMM (Table 7) − lagged FE (Table 6)", expr: `${g.observations} − ${fe.observations}`, value: g.observations - fe.observations, digits: "int"},
    {label: "Lagged dependent variable among the reported terms", expr: "1 = yes, 0 = no", value: hasLagY ? 1 : 0, digits: "int"},
    {label: "Diagnostics reported (instrument count, Hansen/Sargan, AR(2))", expr: "of 3", value: ["n_instruments", "hansen", "ar2"].filter((k) => k in g).length, digits: "int"},
    {label: "LDSTRI coefficient, GMM / lagged FE", expr: `${g.terms.LDSTRI.coef} / ${fe.terms.LDSTRI.coef}`, value: g.terms.LDSTRI.coef / fe.terms.LDSTRI.coef, digits: 2}
  ];
  return {
    id: "gmm",
    title: "The GMM table leaves out what is needed to judge it",
    question: "Can a reader tell which GMM estimator was used and whether its instruments are valid?",
    steps,
    finding:
      `Table 7 reports ${g.observations} observations, the same as the fixed-effects lag model, and ${hasLagY ? "a" : "no"} lagged dependent variable, although dynamic-panel GMM is used precisely to include one and loses periods to differencing. ` +
      `Neither the estimator (difference or system), the instruments, their number, the Hansen test nor the Arellano-Bond AR(2) test is reported; with ${g.n_countries ?? paper.claims.n_countries} countries, instrument counts easily exceed the number of units. The LDSTRI coefficient is ${f(g.terms.LDSTRI.coef / fe.terms.LDSTRI.coef, 1)} times the fixed-effects one.`,
    verdict: "unclear",
    ours: [],
    oursText: "The replication page estimates difference and system GMM (collapsed instruments, lags 2-99, two-step, Windmeijer SE) and shows instrument counts, Hansen and AR tests next to the coefficients."
  };
}

/** Every check, in reading order. The panel is optional: without it, only the paper's arithmetic is done. */
export function auditChecks(paper: PaperTables, frame?: Frame): Check[] {
  return [
    checkObservations(paper, frame),
    checkDstriRange(paper, frame),
    checkLngov(paper, frame),
    checkCorrelations(paper, frame),
    checkR2(paper, frame),
    checkTstats(paper, frame),
    checkConstant(paper),
    checkMinimums(paper, frame),
    checkVif(paper, frame),
    checkGmm(paper)
  ];
}
