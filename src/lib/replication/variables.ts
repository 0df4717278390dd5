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
}

export const OUR_VARIABLES: OurVariable[] = [
  {
    paper: "lnexport_zj",
    column: "lnexport_cn (or lnexport_zj from a customs file)",
    definition: "Natural log of China's exports (FOB, US$) to the partner; Zhejiang's when you supply a customs file.",
    source: "IMF Direction of Trade Statistics (to 2020); customs file: China Customs or the Zhejiang yearbook",
    difference: "Without a customs file the outcome is all of China, not Zhejiang: a stand-in, not the same variable."
  },
  {
    paper: "lnexport_wz",
    column: "lnexport_wz (customs file only)",
    definition: "Natural log of Wenzhou's exports (US$) to the partner.",
    source: "Your customs file (China Customs or the Wenzhou yearbook)",
    difference: "No open source exists; the Wenzhou columns appear only when you add a file."
  },
  {
    paper: "DSTRI",
    column: "dstri",
    definition: "OECD Digital Services Trade Restrictiveness Index of the partner, overall score from 0 (open) to 1 (closed).",
    source: "OECD DSTRI, published from 2014 (CC BY 4.0)",
    difference: "The paper's values run from 0.288 to 1.992 and start in 2008, so they cannot be the published 0-1 index as is; its construction is not described."
  },
  {
    paper: "lngdp",
    column: "lngdp",
    definition: "Natural log of the partner's GDP in current US$.",
    source: "World Bank WDI NY.GDP.MKTP.CD",
    difference: "Same concept; the paper's unit is not stated (its values, 6.1-8.3, suggest GDP in units larger than a dollar)."
  },
  {
    paper: "lnpopu",
    column: "lnpopu",
    definition: "Natural log of the partner's total population.",
    source: "World Bank WDI SP.POP.TOTL",
    difference: "Same concept; the paper's unit is not stated."
  },
  {
    paper: "lngov",
    column: "lngov",
    definition: "Natural log of the partner's general government final consumption expenditure, current US$.",
    source: "World Bank WDI NE.CON.GOVT.CD",
    difference: "The paper names it the log of general public expenditure, but its Table 2 values (mean 6006, max 82519) are not logarithms."
  },
  {
    paper: "city_rate",
    column: "urban",
    definition: "Urban population as a share of the total, 0-1.",
    source: "World Bank WDI SP.URB.TOTL.IN.ZS (divided by 100)",
    difference: "Same concept; the paper's minimum of 0 is not a real urbanisation rate for any country."
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
