/**
 * World Bank World Development Indicators, through the World Bank API v2 (JSON).
 *
 * A data page is `[header, rows]`: header `{page, pages, per_page, total, ...}`, rows
 * `{indicator: {id, value}, country: {id, value}, countryiso3code, date, value, ...}` (value null = missing).
 * Errors come back as HTTP 200 with `[{"message": [{"id": "120", "key": "Invalid value", "value": "..."}]}]`.
 * The fetcher follows `pages` until the last page. Aggregates (regions, income groups) are dropped: a row is kept
 * only if its code is an economy in the country list (`/v2/country`, region not "Aggregates") and a valid ISO3
 * (or Kosovo's XKX).
 * Licence: CC BY 4.0. Cite: World Bank, World Development Indicators.
 */
import {baseUrl} from "../config.js";
import {getText, FetchError} from "../http.js";
import type {TidyTable} from "../tidy.js";
import {isIso3} from "./iso.js";

export const WDI_COLUMNS = ["iso3", "year", "indicator", "value"];

/** The indicators the panel uses (and the snapshot holds). */
export const WDI_INDICATORS = [
  "NY.GDP.MKTP.CD", // GDP, current US$
  "SP.POP.TOTL", // population
  "SP.URB.TOTL.IN.ZS", // urban population, % of total
  "NE.CON.GOVT.CD", // general government final consumption, current US$
  "GC.XPN.TOTL.GD.ZS", // expense, % of GDP
  "TX.VAL.MRCH.CD.WT" // merchandise exports, current US$
];

/** One parsed page: paging header and its rows (rows with a null value are left out). */
export interface WbPage {
  page: number;
  pages: number;
  rows: Array<{iso3: string; year: number; indicator: string; value: number}>;
}

/**
 * Parse one World Bank API v2 JSON data page. Throws FetchError with the API's own message for an error payload,
 * and for anything that is not `[header, rows]` (e.g. a truncated body).
 * Example: `parseWbPage('[{"page":1,"pages":1},[{"indicator":{"id":"SP.POP.TOTL"},"countryiso3code":"FRA","date":"2020","value":67e6}]]')`.
 */
export function parseWbPage(text: string): WbPage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FetchError(`World Bank API: response is not valid JSON (truncated?): ${text.slice(0, 60)}`);
  }
  checkWbError(json);
  if (!Array.isArray(json) || json.length < 1 || typeof json[0] !== "object" || json[0] === null) {
    throw new FetchError(`World Bank API: unexpected response shape (expected [header, rows])`);
  }
  const header = json[0] as {page?: unknown; pages?: unknown};
  const page = Number(header.page);
  const pages = Number(header.pages);
  if (!Number.isInteger(page) || !Number.isInteger(pages)) {
    throw new FetchError(`World Bank API: header lacks page/pages (changed format?)`);
  }
  const list = json[1] ?? [];
  if (!Array.isArray(list)) throw new FetchError(`World Bank API: rows are not an array (changed format?)`);
  const rows: WbPage["rows"] = [];
  for (const item of list as Array<Record<string, any>>) {
    if (!item || typeof item !== "object" || !("date" in item) || !("value" in item) || !item.indicator) {
      throw new FetchError(`World Bank API: a row lacks date/value/indicator (changed format?)`);
    }
    if (item.value === null || item.value === "") continue;
    const value = Number(item.value);
    const year = Number(item.date);
    const iso3 = String(item.countryiso3code ?? "");
    if (!Number.isFinite(value) || !Number.isInteger(year)) continue;
    rows.push({iso3, year, indicator: String(item.indicator.id), value});
  }
  return {page, pages, rows};
}

function checkWbError(json: unknown): void {
  if (Array.isArray(json) && json.length >= 1 && json[0] && typeof json[0] === "object" && "message" in json[0]) {
    const msgs = (json[0] as {message: Array<{id?: string; key?: string; value?: string}>}).message;
    const m = Array.isArray(msgs) && msgs[0] ? msgs[0] : {};
    throw new FetchError(`World Bank API error ${m.id ?? "?"} (${m.key ?? "?"}): ${m.value ?? "no detail"}`);
  }
}

/**
 * Parse the World Bank country list (`/v2/country?format=json`, one page) into the set of economy ISO3 codes
 * (region not "Aggregates"). Example row: `{"id":"FRA","iso2Code":"FR","region":{"id":"ECS","value":"Europe & Central Asia"}}`.
 */
export function parseWbCountries(text: string): Set<string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FetchError(`World Bank country list: not valid JSON (truncated?)`);
  }
  checkWbError(json);
  const list = Array.isArray(json) ? json[1] : null;
  if (!Array.isArray(list)) throw new FetchError(`World Bank country list: unexpected response shape`);
  const out = new Set<string>();
  for (const c of list as Array<Record<string, any>>) {
    const region = String(c?.region?.value ?? "").trim();
    if (c?.id && region !== "Aggregates") out.add(String(c.id));
  }
  return out;
}

/** Keep economies only: rows whose code is in `economies` (when given) and a valid ISO3 (or XKX). */
export function dropAggregates(rows: WbPage["rows"], economies: Set<string> | null): WbPage["rows"] {
  return rows.filter((r) => isIso3(r.iso3) && (!economies || economies.has(r.iso3)));
}

/** Download every indicator (all pages) and the country list; return the tidy table and the first URL used. */
export async function fetchWdi(indicators = WDI_INDICATORS): Promise<{table: TidyTable; url: string}> {
  const base = baseUrl("wb");
  const economies = parseWbCountries(await getText(`${base}/v2/country?format=json&per_page=1000`));
  const rows: TidyTable["rows"] = [];
  const seen = new Set<string>();
  let firstUrl = "";
  for (const indicator of indicators) {
    let page = 1;
    let pages = 1;
    do {
      const url = `${base}/v2/country/all/indicator/${indicator}?format=json&per_page=20000&page=${page}`;
      firstUrl ||= url;
      const parsed = parseWbPage(await getText(url));
      pages = parsed.pages;
      for (const r of dropAggregates(parsed.rows, economies)) {
        const key = `${r.iso3},${r.year},${r.indicator}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push([r.iso3, r.year, r.indicator, r.value]);
      }
      page++;
    } while (page <= pages);
  }
  if (rows.length === 0) throw new FetchError(`World Bank API: no observations for ${indicators.join(", ")}`);
  return {table: {columns: WDI_COLUMNS, rows}, url: firstUrl.replace(/indicator\/[^?]+/, "indicator/{indicator}")};
}
