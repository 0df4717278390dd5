/**
 * The explorer's controls: plain labelled DOM form elements (selects, checkboxes, range inputs), so they
 * work with the keyboard and screen readers without any library. `explorerControls` renders the state it
 * is given and calls `onChange` with the new state after every user change; `set` re-renders a state
 * (e.g. after "reset").
 */
import {el} from "../format.js";
import {pick, t} from "../../lib/i18n.js";
import {
  CONTROL_LABELS, ESTIMATOR_LABELS, FE_LABELS, GROUP_LABELS, KEY_LABELS, SE_LABELS, outcomeLabel
} from "../../lib/explorer/labels.js";
import {
  CONTROL_VARS, ESTIMATORS, FE_CHOICES, GROUP_CHOICES, KEY_VARS, LAGS, SE_CHOICES, YEAR_MAX, YEAR_MIN,
  type ExplorerState
} from "../../lib/explorer/state.js";
import {tx} from "./text.js";

export interface PartnerOption {
  iso3: string;
  name: string;
}

export interface ControlsOptions {
  /** Dependent variables present in the data (lnexport_cn, plus customs regions). */
  outcomes: string[];
  partners: PartnerOption[];
}

function select<T extends string | number>(id: string, label: string, values: readonly T[], text: (v: T) => string): {wrap: HTMLElement; input: HTMLSelectElement} {
  const input = el("select");
  input.id = id;
  for (const v of values) {
    const o = el("option", {text: text(v)});
    o.value = String(v);
    input.append(o);
  }
  const lab = el("label", {text: label});
  lab.htmlFor = id;
  return {wrap: el("div", {className: "ex-field"}, lab, input), input};
}

function checkbox(id: string, label: string): {wrap: HTMLElement; input: HTMLInputElement} {
  const input = el("input");
  input.type = "checkbox";
  input.id = id;
  const lab = el("label", {text: label});
  lab.htmlFor = id;
  return {wrap: el("div", {className: "ex-check"}, input, lab), input};
}

function range(id: string, label: string): {wrap: HTMLElement; input: HTMLInputElement; out: HTMLOutputElement} {
  const input = el("input");
  input.type = "range";
  input.id = id;
  input.min = String(YEAR_MIN);
  input.max = String(YEAR_MAX);
  input.step = "1";
  const out = el("output");
  out.htmlFor.add(id);
  const lab = el("label", {text: label});
  lab.htmlFor = id;
  return {wrap: el("div", {className: "ex-range"}, lab, input, out), input, out};
}

