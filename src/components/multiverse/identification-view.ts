/**
 * The multiverse's two views (issue 24) and what identifies their estimates:
 * - the switch between "defensible" (defensible.ts: partner effects, partner-clustered or Driscoll-Kraay errors,
 *   samples of at least 10 partners; the default) and "all choices", with the count of each and the rule;
 * - significant shares by DSTRI measure and by the number of partners whose measure moves in the estimation sample
 *   (with partner effects only those partners identify the coefficient).
 */
import {pick} from "../../lib/i18n.js";
import {MIN_PARTNERS, REASONS} from "../../lib/multiverse/defensible.js";
import {CHANGER_BUCKETS, type ShareRow} from "../../lib/multiverse/identification.js";
import {el, L} from "../format.js";

export type Mode = "defensible" | "all";

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : "–");

/** The two radio buttons, each with its count; `onChange` receives the new mode. */
export function viewSwitch(mode: Mode, counts: {defensible: number; all: number}, onChange: (m: Mode) => void): HTMLElement {
  const fs = el("fieldset", {className: "mv-view"});
  fs.append(el("legend", {text: L("Specifications shown", "显示的设定")}));
  const opt = (m: Mode, text: string) => {
    const input = el("input");
    input.type = "radio";
    input.name = "mv-view";
    input.id = `mv-view-${m}`;
    input.value = m;
    input.checked = mode === m;
    input.addEventListener("change", () => input.checked && onChange(m));
    const label = el("label", {text});
    label.htmlFor = input.id;
    fs.append(el("div", {className: "mv-opt"}, input, label));
  };
  opt("defensible", pick({en: `Defensible (${counts.defensible.toLocaleString("en")} specifications)`, zh: `可辩护的设定（${counts.defensible} 个）`}));
  opt("all", pick({en: `All choices (${counts.all.toLocaleString("en")} specifications)`, zh: `全部选择（${counts.all} 个）`}));
  const rule = el("details", {className: "mv-rule"});
  rule.append(
    el("summary", {text: L("Which specifications are defensible?", "哪些设定是可辩护的？")}),
    el("p", {text: pick({
      en: `Those a trade economist would defend for this panel: partner fixed effects (alone or with year effects), standard errors clustered by partner (one- or two-way) or Driscoll-Kraay, and a sample of at least ${MIN_PARTNERS} partners. GMM specifications keep their own variance and are kept when their sample is large enough. The others are left out for these reasons:`,
      zh: `即贸易经济学者会为本面板辩护的设定：含伙伴国固定效应（单独或与年份效应一起），标准误按伙伴国聚类（单向或双向）或采用 Driscoll-Kraay，且样本至少包含 ${MIN_PARTNERS} 个伙伴国。GMM 设定使用其自身的方差，样本足够大时保留。其余设定因以下原因被排除：`
    })}),
    el("ul", {}, ...Object.values(REASONS).map((r) => el("li", {text: pick(r)})))
  );
  fs.append(rule);
  return fs;
}

function sharesTable(caption: string, head: string, rows: ShareRow[], name: (r: ShareRow) => string, key: string): HTMLElement {
  const t = el("table", {className: "mv-shares"});
  // A phone scrolls the table in its own box, never the page.
  const wrap = el("div", {className: "mv-shares-wrap"}, t);
  t.dataset.by = key;
  t.append(el("caption", {text: caption}));
  t.append(el("thead", {}, el("tr", {}, el("th", {text: head}), el("th", {className: "num", text: L("Specifications", "设定数")}), el("th", {className: "num", text: L("Partners moving", "变动的伙伴国")}), el("th", {className: "num", text: L("Significant negative", "显著为负")}), el("th", {className: "num", text: L("Significant positive", "显著为正")}))));
  const tb = el("tbody");
  for (const r of rows) {
    const tr = el("tr", {}, el("td", {text: name(r)}), el("td", {className: "num", text: r.n.toLocaleString("en")}), el("td", {className: "num", text: r.changers_min === r.changers_max ? String(r.changers_min) : `${r.changers_min}–${r.changers_max}`}), el("td", {className: "num", text: pct(r.share_sig_negative)}), el("td", {className: "num", text: pct(r.share_sig_positive)}));
    tr.dataset.group = String(r.group);
    if (r.changers_max < 5) tr.className = "mv-few";
    tb.append(tr);
  }
  t.append(tb);
  return wrap;
}

/** Significant shares (5%) by DSTRI measure and by number of moving partners, over the specifications in view. */
export function sharesView(byKey: ShareRow[], byChangers: ShareRow[], keyName: (k: number) => string): HTMLElement {
  const box = el("section", {className: "mv-shares-box"});
  const bucket = (b: number) => {
    const i = CHANGER_BUCKETS.indexOf(b as (typeof CHANGER_BUCKETS)[number]);
    const next = CHANGER_BUCKETS[i + 1];
    if (b === 0) return L("fewer than 5", "少于 5 个");
    return next === undefined ? pick({en: `${b} or more`, zh: `${b} 个及以上`}) : pick({en: `${b}–${next - 1}`, zh: `${b}–${next - 1} 个`});
  };
  box.append(
    el("h2", {text: L("Where the significant results come from", "显著结果来自哪里")}),
    el("p", {className: "mv-note", text: L(
      "With partner fixed effects, a coefficient is identified only by the partners whose measure moves in the estimation sample. Where fewer than 5 move, clustered p-values are far too small (MacKinnon and Webb 2017): read such results through a permutation test (the selected specification runs one), not through the share of significant results.",
      "加入伙伴国固定效应后，系数只由估计样本中该指标发生变动的伙伴国识别。变动的伙伴国少于 5 个时，聚类 p 值会严重偏小（MacKinnon 和 Webb，2017）：这类结果应看置换检验（所选设定会运行一次），而不是显著结果所占比例。"
    )}),
    el("div", {className: "mv-shares-grid"},
      sharesTable(L("By DSTRI measure", "按 DSTRI 指标"), L("DSTRI measure", "DSTRI 指标"), byKey, (r) => keyName(r.group), "key"),
      sharesTable(L("By number of partners whose measure moves", "按指标变动的伙伴国数量"), L("Group", "组别"), byChangers, (r) => bucket(r.group), "changers"))
  );
  return box;
}
