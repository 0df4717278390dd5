/**
 * The verdict card at the top of Home and Replication (issue #21): each headline claim of the study, the paper's
 * estimate beside ours on the open data, and a verdict by the rule printed under it (lib/compare/verdict.ts);
 * each row opens the exact explorer view, and the card links to the multiverse's joint test.
 *
 * Test hooks: `data-row` (our model id) on each row, `data-kind` + `data-value` (full precision) on each number,
 * `data-verdict` on the verdict cell.
 */
import {el} from "../format.js";
import {pick, withLang} from "../../lib/i18n.js";
import {VERDICT_RULE, VERDICT_WORDS, type VerdictRow} from "../../lib/compare/verdict.js";

const fmt = (v: number | null | undefined, d = 3) => (v === null || v === undefined || !Number.isFinite(v) ? "–" : (v < 0 ? "−" : "") + Math.abs(v).toFixed(d));

function num(v: number | null | undefined, kind: string, digits = 3): HTMLElement {
  const span = el("span", {className: "vd-num", text: fmt(v, digits)});
  span.dataset.kind = kind;
  span.dataset.value = String(v ?? NaN);
  return span;
}

function side(s: {coef: number; t: number; sd_effect: number; nobs: number} | null, who: "paper" | "ours"): HTMLElement {
  const td = el("td", {className: `vd-${who}`});
  if (!s) {
    td.append(el("span", {className: "muted", text: "–"}));
    return td;
  }
  td.append(
    el("span", {className: "vd-main"}, num(s.coef, `${who}-coef`), " ", el("span", {className: "vd-t"}, "(t ", num(s.t, `${who}-t`, 2), ")")),
    el("span", {className: "vd-sub"}, pick({en: "1 SD: ", zh: "1 个标准差："}), num(s.sd_effect, `${who}-sd`), ` · N `, num(s.nobs, `${who}-n`, 0))
  );
  return td;
}

/** The card. `rows` from verdictRows (build-time JSON on Home, the same on Replication). */
export function verdictCard(rows: VerdictRow[]): HTMLElement {
  const head = rows.find((r) => r.headline) ?? rows[0];
  const card = el("section", {className: "verdict-card"});
  card.setAttribute("aria-labelledby", "verdict-title");
  const title = el("h2", {text: pick({en: "The verdict: does the study's headline hold on open data?", zh: "结论一览：论文的核心结论在公开数据上成立吗？"})});
  title.id = "verdict-title";
  const w = head ? VERDICT_WORDS[head.verdict] : null;
  const nHold = rows.filter((r) => r.verdict === "holds").length;
  const holdsText = {
    en: `By the rule below, ${nHold} of the ${rows.length} claims hold${nHold === 0 ? "" : ` (${rows.filter((r) => r.verdict === "holds").map((r) => r.claim.en.split(":")[0]).join(", ")})`}.`,
    zh: `按下方规则，${rows.length} 项结论中有 ${nHold} 项成立。`
  };
  const summary = head?.ours
    ? pick({
        en: `The paper's headline, a DSTRI coefficient of ${fmt(head.paper.coef)} (t ${fmt(head.paper.t, 2)}), ${head.verdict === "holds" ? "holds" : "does not hold"} on open data: ours is ${fmt(head.ours.coef)} (t ${fmt(head.ours.t, 2)}, p ${fmt(head.ours.p, 2)}), verdict "${w!.en}". ${holdsText.en}`,
        zh: `论文的核心结论——DSTRI 系数 ${fmt(head.paper.coef)}（t = ${fmt(head.paper.t, 2)}）——在公开数据上${head.verdict === "holds" ? "成立" : "不成立"}：本复现为 ${fmt(head.ours.coef)}（t = ${fmt(head.ours.t, 2)}，p = ${fmt(head.ours.p, 2)}），判定为“${w!.zh}”。${holdsText.zh}`
      })
    : "";
  const table = el("table", {className: "verdict-table"});
  const th = (en: string, zh: string) => {
    const c = el("th", {text: pick({en, zh})});
    c.setAttribute("scope", "col");
    return c;
  };
  table.append(
    el("caption", {className: "sr-only", text: pick({en: "Paper against ours, claim by claim", zh: "逐项对照原文与本复现"})}),
    el("thead", {}, el("tr", {}, th("Claim", "结论"), th("Paper (Zhejiang)", "原文（浙江）"), th("Ours (open data, China)", "本复现（公开数据，中国）"), th("Verdict", "判定"), th("", "")))
  );
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr", {className: r.headline ? "vd-headline" : ""});
    tr.dataset.row = r.id;
    const claim = el("th", {}, el("span", {text: pick(r.claim)}), el("span", {className: "vd-sub", text: `${r.term} · ${pick(r.paper.sample)}`}));
    claim.setAttribute("scope", "row");
    const verdict = el("td", {className: `vd-verdict vd-${r.verdict}`, text: pick(VERDICT_WORDS[r.verdict])});
    verdict.dataset.verdict = r.verdict;
    if (r.warnings.length) verdict.title = r.warnings.map((x) => pick({en: x.message, zh: x.message_zh})).join("\n");
    const link = el("a", {className: "vd-link", text: pick({en: "open in explorer →", zh: "在模型探索中打开 →"})});
    link.href = withLang(r.explorer);
    // The accessible name starts with the visible text (WCAG 2.5.3), then says which claim.
    link.setAttribute("aria-label", `${link.textContent} ${pick(r.claim)}`);
    tr.append(claim, side(r.paper, "paper"), side(r.ours, "ours"), verdict, el("td", {}, link));
    body.append(tr);
  }
  table.append(body);
  const samples = rows.find((r) => r.ours)?.ours?.sample;
  const mv = el("a", {text: pick({en: "the multiverse's joint test (null bootstrap p-values) →", zh: "多元宇宙分析的联合检验（原假设自助法 p 值）→"})});
  mv.href = withLang("./multiverse#mv-null");
  card.append(
    title,
    el("p", {className: "vd-summary", text: summary}),
    el("div", {className: "verdict-wrap"}, table),
    el("p", {className: "vd-rule", text: `${pick(VERDICT_RULE)}${samples ? pick({en: ` Ours: ${samples.en}; SE clustered by country.`, zh: ` 本复现：${samples.zh}；标准误按国家聚类。`}) : ""}`}),
    el("p", {className: "vd-more"}, pick({en: "Under which choices could it hold? Every combination of the explorer's choices, with ", zh: "在哪些设定下可能成立？探索页面全部选择组合的结果，以及"}), mv)
  );
  return card;
}
