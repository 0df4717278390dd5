/**
 * The explorer's pinned models (issue #21): "Pin this model" keeps the current view; up to six pinned models are
 * estimated and shown side by side (lib/compare/table.ts) with their warnings, each removable and each a link
 * back to its view; downloads in LaTeX, Markdown, CSV and HTML for Word. The pinned set lives in the URL hash and
 * in localStorage (pin-store.ts), so Replication and the multiverse can add to it.
 */
import {el} from "../format.js";
import {currentLang, pick, withLang} from "../../lib/i18n.js";
import {estimate} from "../../lib/engine/estimate.js";
import type {Frame} from "../../lib/engine/types.js";
import {addPin, MAX_PINS, parsePins, pinKey, pinsHash} from "../../lib/compare/pins.js";
import {compareCsv, compareHtml, compareLatex, compareMarkdown, compareTable, type CompareModel, type CompareTable} from "../../lib/compare/table.js";
import {FE_LABELS, KEY_LABELS, SE_LABELS} from "../../lib/explorer/labels.js";
import {isGmm, serializeState, toSpec, type ExplorerState, type PartnerInfo} from "../../lib/explorer/state.js";
import {loadPins, savePins} from "./pin-store.js";

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const a = el("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A one-line description of a view: key variable, lag, FE or GMM, SE, sample. */
function describe(s: ExplorerState): string {
  const key = pick(KEY_LABELS[s.x]) + (s.lag ? pick({en: `, lag ${s.lag}`, zh: `，滞后${s.lag}期`}) : "");
  const how = isGmm(s) ? (s.estimator === "gmm-diff" ? pick({en: "difference GMM", zh: "差分 GMM"}) : pick({en: "system GMM", zh: "系统 GMM"})) : `${pick(FE_LABELS[s.fe])} ${pick({en: "FE", zh: "固定效应"})}; ${pick(SE_LABELS[s.se])}`;
  const sample = `${s.from}-${s.to}${s.drop2020 ? pick({en: ", 2020 dropped", zh: "，剔除 2020 年"}) : ""}${s.group !== "all" ? `, ${s.group}` : ""}${s.exclude.length ? pick({en: `, without ${s.exclude.join(" ")}`, zh: `，不含 ${s.exclude.join(" ")}`}) : ""}`;
  return `${key}; ${how}; ${sample}; ${s.controls.length ? s.controls.join(", ") : pick({en: "no controls", zh: "无控制变量"})}`;
}

function tableNode(t: CompareTable, onRemove: (k: number) => void): HTMLElement {
  const table = el("table", {className: "cmp-table"});
  table.append(el("caption", {className: "sr-only", text: pick({en: "Pinned models side by side; standard errors in parentheses", zh: "已固定模型并列对比；括号内为标准误"})}));
  const head = el("tr", {}, el("th", {text: ""}));
  t.heads.forEach((h, k) => {
    const x = el("button", {className: "cmp-remove", text: "×"});
    x.type = "button";
    x.setAttribute("aria-label", pick({en: `Remove model ${h}`, zh: `移除模型 ${h}`}));
    x.addEventListener("click", () => onRemove(k));
    const th = el("th", {className: "num"}, el("span", {text: h}), " ", x);
    th.setAttribute("scope", "col");
    head.append(th);
  });
  // One outcome for all (the usual case): said once in the caption line above, not repeated per column.
  const same = t.outcomes.every((o) => o === t.outcomes[0]);
  const dep = same ? null : el("tr", {className: "cmp-dep"}, el("th", {text: pick({en: "Dependent variable", zh: "被解释变量"})}), ...t.outcomes.map((o) => el("td", {className: "num", text: o})));
  const body = el("tbody");
  for (const r of t.terms) {
    const tr = el("tr", {}, el("th", {text: r.label}), ...r.coef.map((c, k) => {
      const td = el("td", {className: "num", text: c});
      td.dataset.value = String(r.values[k] ?? NaN);
      return td;
    }));
    tr.dataset.term = r.term;
    body.append(tr, el("tr", {className: "cmp-se"}, el("th", {text: ""}), ...r.se.map((c) => el("td", {className: "num", text: c}))));
  }
  const foot = el("tbody", {className: "cmp-foot"});
  for (const f of t.foot) {
    const tr = el("tr", {}, el("th", {text: f.label}), ...f.cells.map((c, k) => el("td", {className: f.alert?.[k] ? "num cmp-alert" : "num", text: c})));
    tr.dataset.kind = f.key;
    foot.append(tr);
  }
  table.append(el("thead", {}, head, ...(dep ? [dep] : [])), body, foot);
  const line = same ? [el("p", {className: "cmp-outcome", text: `${pick({en: "Dependent variable", zh: "被解释变量"})}: ${t.outcomes[0]}`})] : [];
  return el("div", {}, ...line, el("div", {className: "table-wrap"}, table));
}

export interface PinBoard {
  element: HTMLElement;
  /** The view the explorer shows now (what "Pin this model" pins). */
  setCurrent(s: ExplorerState): void;
}

export function pinBoard(frame: Frame, partners: PartnerInfo[]): PinBoard {
  const fromUrl = parsePins(location.hash);
  let pins = fromUrl.pins.length ? fromUrl.pins : loadPins();
  let current: ExplorerState | null = null;
  const cache = new Map<string, CompareModel>();

  const pin = el("button", {className: "ex-small cmp-pin", text: pick({en: "Pin this model", zh: "固定此模型"})});
  pin.type = "button";
  const status = el("span", {className: "cmp-status"});
  status.setAttribute("role", "status");
  const board = el("div", {className: "cmp-board"});
  const element = el("section", {className: "cmp"}, el("h2", {text: pick({en: "Pinned models, side by side", zh: "已固定的模型（并列对比）"})}), el("div", {className: "ex-bar"}, pin, status), board);
  element.setAttribute("aria-label", pick({en: "Pinned models", zh: "已固定的模型"}));

  const sync = () => {
    savePins(pins);
    history.replaceState(history.state, "", `${location.pathname}${location.search}${pinsHash(pins)}`);
    render();
  };

  const model = (s: ExplorerState, k: number): CompareModel => {
    const key = pinKey(s);
    let m = cache.get(key);
    if (!m) {
      try {
        m = {label: "", state: s, result: estimate(frame, toSpec(s, partners))};
      } catch (e) {
        m = {label: "", state: s, result: null, error: (e as Error).message.split("\n")[0]};
      }
      cache.set(key, m);
    }
    return {...m, label: `(${k + 1})`};
  };

  function render() {
    status.textContent = pick({en: `${pins.length} of ${MAX_PINS} pinned`, zh: `已固定 ${pins.length} / ${MAX_PINS}`});
    element.dataset.pins = String(pins.length);
    if (!pins.length) {
      board.replaceChildren(el("p", {className: "ex-hint", text: pick({en: "Pin a model to compare it with others (up to six): the pinned set stays in this page's link.", zh: "固定一个模型即可与其他模型对比（最多六个）；已固定的模型保存在本页链接中。"})}));
      return;
    }
    const lang = currentLang();
    const models = pins.map(model);
    const t = compareTable(models, lang);
    const list = el("ol", {className: "cmp-list"}, ...models.map((m) => {
      const a = el("a", {text: describe(m.state)});
      a.href = withLang(`./explorer?${serializeState(m.state)}`) + pinsHash(pins);
      return el("li", {}, a);
    }));
    const formats = [
      {key: "latex", name: "LaTeX", text: () => compareLatex(compareTable(models, lang)), file: "models.tex", type: "text/x-tex"},
      {key: "markdown", name: "Markdown", text: () => compareMarkdown(compareTable(models, lang)), file: "models.md", type: "text/markdown"},
      {key: "csv", name: "CSV", text: () => compareCsv(compareTable(models, lang)), file: "models.csv", type: "text/csv"},
      {key: "html", name: pick({en: "HTML (for Word)", zh: "HTML（可粘贴到 Word）"}), text: () => compareHtml(compareTable(models, lang)), file: "models.html", type: "text/html"}
    ];
    const buttons = el("div", {className: "ex-downloads"}, ...formats.map((f) => {
      const b = el("button", {className: "ex-small", text: `${pick({en: "Download", zh: "下载"})} ${f.name}`});
      b.type = "button";
      b.dataset.format = f.key;
      b.addEventListener("click", () => download(f.file, f.text(), f.type));
      return b;
    }));
    const copy = el("button", {className: "ex-small", text: pick({en: "Copy table for Word", zh: "复制表格（用于 Word）"})});
    copy.type = "button";
    copy.addEventListener("click", async () => {
      try {
        const htmlText = compareHtml(t);
        await navigator.clipboard.write([new ClipboardItem({"text/html": new Blob([htmlText], {type: "text/html"}), "text/plain": new Blob([compareMarkdown(t)], {type: "text/plain"})})]);
        copy.textContent = pick({en: "Copied", zh: "已复制"});
      } catch {
        copy.textContent = pick({en: "Copy refused by the browser: download the HTML instead", zh: "浏览器拒绝复制：请改为下载 HTML"});
      }
    });
    buttons.append(copy);
    board.replaceChildren(
      tableNode(t, (k) => {
        pins = pins.filter((_, j) => j !== k);
        sync();
      }),
      el("p", {className: "ex-hint", text: t.note}),
      list,
      buttons
    );
  }

  pin.addEventListener("click", () => {
    if (!current) return;
    const r = addPin(pins, current);
    if (r.full) {
      status.textContent = pick({en: `Already ${MAX_PINS} pinned: remove one (×) first.`, zh: `已固定 ${MAX_PINS} 个：请先移除一个（×）。`});
      return;
    }
    pins = r.pins;
    sync();
    if (!r.added) status.textContent += pick({en: " (this model was already pinned)", zh: "（此模型已固定）"});
  });

  if (fromUrl.ignored.length) status.textContent = pick({en: `Ignored pins in the link: ${fromUrl.ignored.join("; ")}`, zh: `链接中无法识别的固定模型已忽略：${fromUrl.ignored.join("；")}`});
  // Pins taken from storage go into the URL at once, so the link the reader copies carries them.
  setTimeout(() => {
    // A link's pins win over the stored ones and become the shared set (Replication and the multiverse add to it).
    if (fromUrl.pins.length) savePins(pins);
    if (pins.length) history.replaceState(history.state, "", `${location.pathname}${location.search}${pinsHash(pins)}`);
    render();
  }, 0);
  return {element, setCurrent: (s) => (current = {...s, controls: [...s.controls], exclude: [...s.exclude]})};
}
