/**
 * Starter notebooks linked from the page. Numbers are never stored here: each starter is SQL and
 * formulas that the page runs on the reader's data.
 */
import type {Notebook} from "./cells.js";

const PANEL = {id: "iso3", time: "year"};

export interface Starter {
  key: string;
  title: {en: string; zh: string};
  notebook: Notebook;
}

export const STARTERS: Starter[] = [
  {
    key: "table2",
    title: {en: "Table 2 (descriptive statistics) in SQL", zh: "用 SQL 重做表 2（描述性统计）"},
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
  }
];
