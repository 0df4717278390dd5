/**
 * Starter notebooks linked from the page. Numbers are never stored here: each starter is SQL and
 * formulas that the page runs on the reader's data.
 */
import type {Notebook} from "./cells.js";

const PANEL = {id: "iso3", time: "year"};

export interface Starter {
  key: string;
  title: {en: string; zh: string};
  /** The notebook as written (English text cells). */
  notebook: Notebook;
  /** The Chinese of each text cell, in order: a reader of the Chinese page gets the starter in Chinese. */
  textZh: string[];
}

/** A starter in the reader's language: its text cells in Chinese for "zh", as written for "en". */
export function starterNotebook(s: Starter, lang: "en" | "zh"): Notebook {
  const nb: Notebook = structuredClone(s.notebook);
  if (lang === "zh") {
    let k = 0;
    for (const cell of nb.cells) if (cell.type === "text" && s.textZh[k] !== undefined) cell.md = s.textZh[k++];
  }
  return nb;
}

export const STARTERS: Starter[] = [
  {
    key: "table2",
    title: {en: "Table 2 (descriptive statistics) in SQL", zh: "用 SQL 重做表 2（描述性统计）"},
    textZh: ["## 用 SQL 重做表 2\n每个变量只用其非缺失值计算：观测数、均值、标准差（除以 n − 1）、最小值和最大值。"],
    notebook: {
      v: 1,
      panel: PANEL,
      cells: [
        {type: "text", md: "## Table 2 in SQL\nEach variable on its own non-missing values: count, mean, standard deviation (n − 1), minimum and maximum."},
        {
          type: "sql",
          name: "table2",
          sql:
            "SELECT name AS variable, count(value) AS n, avg(value) AS mean, stddev_samp(value) AS sd, min(value) AS min, max(value) AS max\n" +
            "FROM (UNPIVOT (SELECT lnexport_cn, dstri, lngdp, lnpopu, lngov, urban FROM panel) ON COLUMNS(*) INTO NAME name VALUE value)\n" +
            "GROUP BY name ORDER BY name"
        }
      ]
    }
  },
  {
    key: "baseline",
    title: {en: "The baseline in one formula", zh: "一行公式估计基准模型"},
    textZh: ["## 基准模型\n伙伴国与年份双向固定效应，标准误按伙伴国聚类。第 (2) 列加入滞后一年的 DSTRI。"],
    notebook: {
      v: 1,
      panel: PANEL,
      cells: [
        {type: "text", md: "## Baseline\nTwo-way fixed effects (partner and year), standard errors clustered by partner. Column (2) adds the DSTRI lagged one year."},
        {
          type: "model",
          models:
            "feols(lnexport_cn ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, vcov = ~iso3)\n" +
            "feols(lnexport_cn ~ dstri + l(dstri, 1) + lngdp + lnpopu + lngov + urban | iso3 + year, vcov = ~iso3)"
        }
      ]
    }
  },
  {
    key: "oecd",
    title: {en: "DSTRI effect only among OECD partners", zh: "只看 OECD 伙伴的 DSTRI 效应"},
    textZh: ["## 只看 OECD 伙伴\n子样本由一条查询定义，模型通过 `data = oecd_only` 读取它。"],
    notebook: {
      v: 1,
      panel: PANEL,
      cells: [
        {type: "text", md: "## OECD partners only\nThe subsample is defined by a query; the model reads it with `data = oecd_only`."},
        {type: "sql", name: "oecd_only", sql: "SELECT * FROM panel WHERE oecd"},
        {
          type: "model",
          models:
            "feols(lnexport_cn ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, vcov = ~iso3)\n" +
            "feols(lnexport_cn ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, data = oecd_only, vcov = ~iso3)"
        },
        {type: "chart", table: "oecd_only", mark: "dot", x: "dstri", y: "lnexport_cn", color: "", facet: ""}
      ]
    }
  },
  {
    key: "gdp",
    title: {en: "Interaction with the partner's GDP", zh: "DSTRI 与伙伴 GDP 的交互"},
    textZh: ["## DSTRI 的效应是否随伙伴国规模而变？\n`dstri:lngdp` 是两列的乘积，其系数表示伙伴国 GDP 对数每增加一个单位时 DSTRI 斜率的变化。"],
    notebook: {
      v: 1,
      panel: PANEL,
      cells: [
        {type: "text", md: "## Does the effect depend on the partner's size?\n`dstri:lngdp` is the product of the two columns; its coefficient is how the DSTRI slope changes per unit of log GDP."},
        {
          type: "model",
          models:
            "feols(lnexport_cn ~ dstri + lngdp + lnpopu | iso3 + year, vcov = ~iso3)\n" +
            "feols(lnexport_cn ~ dstri + dstri:lngdp + lngdp + lnpopu | iso3 + year, vcov = ~iso3)"
        },
        {type: "chart", table: "panel", mark: "dot", x: "lngdp", y: "lnexport_cn", color: "oecd", facet: ""}
      ]
    }
  },
  {
    key: "gravity",
    title: {en: "PPML and Driscoll-Kraay errors", zh: "PPML 与 Driscoll-Kraay 标准误"},
    textZh: ["## 引力模型的估计方法\n第 (1) 列为论文的对数线性 OLS；第 (2) 列以泊松伪最大似然（PPML，与 fixest 的 fepois 相同）估计美元出口额水平值；第 (3)、(4) 列改用 Driscoll-Kraay 标准误，允许同一年份冲击同时影响所有伙伴。最后一行对第 (1) 列的 DSTRI 系数做野聚类自助法（伙伴聚类较少时审稿人常要求的检验）。"],
    notebook: {
      v: 1,
      panel: PANEL,
      cells: [
        {type: "text", md: "## Gravity estimators\nColumn (1) is the study's log-linear OLS; column (2) estimates exports in US$ by Poisson pseudo-maximum likelihood (PPML, as fixest's fepois); columns (3) and (4) use Driscoll-Kraay errors, which let a year's shock hit every partner at once. The last line runs the wild cluster bootstrap of column (1)'s DSTRI coefficient (the check referees ask for when partners, the clusters, are few)."},
        {
          type: "model",
          models:
            "feols(lnexport_cn ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, vcov = ~iso3)\n" +
            "fepois(exports_cn_usd ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, vcov = ~iso3)\n" +
            "feols(lnexport_cn ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, vcov = \"DK\")\n" +
            "fepois(exports_cn_usd ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, vcov = \"DK\")\n" +
            "boottest(m1, param = \"dstri\", clustid = ~iso3, B = 9999, type = \"rademacher\", seed = 1)"
        }
      ]
    }
  }
];
