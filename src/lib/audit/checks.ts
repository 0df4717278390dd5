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
import {pick} from "../i18n.js";

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
    {label: pick({en: "Years claimed", zh: "所称的年份数"}), expr: `${y1} − ${y0} + 1`, value: years, digits: "int"},
    {label: pick({en: "Largest possible balanced sample", zh: "平衡面板的最大样本量"}), expr: pick({en: `${g} countries × ${years} years`, zh: `${g} 个国家 × ${years} 年`}), value: maxN, digits: "int"},
    {label: pick({en: "Table 4 observations per country", zh: "表 4 每个国家的观测值"}), expr: `${n4} / ${g}`, value: n4 / g, digits: 2},
    {label: pick({en: "Table 4 excess over the possible", zh: "表 4 超出可能上限的观测值"}), expr: `${n4} − ${maxN}`, value: n4 - maxN, digits: "int"},
    {label: pick({en: "Dropping 2020 (Table 5) removes", zh: "剔除 2020 年（表 5）减少的观测值"}), expr: `${n4} − ${n5}`, value: n4 - n5, digits: "int"},
    {label: pick({en: "… per country (one year would remove 1)", zh: "……折合每个国家（剔除一年应只少 1 个）"}), expr: `(${n4} − ${n5}) / ${g}`, value: (n4 - n5) / g, digits: 2},
    {label: pick({en: "The one-year lag (Table 6) removes", zh: "滞后一期（表 6）减少的观测值"}), expr: `${n4} − ${n6}`, value: n4 - n6, digits: "int"},
    {label: pick({en: "… per country", zh: "……折合每个国家"}), expr: `(${n4} − ${n6}) / ${g}`, value: (n4 - n6) / g, digits: 2},
    ...paper.table2
      .filter((r) => r.obs % g !== 0)
      .map((r) => ({label: pick({en: `Table 2 N of ${r.variable} per country`, zh: `表 2 中 ${r.variable} 的观测值折合每个国家`}), expr: `${r.obs} / ${g}`, value: r.obs / g, digits: 2}))
  ];
  const finding =
    pick({
    en:
    `${g} countries over ${y0}-${y1} give at most ${maxN} country-years, but Table 4 uses ${n4}, i.e. ${f(n4 / g, 0)} years per country. ` +
    `Removing the single year 2020 takes away ${n4 - n5} observations (${f((n4 - n5) / g, 0)} per country), where one year of a ${g}-country panel is ${g}; ` +
    `the lag takes away ${n4 - n6} (${f((n4 - n6) / g, 0)} per country), as a one-year lag should. ` +
    `Several Table 2 counts are not multiples of ${g} and all exceed ${maxN}. The counts fit a panel of ${g} units over ${n4 / g} periods, or a different unit of observation, better than the design described.`
    ,
    zh:
`${g} 个国家、${y0}–${y1} 年，最多只有 ${maxN} 个国家-年份，但表 4 用了 ${n4} 个观测值，相当于每个国家 ${f(n4 / g, 0)} 年。` +
    `仅剔除 2020 这一年就少了 ${n4 - n5} 个观测值（每个国家 ${f((n4 - n5) / g, 0)} 个），而 ${g} 个国家的面板剔除一年本应只少 ${g} 个；` +
    `滞后一期少了 ${n4 - n6} 个（每个国家 ${f((n4 - n6) / g, 0)} 个），这与滞后一期相符。` +
    `表 2 的若干观测值数不是 ${g} 的整数倍，而且全都超过 ${maxN}。这些数字更像是 ${g} 个单位 × ${n4 / g} 期的面板，或另一种观测单位，而不是论文所描述的设计。`
    });
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
      {label: pick({en: "Panel rows", zh: "面板行数"}), expr: pick({en: `${partners} partners × ${ys} years`, zh: `${partners} 个伙伴 × ${ys} 年`}), value: frame.nrows, digits: "int"},
      {label: pick({en: "Table 4 (2) on China's exports: observations", zh: "以中国出口估计表 4 第 (2) 列：观测值"}), expr: pick({en: `${r.n_groups} partners × ${t} years`, zh: `${r.n_groups} 个伙伴 × ${t} 年`}), value: r.nobs, digits: "int"}
    );
    oursText = pick({en: `Our panel is balanced by construction (${partners} partners × ${ys} years); a model needs the DSTRI (from 2014) and China's exports (to 2020), so Table 4 (2) has ${r.nobs} observations.`, zh: `本复现的面板按构造是平衡的（${partners} 个伙伴 × ${ys} 年）；模型同时需要 DSTRI（2014 年起）和中国出口数据（至 2020 年），因此表 4 第 (2) 列共有 ${r.nobs} 个观测值。`});
  }
  return {
    id: "observations",
    title: pick({en: "Observation counts against 30 countries and 2008-2021", zh: "观测值数量与“30 个国家、2008–2021 年”的说法对不上"}),
    question: pick({en: "Do the reported observation counts follow from the number of countries and years the paper states?", zh: "论文报告的观测值数量，能否由其所述的国家数和年份数推出？"}),
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
      {label: pick({en: "OECD DSTRI in our panel: minimum", zh: "本面板中 OECD DSTRI 的最小值"}), expr: "min(dstri)", value: s.min, digits: 2},
      {label: pick({en: "maximum", zh: "最大值"}), expr: "max(dstri)", value: s.max, digits: 2},
      {label: pick({en: "mean", zh: "均值"}), expr: "mean(dstri)", value: s.mean},
      {label: pick({en: "standard deviation", zh: "标准差"}), expr: "sd(dstri)", value: s.sd},
      {label: pick({en: "first year with a value", zh: "有数值的第一年"}), expr: "min(year | dstri present)", value: first, digits: "int"}
    );
    oursText = pick({en: `The published index stays within 0-1 (ours: ${f(s.min, 2)}-${f(s.max, 2)}, mean ${f(s.mean)}) and starts in ${first}.`, zh: `公开发布的指数始终在 0–1 之间（本面板：${f(s.min, 2)}–${f(s.max, 2)}，均值 ${f(s.mean)}），且始于 ${first} 年。`});
  }
  const before = Math.max(0, Math.min(y1, first - 1) - y0 + 1);
  const steps: Step[] = [
    {label: pick({en: "Reported maximum above the index's ceiling of 1", zh: "报告的最大值超出指数上限 1 的部分"}), expr: `${d.max} − 1`, value: d.max - 1},
    {label: pick({en: "Reported mean above the ceiling", zh: "报告的均值超出上限的部分"}), expr: `${d.mean} − 1`, value: d.mean - 1},
    {label: pick({en: "Years of the claimed period before the index exists", zh: "所称样本期中早于指数发布的年数"}), expr: `${first} − ${y0}`, value: before, digits: "int"},
    {label: pick({en: "Country-years with no published DSTRI", zh: "没有公开 DSTRI 的国家-年份数"}), expr: `${before} × ${paper.claims.n_countries}`, value: before * paper.claims.n_countries, digits: "int"},
    {label: pick({en: "Reported DSTRI observations", zh: "报告的 DSTRI 观测值"}), expr: "Table 2", value: d.obs, digits: "int"}
  ];
  return {
    id: "dstri-range",
    title: pick({en: "DSTRI values outside the index's scale, and years before it exists", zh: "DSTRI 数值超出指数量程，且早于指数发布"}),
    question: pick({en: "Can the reported DSTRI be the OECD index, given its published scale (0 to 1) and first year (2014)?", zh: "鉴于 OECD 指数的量程（0 到 1）和首发年份（2014 年），论文中的 DSTRI 可能就是这一指数吗？"}),
    steps,
    finding:
      pick({
      en:
      `The reported DSTRI runs from ${d.min} to ${d.max} with mean ${d.mean}: the mean alone is ${f(d.mean - 1)} above the largest value the OECD index can take. ` +
      `The paper also has ${d.obs} DSTRI observations over ${y0}-${y1}, although the index starts in ${first}. The variable must be a rescaled, summed or otherwise constructed measure, with earlier years filled in; the paper describes compiling it from OECD reports but gives no method.`
      ,
      zh:
`论文报告的 DSTRI 介于 ${d.min} 与 ${d.max} 之间，均值为 ${d.mean}：仅均值就比 OECD 指数可能取到的最大值高出 ${f(d.mean - 1)}。` +
      `论文在 ${y0}–${y1} 年间还有 ${d.obs} 个 DSTRI 观测值，而该指数 ${first} 年才开始发布。这个变量只能是经过重新标度、加总或其他方式构造的指标，并补齐了更早的年份；论文称其根据 OECD 报告整理，却没有给出方法。`
      }),
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
    {label: pick({en: "Digits of e^max if max were a natural log", zh: "若最大值是自然对数，e^最大值的位数"}), expr: `${g.max} / ln 10`, value: g.max / Math.LN10, digits: 0},
    {label: pick({en: "Digits of e^mean", zh: "e^均值的位数"}), expr: `${g.mean} / ln 10`, value: g.mean / Math.LN10, digits: 0},
    {label: pick({en: "Coefficients printed as ±0.000", zh: "系数印为 ±0.000 的模型数"}), expr: pick({en: `of ${coefs.length} models`, zh: `共 ${coefs.length} 个模型`}), value: printedZero, digits: "int"},
    {label: pick({en: "Largest |t| on a printed zero", zh: "系数印为零时的最大 |t|"}), expr: "max |t|", value: maxAbsT, digits: 2},
    {label: pick({en: "Upper bound of that coefficient's SE", zh: "该系数标准误的上界"}), expr: `0.0005 / ${f(maxAbsT, 2)}`, value: 0.0005 / maxAbsT, digits: 6},
    {label: pick({en: "Largest effect a printed zero allows for one SD of lngov", zh: "印为零的系数所容许的最大效应（lngov 变动一个标准差）"}), expr: `0.0005 × ${g.sd}`, value: 0.0005 * g.sd, digits: 2}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const s = describe(numericColumns(frame), ["lngov"])[0];
    ours.push(
      {label: pick({en: "ln(government consumption, US$): minimum", zh: "ln（政府消费支出，美元）：最小值"}), expr: "min(lngov)", value: s.min, digits: 2},
      {label: pick({en: "maximum", zh: "最大值"}), expr: "max(lngov)", value: s.max, digits: 2},
      {label: pick({en: "mean", zh: "均值"}), expr: "mean(lngov)", value: s.mean, digits: 2}
    );
    oursText = pick({en: `Logs of government spending in US$ lie between ${f(s.min, 1)} and ${f(s.max, 1)} in our panel; a variable with a mean of ${g.mean} cannot be such a log.`, zh: `本面板中以美元计的政府支出取对数后介于 ${f(s.min, 1)} 与 ${f(s.max, 1)} 之间；均值为 ${g.mean} 的变量不可能是这样的对数。`});
  }
  return {
    id: "lngov",
    title: pick({en: "lngov is described as a logarithm, but its values are levels", zh: "lngov 号称取了对数，数值却是水平值"}),
    question: pick({en: "Are the reported values of lngov consistent with the natural log of public expenditure?", zh: "论文报告的 lngov 数值，与公共支出的自然对数相符吗？"}),
    steps,
    finding:
      pick({
      en:
      `Table 2 gives lngov a mean of ${g.mean}, a standard deviation of ${g.sd} and a maximum of ${g.max}. As logarithms these would be numbers with thousands of digits, so the variable was most likely entered in levels. ` +
      `Its coefficient is then printed as -0.000 or 0.000 in all ${coefs.length} models while t reaches ${f(maxAbsT, 2)}: the size of the effect cannot be read from the tables, and one standard deviation of lngov could move exports by as much as ${f(0.0005 * g.sd, 1)} log points.`
      ,
      zh:
`表 2 中 lngov 的均值为 ${g.mean}，标准差为 ${g.sd}，最大值为 ${g.max}。若这些是对数，对应的原值将是成千上万位的数字，因此该变量很可能是以水平值而非对数进入回归的。` +
      `于是它的系数在全部 ${coefs.length} 个模型中都印成 -0.000 或 0.000，而 t 值高达 ${f(maxAbsT, 2)}：从表中读不出效应大小；lngov 变动一个标准差，可能使出口变动多达 ${f(0.0005 * g.sd, 1)} 个对数点。`
      }),
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

/**
 * The legend printed under Table 3 reads "****p<0.01, ***p<0.05, *p<0.1" (Table 4's: "****p<0.01, **p<0.05, *p<0.1"); Tables 5-7 print the usual
 * "*** p<0.01, ** p<0.05, * p<0.1". The checks use the usual legend, i.e. they take Table 3's for a typo, and say so;
 * this gives the stars that the legend as printed would award, to show what changes if it is not one.
 * Example: `literalStars(0.003)` -> "****", `literalStars(0.02)` -> "***", `literalStars(0.07)` -> "*".
 */
export function literalStars(p: number): string {
  return p < 0.01 ? "****" : p < 0.05 ? "***" : p < 0.1 ? "*" : "";
}

/** Which of the two panels prints the stars that p earns. */
function whichFits(cell: {zj: string; wz: string}, earned: string): string {
  const zj = starCount(cell.zj) === earned.length;
  const wz = starCount(cell.wz) === earned.length;
  if (zj && !wz) return pick({en: "The Zhejiang panel's stars fit; the Wenzhou panel's do not.", zh: "浙江一栏的星号相符，温州一栏的不符。"});
  if (wz && !zj) return pick({en: "The Wenzhou panel's stars fit; the Zhejiang panel's do not.", zh: "温州一栏的星号相符，浙江一栏的不符。"});
  return zj ? pick({en: "Both panels' stars fit.", zh: "两栏的星号都相符。"}) : pick({en: "Neither panel's stars fit.", zh: "两栏的星号都不相符。"});
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
    {label: pick({en: "Rows where the correlation with exports is printed identically for Zhejiang and Wenzhou", zh: "浙江与温州两栏中与出口的相关系数完全相同的行数"}), expr: pick({en: `of ${first.length}`, zh: `共 ${first.length} 行`}), value: sameY.length, digits: "int"},
    {label: pick({en: "Cells among the regressors printed differently in the two panels", zh: "解释变量之间的相关系数在两栏中不一致的格数"}), expr: pick({en: "count", zh: "计数"}), value: starDiff.length, digits: "int"}
  ];
  if (target && facts) {
    steps.push(
      {label: pick({en: `t of r = ${target.r} at n = ${n}`, zh: `n = ${n} 时 r = ${target.r} 对应的 t`}), expr: `${target.r} × √(${n - 2} / (1 − (${target.r})²))`, value: facts.t},
      {label: pick({en: "two-sided p", zh: "双侧 p 值"}), expr: `2 · F_t(−|t|; ${n - 2})`, value: facts.p, digits: 4},
      {label: pick({en: "stars this p earns", zh: "该 p 值应得的星号数"}), expr: "*** < 0.01 ≤ ** < 0.05", value: stars(facts.p).length, digits: "int"},
      {label: pick({en: `smallest |r| for *** at n = ${n}`, zh: `n = ${n} 时达到 *** 所需的最小 |r|`}), expr: `t₀.₉₉₅ / √(t₀.₉₉₅² + ${n - 2})`, value: facts.rCritical01, digits: 4}
    );
  }
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const cols = numericColumns(frame);
    const c = pearson(cols.lnexport_cn, cols.dstri);
    ours.push(
      {label: pick({en: "r(lnexport_cn, DSTRI), pairwise", zh: "r(lnexport_cn, DSTRI)，两两计算"}), expr: `n = ${c.n}`, value: c.r},
      {label: pick({en: "its p-value", zh: "其 p 值"}), expr: `2 · F_t(−|t|; ${c.n - 2})`, value: c.p, digits: 4}
    );
    oursText = pick({en: `On the open panel, China's exports and the DSTRI correlate at r = ${f(c.r)} (n = ${c.n}, p = ${f(c.p, 3)}).`, zh: `在开放数据面板上，中国出口与 DSTRI 的相关系数为 r = ${f(c.r)}（n = ${c.n}，p = ${f(c.p, 3)}）。`});
  }
  const sameNames = sameY.map((c) => c.variable).join(" and ");
  return {
    id: "correlations",
    title: pick({en: "Correlation rows shared by the two regions, and one r with two star levels", zh: "两个地区共用同一行相关系数，同一个 r 却标了两种星号"}),
    question: pick({en: "Are the correlations of Table 3 and their significance stars consistent across its two panels and with n?", zh: "表 3 的相关系数及其显著性星号，在两栏之间、与样本量 n 之间是否一致？"}),
    steps,
    finding:
      pick({
      en:
      `Zhejiang's and Wenzhou's exports are different series, yet their correlations with ${sameNames} are printed identically (${sameY.map((c) => c.zj.printed).join(", ")}). ` +
      (target && facts
        ? `Among the regressors the panels should agree, and they do except for ${target.row}-${target.col}: ${target.zj} in the Zhejiang panel, ${target.wz} in the Wenzhou panel. ` +
          `At n = ${n}, r = ${target.r} has p = ${f(facts.p, 4)}, which earns ${stars(facts.p) || "no star"}; *** would need |r| ≥ ${f(facts.rCritical01, 4)}. ${whichFits(target, stars(facts.p))} ` +
          `An assumption: the legend printed under Table 3 reads "****p<0.01, ***p<0.05, *p<0.1"; this check applies the usual legend (*** p<0.01, ** p<0.05, * p<0.1, as Tables 5-7 print it), i.e. it takes the printed one for a typo. Read literally, p = ${f(facts.p, 4)} would earn ${literalStars(facts.p) || "no star"}, and then: ${whichFits(target, literalStars(facts.p))}`
        : "")
      ,
      zh:
`浙江与温州的出口是两个不同的序列，但它们与 ${sameY.map((c) => c.variable).join("、")} 的相关系数却印得一模一样（${sameY.map((c) => c.zj.printed).join("，")}）。` +
      (target && facts
        ? `解释变量之间的相关系数两栏本应相同，除 ${target.row}–${target.col} 外也确实相同：该格在浙江一栏为 ${target.zj}，在温州一栏为 ${target.wz}。` +
          `当 n = ${n} 时，r = ${target.r} 对应 p = ${f(facts.p, 4)}，应标 ${stars(facts.p) || "无星号"}；要达到 *** 需 |r| ≥ ${f(facts.rCritical01, 4)}。${whichFits(target, stars(facts.p))}` +
          `这里有一个假设：表 3 下方印的图例是"****p<0.01, ***p<0.05, *p<0.1"；本项检查采用通行的图例（*** p<0.01，** p<0.05，* p<0.1，与表 5–7 所印一致），即把所印图例视为笔误。若按字面理解，p = ${f(facts.p, 4)} 应标 ${literalStars(facts.p) || "无星号"}，此时：${whichFits(target, literalStars(facts.p))}`
        : "")
      }),
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
    {label: pick({en: "Variance left unexplained by model (1)", zh: "模型 (1) 未解释的方差比例"}), expr: `1 − ${m1.r2}`, value: 1 - (m1.r2 ?? NaN)},
    {label: pick({en: "R² added by the four controls, model (2) − (1)", zh: "四个控制变量增加的 R²，模型 (2) − (1)"}), expr: `${m2.r2} − ${m1.r2}`, value: (m2.r2 ?? NaN) - (m1.r2 ?? NaN)}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const [base, ctrl] = replicationModels(OUTCOME).slice(0, 2).map((m) => estimate(frame, m.spec));
    const info = base.info as {ssr_fe_only: number; tss: number};
    const feOnly = 1 - info.ssr_fe_only / info.tss;
    ours.push(
      {label: pick({en: "R² of China's exports on country and year FE only", zh: "中国出口仅对国家和年份固定效应回归的 R²"}), expr: `1 − ${f(info.ssr_fe_only, 2)} / ${f(info.tss, 2)}`, value: feOnly, digits: 4},
      {label: pick({en: "R² with the DSTRI added", zh: "加入 DSTRI 后的 R²"}), expr: "Table 4 (1)", value: base.r2 ?? NaN, digits: 4},
      {label: pick({en: "R² with DSTRI and controls", zh: "加入 DSTRI 和控制变量后的 R²"}), expr: "Table 4 (2)", value: ctrl.r2 ?? NaN, digits: 4},
      {label: pick({en: "within R² of the DSTRI alone", zh: "仅含 DSTRI 时的组内 R²"}), expr: "1 − SSR / SSR(FE only)", value: base.r2_within ?? NaN, digits: 4},
      {label: pick({en: "within R² with controls", zh: "加入控制变量后的组内 R²"}), expr: "Table 4 (2)", value: ctrl.r2_within ?? NaN, digits: 4}
    );
    oursText =
      pick({
      en:
      `On our panel the fixed effects alone explain ${f(100 * feOnly, 1)}% of the variance of log exports; the DSTRI adds ${f(100 * ((base.r2 ?? NaN) - feOnly), 2)} percentage points ` +
      `(within R² ${f(base.r2_within ?? NaN, 4)}). A high R² here says that exports differ mostly between partners and years, not that the DSTRI explains them.`
      ,
      zh:
`在本面板上，仅固定效应就解释了出口对数方差的 ${f(100 * feOnly, 1)}%；加入 DSTRI 只增加 ${f(100 * ((base.r2 ?? NaN) - feOnly), 2)} 个百分点` +
      `（组内 R² 为 ${f(base.r2_within ?? NaN, 4)}）。这里 R² 高，说明出口主要在伙伴之间、年份之间存在差异，并不说明 DSTRI 能解释出口。`
      });
  }
  return {
    id: "r2",
    title: pick({en: "An R² of 0.99 comes from the fixed effects", zh: "0.99 的 R² 来自固定效应"}),
    question: pick({en: "How much of the reported R² is due to the DSTRI rather than to the country and year fixed effects?", zh: "论文报告的 R² 中，有多少归功于 DSTRI，而非国家和年份固定效应？"}),
    steps,
    finding:
      pick({
      en:
      `With partner and year fixed effects, R² counts the variation between partners and between years as explained. Model (1) reaches ${m1.r2} with the DSTRI as its only regressor, and the four controls add ${f((m2.r2 ?? NaN) - (m1.r2 ?? NaN))}. ` +
      `The paper does not report the within R², which is the share of the remaining variation its regressors explain; without it, 0.99 says little about the DSTRI.`
      ,
      zh:
`加入伙伴和年份固定效应后，R² 会把伙伴之间、年份之间的差异都算作"已解释"。模型 (1) 只有 DSTRI 一个解释变量，R² 就达到 ${m1.r2}；四个控制变量只再增加 ${f((m2.r2 ?? NaN) - (m1.r2 ?? NaN))}。` +
      `论文没有报告组内 R²，即解释变量对剩余变动的解释比例；没有它，0.99 对 DSTRI 几乎说明不了什么。`
      }),
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
    {label: pick({en: "Implied SE of lngdp, Table 4 (2)", zh: "表 4 第 (2) 列 lngdp 的隐含标准误"}), expr: `|${gdp.coef} / ${gdp.t}|`, value: se, digits: 4},
    {label: pick({en: "95% interval half-width", zh: "95% 置信区间的半宽"}), expr: `1.96 × ${f(se, 4)}`, value: 1.96 * se, digits: 4},
    {label: pick({en: "Implied SE of lnpopu in the GMM Table 7", zh: "GMM 表 7 中 lnpopu 的隐含标准误"}), expr: `|${pop.coef} / ${pop.t}|`, value: Math.abs(pop.coef / pop.t), digits: 4},
    {label: pick({en: "Effect of lngdp's whole range in Table 2", zh: "lngdp 在表 2 全部取值范围内的效应"}), expr: `${gdp.coef} × (${gdpRow.max} − ${gdpRow.min})`, value: gdp.coef * (gdpRow.max - gdpRow.min)}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const r: Result = estimate(frame, replicationModels(OUTCOME)[1].spec);
    const j = r.terms.indexOf("lngdp");
    ours.push(
      {label: pick({en: "Our lngdp coefficient (China, Table 4 (2))", zh: "本复现 lngdp 的系数（中国，表 4 第 (2) 列）"}), expr: pick({en: "clustered by country", zh: "按国家聚类"}), value: r.coef[j]},
      {label: pick({en: "its SE", zh: "其标准误"}), expr: "CR1", value: r.se[j], digits: 4},
      {label: pick({en: "its t", zh: "其 t 值"}), expr: "coef / SE", value: r.tstat[j], digits: 2}
    );
    oursText = pick({en: `On our panel, log GDP's coefficient is ${f(r.coef[j])} with t = ${f(r.tstat[j], 2)}: once partner and year effects are removed, little variation in GDP is left to estimate it from.`, zh: `在本面板上，GDP 对数的系数为 ${f(r.coef[j])}，t = ${f(r.tstat[j], 2)}：剔除伙伴和年份效应之后，GDP 剩下可用于估计的变动已经很少。`});
  }
  return {
    id: "tstats",
    title: pick({en: "Very large t statistics on the controls", zh: "控制变量的 t 值大得出奇"}),
    question: pick({en: "Are the t statistics plausible given the coefficients and how much the regressors vary within countries?", zh: "结合系数大小和解释变量在国家内部的变动程度，这些 t 值可信吗？"}),
    steps,
    finding:
      pick({
      en:
      `lngdp's t of ${gdp.t} implies a standard error of ${f(se, 4)}, a precision rarely seen for a control in a two-way fixed-effects panel of ${m2.n_countries} countries, where only each country's deviations from its own average and from the year's average identify the coefficient. ` +
      `The sign is also unusual: a larger partner economy would buy ${f(Math.abs(gdp.coef), 2)}% less for 1% more GDP. The paper does not say which standard errors it used; non-clustered standard errors on a panel like this are typically far too small.`
      ,
      zh:
`lngdp 的 t 值为 ${gdp.t}，意味着标准误只有 ${f(se, 4)}。在 ${m2.n_countries} 个国家的双向固定效应面板中，系数只能依靠各国相对自身均值和当年均值的偏离来识别，控制变量有如此精度十分罕见。` +
      `符号也不寻常：伙伴国 GDP 每高 1%，从中国的进口反而少 ${f(Math.abs(gdp.coef), 2)}%。论文没有说明使用哪种标准误；在这类面板上，不聚类的标准误通常严重偏小。`
      }),
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
    {label: pick({en: "ȳ − b·x̄, Zhejiang (what xtreg, fe reports with one regressor and no year dummies)", zh: "ȳ − b·x̄，浙江（单一解释变量、无年份虚拟变量时 xtreg, fe 报告的值）"}), expr: `${y1} − (${m1.terms.DSTRI.coef}) × ${x}`, value: y1 - m1.terms.DSTRI.coef * x},
    {label: pick({en: "printed constant, model (1)", zh: "原文印出的常数项，模型 (1)"}), expr: "Table 4", value: c1.coef},
    {label: pick({en: "ȳ − b·x̄, Wenzhou", zh: "ȳ − b·x̄，温州"}), expr: `${y3} − (${m3.terms.DSTRI.coef}) × ${x}`, value: y3 - m3.terms.DSTRI.coef * x},
    {label: pick({en: "printed constant, model (3)", zh: "原文印出的常数项，模型 (3)"}), expr: "Table 4", value: c3.coef}
  ];
  return {
    id: "constant",
    title: pick({en: "A constant reported beside country fixed effects", zh: "在国家固定效应之外又报告了常数项"}),
    question: pick({en: "What does the constant mean when a full set of partner fixed effects is included, and does it match the means?", zh: "纳入全套伙伴固定效应后，常数项意味着什么？它与各变量均值相符吗？"}),
    steps,
    finding:
      pick({
      en:
      `With a fixed effect for every partner, the constant is not identified on its own; software that prints one (Stata's xtreg, fe, reghdfe) reports an average of the fixed effects, which carries no information on the DSTRI. ` +
      `With one regressor, that average is ȳ − b·x̄ on the estimation sample: ${f(y1 - m1.terms.DSTRI.coef * x)} for Zhejiang against ${c1.coef} printed. ` +
      `Year dummies and the differing samples of Table 2 (N ${row(paper, "lnexport_zj").obs} against ${m1.observations}) can account for a gap, so this is a question, not a finding. The fixed effects are labelled "Province FE" although the units are partner countries.`
      ,
      zh:
`每个伙伴都有固定效应时，常数项本身无法识别；会印出常数项的软件（Stata 的 xtreg, fe、reghdfe）报告的是固定效应的平均值，不含任何关于 DSTRI 的信息。` +
      `只有一个解释变量时，这一平均值等于估计样本上的 ȳ − b·x̄：浙江为 ${f(y1 - m1.terms.DSTRI.coef * x)}，而原文印的是 ${c1.coef}。` +
      `年份虚拟变量以及表 2 样本的不同（观测值 ${row(paper, "lnexport_zj").obs} 对 ${m1.observations}）都可能造成差距，因此这只是一个疑问，而非定论。此外，这些固定效应标为"Province FE"（省份固定效应），而实际单位是伙伴国。`
      }),
    verdict: "unclear",
    ours: [],
    oursText: pick({en: "Our fixed-effects models absorb the constant into the partner effects and report none, as fixest does.", zh: "与 fixest 的做法一致，本复现的固定效应模型把常数项并入伙伴效应，不单独报告。"})
  };
}

