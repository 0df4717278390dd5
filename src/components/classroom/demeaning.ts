/**
 * Lesson 2: what demeaning does, step by step on the open panel (log exports to a partner on its DSTRI).
 * Steps: 0 raw cloud and pooled slope; 1 country means; 2 demeaned by country (slope = country FE);
 * 3 demeaned by country and year (slope = two-way FE); 4 the within slope drawn through the last cloud.
 * The demeaned columns come from the engine's own demeaning (engine/demean.ts) and every slope from
 * `estimate()`; the state (step, year left out, highlighted partners) is in the URL. "Play" steps through at
 * 1.6 s per step. 3-5 named partners (`partners=USA,DEU,...`, chosen in the page by the teacher or the
 * student) keep their own colour, their points joined year by year and labelled, through every step, so the
 * class can follow one country from its raw points to its mean and through both demeanings.
 */
import * as Plot from "@observablehq/plot";
import {demean, estimate, factorize} from "../../lib/engine/index.js";
import type {Frame} from "../../lib/engine/types.js";
import {pick} from "../../lib/i18n.js";
import {chartWidth} from "./labels.js";
import {partnerPicker, pickPartners, PARTNER_COLORS} from "./demeaning-partners.js";

const STEPS = [
  {en: "1. Raw data", zh: "1. 原始数据"},
  {en: "2. Country means", zh: "2. 国家均值"},
  {en: "3. Demeaned by country", zh: "3. 按国家去均值"},
  {en: "4. … and by year", zh: "4. 再按年份去均值"},
  {en: "5. The within slope", zh: "5. 组内斜率"}
];

