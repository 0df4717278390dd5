/**
 * The specification explorer: controls on the left, results on the right. Every change re-estimates at
 * once with the engine in the page, writes the state into the URL (history.replaceState, keeping `lang`)
 * and stores the spec and URL in localStorage for the what-if page. Engine errors (collinearity, too few
 * observations, ...) are shown in place as text; the rest of the page keeps working.
 *
 * Nothing from the URL is inserted as HTML: ignored parameters are shown with textContent.
 */
import {el} from "../format.js";
import {countryName, pick} from "../../lib/i18n.js";
import {estimate} from "../../lib/engine/estimate.js";
import type {Frame, Result, Spec} from "../../lib/engine/types.js";
import {tableModel} from "../../lib/explorer/export.js";
import {termLabel} from "../../lib/explorer/labels.js";
import {rowsToFrame} from "../../lib/table/rows-to-frame.js";
import {estimationSample} from "../../lib/explorer/sample.js";
import {
  defaultState, keyTerm, parseState, serializeState, toSpec, type ExplorerState, type PartnerInfo
} from "../../lib/explorer/state.js";
import {coefPlot} from "./coef-plot.js";
import {explorerControls} from "./controls.js";
import {exportPanel} from "./export-panel.js";
import {resultsTable} from "./results-table.js";
import {sampleView} from "./sample-view.js";
import {tx} from "./text.js";
import {engineNoteZh} from "../../lib/engine/notes-zh.js";
import {modelWarningsAlert} from "../model-warnings.js";
import {pinBoard} from "../compare/pinboard.js";
import {createPool, type Pool} from "../../lib/worker/pool.js";
import {bootstrapLine} from "./bootstrap-line.js";

export const STORAGE_SPEC = "dtb:explorer:spec";
export const STORAGE_URL = "dtb:explorer:url";

type Row = {iso3: string; country: string; country_zh?: string | null; oecd: boolean | number; [k: string]: unknown};

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage blocked (private mode, quota): the explorer works without it.
  }
}

/** Partners of the panel (first row of each), for the OECD filter and the exclusion list. */
function partnersOf(rows: Row[]): Array<PartnerInfo & {name: string}> {
  const seen = new Map<string, PartnerInfo & {name: string}>();
  for (const r of rows) if (r.iso3 && !seen.has(r.iso3)) seen.set(r.iso3, {iso3: r.iso3, oecd: r.oecd === true || r.oecd === 1, name: countryName(r)});
  return [...seen.values()];
}

export interface ExplorerOptions {
  /** URL of the wild-bootstrap worker (src/workers/bootstrap.js); without it the switch reports it cannot run. */
  bootstrapUrl?: string;
}

