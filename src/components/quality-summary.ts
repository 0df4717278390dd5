/**
 * Data-page block: what data/quality.json says about the panel — missing cells per column and the
 * flagged outliers (values far from the column's distribution, or abrupt year-on-year jumps). Outliers
 * are flagged for a human to look at, not removed.
 */
import {L, el} from "./format.js";

interface Outlier {iso3: string; year: number; column: string; rule: "z" | "jump"; value: number; score: number}
export interface Quality {
  rows: number;
  thresholds?: {z: number; jump_factor: number; dstri_jump: number};
  missing: Record<string, number>;
  both_dstri_exports: number;
  outliers: Outlier[];
}

export function qualitySummary(q: Quality, names: Map<string, string> = new Map()): HTMLElement {
  if (!q || typeof q.missing !== "object" || !Array.isArray(q.outliers)) throw new Error("Quality summary: quality.json lacks `missing` or `outliers`");
  const missing = el("table", {className: "sources"});
  missing.append(el("thead", {}, el("tr", {}, el("th", {text: L("Column", "变量")}), el("th", {className: "num", text: L("Missing cells", "缺失数")}), el("th", {className: "num", text: L("Share", "占比")}))));
  const mb = el("tbody");
  const complete = Object.entries(q.missing).filter(([, n]) => n === 0).map(([c]) => c);
  for (const [col, n] of Object.entries(q.missing).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])) {
    mb.append(el("tr", {}, el("td", {className: "mono", text: col}), el("td", {className: "num", text: String(n)}), el("td", {className: "num", text: `${((100 * n) / q.rows).toFixed(0)}%`})));
  }
  missing.append(mb);

  const t = q.thresholds;
  const rule = (o: Outlier) => (o.rule === "z" ? `z = ${o.score.toFixed(1)}` : `${L("jump", "跳变")} ${o.score >= 0 ? "+" : ""}${o.score.toFixed(2)}`);
  const outliers = el("table", {className: "sources"});
  outliers.append(el("thead", {}, el("tr", {}, ...[L("Partner", "伙伴"), L("Year", "年份"), L("Column", "变量"), L("Value", "数值"), L("Why flagged", "标记原因")].map((h) => el("th", {text: h})))));
  const ob = el("tbody");
  for (const o of q.outliers) {
    ob.append(el("tr", {},
      el("td", {text: names.get(o.iso3) ?? o.iso3}), el("td", {text: String(o.year)}), el("td", {className: "mono", text: o.column}),
      el("td", {className: "num", text: Math.abs(o.value) >= 1000 ? o.value.toExponential(2) : String(+o.value.toFixed(3))}), el("td", {text: rule(o)})
    ));
  }
  outliers.append(ob);

  return el("div", {className: "quality"},
    el("p", {text: L(
      `${q.rows} partner-years in all; ${q.both_dstri_exports} have both the DSTRI and China's exports, the sample of the baseline regressions.`,
      `共${q.rows}个伙伴-年份；其中${q.both_dstri_exports}个同时有DSTRI和中国出口数据，即基准回归的样本。`
    )}),
    el("div", {className: "quality-grid"},
      el("div", {}, el("h3", {text: L("Missing cells by column", "各变量缺失情况")}), el("div", {className: "table-wrap"}, missing),
        el("p", {className: "muted small", text: complete.length ? L(`No missing cells: ${complete.join(", ")}.`, `无缺失：${complete.join("、")}。`) : ""})),
      el("div", {},
        el("h3", {text: L(`${q.outliers.length} values flagged for a second look`, `${q.outliers.length}个数值被标记待复核`)}),
        el("p", {className: "muted small", text: t
          ? L(
            `Flagged when more than ${t.z} standard deviations from the column mean, when a level jumps by more than a factor ${t.jump_factor} in one year, or when the DSTRI moves by more than ${t.dstri_jump} in one year. Nothing is dropped.`,
            `标记规则：偏离均值超过${t.z}个标准差；水平值一年内变化超过${t.jump_factor}倍；或DSTRI一年内变动超过${t.dstri_jump}。不删除任何数据。`
          )
          : L("Nothing is dropped.", "不删除任何数据。")}),
        q.outliers.length ? el("div", {className: "table-wrap scroll"}, outliers) : el("p", {text: L("None.", "无。")}))
    )
  );
}