export function explorerControls(
  initial: ExplorerState,
  opts: ControlsOptions,
  onChange: (s: ExplorerState) => void
): {element: HTMLElement; set: (s: ExplorerState) => void} {
  // Fixed ids (one explorer per page): links to a control and the browser test can rely on them.
  const p = "ex";
  const y = select(`${p}-y`, t("dependent variable"), opts.outcomes, (v) => pick(outcomeLabel(v)));
  const x = select(`${p}-x`, tx("keyVar"), KEY_VARS, (v) => pick(KEY_LABELS[v]));
  const lag = select(`${p}-lag`, tx("lag"), LAGS, (v) => tx(v === 0 ? "lag0" : v === 1 ? "lag1" : "lag2"));
  const controls = CONTROL_VARS.map((c) => ({c, ...checkbox(`${p}-c-${c}`, pick(CONTROL_LABELS[c]))}));
  const fe = select(`${p}-fe`, t("fixed effects"), FE_CHOICES, (v) => pick(FE_LABELS[v]));
  const se = select(`${p}-se`, t("standard errors"), SE_CHOICES, (v) => pick(SE_LABELS[v]));
  const est = select(`${p}-est`, tx("estimator"), ESTIMATORS, (v) => pick(ESTIMATOR_LABELS[v]));
  const gmmNote = el("p", {className: "ex-hint", text: tx("gmmNote")});
  const from = range(`${p}-from`, tx("from"));
  const to = range(`${p}-to`, tx("to"));
  const d2020 = checkbox(`${p}-d2020`, tx("drop2020"));
  const boot = checkbox(`${p}-boot`, tx("boot"));
  const bootNote = el("p", {className: "ex-hint", text: tx("bootOls")});
  const ppmlNote = el("p", {className: "ex-hint", text: tx("ppmlNote")});
  const group = select(`${p}-grp`, tx("partners"), GROUP_CHOICES, (v) => pick(GROUP_LABELS[v]));

  // Excluded countries: a disclosure with one checkbox per partner (42), sorted by name in the page language.
  const partnerBoxes = [...opts.partners]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((q) => ({iso3: q.iso3, ...checkbox(`${p}-ex-${q.iso3}`, `${q.name} (${q.iso3})`)}));
  const exSummary = el("summary");
  const clear = el("button", {className: "ex-small", text: tx("clear")});
  clear.type = "button";
  const exDetails = el("details", {className: "ex-exclude"}, exSummary, el("div", {className: "ex-grid"}, ...partnerBoxes.map((b) => b.wrap)), clear);

  const controlsSet = el("fieldset", {}, el("legend", {text: t("controls")}), ...controls.map((c) => c.wrap));
  const form = el(
    "form",
    {className: "ex-controls"},
    el("fieldset", {}, el("legend", {text: tx("specification")}), y.wrap, x.wrap, lag.wrap, est.wrap, gmmNote, ppmlNote),
    controlsSet,
    el("fieldset", {className: "ex-ols-only"}, el("legend", {text: `${t("fixed effects")} · ${t("standard errors")}`}), fe.wrap, se.wrap, boot.wrap, bootNote),
    el("fieldset", {}, el("legend", {text: tx("sample")}), from.wrap, to.wrap, d2020.wrap, group.wrap, exDetails)
  );
  form.setAttribute("aria-label", tx("specification"));
  form.addEventListener("submit", (e) => e.preventDefault());

  let current = initial;
  const read = (): ExplorerState => {
    let a = Number(from.input.value);
    let b = Number(to.input.value);
    if (a > b) [a, b] = [b, a];
    return {
      y: y.input.value,
      x: x.input.value as ExplorerState["x"],
      controls: controls.filter((c) => c.input.checked).map((c) => c.c),
      fe: fe.input.value as ExplorerState["fe"],
      se: se.input.value as ExplorerState["se"],
      from: a,
      to: b,
      drop2020: d2020.input.checked,
      group: group.input.value as ExplorerState["group"],
      exclude: partnerBoxes.filter((q) => q.input.checked).map((q) => q.iso3).sort(),
      lag: Number(lag.input.value) as ExplorerState["lag"],
      estimator: est.input.value as ExplorerState["estimator"],
      boot: boot.input.checked
    };
  };

  const set = (s: ExplorerState) => {
    current = s;
    y.input.value = s.y;
    x.input.value = s.x;
    lag.input.value = String(s.lag);
    for (const c of controls) c.input.checked = s.controls.includes(c.c);
    fe.input.value = s.fe;
    se.input.value = s.se;
    est.input.value = s.estimator;
    from.input.value = String(s.from);
    to.input.value = String(s.to);
    from.out.textContent = String(s.from);
    to.out.textContent = String(s.to);
    d2020.input.checked = s.drop2020;
    group.input.value = s.group;
    for (const q of partnerBoxes) q.input.checked = s.exclude.includes(q.iso3);
    exSummary.textContent = `${tx("excludeCountries")} (${s.exclude.length} ${tx("excludedCount")})`;
    const gmm = s.estimator === "gmm-diff" || s.estimator === "gmm-sys";
    fe.input.disabled = gmm;
    se.input.disabled = gmm;
    gmmNote.hidden = !gmm;
    ppmlNote.hidden = s.estimator !== "ppml";
    boot.input.checked = s.boot;
    boot.input.disabled = s.estimator !== "ols";
    bootNote.hidden = s.estimator === "ols" || !s.boot;
  };

  const changed = () => {
    const s = read();
    set(s);
    onChange(s);
  };
  // Selects, checkboxes and range sliders all fire "input" (sliders while dragged), so one listener re-estimates
  // on every change exactly once.
  form.addEventListener("input", changed);
  clear.addEventListener("click", () => {
    for (const q of partnerBoxes) q.input.checked = false;
    changed();
  });

  set(current);
  return {element: form, set};
}