export function explorerApp(rows: Row[], options: ExplorerOptions = {}): HTMLElement {
  const frame: Frame = rowsToFrame(rows);
  const partners = partnersOf(rows);
  const names = new Map(partners.map((p) => [p.iso3, p.name]));
  const outcomes = Object.keys(frame.columns).filter((c) => /^lnexport_[a-z][a-z0-9_]*$/.test(c)).sort((a, b) => (a === "lnexport_cn" ? -1 : b === "lnexport_cn" ? 1 : a.localeCompare(b)));

  // URL -> state. Problems become a visible note; unknown partner codes and absent outcomes fall back too.
  const parsed = parseState(location.search);
  const state = parsed.state;
  const notes: string[] = [...parsed.ignored];
  if (!outcomes.includes(state.y)) {
    notes.push(`y=${state.y}: ${tx("yMissing")}`);
    state.y = defaultState().y;
  }
  const unknownIso = state.exclude.filter((c) => !names.has(c));
  if (unknownIso.length) {
    notes.push(`excl=${unknownIso.join(",")}`);
    state.exclude = state.exclude.filter((c) => names.has(c));
  }

  const note = el("div", {className: "ex-ignored"});
  note.setAttribute("role", "status");
  if (notes.length) {
    note.append(el("p", {text: tx("ignored")}), el("ul", {}, ...notes.map((n) => el("li", {className: "mono", text: n}))));
  } else note.hidden = true;

  const timing = el("span", {className: "ex-timing"});
  const error = el("div", {className: "ex-error"});
  error.setAttribute("role", "alert");
  const engineNotes = el("div", {className: "ex-notes"});
  const warnings = el("div", {className: "ex-warnings"});
  const table = el("div", {className: "ex-table-box"});
  const plot = el("div", {className: "ex-plot-box"});
  const sample = el("div", {className: "ex-sample-box"});
  const exports = el("div", {className: "ex-export-box"});
  const pins = pinBoard(frame, partners);
  const boot = el("div", {className: "ex-boot"});
  boot.setAttribute("aria-live", "polite");
  let pool: Pool | null = null;
  let bootAbort: AbortController | null = null;
  const results = el(
    "section",
    {className: "ex-results"},
    el("h2", {text: tx("regression")}),
    error,
    warnings,
    table,
    el("p", {className: "ex-meta"}, timing),
    boot,
    engineNotes,
    pins.element,
    plot,
    el("h2", {text: tx("sampleUsed")}),
    sample,
    exports
  );
  results.setAttribute("aria-label", tx("regression"));

  const reset = el("button", {className: "ex-small", text: tx("reset")});
  reset.type = "button";

  const root = el("div", {className: "explorer"});
  const width = () => Math.max(320, Math.min(760, results.clientWidth || 700));

  const run = (s: ExplorerState) => {
    // State -> URL (keep lang), spec -> storage for the what-if page.
    const keep: Record<string, string> = {};
    const lang = new URLSearchParams(location.search).get("lang");
    if (lang !== null) keep.lang = lang;
    const url = `${location.pathname}?${serializeState(s, keep)}${location.hash}`;
    history.replaceState(history.state, "", url);
    pins.setCurrent(s);
    const spec: Spec = toSpec(s, partners);
    const specJson = JSON.stringify(spec, null, 2);
    store(STORAGE_SPEC, JSON.stringify(spec));
    store(STORAGE_URL, location.href);

    let result: Result | null = null;
    let message = "";
    const t0 = performance.now();
    // The page estimates the model; the bootstrap (if switched on) runs in a worker below.
    const {bootstrap: bootSpec, ...pageSpec} = spec;
    bootAbort?.abort();
    bootAbort = null;
    try {
      result = estimate(frame, pageSpec);
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    const ms = performance.now() - t0;
    root.dataset.ms = String(ms);
    root.dataset.state = result ? "ok" : "error";
    timing.textContent = `${tx("estimatedIn")} ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
    timing.dataset.value = String(ms);

    const smp = estimationSample(frame, s);
    sample.replaceChildren(sampleView(frame, s, smp, names, width()));
    if (!result) {
      error.replaceChildren(el("p", {}, el("strong", {text: tx("error")}), " ", el("span", {className: "ex-error-text", text: message})));
      table.replaceChildren();
      plot.replaceChildren();
      engineNotes.replaceChildren();
      warnings.replaceChildren();
      exports.replaceChildren(exportPanel({y: s.y, coefs: [], stats: [], statName: "t"}, s, specJson));
      return;
    }
    error.replaceChildren();
    boot.replaceChildren();
    if (bootSpec) {
      const ctrl = new AbortController();
      bootAbort = ctrl;
      const cancel = el("button", {className: "ex-small", text: tx("cancel")});
      cancel.type = "button";
      cancel.addEventListener("click", () => ctrl.abort());
      boot.replaceChildren(el("p", {className: "ex-hint"}, el("span", {text: tx("bootRunning")}), " ", cancel));
      root.dataset.boot = "running";
      if (!options.bootstrapUrl) {
        boot.replaceChildren(el("p", {className: "ex-hint", text: `${tx("bootFailed")} no worker`}));
        root.dataset.boot = "error";
      } else {
        pool ??= createPool({url: options.bootstrapUrl, size: 1});
        pool
          .run<{frame: Frame; spec: Spec}, {bootstrap: NonNullable<Result["bootstrap"]>; ms: number}>({frame, spec}, {signal: ctrl.signal})
          .then((r) => {
            if (bootAbort !== ctrl) return;
            boot.replaceChildren(bootstrapLine(r.bootstrap));
            root.dataset.boot = "done";
          })
          .catch((e: unknown) => {
            if (bootAbort !== ctrl) return; // superseded by a newer model
            const aborted = ctrl.signal.aborted;
            boot.replaceChildren(el("p", {className: "ex-hint", text: aborted ? tx("bootCancelled") : `${tx("bootFailed")} ${e instanceof Error ? e.message : String(e)}`}));
            root.dataset.boot = aborted ? "cancelled" : "error";
          });
      }
    } else delete root.dataset.boot;
    const model = tableModel(s, result);
    warnings.replaceChildren(modelWarningsAlert(result.warnings ?? []));
    table.replaceChildren(resultsTable(model));
    // Issue 24: how many partners' key regressor moves in the estimation sample (with partner effects only they
    // identify the coefficient; below 5, clustered errors cannot be trusted).
    const changing = (result.info?.changing_ids as Record<string, number> | undefined)?.[keyTerm(s)];
    const changers =
      changing === undefined
        ? []
        : [el("p", {className: changing < 5 ? "ex-hint ex-few" : "ex-hint", text: pick({
            en: `Identified by ${changing} of ${result.n_groups} partners: for the others, ${termLabel(keyTerm(s)).en} never changes in the estimation sample${changing < 5 ? "; with so few, read a permutation test, not the clustered p-value" : ""}.`,
            zh: `由 ${result.n_groups} 个伙伴中的 ${changing} 个识别：其余伙伴的${termLabel(keyTerm(s)).zh}在估计样本中从未变化${changing < 5 ? "；如此之少时，应看置换检验，而不是聚类 p 值" : ""}。`
          })})];
    for (const p of changers) p.dataset.testid = "ex-changers";
    engineNotes.replaceChildren(
      ...changers,
      ...(result.notes.length ? [el("p", {className: "ex-hint", text: `${tx("notes")}: ${result.notes.map((n) => pick({en: n, zh: engineNoteZh(n)})).join(" ")}`})] : [])
    );
    plot.replaceChildren(coefPlot(result, keyTerm(s), width()));
    exports.replaceChildren(exportPanel(model, s, specJson));
  };

  const controls = explorerControls(state, {outcomes, partners: partners.map((p) => ({iso3: p.iso3, name: p.name}))}, run);
  reset.addEventListener("click", () => {
    const d = defaultState();
    controls.set(d);
    run(d);
  });
  root.append(note, el("div", {className: "ex-layout"}, el("aside", {className: "ex-side"}, controls.element, reset), results));
  // Estimate once Framework has put the element in the document, so the charts know their width.
  setTimeout(() => run(state), 0);
  return root;
}
