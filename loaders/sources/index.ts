/**
 * The registry of cached sources: for each, its cache/snapshot file name, tidy columns, live fetcher, licence
 * and citation. `loaders/resolve.ts` walks cache -> snapshot -> live for any of them.
 */
import type {TidyTable} from "../tidy.js";
import {DSTRI_COLUMNS, fetchDstri, dstriUrl} from "./dstri.js";
import {WDI_COLUMNS, fetchWdi} from "./wdi.js";
import {EXPORTS_COLUMNS, fetchExports} from "./exports.js";
import {baseUrl} from "../config.js";

export type SourceName = "dstri" | "wdi" | "exports";
export const SOURCE_NAMES: SourceName[] = ["dstri", "wdi", "exports"];

export interface SourceSpec {
  name: SourceName;
  /** File name in the cache and in the snapshot. */
  file: string;
  columns: string[];
  title: string;
  licence: string;
  citation: string;
  /** What the snapshot file was made from (it can differ from the live source). */
  snapshotOrigin: string;
  /** Where a reader finds the snapshot's origin (official page), for the manifest and the Data page. */
  snapshotUrl: string;
  /** When the snapshot's origin file was retrieved (date), when the snapshot folder does not say. */
  snapshotRetrieved: string;
  /** What the live fetch's data are (e.g. UN Comtrade for exports), to tell when it differs from the snapshot. */
  liveOrigin: string;
  /** Where the live fetch goes (for messages). */
  liveUrl: () => string;
  fetchLive: () => Promise<{table: TidyTable; url: string}>;
}

export const SOURCES: Record<SourceName, SourceSpec> = {
  dstri: {
    name: "dstri",
    file: "dstri.csv",
    columns: DSTRI_COLUMNS,
    title: "OECD Digital Services Trade Restrictiveness Index",
    licence: "CC BY 4.0",
    citation: "OECD (2025), Digital Services Trade Restrictiveness Index, OECD Data Explorer (OECD.TAD.TPD, DSD_STRI@DF_STRI_DIGITAL).",
    snapshotOrigin: "OECD Going Digital Toolkit, indicator 73 (republishes the Digital STRI), retrieved 2025-11-29",
    snapshotUrl: "https://goingdigital.oecd.org/indicator/73",
    snapshotRetrieved: "2025-11-29",
    liveOrigin: "OECD Digital STRI (SDMX)",
    liveUrl: dstriUrl,
    fetchLive: () => fetchDstri()
  },
  wdi: {
    name: "wdi",
    file: "wdi.csv",
    columns: WDI_COLUMNS,
    title: "World Bank World Development Indicators",
    licence: "CC BY 4.0",
    citation: "World Bank, World Development Indicators (API v2).",
    snapshotOrigin: "World Bank WDI bulk files (aggregates removed); government consumption from the WDI release of 2024-09-19",
    snapshotUrl: "https://databank.worldbank.org/source/world-development-indicators",
    snapshotRetrieved: "2026-07-01",
    liveOrigin: "World Bank WDI (API v2)",
    liveUrl: () => `${baseUrl("wb")}/v2/country/all/indicator/{indicator}?format=json`,
    fetchLive: () => fetchWdi()
  },
  exports: {
    name: "exports",
    file: "exports.csv",
    columns: EXPORTS_COLUMNS,
    title: "China's merchandise exports by partner",
    licence: "UN Comtrade / IMF DOTS: free reuse with attribution",
    citation: "UN Comtrade Database (live fetch); IMF, Direction of Trade Statistics (snapshot).",
    snapshotOrigin: "IMF Direction of Trade Statistics (DOTS), exports FOB of China (mainland) by partner",
    snapshotUrl: "https://data.imf.org/",
    snapshotRetrieved: "2022-05-09",
    liveOrigin: "UN Comtrade",
    liveUrl: () => `${baseUrl("comtrade")}/public/v1/preview/C/A/HS?reporterCode=156&flowCode=X&cmdCode=TOTAL`,
    fetchLive: () => fetchExports()
  }
};
