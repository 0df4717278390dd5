/**
 * The key under the specification curve: the four colours, how to read and use the curve (one column per
 * specification up to curve.ts PER_SPEC, else shares), and, when zoomed by brushing, the range and a way back.
 */
import {el, L} from "../format.js";
import {COLORS, PER_SPEC} from "./curve.js";

export function curveLegend(inView: number, total: number, zoom: [number, number] | null, onShowAll: () => void): Node[] {
  const sw = (color: string, text: string) => el("span", {className: "mv-key"}, Object.assign(el("i"), {style: `background:${color}`}), text);
  const out: Node[] = [
    sw(COLORS.sigNeg, L("negative, significant (5%)", "负且显著（5%）")),
    sw(COLORS.neg, L("negative, not significant", "负但不显著")),
    sw(COLORS.pos, L("positive, not significant", "正但不显著")),
    sw(COLORS.sigPos, L("positive, significant", "正且显著")),
    el("span", {text: inView <= PER_SPEC
      ? L(` · Click the curve (or use the arrow keys) to open a specification; drag across it to zoom. Each of the ${inView.toLocaleString("en")} specifications in view has its own column: a dark cell in the dashboard is a choice it made.`, ` · 点击曲线（或使用方向键）查看某一设定；在曲线上拖动可放大。视图中的${inView}个设定各占一列：下方面板中的深色格表示该设定做出的选择。`)
      : L(" · Click the curve (or use the arrow keys) to open a specification; drag across it to zoom (at 2,000 or fewer, every specification gets its own column). The dashboard shade is the share of specifications in each column that made that choice.", " · 点击曲线（或使用方向键）查看某一设定；在曲线上拖动可放大（不超过2,000个时每个设定各占一列）。下方面板的深浅表示该列设定中做出此项选择的比例。")})
  ];
  if (zoom) {
    const reset = el("button", {className: "mv-zoom-reset", text: L(`Show all ${total.toLocaleString("en")} specifications`, `显示全部${total}个设定`)});
    reset.type = "button";
    reset.addEventListener("click", onShowAll);
    out.push(document.createTextNode(" "), el("span", {text: L(`Zoomed: ranks ${(zoom[0] + 1).toLocaleString("en")}-${zoom[1].toLocaleString("en")}. `, `已放大：第${zoom[0] + 1}-${zoom[1]}个。`)}), reset);
  }
  return out;
}
