/**
 * The simulator's inputs as one element usable with Framework's `view()`: a partner select, a score select
 * (overall DSTRI or one of the five areas, which are contributions adding up to it) and a slider for the target
 * value, bounded by the values that score has taken in the data (`bounds`; issue 24: no target beyond any observed). Its `value` is
 * {partner, area, score}; it fires "input" on every change. The page opens, and a change of partner or area moves
 * the slider, to a meaningful scenario: the OECD median of that score (never a zero change that reads "0.0%");
 * "Back to current" and "OECD median" buttons set either end. Plain DOM (Observable Inputs would be fetched from
 * a CDN).
 */
import {pick} from "../../lib/i18n.js";
import {SCORE_DEFS} from "../../lib/mechanism/areas.js";
import {clampScore} from "../../lib/whatif/state.js";

export interface ControlsValue {
  partner: string;
  area: string;
  /** Target score: the exact current score while the slider has not been moved, else the slider's value. */
  score: number;
  /** True while the slider sits at the current score (not moved since the last partner/area change or reset). */
  atCurrent: boolean;
}

export function whatifControls(
  partners: Array<{iso3: string; name: string}>,
  current: (iso3: string, column: string) => {year: number; value: number} | null,
  initial: {partner: string; area: string; score: number | null},
  median: (column: string) => number | null = () => null,
  bounds: (column: string) => {min: number; max: number} | null = () => null
): HTMLElement & {value: ControlsValue} {
  const form = document.createElement("form") as unknown as HTMLElement & {value: ControlsValue};
  form.className = "whatif-controls";
  form.addEventListener("submit", (e) => e.preventDefault());

  const field = (label: string, control: HTMLElement, extra?: HTMLElement) => {
    const l = document.createElement("label");
    l.className = "control";
    const s = document.createElement("span");
    s.textContent = label;
    l.append(s, control);
    if (extra) l.append(extra);
    form.append(l);
  };
  const partner = document.createElement("select");
  partner.name = "partner";
  for (const p of [...partners].sort((a, b) => a.name.localeCompare(b.name, pick({en: "en", zh: "zh-CN"})))) {
    const o = document.createElement("option");
    o.value = p.iso3;
    o.textContent = p.name;
    partner.append(o);
  }
  partner.value = initial.partner;
  const area = document.createElement("select");
  area.name = "area";
  for (const d of SCORE_DEFS) {
    const o = document.createElement("option");
    o.value = d.column;
    o.textContent = pick(d.label);
    area.append(o);
  }
  area.value = initial.area;
  const slider = document.createElement("input");
  slider.type = "range";
  slider.name = "score";
  slider.step = "0.01";
  /** The slider's range for the chosen score (0–1 when the data give none); values are clamped into it. */
  const setBounds = () => {
    const b = bounds(area.value) ?? {min: 0, max: 1};
    slider.min = String(b.min);
    slider.max = String(b.max);
    return b;
  };
  const clampTo = (v: number) => {
    const b = setBounds();
    return Math.min(b.max, Math.max(b.min, clampScore(v)));
  };
  slider.setAttribute("aria-label", pick({en: "Target score", zh: "目标得分"}));
  const number = document.createElement("output");
  number.className = "whatif-score";
  const now = document.createElement("span");
  now.className = "muted whatif-now";
  const reset = document.createElement("button");
  reset.type = "button";
  reset.textContent = pick({en: "Back to current", zh: "恢复当前值"});
  const toMedianButton = document.createElement("button");
  toMedianButton.type = "button";

  field(pick({en: "Partner", zh: "贸易伙伴"}), partner);
  field(pick({en: "Index or area", zh: "总指数或领域"}), area);
  field(pick({en: "Target value (0 = no restriction measured; the five areas add up to the overall index)", zh: "目标值（0 = 未测到限制；五个领域之和即总指数）"}), slider, number);
  const boundsNote = document.createElement("span");
  boundsNote.className = "muted whatif-bounds";
  const row = document.createElement("div");
  row.className = "whatif-now-row";
  row.append(now, boundsNote, toMedianButton, reset);
  form.append(row);

  const showCurrent = () => {
    const c = current(partner.value, area.value);
    now.textContent = c
      ? pick({en: `Current score: ${c.value.toFixed(2)} (${c.year})`, zh: `当前得分：${c.value.toFixed(2)}（${c.year} 年）`})
      : pick({en: "No current score for this partner", zh: "该伙伴国没有当前得分"});
    const m = median(area.value);
    toMedianButton.hidden = m === null;
    toMedianButton.textContent = m === null ? "" : pick({en: `OECD median (${clampScore(m).toFixed(2)})`, zh: `经合组织中位数（${clampScore(m).toFixed(2)}）`});
    const b = setBounds();
    boundsNote.textContent = pick({
      en: ` Slider range ${b.min.toFixed(2)}–${b.max.toFixed(2)}: the values this score has taken for any partner in the data.`,
      zh: ` 滑块范围 ${b.min.toFixed(2)}–${b.max.toFixed(2)}：数据中任一伙伴国该得分出现过的取值。`
    });
    return c;
  };
  let atCurrent = false;
  let currentValue = 0;
  const toCurrent = () => {
    const c = showCurrent();
    currentValue = c ? c.value : 0;
    slider.value = String(currentValue);
    atCurrent = true;
  };
  const sync = () => (number.textContent = Number(slider.value).toFixed(2));
  /** The OECD median of the chosen score, or the current score when there is none. */
  const toMedian = () => {
    const m = median(area.value);
    if (m === null) return toCurrent();
    showCurrent();
    slider.value = String(clampTo(m));
    atCurrent = false;
  };
  if (initial.score === null) toMedian();
  else {
    showCurrent();
    slider.value = String(clampTo(initial.score));
  }
  sync();

  const fire = () => form.dispatchEvent(new Event("input", {bubbles: true}));
  partner.addEventListener("input", (e) => {
    e.stopPropagation();
    toMedian();
    sync();
    fire();
  });
  area.addEventListener("input", (e) => {
    e.stopPropagation();
    toMedian();
    sync();
    fire();
  });
  slider.addEventListener("input", (e) => {
    e.stopPropagation();
    atCurrent = false;
    sync();
    fire();
  });
  toMedianButton.addEventListener("click", () => {
    toMedian();
    sync();
    fire();
  });
  reset.addEventListener("click", () => {
    toCurrent();
    sync();
    fire();
  });
  Object.defineProperty(form, "value", {
    get: (): ControlsValue => ({partner: partner.value, area: area.value, score: atCurrent ? currentValue : Number(slider.value), atCurrent})
  });
  return form;
}
