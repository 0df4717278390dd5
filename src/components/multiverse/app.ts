/**
 * The multiverse page: options (switch any option off; counts update before anything runs), the run in a
 * pool of Web Workers with progress, cancel and resume, the specification curve and dashboard, the summary,
 * which choices matter, the null bootstrap, the selected specification (its full table and explorer link),
 * and downloads. The view (options off, sort, selection, draws) lives in the URL.
 */
import {engineNoteZh, engineNotesZh} from "../../lib/engine/notes-zh.js";
import {modelWarningsAlert} from "../model-warnings.js";
import {pinButton} from "../compare/pin-button.js";
import {estimate} from "../../lib/engine/estimate.js";
import {criticalValue} from "../../lib/engine/tdist.js";
import type {Frame} from "../../lib/engine/types.js";
import {serializeState, type PartnerInfo} from "../../lib/explorer/state.js";
import {tableModel} from "../../lib/explorer/export.js";
import {CONTROL_LABELS, ESTIMATOR_LABELS, FE_LABELS, GROUP_LABELS, KEY_LABELS, SE_LABELS, labelCodesIn, outcomeLabel} from "../../lib/explorer/labels.js";
import {currentLang, pick, withLang} from "../../lib/i18n.js";
import type {BatchResult} from "../../lib/multiverse/batch.js";
import {defaultGrid, FE_OPTIONS, SE_OPTIONS, toExplorerState} from "../../lib/multiverse/default-grid.js";
import {DIMS, expandGrid, gridSize, type Combos, type Dim, type Grid} from "../../lib/multiverse/grid.js";
import {influence} from "../../lib/multiverse/influence.js";
import {concatDraws, nullPvalues, type DrawStats, type NullResult} from "../../lib/multiverse/null.js";
import {record, toCsv} from "../../lib/multiverse/output.js";
import {keepOf, parseView, serializeView, type View} from "../../lib/multiverse/state.js";
import {summarize, type Summary} from "../../lib/multiverse/summary.js";
import {assemble, scaled, slices, type EstimateTask, type NullTask, type PingTask, type SliceResult} from "../../lib/multiverse/tasks.js";
import {rCode, resultsParagraph} from "../../lib/multiverse/text.js";
import {createPool, type Pool} from "../../lib/worker/pool.js";
import {resultsTable} from "../explorer/results-table.js";
import {el, L} from "../format.js";
import {specCurve} from "./curve.js";
import {curveLegend} from "./curve-legend.js";
import {summaryView} from "./summary-view.js";
import {choicePanel} from "./choice-panel.js";
import {varianceView} from "./variance-view.js";
import {influenceView} from "./influence-view.js";
import {choiceRows} from "../../lib/multiverse/choices.js";
import {varianceDecomposition} from "../../lib/multiverse/variance.js";
import {paperReference} from "../../lib/multiverse/reference.js";

import {SPREAD_KEY} from "../../lib/multiverse/spread.js";
import {factorize} from "../../lib/engine/frame.js";
import {prepare} from "../../lib/multiverse/prepare.js";
import {bucketOf, changingPartners, defensibleMask, keyWithinSd, partnersPerSample, significantShares} from "../../lib/multiverse/identification.js";
import {lagTerm} from "../../lib/multiverse/grid.js";
import {sharesView, viewSwitch} from "./identification-view.js";
import {FEW_CHANGERS, identifiedText, randomizationTest} from "../randomization-test.js";

/** Option labels in the reader's language. */
function labels(g: Grid): Record<Dim, string[]> {
  const yr = {all: {en: "all years", zh: "全部年份"}, no2020: {en: "without 2020", zh: "剔除2020年"}} as Record<string, {en: string; zh: string}>;
  return {
    y: g.y.map((y) => pick(outcomeLabel(y))),
    key: g.key.map((k) => pick(KEY_LABELS[k as keyof typeof KEY_LABELS] ?? {en: k, zh: k})),
    lag: g.lags.map((l) => (l === 0 ? L("no lag", "当期") : L(`lag ${l}`, `滞后${l}期`))),
    controls: g.subsets.map((s) => (s.length ? s.join("+") : L("none", "无"))),
    fe: FE_OPTIONS.map(([c]) => pick(FE_LABELS[c])),
    vcov: SE_OPTIONS.map(([c]) => pick(SE_LABELS[c])),
    sample: g.samples.map((s) => {
      const [w, grp] = s.label.split("/");
      return `${pick(yr[w])}, ${pick(GROUP_LABELS[grp as keyof typeof GROUP_LABELS])}`;
    }),
    estimator: g.estimators.map((e) => pick(ESTIMATOR_LABELS[e]))
  };
}

const DIM_NAMES: Record<Dim, {en: string; zh: string}> = {
  y: {en: "Outcome", zh: "被解释变量"},
  key: {en: "DSTRI measure", zh: "DSTRI指标"},
  lag: {en: "Lag", zh: "滞后期"},
  controls: {en: "Controls", zh: "控制变量"},
  fe: {en: "Fixed effects", zh: "固定效应"},
  vcov: {en: "Standard errors", zh: "标准误"},
  sample: {en: "Sample", zh: "样本"},
  estimator: {en: "Estimator", zh: "估计方法"}
};

