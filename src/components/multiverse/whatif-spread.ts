/**
 * On the what-if page: beside the chosen specification's prediction, the range and median of the predictions
 * across the specifications kept on the multiverse page (or a link to run it).
 */
import {pick, withLang} from "../../lib/i18n.js";
import {readSpread, spreadOfPredictions} from "../../lib/multiverse/spread.js";
import {el} from "../format.js";

const p1 = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)}%`;

export function whatifSpread(column: string, from: number, to: number, storage: Pick<Storage, "getItem"> | null): HTMLElement {
  const box = el("div", {className: "whatif-multiverse"});
  box.setAttribute("role", "note");
  const spread = readSpread(storage);
  const s = spread?.keys[column];
  if (!spread || !s || !Number.isFinite(from) || !Number.isFinite(to)) {
    const a = el("a", {text: pick({en: "Run the multiverse", zh: "运行多重设定分析"})});
    a.href = withLang("./multiverse");
    box.append(a, pick({en: " to see how much this prediction moves across every defensible specification.", zh: "，查看这一预测在所有合理设定下的变动范围。"}));
    return box;
  }
  const r = spreadOfPredictions(s, to - from);
  const link = el("a", {text: pick({en: "multiverse", zh: "多重设定分析"})});
  // Relative to the page ("./multiverse?..."), so the link works under any sub-path; an older entry stored the
  // absolute path: keep only its last segment.
  link.href = withLang(spread.url.startsWith("./") ? spread.url : "./" + spread.url.replace(/^.*\//, ""));
  box.dataset.lo = String(r.lo);
  box.dataset.median = String(r.median);
  box.dataset.hi = String(r.hi);
  box.append(
    el("strong", {text: pick({en: "Across the multiverse: ", zh: "多重设定下："})}),
    pick({
      en: `over the ${s.n.toLocaleString("en")} specifications you kept on the `,
      zh: `在您于`
    }),
    link,
    pick({
      en: ` page (no lag, OLS/FE), the same change predicts ${p1(r.lo)} to ${p1(r.hi)} (median ${p1(r.median)}).`,
      zh: `页面保留的${s.n}个设定中（当期、OLS/固定效应），同样的变化对应的预测为${p1(r.lo)}至${p1(r.hi)}（中位数${p1(r.median)}）。`
    })
  );
  return box;
}