export function demeaningStepper(frame: Frame): HTMLElement & {value: {step: number; drop: number | null; slope: number}} {
  const q = new URLSearchParams(location.search);
  let step = Math.min(4, Math.max(0, Math.round(Number(q.get("step") ?? 0)) || 0));
  const years = [...new Set(Array.from(frame.columns.year as Float64Array))].filter((y) => y === y).sort();
  let drop: number | null = years.includes(Number(q.get("drop"))) ? Number(q.get("drop")) : null;
  const iso = frame.columns.iso3 as Array<string | null>;
  const names = frame.columns.country as Array<string | null> | undefined;
  const namesZh = frame.columns.country_zh as Array<string | null> | undefined;
  const partnerName = new Map<string, string>();
  for (let r = 0; r < frame.nrows; r++) {
    const code = iso[r];
    if (code && !partnerName.has(code)) partnerName.set(code, pick({en: names?.[r] ?? code, zh: namesZh?.[r] ?? names?.[r] ?? code}));
  }
  const allCodes = [...partnerName.keys()].sort();
  let partners = pickPartners(q.get("partners"), allCodes);

  const root = document.createElement("div") as unknown as HTMLElement & {value: {step: number; drop: number | null; slope: number}};
  root.className = "cl-demean cl-main";
  root.setAttribute("data-testid", "demean");
  const nav = document.createElement("div");
  nav.className = "cl-steps cl-controls";
  nav.setAttribute("role", "group");
  nav.setAttribute("aria-label", pick({en: "Steps", zh: "步骤"}));
  const buttons = STEPS.map((s, i) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = pick(s);
    b.addEventListener("click", () => {
      stop();
      step = i;
      render();
    });
    nav.append(b);
    return b;
  });
  const play = document.createElement("button");
  play.type = "button";
  play.textContent = pick({en: "▶ Play", zh: "▶ 播放"});
  nav.append(play);
  const dropLabel = document.createElement("label");
  const dropSpan = document.createElement("span");
  dropSpan.textContent = pick({en: "Leave out year", zh: "剔除年份"});
  const dropSelect = document.createElement("select");
  dropSelect.name = "drop";
  for (const y of [null, ...years]) {
    const o = document.createElement("option");
    o.value = y === null ? "" : String(y);
    o.textContent = y === null ? pick({en: "none", zh: "不剔除"}) : String(y);
    dropSelect.append(o);
  }
  dropSelect.value = drop === null ? "" : String(drop);
  dropSelect.addEventListener("change", () => {
    drop = dropSelect.value === "" ? null : Number(dropSelect.value);
    render();
  });
  dropLabel.append(dropSpan, dropSelect);
  nav.append(dropLabel);
  const picker = partnerPicker(allCodes, partnerName, partners, (next) => {
    partners = next;
    render();
  });
  const numbers = document.createElement("p");
  numbers.className = "cl-theory";
  numbers.setAttribute("data-testid", "demean-numbers");
  numbers.setAttribute("aria-live", "polite");
  const figure = document.createElement("figure");
  root.append(nav, picker, numbers, figure);

  let timer: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    play.setAttribute("aria-pressed", "false");
  };
  play.addEventListener("click", () => {
    if (timer) return stop();
    play.setAttribute("aria-pressed", "true");
    step = 0;
    render();
    timer = setInterval(() => {
      if (step >= 4) return stop();
      step++;
      render();
    }, 1600);
  });

  function render() {
    const u = new URLSearchParams(location.search);
    u.set("step", String(step));
    if (drop === null) u.delete("drop");
    else u.set("drop", String(drop));
    u.set("partners", partners.join(","));
    history.replaceState(history.state, "", "?" + u.toString() + location.hash);
    buttons.forEach((b, i) => b.setAttribute("aria-pressed", String(i === step)));

    const exclude: Record<string, number[]> = drop === null ? {} : {year: [drop]};
    const spec = (fe: string[]) => estimate(frame, {id: "iso3", time: "year", y: "lnexport_cn", x: ["dstri"], fe, vcov: {cluster: ["iso3"]}, exclude});
    const slope = (fe: string[]) => {
      const r = spec(fe);
      return r.coef[r.terms.indexOf("dstri")];
    };
    // The sample: rows with both variables, minus the year left out (as the engine's listwise deletion).
    const y = frame.columns.lnexport_cn as Float64Array;
    const x = frame.columns.dstri as Float64Array;
    const yr = frame.columns.year as Float64Array;
    const rows: number[] = [];
    for (let r = 0; r < frame.nrows; r++) if (y[r] === y[r] && x[r] === x[r] && iso[r] !== null && yr[r] !== drop) rows.push(r);
    const ys = Float64Array.from(rows, (r) => y[r]);
    const xs = Float64Array.from(rows, (r) => x[r]);
    const cf = factorize(rows.map((r) => iso[r]));
    const tf = factorize(Float64Array.from(rows, (r) => yr[r]));
    const country = {codes: cf.codes, nlevels: cf.nlevels};
    const year = {codes: tf.codes, nlevels: tf.nlevels};
    let px: Float64Array = xs;
    let py: Float64Array = ys;
    let b: number;
    let what: {en: string; zh: string};
    const means: Array<{x: number; y: number; p: string}> = [];
    if (step <= 1) {
      b = slope([]);
      what = {en: `Pooled slope through the raw cloud: ${b.toFixed(3)}`, zh: `原始散点的混合回归斜率：${b.toFixed(3)}`};
      if (step === 1) {
        const d = demean([ys, xs], [country]);
        for (let g = 0; g < cf.nlevels; g++) {
          const i = cf.codes.indexOf(g);
          means.push({x: xs[i] - d.cols[1][i], y: ys[i] - d.cols[0][i], p: iso[rows[i]]!});
        }
        const mb = slopeOf(means.map((m) => m.x), means.map((m) => m.y));
        what = {en: `Slope through the ${cf.nlevels} country means (between): ${mb.toFixed(3)}; pooled: ${b.toFixed(3)}`, zh: `${cf.nlevels} 个国家均值之间的斜率（组间）：${mb.toFixed(3)}；混合回归：${b.toFixed(3)}`};
      }
    } else if (step === 2) {
      const d = demean([ys, xs], [country]);
      [py, px] = d.cols;
      b = slope(["iso3"]);
      what = {en: `Slope after demeaning by country (country FE): ${b.toFixed(3)}`, zh: `按国家去均值后的斜率（国家固定效应）：${b.toFixed(3)}`};
    } else {
      const d = demean([ys, xs], [country, year]);
      [py, px] = d.cols;
      b = slope(["iso3", "year"]);
      what = {en: `Slope after demeaning by country and year (two-way FE): ${b.toFixed(3)}`, zh: `按国家和年份去均值后的斜率（双向固定效应）：${b.toFixed(3)}`};
    }
    numbers.textContent = pick(what) + pick({en: ` · ${rows.length} partner-years`, zh: ` · ${rows.length} 个伙伴国-年份观测`});
    numbers.setAttribute("data-value", String(b));
    root.value = {step, drop, slope: b};
    const pts = Array.from(px, (v, i) => ({x: v, y: py[i], p: iso[rows[i]]!, t: yr[rows[i]]}));
    const label = (c: string) => `${partnerName.get(c) ?? c} (${c})`;
    const domain = partners.map(label);
    const named = pts.filter((d) => partners.includes(d.p)).map((d) => ({...d, name: label(d.p)})).sort((a, b) => a.t - b.t);
    const namedMeans = means.filter((m) => partners.includes(m.p)).map((m) => ({...m, name: label(m.p)}));
    const lastOf = domain.map((n) => named.filter((d) => d.name === n).at(-1)).filter((d) => d !== undefined);
    const mx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
    const my = pts.reduce((a, p) => a + p.y, 0) / pts.length;
    const ext = [Math.min(...px), Math.max(...px)];
    const plot = Plot.plot({
      width: chartWidth(root),
      height: 360,
      // The x title on a row below its tick labels; room on the right for a partner's label beside its last point
      // (tests/browser/chart-text.test.ts).
      marginBottom: 42,
      marginRight: 40,
      grid: true,
      x: {labelOffset: 38, label: step >= 2 ? pick({en: "DSTRI, demeaned", zh: "DSTRI（去均值后）"}) : "DSTRI"},
      y: {label: step >= 2 ? pick({en: "log exports, demeaned", zh: "出口对数（去均值后）"}) : pick({en: "log exports from China", zh: "中国出口额对数"})},
      color: {domain, range: PARTNER_COLORS, legend: true},
      marks: [
        Plot.dot(pts, {x: "x", y: "y", r: 2.5, fill: "#9aa5b1", fillOpacity: step === 1 ? 0.25 : 0.5}),
        step === 1 ? Plot.dot(means, {x: "x", y: "y", r: 4, fill: "#b35806", fillOpacity: 0.5, stroke: "white"}) : null,
        // The named partners: their years joined in order, larger dots, a label at their last point (mean in step 2).
        step === 1 ? null : Plot.line(named, {x: "x", y: "y", z: "name", stroke: "name", strokeWidth: 1.5, strokeOpacity: 0.8}),
        step === 1 ? null : Plot.dot(named, {x: "x", y: "y", r: 4, fill: "name", stroke: "white"}),
        step === 1 ? Plot.dot(namedMeans, {x: "x", y: "y", r: 7, fill: "name", stroke: "white", strokeWidth: 1.5}) : null,
        Plot.text(step === 1 ? namedMeans : lastOf, {x: "x", y: "y", text: (d: any) => d.p, fill: "name", dx: 8, textAnchor: "start", fontWeight: 700, stroke: "var(--theme-background, white)", strokeWidth: 3, paintOrder: "stroke"} as any),
        step === 0 || step === 4 || step === 2 || step === 3
          ? Plot.line(ext.map((v) => ({x: v, y: my + b * (v - mx)})), {x: "x", y: "y", stroke: step === 4 ? "#b35806" : "currentColor", strokeWidth: step === 4 ? 3 : 1.5})
          : null
      ]
    });
    const alt = pick({
      en: `Scatter of ${rows.length} partner-years, step ${step + 1} of 5 (${pick(STEPS[step])}). ${pick(what)}. Highlighted: ${domain.join(", ")}.`,
      zh: `${rows.length} 个伙伴国-年份观测的散点图，第 ${step + 1}/5 步（${pick(STEPS[step])}）。${pick(what)}。突出显示：${domain.join("、")}。`
    });
    plot.setAttribute("aria-label", alt);
    const cap = document.createElement("figcaption");
    cap.textContent = alt;
    figure.replaceChildren(plot, cap);
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }
  render();
  return root;
}

/** OLS slope of y on x with intercept (for the between regression through the country means). */
function slopeOf(x: number[], y: number[]): number {
  const mx = x.reduce((a, b) => a + b, 0) / x.length;
  const my = y.reduce((a, b) => a + b, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}
