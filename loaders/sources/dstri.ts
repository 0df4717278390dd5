/**
 * OECD Digital Services Trade Restrictiveness Index (Digital STRI): overall index and its five policy areas.
 *
 * Live source: OECD Data Explorer SDMX REST API, dataflow `OECD.TAD.TPD,DSD_STRI@DF_STRI_DIGITAL,1.0`, all keys,
 * in SDMX-CSV (`format=csvfile`: one observation a row; columns named by dimension id, e.g.
 * `DATAFLOW,FREQ,REF_AREA,MEASURE,...,TIME_PERIOD,OBS_VALUE,...`; SDMX-CSV 2.0 starts with `STRUCTURE,STRUCTURE_ID,ACTION`
 * instead of `DATAFLOW`; both are accepted, as is the `csvfilewithlabels` variant, whose code cells may read `CODE: Label`).
 *
 * Measure codes (dimension `MEASURE`; as used by public scripts reading this dataflow, to be checked against
 * the DSD `https://sdmx.oecd.org/public/rest/dataflow/OECD.TAD.TPD/DSD_STRI@DF_STRI_DIGITAL/latest?references=all`
 * when online) mapped to the tidy `measure`:
 *   STRI -> DSTRI (overall), CLAS1_6 -> INFRA (infrastructure and connectivity), CLAS1_7 -> ETRANS (electronic
 *   transactions), CLAS1_8 -> PAYMENT (payment systems), CLAS1_9 -> IPR (intellectual property rights),
 *   CLAS1_10 -> OTHER (other barriers affecting trade in digitally enabled services).
 * The tidy names themselves are accepted too. Aggregates (REF_AREA not an ISO3 economy, e.g. `OECD`) are dropped.
 * Licence: CC BY 4.0. Cite: OECD (2025), Digital Services Trade Restrictiveness Index.
 */
import {baseUrl} from "../config.js";
import {getText, FetchError} from "../http.js";
import {parseCsv, CsvSyntaxError} from "../../src/lib/customs/csv.js";
import type {TidyTable} from "../tidy.js";
import {isIso3} from "./iso.js";

export const DSTRI_COLUMNS = ["iso3", "year", "measure", "value"];

/** SDMX measure code -> tidy measure name. */
export const DSTRI_MEASURES: Record<string, string> = {
  STRI: "DSTRI",
  CLAS1_6: "INFRA",
  CLAS1_7: "ETRANS",
  CLAS1_8: "PAYMENT",
  CLAS1_9: "IPR",
  CLAS1_10: "OTHER"
};
const TIDY_NAMES = new Set(Object.values(DSTRI_MEASURES));

/** The SDMX REST data URL (SDMX-CSV). Example: `dstriUrl()` -> `https://sdmx.oecd.org/public/rest/data/OECD.TAD.TPD,DSD_STRI@DF_STRI_DIGITAL,1.0/all?...`. */
export function dstriUrl(): string {
  return `${baseUrl("oecd")}/data/OECD.TAD.TPD,DSD_STRI@DF_STRI_DIGITAL,1.0/all?startPeriod=2014&dimensionAtObservation=AllDimensions&format=csvfile`;
}

const code = (cell: string) => cell.split(":")[0].trim();

/**
 * Parse an SDMX-CSV download of the Digital STRI into the tidy `iso3,year,measure,value` table.
 * Requires the columns REF_AREA, MEASURE, TIME_PERIOD and OBS_VALUE (else a FetchError "changed columns");
 * keeps annual rows (FREQ = A when present), the six measures above, ISO3 economies and non-empty values.
 * Two different values for the same economy, year and measure make the download ambiguous: an error.
 */
export function parseDstriSdmxCsv(text: string): TidyTable {
  let csv;
  try {
    csv = parseCsv(text);
  } catch (e) {
    throw new FetchError(`OECD SDMX-CSV: ${e instanceof CsvSyntaxError ? e.message : String(e)} (truncated download?)`);
  }
  const need = ["REF_AREA", "MEASURE", "TIME_PERIOD", "OBS_VALUE"];
  const at = (name: string) => csv.header.indexOf(name);
  const missing = need.filter((n) => at(n) < 0);
  if (missing.length) {
    throw new FetchError(`OECD SDMX-CSV: changed columns, missing ${missing.join(", ")} (header: ${csv.header.slice(0, 12).join(",")})`);
  }
  const [iArea, iMeasure, iTime, iValue, iFreq] = [...need.map(at), at("FREQ")];
  const values = new Map<string, Array<string | number>>();
  for (let r = 0; r < csv.records.length; r++) {
    const rec = csv.records[r];
    if (rec.length !== csv.header.length) {
      throw new FetchError(`OECD SDMX-CSV line ${csv.lines[r]}: expected ${csv.header.length} fields, found ${rec.length} (truncated download?)`);
    }
    if (iFreq >= 0 && code(rec[iFreq]) !== "A") continue;
    const m = code(rec[iMeasure]);
    const measure = DSTRI_MEASURES[m] ?? (TIDY_NAMES.has(m) ? m : null);
    const iso3 = code(rec[iArea]);
    if (!measure || !isIso3(iso3) || rec[iValue].trim() === "") continue;
    const year = Number(code(rec[iTime]));
    const value = Number(rec[iValue]);
    if (!Number.isInteger(year) || !Number.isFinite(value)) {
      throw new FetchError(`OECD SDMX-CSV line ${csv.lines[r]}: bad TIME_PERIOD "${rec[iTime]}" or OBS_VALUE "${rec[iValue]}"`);
    }
    const key = `${iso3},${year},${measure}`;
    const prev = values.get(key);
    if (prev && prev[3] !== value) {
      throw new FetchError(`OECD SDMX-CSV line ${csv.lines[r]}: two values for ${key} (${prev[3]} and ${value}); the dataflow's dimensions changed?`);
    }
    values.set(key, [iso3, year, measure, value]);
  }
  if (values.size === 0) {
    throw new FetchError(`OECD SDMX-CSV: no Digital STRI observations (expected MEASURE codes ${Object.keys(DSTRI_MEASURES).join(", ")})`);
  }
  return {columns: DSTRI_COLUMNS, rows: [...values.values()]};
}

/** Download the Digital STRI live and return it in the tidy format, with the URL used. */
export async function fetchDstri(): Promise<{table: TidyTable; url: string}> {
  const url = dstriUrl();
  const text = await getText(url, {accept: "application/vnd.sdmx.data+csv; charset=utf-8"});
  return {table: parseDstriSdmxCsv(text), url};
}