// ---------------------------------------------------------------------------------------------------------
/** Minimums of 0 for lnexport_wz and city_rate. */
export function checkMinimums(paper: PaperTables, frame?: Frame): Check {
  const wz = row(paper, "lnexport_wz");
  const zj = row(paper, "lnexport_zj");
  const city = row(paper, "city_rate");
  const steps: Step[] = [
    {label: pick({en: "Wenzhou's smallest export value", zh: "温州出口的最小值"}), expr: `e^${wz.min}`, value: Math.exp(wz.min), digits: 0},
    {label: pick({en: "Wenzhou's average (geometric) export value", zh: "温州出口的（几何）平均值"}), expr: `e^${wz.mean}`, value: Math.exp(wz.mean), digits: 0},
    {label: pick({en: "Zhejiang's smallest export value", zh: "浙江出口的最小值"}), expr: `e^${zj.min}`, value: Math.exp(zj.min), digits: 0},
    {label: pick({en: "Lowest urbanisation rate reported", zh: "报告的最低城镇化率"}), expr: "Table 2", value: city.min, digits: 3}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const [u, e] = describe(numericColumns(frame), ["urban", "exports_cn_usd"]);
    ours.push(
      {label: pick({en: "Lowest urban share among our 42 partners", zh: "本面板 42 个伙伴中最低的城镇人口比重"}), expr: "min(urban)", value: u.min, digits: 3},
      {label: pick({en: "Smallest annual value of China's exports to a partner (US$ million)", zh: "中国对单个伙伴的最小年出口额（百万美元）"}), expr: "min(exports_cn_usd) / 10⁶", value: e.min / 1e6, digits: 1}
    );
    oursText = pick({en: `No partner in our panel has an urban share below ${f(u.min, 3)}, and China's smallest yearly export to any of them is US$${f(e.min / 1e6, 0)} million.`, zh: `本面板中没有任何伙伴的城镇人口比重低于 ${f(u.min, 3)}；中国对其中任何一个伙伴的年出口额最少也有 ${f(e.min / 1e6, 0)} 百万美元。`});
  }
  return {
    id: "minimums",
    title: pick({en: "Exports of one unit and an urbanisation rate of zero", zh: "出口额只有一个单位，城镇化率为零"}),
    question: pick({en: "Are the minimum values in Table 2 possible?", zh: "表 2 中的最小值可能成立吗？"}),
    steps,
    finding:
      pick({
      en:
      `A minimum of 0 for lnexport_wz means Wenzhou exported exactly one unit (the unit is not stated) to some partner in some year, against a typical e^${wz.mean} ≈ ${f(Math.exp(wz.mean), 0)}; ` +
      `this usually marks a zero or missing value recoded as 1 before taking logs, which distorts a log-linear model. A city_rate minimum of 0 would be a country without towns; it is more likely a missing value stored as 0.`
      ,
      zh:
`lnexport_wz 的最小值为 0，意味着温州在某年对某个伙伴的出口恰好只有一个单位（单位未说明），而典型值为 e^${wz.mean} ≈ ${f(Math.exp(wz.mean), 0)}；` +
      `这通常说明取对数前把零值或缺失值改记为 1，会扭曲对数线性模型。city_rate 最小值为 0，意味着某国没有城镇人口；更可能是缺失值被存成了 0。`
      }),
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
    ...names.map((n, k) => ({label: pick({en: `VIF of ${n} from Table 3`, zh: `由表 3 推算的 ${n} 的 VIF`}), expr: `[R⁻¹]_${k + 1}${k + 1}`, value: vifs[k], digits: 2})),
    {label: pick({en: "Mean VIF implied by Table 3", zh: "由表 3 推算的平均 VIF"}), expr: pick({en: "average", zh: "平均"}), value: mean, digits: 2},
    {label: pick({en: "Mean VIF reported", zh: "报告的平均 VIF"}), expr: pick({en: "text", zh: "正文"}), value: paper.claims.vif_mean, digits: 2}
  ];
  const ours: Step[] = [];
  let oursText: string | null = null;
  if (frame) {
    const cols = numericColumns(frame);
    const mask = new Uint8Array(frame.nrows).map((_, i) => (cols.lnexport_cn[i] === cols.lnexport_cn[i] ? 1 : 0));
    const v = vif(cols, ["dstri", ...CONTROLS], mask);
    const m = v.vif.reduce((s, x) => s + x, 0) / v.vif.length;
    ours.push({label: pick({en: "Mean VIF on our panel (pooled, Table 4 (2) sample)", zh: "本面板的平均 VIF（混合样本，表 4 第 (2) 列的样本）"}), expr: `n = ${v.n}`, value: m, digits: 2});
    oursText = pick({en: `On our panel the mean VIF of the same five regressors is ${f(m, 2)}.`, zh: `在本面板上，同样五个解释变量的平均 VIF 为 ${f(m, 2)}。`});
  }
  const close = Math.abs(mean - paper.claims.vif_mean) < 0.05;
  return {
    id: "vif",
    title: pick({en: "The reported mean VIF against Table 3", zh: "报告的平均 VIF 与表 3 对照"}),
    question: pick({en: "Does the mean variance inflation factor of 1.97 follow from the correlations the paper prints?", zh: "1.97 的平均方差膨胀因子，能否由论文印出的相关系数推出？"}),
    steps,
    finding:
      pick({
      en:
      `For regressors standardised on one sample, each VIF is a diagonal element of the inverse of their correlation matrix. Table 3's correlations imply a mean VIF of ${f(mean, 2)}, ` +
      (close
        ? `close to the reported ${paper.claims.vif_mean}.`
        : `against ${paper.claims.vif_mean} reported. Pairwise correlations on different samples can explain part of the gap.`)
      ,
      zh:
`对于在同一样本上标准化的解释变量，每个 VIF 就是其相关系数矩阵之逆的对角元素。由表 3 的相关系数推算，平均 VIF 为 ${f(mean, 2)}，` +
      (close
        ? `与报告的 ${paper.claims.vif_mean} 接近。`
        : `而报告值为 ${paper.claims.vif_mean}。两两相关系数基于不同样本，可以解释部分差距。`)
      }),
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
    {label: pick({en: "Observations, GMM (Table 7) − lagged FE (Table 6)", zh: "观测值：GMM（表 7）− 滞后固定效应模型（表 6）"}), expr: `${g.observations} − ${fe.observations}`, value: g.observations - fe.observations, digits: "int"},
    {label: pick({en: "Lagged dependent variable among the reported terms", zh: "报告的变量中是否有被解释变量的滞后项"}), expr: pick({en: "1 = yes, 0 = no", zh: "1 = 有，0 = 无"}), value: hasLagY ? 1 : 0, digits: "int"},
    {label: pick({en: "Diagnostics reported (instrument count, Hansen/Sargan, AR(2))", zh: "报告的诊断统计量（工具变量个数、Hansen/Sargan、AR(2)）"}), expr: pick({en: "of 3", zh: "共 3 项"}), value: ["n_instruments", "hansen", "ar2"].filter((k) => k in g).length, digits: "int"},
    {label: pick({en: "LDSTRI coefficient, GMM / lagged FE", zh: "LDSTRI 系数之比：GMM / 滞后固定效应模型"}), expr: `${g.terms.LDSTRI.coef} / ${fe.terms.LDSTRI.coef}`, value: g.terms.LDSTRI.coef / fe.terms.LDSTRI.coef, digits: 2}
  ];
  return {
    id: "gmm",
    title: pick({en: "The GMM table leaves out what is needed to judge it", zh: "GMM 表缺少判断其可靠性所需的信息"}),
    question: pick({en: "Can a reader tell which GMM estimator was used and whether its instruments are valid?", zh: "读者能否看出用的是哪种 GMM 估计量、工具变量是否有效？"}),
    steps,
    finding:
      pick({
      en:
      `Table 7 reports ${g.observations} observations, the same as the fixed-effects lag model, and ${hasLagY ? "a" : "no"} lagged dependent variable, although dynamic-panel GMM is used precisely to include one and loses periods to differencing. ` +
      `Neither the estimator (difference or system), the instruments, their number, the Hansen test nor the Arellano-Bond AR(2) test is reported; with ${g.n_countries ?? paper.claims.n_countries} countries, instrument counts easily exceed the number of units. The LDSTRI coefficient is ${f(g.terms.LDSTRI.coef / fe.terms.LDSTRI.coef, 1)} times the fixed-effects one.`
      ,
      zh:
`表 7 报告了 ${g.observations} 个观测值，与固定效应滞后模型相同，并且${hasLagY ? "有" : "没有"}被解释变量的滞后项；而动态面板 GMM 恰恰是为了纳入滞后项才使用的，差分还会损失期数。` +
      `估计量（差分还是系统）、工具变量及其个数、Hansen 检验、Arellano-Bond AR(2) 检验均未报告；只有 ${g.n_countries ?? paper.claims.n_countries} 个国家时，工具变量个数很容易超过单位数。GMM 的 LDSTRI 系数是固定效应模型的 ${f(g.terms.LDSTRI.coef / fe.terms.LDSTRI.coef, 1)} 倍。`
      }),
    verdict: "unclear",
    ours: [],
    oursText: pick({en: "The replication page estimates difference and system GMM (collapsed instruments, lags 2-99, two-step, Windmeijer SE), shows instrument counts, Hansen and AR tests next to the coefficients, counts partner-years apart from the differenced and level rows and states the instruments in words. On the whole open panel the years without the DSTRI or without exports leave all-zero year dummies, so plm's pgmm stops; the page therefore estimates both models, and the option that treats the DSTRI as endogenous (its own lags as instruments), only on the years where both the DSTRI and exports exist. There plm runs and the engine matches it to 1e-8, with no engine warning, so the page compares signs with the paper and prints the Hansen and AR(2) p-values beside each reading.", zh: "复现页面同时估计差分 GMM 和系统 GMM（折叠工具变量、滞后 2–99 期、两步法、Windmeijer 标准误），在系数旁列出工具变量个数、Hansen 检验和 AR 检验，把伙伴-年份数与差分方程、水平方程的行数分开列出，并用文字说明工具变量。在整个公开面板上，缺少 DSTRI 或缺少出口数据的年份使年份虚拟变量全为零，plm 的 pgmm 因此停止；所以页面上的两个模型以及把 DSTRI 视为内生变量（以其自身滞后项为工具）的选项，都只用 DSTRI 和出口都有数据的年份估计。在这些年份上 plm 能够估计，估计引擎与其结果在 1e-8 以内一致且没有警告，因此页面与原文比较符号，并在每条解读旁给出 Hansen 和 AR(2) 检验的 p 值。"})
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
