/**
 * The analysis panel: one row per partner economy and year.
 *
 * Partners: the economies of the Digital STRI data, except China (the exporter). Years: PANEL_YEARS (2008-2024,
 * the study's window, whether or not a source covers every year; missing cells stay missing).
 * Columns (in this order):
 *   iso3, country, country_zh, year, oecd,
 *   dstri, dstri_infra, dstri_etrans, dstri_payment, dstri_ipr, dstri_other   (OECD Digital STRI, 0..1)
 *   exports_cn_usd, lnexport_cn                                            (China's exports to the partner, US$)
 *   gdp_usd, lngdp, pop, lnpopu, gov_usd, lngov, gov_share, urban          (World Bank WDI)
 *   exports_<region>_usd, lnexport_<region>                                (one pair per customs region supplied)
 * Each lnX is the natural log of its level column; a level that is missing or <= 0 gives a missing log (never -Infinity).
 * gov_share = gov_usd / gdp_usd; urban = SP.URB.TOTL.IN.ZS / 100 (a 0-1 share).
 * In the Frame (src/lib/engine/types.ts) numbers are Float64Array with NaN = missing, text columns string|null,
 * and `oecd` is 1 (member) / 0 (the Frame has no boolean type); writers emit it as a boolean.
 */
import type {Frame} from "../src/lib/engine/types.js";
import type {CustomsRow} from "../src/lib/customs/validate.js";
import {customsColumns} from "../src/lib/customs/merge.js";
import type {TidyTable} from "./tidy.js";
import {nameEn, nameZh} from "./sources/iso.js";

/** The panel's years, inclusive: the study's window 2008-2024. */
export const PANEL_YEARS: readonly number[] = Array.from({length: 2024 - 2008 + 1}, (_, i) => 2008 + i);

/** The exporting economy, left out of the partners. */
export const EXPORTER = "CHN";

/**
 * The 38 OECD member countries (current membership; Costa Rica, the latest, joined in May 2021), applied to all
 * years as a fixed group indicator. Source: OECD, "Members and partners", https://www.oecd.org/en/about/members-partners.html
 */
export const OECD_MEMBERS: readonly string[] = [
  "AUS", "AUT", "BEL", "CAN", "CHL", "COL", "CRI", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL", "IRL",
  "ISR", "ITA", "JPN", "KOR", "LVA", "LTU", "LUX", "MEX", "NLD", "NZL", "NOR", "POL", "PRT", "SVK", "SVN", "ESP", "SWE",
  "CHE", "TUR", "GBR", "USA"
];

/** DSTRI measure -> panel column. */
export const DSTRI_COLUMNS_MAP: Record<string, string> = {
  DSTRI: "dstri",
  INFRA: "dstri_infra",
  ETRANS: "dstri_etrans",
  PAYMENT: "dstri_payment",
  IPR: "dstri_ipr",
  OTHER: "dstri_other"
};

/** Kind of every panel column, for the writers (CSV, Arrow, Parquet). */
export type ColumnKind = "text" | "int" | "bool" | "float";

/** The kind of a panel column by name. Example: `panelColumnKind("year")` -> "int". */
export function panelColumnKind(name: string): ColumnKind {
  if (name === "iso3" || name === "country" || name === "country_zh") return "text";
  if (name === "year") return "int";
  if (name === "oecd") return "bool";
  return "float";
}

export interface PanelInputs {
  dstri: TidyTable;
  wdi: TidyTable;
  exports: TidyTable;
  customs?: CustomsRow[];
}

const logOrNaN = (v: number) => (Number.isFinite(v) && v > 0 ? Math.log(v) : NaN);

/** Index a tidy table by `a|b|c` of its key columns -> value. */
function index(table: TidyTable, keyCols: number[]): Map<string, number> {
  const out = new Map<string, number>();
  const v = table.columns.length - 1;
  for (const row of table.rows) out.set(keyCols.map((k) => row[k]).join("|"), row[v] as number);
  return out;
}

/**
 * Assemble the panel Frame from tidy source tables (pure: no I/O). Example:
 * `assemblePanel({dstri, wdi, exports}).columns.dstri[0]` is the first partner's 2008 DSTRI (NaN: DSTRI starts 2014).
 */
export function assemblePanel(inputs: PanelInputs): Frame {
  const partners = [...new Set(inputs.dstri.rows.map((r) => String(r[0])))].filter((c) => c !== EXPORTER).sort();
  const dstri = index(inputs.dstri, [0, 1, 2]);
  const wdi = index(inputs.wdi, [0, 1, 2]);
  const exportsCn = new Map<string, number>();
  for (const r of inputs.exports.rows) if (r[0] === EXPORTER) exportsCn.set(`${r[1]}|${r[2]}`, r[3] as number);

  const n = partners.length * PANEL_YEARS.length;
  const text = () => new Array<string | null>(n).fill(null);
  const num = () => new Float64Array(n).fill(NaN);
  const c: Record<string, Float64Array | Array<string | null>> = {
    iso3: text(), country: text(), country_zh: text(), year: num(), oecd: num()
  };
  for (const col of Object.values(DSTRI_COLUMNS_MAP)) c[col] = num();
  for (const col of ["exports_cn_usd", "lnexport_cn", "gdp_usd", "lngdp", "pop", "lnpopu", "gov_usd", "lngov", "gov_share", "urban"]) c[col] = num();
  const f = (name: string) => c[name] as Float64Array;
  const s = (name: string) => c[name] as Array<string | null>;
  const get = (m: Map<string, number>, key: string) => m.get(key) ?? NaN;

  let i = 0;
  for (const iso3 of partners) {
    const en = nameEn(iso3);
    const zh = nameZh(iso3);
    const member = OECD_MEMBERS.includes(iso3) ? 1 : 0;
    for (const year of PANEL_YEARS) {
      s("iso3")[i] = iso3;
      s("country")[i] = en;
      s("country_zh")[i] = zh;
      f("year")[i] = year;
      f("oecd")[i] = member;
      for (const [measure, col] of Object.entries(DSTRI_COLUMNS_MAP)) f(col)[i] = get(dstri, `${iso3}|${year}|${measure}`);
      const ex = get(exportsCn, `${iso3}|${year}`);
      f("exports_cn_usd")[i] = ex;
      f("lnexport_cn")[i] = logOrNaN(ex);
      const gdp = get(wdi, `${iso3}|${year}|NY.GDP.MKTP.CD`);
      const pop = get(wdi, `${iso3}|${year}|SP.POP.TOTL`);
      const gov = get(wdi, `${iso3}|${year}|NE.CON.GOVT.CD`);
      const urban = get(wdi, `${iso3}|${year}|SP.URB.TOTL.IN.ZS`);
      f("gdp_usd")[i] = gdp;
      f("lngdp")[i] = logOrNaN(gdp);
      f("pop")[i] = pop;
      f("lnpopu")[i] = logOrNaN(pop);
      f("gov_usd")[i] = gov;
      f("lngov")[i] = logOrNaN(gov);
      f("gov_share")[i] = Number.isFinite(gov) && Number.isFinite(gdp) && gdp > 0 ? gov / gdp : NaN;
      f("urban")[i] = Number.isFinite(urban) ? urban / 100 : NaN;
      i++;
    }
  }
  // Customs regions: the one merge (src/lib/customs/merge.ts), which refuses a region that would overwrite a column.
  const regional = customsColumns({iso3: s("iso3"), year: f("year")}, inputs.customs ?? [], Object.keys(c));
  Object.assign(c, regional.columns);
  return {nrows: n, columns: c};
}
