/**
 * Table 1 analogue: each of the paper's variables beside the column that stands for it in our open panel,
 * with our definition, source and unit. The paper's own definitions come from data/paper/tables.json
 * (table1); what is written here describes only our side.
 */
import type {Frame} from "../engine/types.js";
import {numericColumns} from "./compute.js";

export interface OurVariable {
  /** The paper's symbol (tables.json table1 `symbol`). */
  paper: string;
  /** Our panel column (for a region outcome: the customs column, when present). */
  column: string;
  definition: string;
  source: string;
  /** Where our variable differs in substance from the paper's. */
  difference: string;
  /** The same three texts in Chinese, for the page shown in Chinese. */
  zh: {definition: string; source: string; difference: string};
}

export const OUR_VARIABLES: OurVariable[] = [
  {
    paper: "lnexport_zj",
    column: "lnexport_cn (or lnexport_zj from a customs file)",
    definition: "Natural log of China's exports (FOB, US$) to the partner; Zhejiang's when you supply a customs file.",
    source: "IMF Direction of Trade Statistics (to 2020); customs file: China Customs or the Zhejiang yearbook",
    difference: "Without a customs file the outcome is all of China, not Zhejiang: a stand-in, not the same variable.",
    zh: {
      definition: "中国对该伙伴出口额（离岸价，美元）的自然对数；上传海关文件后改用浙江的出口额。",
      source: "IMF 贸易方向统计（至 2020 年）；海关文件：中国海关或《浙江统计年鉴》",
      difference: "没有海关文件时，被解释变量是全国出口而非浙江出口：只是替代指标，并非同一变量。"
    }
  },
  {
    paper: "lnexport_wz",
    column: "lnexport_wz (customs file only)",
    definition: "Natural log of Wenzhou's exports (US$) to the partner.",
    source: "Your customs file (China Customs or the Wenzhou yearbook)",
    difference: "No open source exists; the Wenzhou columns appear only when you add a file.",
    zh: {
      definition: "温州对该伙伴出口额（美元）的自然对数。",
      source: "你上传的海关文件（中国海关或《温州统计年鉴》）",
      difference: "没有公开数据来源；只有上传文件后才会出现温州各列。"
    }
  },
  {
    paper: "DSTRI",
    column: "dstri",
    definition: "OECD Digital Services Trade Restrictiveness Index of the partner, overall score from 0 (open) to 1 (closed).",
    source: "OECD DSTRI, published from 2014 (CC BY 4.0)",
    difference: "The paper's values run from 0.288 to 1.992 and start in 2008, so they cannot be the published 0-1 index as is; its construction is not described.",
    zh: {
      definition: "伙伴国的 OECD 数字服务贸易限制指数总分，0（开放）到 1（封闭）。",
      source: "OECD DSTRI，2014 年起发布（CC BY 4.0）",
      difference: "原文数值介于 0.288 与 1.992 之间，且始于 2008 年，不可能直接取自公开发布的 0–1 指数；原文也未说明其构造方法。"
    }
  },
  {
    paper: "lngdp",
    column: "lngdp",
    definition: "Natural log of the partner's GDP in current US$.",
    source: "World Bank WDI NY.GDP.MKTP.CD",
    difference:
      "An assumption, not a match: the paper defines lngdp as the log of the region's GDP (range 6.1-8.3, unit not stated). A GDP of Zhejiang or Wenzhou would be the same for every partner in a year and vanish into the year effects, yet the paper estimates it beside them; we therefore read it as the partner's GDP, the usual gravity control.",
    zh: {
      definition: "伙伴国现价美元 GDP 的自然对数。",
      source: "世界银行 WDI NY.GDP.MKTP.CD",
      difference:
        "这是一个假设，而非一一对应：原文把 lngdp 定义为\u201c地区 GDP\u201d的对数（取值 6.1–8.3，未说明单位）。若指浙江或温州的 GDP，它在同一年对所有伙伴国都相同，会被年份固定效应吸收，而原文却在年份固定效应之外估计了它的系数；因此我们把它理解为伙伴国 GDP，即引力模型中常用的控制变量。"
    }
  },
  {
    paper: "lnpopu",
    column: "lnpopu",
    definition: "Natural log of the partner's total population.",
    source: "World Bank WDI SP.POP.TOTL",
    difference:
      "An assumption, as for lngdp: the paper defines lnpopu as the log of the region's population (unit not stated); a regional series would vanish into the year effects, so we use the partner's population.",
    zh: {
      definition: "伙伴国总人口的自然对数。",
      source: "世界银行 WDI SP.POP.TOTL",
      difference: "与 lngdp 一样是一个假设：原文把 lnpopu 定义为\u201c地区人口\u201d的对数（未说明单位）；地区层面的序列会被年份固定效应吸收，因此我们使用伙伴国人口。"
    }
  },
  {
    paper: "lngov",
    column: "lngov",
    definition: "Natural log of the partner's general government final consumption expenditure, current US$.",
    source: "World Bank WDI NE.CON.GOVT.CD",
    difference: "The paper names it the log of general public expenditure, but its Table 2 values (mean 6006, max 82519) are not logarithms.",
    zh: {
      definition: "伙伴国一般政府最终消费支出（现价美元）的自然对数。",
      source: "世界银行 WDI NE.CON.GOVT.CD",
      difference: "原文称之为一般公共支出的对数，但其表 2 的数值（均值 6006，最大值 82519）并不是对数。"
    }
  },
  {
    paper: "city_rate",
    column: "urban",
    definition: "Urban population as a share of the total, 0-1.",
    source: "World Bank WDI SP.URB.TOTL.IN.ZS (divided by 100)",
    difference: "Same concept; the paper's minimum of 0 is not a real urbanisation rate for any country.",
    zh: {
      definition: "城镇人口占总人口的比重，0–1。",
      source: "世界银行 WDI SP.URB.TOTL.IN.ZS（除以 100）",
      difference: "概念相同；原文最小值为 0，这不是任何国家真实的城镇化率。"
    }
  }
];

export interface Coverage {
  /** Partners with at least one value. */
  partners: number;
  /** First and last year with a value. */
  years: [number, number] | null;
  n: number;
}

/** Which partners and years have a value of `column` in the frame (NaN when the column is absent). */
export function coverage(frame: Frame, column: string): Coverage {
  const col = numericColumns(frame)[column];
  const iso = frame.columns.iso3 as Array<string | null>;
  const year = frame.columns.year as Float64Array;
  if (!col) return {partners: 0, years: null, n: 0};
  const partners = new Set<string>();
  let lo = Infinity;
  let hi = -Infinity;
  let n = 0;
  for (let i = 0; i < frame.nrows; i++) {
    if (col[i] !== col[i]) continue;
    n++;
    partners.add(String(iso[i]));
    lo = Math.min(lo, year[i]);
    hi = Math.max(hi, year[i]);
  }
  return {partners: partners.size, years: n ? [lo, hi] : null, n};
}