function download(name: string, data: BlobPart, type: string) {
  const url = URL.createObjectURL(new Blob([data], {type}));
  const a = el("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "–");
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : "–");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Every core: the page itself is idle while the workers estimate (the pool's default leaves one free). */
function poolSize(): number {
  const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(8, cores));
}

/**
 * The page's worker pool, started at once: one "ping" per worker makes each load its module while the page
 * is still loading the data, so the first run does not wait for worker start-up.
 */
export function multiversePool(workerUrl: string): Pool {
  const pool = createPool({url: workerUrl, size: poolSize()});
  for (let k = 0; k < pool.size; k++) void pool.run<PingTask, {t: number}>({type: "ping"}).catch(() => {});
  return pool;
}

export function multiverseApp(frame: Frame, partners: PartnerInfo[], outcomes: string[], workerUrl: string, started?: Pool, riWorkerUrl?: string): HTMLElement {
  const grid = defaultGrid(partners, outcomes);
  const lab = labels(grid);
  const {view, ignored} = parseView(location.search, grid);
  const root = el("div", {className: "multiverse"});
  let pool: Pool | null = started ?? null;
  const getPool = () => (pool ??= createPool({url: workerUrl, size: poolSize()}));

  // ---- state of the current run
  let combos: Combos = expandGrid(grid, keepOf(view, grid));
  let keepKey = JSON.stringify(keepOf(view, grid));
  let parts = new Map<number, SliceResult>();
  let result: BatchResult | null = null;
  let runMs = 0;
  let controller: AbortController | null = null;
  let nullResult: NullResult | null = null;
  let nullParts = new Map<number, DrawStats>();
  let nullMs = 0;

  // What identifies each specification (issue 24): partners whose measure moves, the defensible view's mask, and
  // each measure's SD after partner and year effects (Mummolo & Peterson 2018), the per-SD curve's scale.
  const prepared = prepare(frame, grid);
  const sampleSizes = partnersPerSample(prepared, grid);
  const keySd = keyWithinSd(prepared, grid, factorize(frame.columns[grid.time] as Float64Array));
  let ident: {key: string; changers: Int32Array; mask: Uint8Array} | null = null;
  const identOf = () => {
    if (!ident || ident.key !== keepKey) ident = {key: keepKey, changers: changingPartners(prepared, grid, combos), mask: defensibleMask(grid, combos, sampleSizes)};
    return ident;
  };
  // The total SD of each measure: only for the study's reference line on the raw curve (a heuristic, reference.ts).
  const totalSd = grid.key.map((k) => {
    const col = frame.columns[k] as Float64Array;
    let n = 0, m = 0, q = 0;
    for (const v of col) if (v === v) {
      n++;
      const d = v - m;
      m += d / n;
      q += d * (v - m);
    }
    return n > 1 ? Math.sqrt(q / (n - 1)) : 1;
  });
  const perSd = () => grid.key.length - (view.off.key?.length ?? 0) > 1;
  const scaleArr = () => Float64Array.from({length: combos.n}, (_, i) => keySd[combos.idx.key[i]]);
  const inDefensible = (i: number) => identOf().mask[i] === 1;
  const shown = (): BatchResult => (perSd() ? scaled(result!, scaleArr()) : result!);
  // The study's headline (Table 4 (2)) in the curve's units: per SD, or the OECD-scale coefficient with the same per-SD effect.
  const referenceLine = () => {
    const ref = paperReference(perSd() ? null : totalSd[keepOf(view, grid).key![0]]);
    return {value: ref.value, label: pick({en: `study, Table 4 (2), per SD of its index (heuristic): ${ref.formula} = ${fmt(ref.value)}`, zh: `原文表4(2)，按其指数的标准差换算（启发式）：${ref.formula} = ${fmt(ref.value)}`}), short: pick({en: `study: ${fmt(ref.value)}`, zh: `原文：${fmt(ref.value)}`})};
  };
  const unit = () => (perSd() ? pick({en: "per within SD of the DSTRI measure", zh: "DSTRI指标每变动一个组内标准差"}) : "");

  const writeUrl = () => {
    const lang = new URLSearchParams(location.search).get("lang");
    history.replaceState(null, "", `?${serializeView(view, lang)}${location.hash}`);
  };

  // ---- options
  const optionsBox = el("section", {className: "mv-options"});
  optionsBox.setAttribute("aria-label", L("Choices in the multiverse", "多重设定的选择"));
  const countLine = el("p", {className: "mv-count"});
  countLine.setAttribute("aria-live", "polite");
  const updateCount = () => {
    const n = gridSize(grid, keepOf(view, grid));
    countLine.textContent = pick({en: `${n.toLocaleString("en")} specifications selected`, zh: `已选择${n}个设定`});
    runBtn.disabled = n === 0;
  };
  const optionDims: Dim[] = ["y", "key", "lag", "fe", "vcov", "sample", "estimator"];
  for (const d of optionDims) {
    const fs = el("fieldset", {});
    fs.append(el("legend", {text: pick(DIM_NAMES[d])}));
    lab[d].forEach((text, i) => {
      const id = `mv-${d}-${i}`;
      const cb = el("input");
      cb.type = "checkbox";
      cb.id = id;
      cb.checked = !(view.off[d] ?? []).includes(i);
      cb.dataset.dim = d;
      cb.dataset.opt = String(i);
      cb.addEventListener("change", () => {
        const off = new Set(view.off[d] ?? []);
        if (cb.checked) off.delete(i);
        else off.add(i);
        view.off[d] = [...off].sort((a, b) => a - b);
        writeUrl();
        updateCount();
      });
      const label = el("label", {text: text});
      label.htmlFor = id;
      fs.append(el("div", {className: "mv-opt"}, cb, label));
    });
    optionsBox.append(fs);
  }
  // Controls: one checkbox per control = "may this control enter"; subsets with an excluded control are off.
  const ctlFs = el("fieldset", {});
  ctlFs.append(el("legend", {text: pick({en: "Controls (every subset of those ticked)", zh: "控制变量（所勾选变量的全部子集）"})}));
  const ctlOn = new Set(grid.controls.filter((c) => grid.subsets.some((s, i) => s.includes(c) && !(view.off.controls ?? []).includes(i))));
  grid.controls.forEach((c) => {
    const cb = el("input");
    cb.type = "checkbox";
    cb.id = `mv-ctl-${c}`;
    cb.checked = ctlOn.has(c);
    cb.addEventListener("change", () => {
      if (cb.checked) ctlOn.add(c);
      else ctlOn.delete(c);
      view.off.controls = grid.subsets.map((s, i) => (s.every((x) => ctlOn.has(x)) ? -1 : i)).filter((i) => i >= 0);
      writeUrl();
      updateCount();
    });
    const label = el("label", {text: pick(CONTROL_LABELS[c as keyof typeof CONTROL_LABELS] ?? {en: c, zh: c})});
    label.htmlFor = cb.id;
    ctlFs.append(el("div", {className: "mv-opt"}, cb, label));
  });
  optionsBox.append(ctlFs);

  // ---- run controls and progress
  const runBtn = el("button", {className: "mv-run", text: L("Run", "运行")});
  const cancelBtn = el("button", {className: "mv-cancel", text: L("Cancel", "取消")});
  const resumeBtn = el("button", {className: "mv-resume", text: L("Resume", "继续")});
  cancelBtn.disabled = true;
  resumeBtn.hidden = true;
  const bar = el("progress", {className: "mv-progress"});
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute("aria-label", L("Specifications estimated", "已估计的设定"));
  const status = el("p", {className: "mv-status"});
  status.setAttribute("aria-live", "polite");
  const runBox = el("div", {className: "mv-runbox"}, el("div", {className: "mv-buttons"}, runBtn, cancelBtn, resumeBtn), bar, status);
  const warn = el("p", {className: "mv-note"});
  if (ignored.length) warn.textContent = pick({en: `Ignored in the link: ${ignored.join(", ")}`, zh: `链接中被忽略的参数：${ignored.join("，")}`});

  // ---- result areas
  const viewBox = el("section", {className: "mv-view-box"});
  const summaryBox = el("section", {className: "mv-summary"});
  const sharesBox = el("section", {className: "mv-shares-section"});
  const sortBox = el("div", {className: "mv-sort"});
  const curveBox = el("div", {className: "mv-curve-box"});
  const legend = el("p", {className: "mv-legend"});
  const selectedBox = el("section", {className: "mv-selected"});
  const influenceBox = el("section", {className: "mv-influence"});
  const choicesBox = el("section", {className: "mv-choices-box"});
  const readout = el("p", {className: "mv-readout"});
  readout.setAttribute("role", "status");
  readout.setAttribute("aria-live", "polite");
  const nullBox = el("section", {className: "mv-null"});
  nullBox.id = "mv-null";
  const downloadsBox = el("section", {className: "mv-downloads"});
  const failedBox = el("details", {className: "mv-failed"});

  root.append(optionsBox, countLine, runBox, warn, viewBox, summaryBox, sharesBox, sortBox, readout, curveBox, legend, selectedBox, influenceBox, choicesBox, nullBox, downloadsBox, failedBox);
  updateCount();

  // ---- estimation
  const runStart = () => {
    const keep = keepOf(view, grid);
    const k = JSON.stringify(keep);
    if (k !== keepKey || !result) {
      keepKey = k;
      combos = expandGrid(grid, keep);
      parts = new Map();
      runMs = 0;
    }
    nullResult = null;
    nullParts = new Map();
    void execute();
  };
  const execute = async () => {
    const keep = keepOf(view, grid);
    const p = getPool();
    // One slice per worker: every slice meets every (sample, fixed effects) group of the grid and pays its
    // set-up (demeaning, cross-products, cluster intersections), so more slices repeat that work.
    const size = Math.max(500, Math.ceil(combos.n / p.size));
    const all = slices(combos.n, size);
    const todo = all.map((s, j) => [j, s] as const).filter(([j]) => !parts.has(j));
    controller = new AbortController();
    runBtn.disabled = true;
    cancelBtn.disabled = false;
    resumeBtn.hidden = true;
    root.dataset.state = "running";
    const t0 = performance.now();
    const abs0 = performance.timeOrigin + t0;
    const progress = new Map<number, number>();
    const doneBefore = [...parts.values()].reduce((s, x) => s + x.coef.length, 0);
    const show = () => {
      const done = doneBefore + [...progress.values()].reduce((a, b) => a + b, 0);
      bar.max = combos.n;
      bar.value = done;
      status.textContent = pick({en: `${done.toLocaleString("en")} / ${combos.n.toLocaleString("en")} specifications · ${secs(runMs + performance.now() - t0)}`, zh: `${done} / ${combos.n} 个设定 · ${secs(runMs + performance.now() - t0)}`});
    };
    show();
    const recv = new Map<number, number>();
    try {
      await Promise.all(
        todo.map(async ([j, [from, to]]) => {
          const task: EstimateTask = {type: "estimate", frame, grid, keep, from, to};
          const r = await p.run<EstimateTask, SliceResult>(task, {signal: controller!.signal, onProgress: (q) => {
            progress.set(j, Math.min(q.done, to - from));
            show();
          }});
          parts.set(j, r);
          recv.set(j, performance.timeOrigin + performance.now());
          progress.set(j, to - from);
          show();
        })
      );
      const tEst = performance.now();
      runMs += tEst - t0;
      result = assemble(combos.n, [...parts.values()]);
      const tAsm = performance.now();
      root.dataset.runMs = String(Math.round(runMs));
      status.textContent = pick({en: `${combos.n.toLocaleString("en")} specifications estimated in ${secs(runMs)} (${p.size} worker${p.size > 1 ? "s" : ""})`, zh: `${combos.n}个设定已估计，用时${secs(runMs)}（${p.size}个后台线程）`});
      const phases = renderResults();
      // The page's own timings (bench/multiverse-browser.ts reads them): the run, where it went, and the
      // time until the reader sees the curve. Worker clocks are absolute (timeOrigin + now), like abs0.
      const mine = todo.map(([j]) => parts.get(j)!);
      const firstStart = Math.min(...mine.map((x) => x.t0 ?? Infinity));
      const compute = mine.reduce((a, x) => a + ((x.t1 ?? 0) - (x.t0 ?? 0)), 0);
      const lastEnd = Math.max(...mine.map((x) => x.t1 ?? 0));
      root.dataset.timings = JSON.stringify({
        run: Math.round(runMs),
        to_first_task: Math.round(firstStart - abs0),
        compute_per_worker: Math.round(compute / p.size),
        last_message: Math.round(performance.timeOrigin + tEst - lastEnd),
        assemble: Math.round(tAsm - tEst),
        ...phases,
        shown: Math.round(performance.now() - t0),
        // From the navigation (page load) to the curve on screen: what a reader who opens the page waits.
        since_navigation: Math.round(performance.now())
      });
      root.dataset.state = "done";
    } catch (e) {
      runMs += performance.now() - t0;
      if ((e as Error).name === "AbortError") {
        root.dataset.state = "cancelled";
        status.textContent = pick({en: `Cancelled after ${secs(runMs)}: ${parts.size} of ${all.length} parts kept. Resume continues where it stopped.`, zh: `已取消（${secs(runMs)}）：保留了${all.length}个分块中的${parts.size}个，点击"继续"从中断处接着运行。`});
        resumeBtn.hidden = false;
      } else {
        root.dataset.state = "error";
        status.textContent = `${L("Error", "错误")}: ${(e as Error).message}`;
      }
    } finally {
      runBtn.disabled = false;
      cancelBtn.disabled = true;
      controller = null;
    }
  };
  runBtn.addEventListener("click", runStart);
  cancelBtn.addEventListener("click", () => controller?.abort());
  resumeBtn.addEventListener("click", () => void execute());

  // ---- rendering
  /** Specifications in the current view (defensible or all), estimated or not. */
  const inView = (): Int32Array => {
    const out: number[] = [];
    for (let i = 0; i < combos.n; i++) if (view.mode === "all" || inDefensible(i)) out.push(i);
    return Int32Array.from(out);
  };
  const kept = (): Int32Array => {
    const out: number[] = [];
    for (let i = 0; i < combos.n; i++) if (result!.ok[i] && (view.mode === "all" || inDefensible(i))) out.push(i);
    return Int32Array.from(out);
  };
  const comboKey = (i: number) => DIMS.map((d) => combos.idx[d][i]).join(".");
  const findSel = (): number | null => {
    if (!view.sel) return null;
    const want = DIMS.map((d) => view.sel![d]).join(".");
    for (let i = 0; i < combos.n; i++) if (comboKey(i) === want) return i;
    return null;
  };

  function renderResults(): Record<string, number> {
    const t = [performance.now()];
    const ok = kept();
    const s = summarize(shown(), {which: inView()});
    t.push(performance.now());
    renderSummary(s);
    renderView(ok);
    storeSpread(ok);
    renderSort();
    t.push(performance.now());
    renderCurve(ok);
    t.push(performance.now());
    renderInfluence();
    renderChoices(ok);
    t.push(performance.now());
    renderNull(s);
    renderDownloads(s);
    renderFailed();
    const sel = findSel();
    if (sel !== null) showSpec(sel);
    t.push(performance.now());
    const d = (a: number) => Math.round(t[a + 1] - t[a]);
    return {summary: d(0), spread_sort: d(1), curve: d(2), influence: d(3), rest: d(4)};
  }

  function renderView(ok: Int32Array) {
    const {changers, mask} = identOf();
    let nDef = 0;
    for (let i = 0; i < combos.n; i++) nDef += mask[i];
    viewBox.replaceChildren(viewSwitch(view.mode, {defensible: nDef, all: combos.n}, (m) => {
      view.mode = m;
      nullResult = null;
      nullParts = new Map();
      zoom = null;
      writeUrl();
      renderResults();
    }));
    root.dataset.view = view.mode;
    const r = shown();
    const keyName = (k: number) => lab.key[k];
    sharesBox.replaceChildren(sharesView(significantShares(r, ok, (i) => combos.idx.key[i], changers), significantShares(r, ok, (i) => bucketOf(changers[i]), changers), keyName));
  }

  let lastSummary: Summary | null = null;
  function renderSummary(s: Summary) {
    lastSummary = s;
    summaryBox.replaceChildren(summaryView(s, {perSd: perSd(), nullResult, withinSd: grid.key.map((k, j) => [lab.key[j], keySd[j]] as [string, number]).filter((_, j) => keepOf(view, grid).key!.includes(j))}));
  }

  function storeSpread(ok: Int32Array) {
    // The what-if page shows the spread of predictions over the specifications kept here (lag 0 only:
    // the what-if model uses the current score).
    const by: Record<string, number[]> = {};
    for (const i of ok) {
      if (grid.lags[combos.idx.lag[i]] !== 0 || grid.estimators[combos.idx.estimator[i]] !== "ols") continue;
      (by[grid.key[combos.idx.key[i]]] ??= []).push(result!.coef[i]);
    }
    const out: Record<string, {n: number; min: number; median: number; max: number}> = {};
    for (const [k, v] of Object.entries(by)) {
      v.sort((a, b) => a - b);
      const n = v.length;
      out[k] = {n, min: v[0], median: n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2, max: v[n - 1]};
    }
    try {
      localStorage.setItem(SPREAD_KEY, JSON.stringify({keys: out, url: `./${location.pathname.split("/").pop() || "multiverse"}${location.search}`, total: ok.length}));
    } catch {
      /* storage may be off: the what-if page then links here */
    }
  }

  function renderSort() {
    sortBox.replaceChildren();
    const id = "mv-sort";
    const select = el("select");
    select.id = id;
    const opts: Array<[View["sort"], string]> = [["estimate", L("estimate", "估计值")], ...DIMS.filter((d) => d !== "controls").map((d) => [d, pick(DIM_NAMES[d])] as [Dim, string])];
    for (const [v, text] of opts) {
      const o = el("option", {text});
      o.value = v;
      o.selected = view.sort === v;
      select.append(o);
    }
    select.addEventListener("change", () => {
      view.sort = select.value as View["sort"];
      writeUrl();
      renderCurve(kept());
    });
    const label = el("label", {text: L("Sort by ", "排序方式 ")});
    label.htmlFor = id;
    sortBox.append(label, select);
  }

  let orderCache: Int32Array = new Int32Array(0);
  let curveSelect: ((rank: number | null) => void) | null = null;
  // Brushing zooms the curve into a range of ranks of the full sorted order (not in the URL: a view, not a choice).
  let zoom: [number, number] | null = null;
  function renderCurve(ok: Int32Array) {
    const r = shown();
    const sorted = Int32Array.from(ok);
    const d = view.sort;
    sorted.sort((a, b) => (d !== "estimate" ? combos.idx[d][a] - combos.idx[d][b] : 0) || r.coef[a] - r.coef[b]);
    if (zoom && (zoom[1] > sorted.length || zoom[0] >= zoom[1])) zoom = null;
    const order = zoom ? sorted.slice(zoom[0], zoom[1]) : sorted;
    orderCache = order;
    const lo = new Float64Array(combos.n);
    const hi = new Float64Array(combos.n);
    const sig = new Uint8Array(combos.n);
    // Few distinct degrees of freedom (one per sample and clustering): the t quantile once for each.
    const crit = new Map<number, number>();
    for (const i of ok) {
      const df = Number.isFinite(r.df[i]) ? r.df[i] : Infinity;
      let q = crit.get(df);
      if (q === undefined) crit.set(df, (q = criticalValue(df === Infinity ? null : df)));
      lo[i] = r.coef[i] - q * r.se[i];
      hi[i] = r.coef[i] + q * r.se[i];
      sig[i] = r.pvalue[i] < 0.05 ? 1 : 0;
    }
    const rows: Array<{label: string; header?: boolean; has?: (i: number) => boolean}> = [];
    const keep = keepOf(view, grid);
    for (const dim of DIMS) {
      if (dim === "controls") {
        rows.push({label: pick(DIM_NAMES.controls), header: true});
        grid.controls.forEach((c) => {
          const inS = grid.subsets.map((s) => s.includes(c));
          rows.push({label: pick(CONTROL_LABELS[c as keyof typeof CONTROL_LABELS] ?? {en: c, zh: c}), has: (i) => inS[combos.idx.controls[i]]});
        });
        continue;
      }
      const on = keep[dim]!;
      if (on.length < 2) continue;
      rows.push({label: pick(DIM_NAMES[dim]), header: true});
      for (const o of on) rows.push({label: dim === "key" ? lab.key[o].replace(/^DSTRI[:：]\s*/, "") : lab[dim][o], has: (i) => combos.idx[dim][i] === o});
    }
    // Our baseline: the explorer's default view (the study's Table 4 model with controls).
    let baselineRank: number | null = null;
    for (let rank = 0; rank < order.length; rank++) {
      const i = order[rank];
      if (grid.key[combos.idx.key[i]] === "dstri" && grid.lags[combos.idx.lag[i]] === 0 && grid.subsets[combos.idx.controls[i]].join() === "lngdp,lnpopu,lngov,urban" && combos.idx.fe[i] === 3 && combos.idx.vcov[i] === 2 && combos.idx.sample[i] === 0 && combos.idx.estimator[i] === 0 && combos.idx.y[i] === 0) baselineRank = rank;
    }
    const t0 = performance.now();
    const keyLabel = perSd() ? `DSTRI (${unit()})` : lab.key[keep.key![0]];
    // The readout under the pointer or the keyboard focus: the specification's estimate, interval and choices.
    const onHover = (rank: number | null) => {
      if (rank === null) return;
      const i = order[rank];
      const choices = DIMS.filter((d) => d !== "controls" && keep[d]!.length > 1).map((d) => lab[d][combos.idx[d][i]]);
      const ctl = grid.subsets[combos.idx.controls[i]];
      readout.dataset.rank = String(rank);
      const nMove = identOf().changers[i];
      readout.textContent = pick({
        en: `#${(rank + 1).toLocaleString("en")} of ${order.length.toLocaleString("en")}: estimate ${fmt(r.coef[i])} [${fmt(lo[i])}, ${fmt(hi[i])}], p ${fmt(r.pvalue[i])}, identified by ${nMove} partner${nMove === 1 ? "" : "s"}${nMove < FEW_CHANGERS ? " (too few for this p-value)" : ""} · ${[...choices, ctl.length ? `controls ${ctl.join("+")}` : "no controls"].join(" · ")}`,
        zh: `第 ${rank + 1} / ${order.length} 个：估计值 ${fmt(r.coef[i])} [${fmt(lo[i])}, ${fmt(hi[i])}]，p = ${fmt(r.pvalue[i])}，由 ${nMove} 个伙伴国识别${nMove < FEW_CHANGERS ? "（过少，此 p 值不可信）" : ""} · ${[...choices, ctl.length ? `控制变量 ${ctl.join("+")}` : "无控制变量"].join(" · ")}`
      });
    };
    readout.textContent = L("Point at the curve (or focus it and use the arrow keys) to read a specification; click or tap to open it.", "将指针移到曲线上（或聚焦后使用方向键）即可读取某一设定；点击或轻触可打开。");
    const {node, select} = specCurve({order, coef: r.coef, lo, hi, sig, rows, baselineRank, printed: referenceLine(), keyLabel}, (rank) => {
      showSpec(order[rank]);
    }, {width: curveBox.clientWidth || root.clientWidth || 1000, onHover, onZoom: (from, to) => {
      const base = zoom ? zoom[0] : 0;
      zoom = [base + from, base + to];
      renderCurve(kept());
    }});
    curveBox.dataset.inView = String(order.length);
    curveSelect = select;
    node.setAttribute("aria-describedby", "mv-curve-desc");
    curveBox.replaceChildren(node);
    curveBox.dataset.drawMs = String(Math.round(performance.now() - t0));
    legend.replaceChildren();
    legend.id = "mv-curve-desc";
    legend.append(...curveLegend(order.length, ok.length, zoom, () => {
      zoom = null;
      renderCurve(kept());
    }));
    const sel = findSel();
    if (sel !== null) {
      const rank = order.indexOf(sel);
      select(rank >= 0 ? rank : null);
    }
  }

  function showSpec(i: number) {
    view.sel = Object.fromEntries(DIMS.map((d) => [d, combos.idx[d][i]])) as View["sel"];
    writeUrl();
    const rank = orderCache.indexOf(i);
    curveSelect?.(rank >= 0 ? rank : null);
    const state = toExplorerState(grid, combos, i);
    const rec = record(grid, combos, result!, i);
    selectedBox.replaceChildren();
    selectedBox.append(el("h2", {text: L("Selected specification", "所选设定")}));
    const link = el("a", {className: "mv-explorer-link", text: L("Open this specification in the explorer →", "在模型探索页面中打开此设定 →")});
    link.href = withLang(`./explorer?${serializeState(state)}`);
    const choices = el("ul", {className: "mv-choices"});
    for (const d of DIMS) choices.append(el("li", {}, el("strong", {text: `${pick(DIM_NAMES[d])}: `}), d === "controls" ? rec.spec.x.slice(1).join(", ") || L("none", "无") : lab[d][combos.idx[d][i]]));
    selectedBox.append(choices, link, " ", pinButton(state, L("the selected specification", "所选设定")));
    // The partners that identify it, and where they are few, a permutation test first (issue 24).
    const nMove = identOf().changers[i];
    const keyTerm = lagTerm(grid.key[combos.idx.key[i]], grid.lags[combos.idx.lag[i]]);
    const identLine = el("p", {className: nMove < FEW_CHANGERS ? "mv-identified mv-few" : "mv-identified", text: `${identifiedText(nMove, sampleSizes[combos.idx.sample[i]])}: ${pick(nMove < FEW_CHANGERS
      ? {en: "too few for clustered p-values to be trusted; the permutation test below is the one to read.", zh: "过少，聚类 p 值不可信；应以下面的置换检验为准。"}
      : {en: `the ${keyTerm} value of the other partners never changes in the estimation sample.`, zh: `其余伙伴国的 ${keyTerm} 在估计样本中从未变化。`})}`});
    identLine.dataset.changers = String(nMove);
    selectedBox.append(identLine);
    if (nMove < FEW_CHANGERS && nMove > 0 && riWorkerUrl && grid.estimators[combos.idx.estimator[i]] === "ols") selectedBox.append(randomizationTest(riWorkerUrl, frame, rec.spec, keyTerm));
    try {
      const res = estimate(frame, rec.spec);
      selectedBox.append(modelWarningsAlert(res.warnings ?? []), resultsTable(tableModel(state, res)));
      // The engine's notes (a dropped control, a repaired cluster variance), as the explorer shows them.
      if (res.notes.length) selectedBox.append(el("p", {className: "ex-hint mv-spec-notes", text: `${L("Notes", "说明")}: ${res.notes.map((n) => labelCodesIn(pick({en: n, zh: engineNoteZh(n)}), currentLang())).join(" ")}`}));
    } catch (e) {
      selectedBox.append(el("p", {className: "mv-error", text: `${L("Not estimable", "无法估计")}: ${(e as Error).message}`}));
    }
    selectedBox.dataset.spec = JSON.stringify(rec.spec);
  }

  const decisionName = (id: string) => (id.startsWith("control:") ? `${L("Control", "控制变量")}: ${pick(CONTROL_LABELS[id.slice(8) as keyof typeof CONTROL_LABELS] ?? {en: id.slice(8), zh: id.slice(8)})}` : pick(DIM_NAMES[id as Dim]));

  function renderChoices(ok: Int32Array) {
    const rows = choiceRows(grid, combos, shown(), ok);
    const optionName = (r: {decision: string; option: number; label: string}) =>
      r.decision.startsWith("control:") ? (r.label === "in" ? L("included", "纳入") : L("left out", "不纳入")) : lab[r.decision as Dim]?.[r.option] ?? r.label;
    choicesBox.replaceChildren(
      el("h2", {text: L("Estimates by choice", "按选择汇总的估计值")}),
      el("p", {className: "mv-note", text: L("For each option: how many specifications made it, their median estimate and the shares negative and significant at 5% (as R's specr summarises by choice). Click a column head to sort.", "每个选项：做出该选择的设定数、其估计值中位数，以及为负和在5%水平显著的比例（与R的specr按选择汇总相同）。点击列标题可排序。")}),
      choicePanel(rows, decisionName, optionName, perSd() ? unit() : "")
    );
    influenceBox.append(varianceView(varianceDecomposition(grid, combos, shown(), ok), decisionName));
  }

  function renderInfluence() {
    const optionName = (id: string, j: number, o: string) => (id.startsWith("control:") ? (o === "in" ? L("included", "纳入") : L("left out", "不纳入")) : lab[id as Dim]?.[j] ?? o);
    influenceBox.replaceChildren(...influenceView(influence(grid, combos, shown(), kept()), decisionName, optionName));
  }

  function renderNull(s: Summary) {
    nullBox.replaceChildren();
    nullBox.append(el("h2", {text: L("Is the pattern more than chance?", "这种规律是否超出偶然？")}));
    const drawsId = "mv-draws";
    const input = el("input");
    input.type = "number";
    input.id = drawsId;
    input.min = "10";
    input.max = "5000";
    input.step = "10";
    input.value = String(view.draws);
    const label = el("label", {text: L("Bootstrap draws ", "自助抽样次数 ")});
    label.htmlFor = drawsId;
    const go = el("button", {className: "mv-null-run", text: L("Run the null bootstrap", "运行原假设自助法")});
    const stop = el("button", {className: "mv-null-cancel", text: L("Cancel", "取消")});
    stop.disabled = true;
    // An out-of-range number is never replaced silently: a note says what runs instead, and Run waits for a valid one.
    const drawsNote = el("p", {className: "mv-draws-note"});
    drawsNote.setAttribute("role", "status");
    drawsNote.hidden = true;
    const nbar = el("progress", {className: "mv-null-progress"});
    nbar.setAttribute("aria-label", L("Bootstrap draws done", "已完成的自助抽样"));
    nbar.value = 0;
    const nstatus = el("p", {className: "mv-null-status"});
    nstatus.setAttribute("aria-live", "polite");
    const out = el("div", {className: "mv-null-out"});
    // Every estimated specification is re-estimated in each draw, GMM, PPML and DK/NW ones included (null.ts).
    const olsOk = kept();
    let nGmm = 0;
    let nAlone = 0;
    for (const i of olsOk) {
      const est = grid.estimators[combos.idx.estimator[i]];
      if (est === "gmm-diff" || est === "gmm-sys") nGmm++;
      else if (est === "ppml" || typeof grid.vcov[combos.idx.vcov[i]] === "string" && /^(driscoll_kraay|newey_west)$/.test(grid.vcov[combos.idx.vcov[i]] as string)) nAlone++;
    }
    const gmmText =
      (nGmm ? pick({en: ` (${nGmm.toLocaleString("en")} of them GMM, each about a thousand times as costly as an OLS fit)`, zh: `（其中${nGmm}个为GMM设定，每个的计算量约为OLS设定的上千倍）`}) : "") +
      (nAlone ? pick({en: ` (${nAlone.toLocaleString("en")} PPML or Driscoll-Kraay/Newey-West specifications, each estimated on its own in every draw)`, zh: `（其中${nAlone}个为PPML或Driscoll-Kraay/Newey-West设定，每次抽样中逐个单独估计）`}) : "");
    nullBox.append(
      el("p", {text: pick({en: `Each draw imposes a zero effect in every specification, resamples whole partner histories with replacement (a partner drawn twice counts as two partners) and re-estimates all ${olsOk.length.toLocaleString("en")} specifications${gmmText}. Cost grows with specifications × draws: switch options off for many draws.`, zh: `每次抽样在每个设定中施加零效应，按伙伴国整体历史有放回地重抽样（被抽中两次的伙伴国视为两个伙伴国），并重新估计全部${olsOk.length}个设定${gmmText}。计算量随设定数×抽样次数增长：抽样次数较多时请先关闭部分选项。`})}),
      el("div", {className: "mv-buttons"}, label, input, go, stop),
      drawsNote,
      nbar,
      nstatus,
      out
    );
    const drawsValid = () => {
      const text = input.value.trim();
      const n = Number(text);
      const ok = text !== "" && Number.isInteger(n) && n >= 10 && n <= 5000;
      input.setAttribute("aria-invalid", String(!ok));
      drawsNote.hidden = ok;
      drawsNote.textContent = ok ? "" : pick({
        en: `"${text}" is not a number of draws from 10 to 5,000 (whole numbers only): enter one in that range to run. The last valid choice, ${view.draws}, is kept in the link.`,
        zh: `“${text}”不是 10 到 5,000 之间的整数抽样次数：请输入该范围内的数再运行。链接中保留上一个有效值 ${view.draws}。`
      });
      go.disabled = !ok;
      if (ok) view.draws = n;
      return ok;
    };
    input.addEventListener("input", drawsValid);
    input.addEventListener("change", () => {
      if (drawsValid()) writeUrl();
    });
    let ctl: AbortController | null = null;
    stop.addEventListener("click", () => ctl?.abort());
    const showResult = () => {
      if (!nullResult) return;
      out.replaceChildren();
      const tbl = el("table", {className: "mv-null-table"});
      tbl.append(el("thead", {}, el("tr", {}, el("th", {text: L("Statistic", "统计量")}), el("th", {text: L("Observed", "观测值")}), el("th", {text: L("p-value", "p值")}), el("th", {text: L("Draws", "抽样次数")}))));
      const tb = el("tbody");
      const row = (name: string, obs: string, p: number, key: string) => {
        const td = el("td", {text: fmt(p)});
        td.dataset.p = key;
        tb.append(el("tr", {}, el("td", {text: name}), el("td", {text: obs}), td, el("td", {text: String(nullResult!.draws)})));
      };
      row(L("Median estimate", "估计值中位数"), fmt(nullResult.observed.median), nullResult.p_median, "median");
      row(L("Share significant (larger direction)", "显著占比（较大方向）"), pct(Math.max(s.share_sig_negative, s.share_sig_positive)), nullResult.p_share_significant, "share");
      row(L("Stouffer's Z", "Stouffer合并Z值"), fmt(nullResult.observed.stouffer, 2), nullResult.p_stouffer, "stouffer");
      tbl.append(tb);
      const nr = nullResult;
      const failedText = nr.failed ? pick({en: ` In ${nr.failed.toLocaleString("en")} of ${(nr.draws * nr.specs_per_draw).toLocaleString("en")} specification-draws the specification could not be estimated on the resample (e.g. a singular GMM); each is left out of its draw's statistics.`, zh: `在${nr.draws * nr.specs_per_draw}个"设定×抽样"中，有${nr.failed}个无法在重抽样数据上估计（例如GMM矩阵奇异），它们不计入该次抽样的统计量。`}) : "";
      out.append(tbl, el("p", {className: "mv-note", text: pick({en: `Two-sided: the share of draws at least as extreme as observed. With ${nr.draws} draws the smallest reportable p-value is ${fmt(1 / nr.draws, 4)}; seed ${nr.seed}; ${nr.specs_per_draw.toLocaleString("en")} specifications per draw (${nr.gmm_per_draw} GMM); ${secs(nullMs)}.`, zh: `双侧：抽样统计量至少与观测值同样极端的比例。${nr.draws}次抽样时可报告的最小p值为${fmt(1 / nr.draws, 4)}；随机种子${nr.seed}；每次抽样${nr.specs_per_draw}个设定（其中GMM ${nr.gmm_per_draw}个）；用时${secs(nullMs)}。`}) + failedText}));
      nullBox.dataset.done = "1";
    };
    showResult();
    go.addEventListener("click", async () => {
      if (!drawsValid()) return;
      const draws = view.draws;
      const p = getPool();
      const chunk = Math.max(5, Math.ceil(draws / (p.size * 4)));
      const ranges = slices(draws, chunk);
      if (nullParts.size && [...nullParts.keys()].some((j) => j >= ranges.length)) nullParts = new Map();
      const progress = new Map<number, number>();
      const t0 = performance.now();
      ctl = new AbortController();
      go.disabled = true;
      stop.disabled = false;
      const r = result!;
      const sc = perSd() ? scaleArr() : undefined;
      const rho = new Float64Array(combos.n).fill(NaN);
      for (const [i, gm] of r.gmm) rho[i] = gm.rho ?? NaN;
      const show = () => {
        const done = [...nullParts.values()].reduce((a, b) => a + b.median.length, 0) + [...progress.values()].reduce((a, b) => a + b, 0);
        nbar.max = draws;
        nbar.value = done;
        nstatus.textContent = pick({en: `${done} / ${draws} draws · ${secs(nullMs + performance.now() - t0)}`, zh: `${done} / ${draws} 次抽样 · ${secs(nullMs + performance.now() - t0)}`});
      };
      try {
        await Promise.all(
          ranges.map(async ([a, b], j) => {
            if (nullParts.has(j)) return;
            const task: NullTask = {type: "null", frame, grid, keep: keepOf(view, grid), from: 0, to: 0, seed: 1, drawFrom: a, drawTo: b, which: olsOk, scale: sc, rho, observed: {coef: r.coef, se: r.se, tstat: r.tstat, pvalue: r.pvalue, df: r.df, nobs: r.nobs, ok: r.ok}};
            const st = await p.run<NullTask, DrawStats>(task, {signal: ctl!.signal, onProgress: (q) => {
              progress.set(j, q.done);
              show();
            }});
            nullParts.set(j, st);
            progress.delete(j);
            show();
          })
        );
        nullMs += performance.now() - t0;
        const stats = concatDraws(ranges.map((_, j) => nullParts.get(j)!));
        nullResult = nullPvalues(summarize(shown(), {which: olsOk}), stats, 1);
        nullBox.dataset.ms = String(Math.round(nullMs));
        nullBox.dataset.specs = String(olsOk.length);
        showResult();
        if (lastSummary) renderSummary(lastSummary);
        renderDownloads(s);
      } catch (e) {
        nullMs += performance.now() - t0;
        nstatus.textContent = (e as Error).name === "AbortError" ? L("Cancelled: finished draws are kept; run again to continue.", "已取消：已完成的抽样会保留，再次运行即可继续。") : `${L("Error", "错误")}: ${(e as Error).message}`;
      } finally {
        go.disabled = false;
        stop.disabled = true;
        ctl = null;
      }
    });
  }

  function renderDownloads(s: Summary) {
    downloadsBox.replaceChildren(el("h2", {text: L("Downloads", "下载")}));
    const keyLabel = perSd() ? `DSTRI (${unit()})` : lab.key[keepOf(view, grid).key![0]];
    const btn = (text: string, f: () => void) => {
      const b = el("button", {text});
      b.addEventListener("click", f);
      return b;
    };
    const para = resultsParagraph(s, nullResult, keyLabel);
    const p = el("p", {className: "mv-paragraph", text: currentLang() === "zh" ? para.zh : para.en});
    downloadsBox.append(
      p,
      el(
        "div",
        {className: "mv-buttons"},
        btn("CSV", () => download("multiverse.csv", toCsv(grid, combos, result!, undefined, {changers: identOf().changers, defensible: identOf().mask}), "text/csv")),
        btn("JSON", () => download("multiverse.json", JSON.stringify({specs: Array.from({length: combos.n}, (_, i) => record(grid, combos, result!, i)), summary: s, ...(nullResult ? {null: nullResult} : {}), timing_ms: {estimate: Math.round(runMs), null: Math.round(nullMs)}}), "application/json")),
        btn("SVG", () => {
          const svg = curveBox.querySelector("svg");
          if (svg) download("specification-curve.svg", new XMLSerializer().serializeToString(svg), "image/svg+xml");
        }),
        btn("PNG", () => void pngOf(curveBox.querySelector("svg")).then((b) => b && download("specification-curve.png", b, "image/png"))),
        btn(L("Paragraph (English and Chinese)", "结果段落（英文+中文）"), () => download("multiverse-results.txt", `${para.en}\n\n${para.zh}\n`, "text/plain")),
        btn(L("R code (fixest)", "R代码（fixest）"), () => download("multiverse.R", rCode(grid, keepOf(view, grid)), "text/plain"))
      )
    );
  }

  function renderFailed() {
    const r = result!;
    const failed: number[] = [];
    for (let i = 0; i < combos.n; i++) if (!r.ok[i]) failed.push(i);
    failedBox.replaceChildren(el("summary", {text: pick({en: `Specifications that could not be estimated: ${failed.length.toLocaleString("en")}`, zh: `无法估计的设定：${failed.length}个`})}));
    const reasons = new Map<string, number>();
    for (const i of failed) {
      const why = (r.notes.get(i) ?? "not estimated").replace(/'[^']*'/g, "'…'");
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
    }
    const ul = el("ul", {});
    for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1])) ul.append(el("li", {text: `${n.toLocaleString("en")} × ${labelCodesIn(pick({en: why, zh: engineNotesZh(why)}), currentLang())}`}));
    failedBox.append(ul, el("p", {className: "mv-note", text: L("Each one is listed with its reason in the CSV and JSON downloads.", "CSV和JSON下载文件中逐一列出了每个设定及其原因。")}));
  }

  // Start at once: the default grid runs in the background while the page is read.
  runStart();
  return root;
}

/** The SVG rasterised at twice its size. */
async function pngOf(svg: SVGSVGElement | null): Promise<Blob | null> {
  if (!svg) return null;
  const w = Number(svg.getAttribute("width"));
  const h = Number(svg.getAttribute("height"));
  const img = new Image();
  img.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], {type: "image/svg+xml"}));
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = 2 * w;
  canvas.height = 2 * h;
  const ctx = canvas.getContext("2d")!;
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0);
  URL.revokeObjectURL(img.src);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}
