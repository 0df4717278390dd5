/**
 * China's merchandise exports by partner, annual, US$.
 *
 * Live source: UN Comtrade API v1. Without a key the public preview endpoint
 * `GET {base}/public/v1/preview/C/A/HS?reporterCode=156&period=Y1,Y2&flowCode=X&cmdCode=TOTAL` (at most 500 records a
 * call, so two years a call); with `COMTRADE_API_KEY` the data endpoint `{base}/data/v1/get/C/A/HS?...` (12 years a
 * call). The JSON is `{"elements": ..., "count": n, "data": [{refYear, reporterCode, flowCode, partnerCode,
 * partner2Code, cmdCode, customsCode, motCode, primaryValue, ...}], "error": ""}`. Rows other than the totals over
 * partner2, mode of transport and customs procedure are dropped, so one value remains per partner and year.
 * Partner codes are UN M49 numerics, mapped to ISO3 with `i18n-iso-countries`; code 0 (World) -> `WLD`; Comtrade's
 * own codes that differ from ISO 3166 numerics are listed in COMTRADE_NUMERIC_OVERRIDES; other "nes" areas are dropped.
 *
 * The snapshot's exports.csv comes from IMF Direction of Trade Statistics instead (same tidy format); the provenance
 * record of the cache says which source filled it.
 * Licences: UN Comtrade, free reuse with attribution; IMF DOTS, free reuse with attribution.
 */
import {baseUrl} from "../config.js";
import {getText, FetchError} from "../http.js";
import type {TidyTable} from "../tidy.js";
import {numericToIso3} from "./iso.js";

export const EXPORTS_COLUMNS = ["reporter_iso3", "partner_iso3", "year", "value_usd"];

/**
 * Comtrade partner codes that are not ISO 3166-1 numerics (Comtrade's "incl." territories), mapped to the ISO3 of
 * the economy they stand for. Source: UN Comtrade partner reference list (partnerAreas).
 */
export const COMTRADE_NUMERIC_OVERRIDES: Record<number, string> = {
  0: "WLD", // World
  251: "FRA", // France (incl. Monaco)
  381: "ITA", // Italy (incl. San Marino)
  579: "NOR", // Norway (incl. Svalbard and Jan Mayen)
  699: "IND", // India (until 1995 incl. Sikkim)
  757: "CHE", // Switzerland (incl. Liechtenstein)
  842: "USA" // USA (incl. Puerto Rico and US Virgin Islands until 1981)
};

/** Map a Comtrade partner code to ISO3 (null for "nes"/special areas). Example: `comtradePartnerIso3(842)` -> "USA". */
export function comtradePartnerIso3(code: number): string | null {
  return COMTRADE_NUMERIC_OVERRIDES[code] ?? numericToIso3(code);
}

/**
 * Parse one Comtrade JSON response into tidy rows (reporter CHN). Throws FetchError on an `error` message,
 * invalid JSON (truncated body) or rows lacking the expected fields (changed format).
 * Example: `parseComtrade('{"count":1,"data":[{"refYear":2020,"reporterCode":156,"flowCode":"X","partnerCode":842,"cmdCode":"TOTAL","primaryValue":4.5e11}],"error":""}')`.
 */
export function parseComtrade(text: string): TidyTable {
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FetchError(`Comtrade API: response is not valid JSON (truncated?): ${text.slice(0, 60)}`);
  }
  if (json && typeof json.error === "string" && json.error.trim() !== "") {
    throw new FetchError(`Comtrade API error: ${json.error.trim()}`);
  }
  if (!json || !Array.isArray(json.data)) {
    const detail = json && (json.message ?? json.statusCode) ? ` (${json.statusCode ?? ""} ${json.message ?? ""})` : "";
    throw new FetchError(`Comtrade API: response has no data array${detail}`);
  }
  const rows = new Map<string, Array<string | number>>();
  for (const d of json.data as Array<Record<string, any>>) {
    for (const field of ["refYear", "partnerCode", "primaryValue", "flowCode"]) {
      if (!(field in d)) throw new FetchError(`Comtrade API: a row lacks ${field} (changed format?)`);
    }
    if (d.flowCode !== "X") continue;
    if (d.reporterCode !== undefined && Number(d.reporterCode) !== 156) continue;
    if (d.cmdCode !== undefined && d.cmdCode !== "TOTAL") continue;
    // Keep only the totals over the breakdowns the API may add.
    if (d.partner2Code !== undefined && d.partner2Code !== null && Number(d.partner2Code) !== 0) continue;
    if (d.motCode !== undefined && d.motCode !== null && Number(d.motCode) !== 0) continue;
    if (d.customsCode !== undefined && d.customsCode !== null && d.customsCode !== "C00") continue;
    const partner = comtradePartnerIso3(Number(d.partnerCode));
    const year = Number(d.refYear);
    const value = Number(d.primaryValue);
    if (!partner || !Number.isInteger(year) || d.primaryValue === null || !Number.isFinite(value)) continue;
    rows.set(`${partner},${year}`, ["CHN", partner, year, value]);
  }
  return {columns: EXPORTS_COLUMNS, rows: [...rows.values()]};
}

/** Years the live fetch asks for: 2000 to last year. */
export function exportYears(now = new Date()): number[] {
  const last = now.getUTCFullYear() - 1;
  return Array.from({length: last - 2000 + 1}, (_, i) => 2000 + i);
}

/** Download China's exports by partner live (batches of years) and return the tidy table and the URL pattern. */
export async function fetchExports(years = exportYears()): Promise<{table: TidyTable; url: string}> {
  const key = process.env.COMTRADE_API_KEY?.trim();
  const base = baseUrl("comtrade");
  const path = key ? "/data/v1/get/C/A/HS" : "/public/v1/preview/C/A/HS";
  const batch = key ? 12 : 2;
  const rows = new Map<string, Array<string | number>>();
  let shown = "";
  for (let i = 0; i < years.length; i += batch) {
    const period = years.slice(i, i + batch).join(",");
    const url = `${base}${path}?reporterCode=156&period=${period}&flowCode=X&cmdCode=TOTAL&includeDesc=false`;
    shown ||= url;
    const headers: Record<string, string> = key ? {"Ocp-Apim-Subscription-Key": key} : {};
    for (const row of parseComtrade(await getText(url, headers)).rows) {
      const key = `${row[1]},${row[2]}`;
      const prev = rows.get(key);
      // A year asked for in one batch only can come back once; anything else means the API ignored `period`.
      if (prev && prev[3] !== row[3]) throw new FetchError(`Comtrade API: two values for ${key} (${prev[3]} and ${row[3]})`);
      rows.set(key, row);
    }
  }
  if (rows.size === 0) throw new FetchError(`Comtrade API: no export values for ${years[0]}-${years.at(-1)}`);
  return {table: {columns: EXPORTS_COLUMNS, rows: [...rows.values()]}, url: shown.replace(/period=[^&]*/, "period={years}")};
}
