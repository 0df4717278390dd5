/**
 * In-browser handling of a user's customs file, shared by the customs page, the explorer and the replication
 * page: the file is read and checked in a Web Worker (src/workers/customs-entry.ts -> src/lib/customs/task.ts,
 * the one reader and the one merge the Node loaders use), with progress, so the page never freezes; only the
 * first 200 problems and the valid rows matching the panel come back. The merge itself is the shared
 * TypeScript merge (src/lib/customs/merge.ts): no DuckDB, so the 34 MB DuckDB-wasm is never downloaded here.
 */
import {FileAttachment} from "observablehq:stdlib";
import {currentLang} from "../i18n.js";
import {AGGREGATE_COMMAND, MAX_CUSTOMS_BYTES} from "../customs/read.js";
import {BINARY_NAMES} from "../customs/decode.js";
import {packRows, PROBLEMS_KEPT, unpackRows, type CustomsTask, type CustomsTaskResult} from "../customs/task.js";
import type {CustomsRow} from "../customs/validate.js";
import {mergeCustomsRows} from "../customs/merge.js";
import {regionColumns} from "../customs/columns.js";
import {createPool, type Pool} from "../worker/pool.js";
import type {Progress} from "../worker/protocol.js";
import {loadPanel, type PanelRow} from "./panel.js";

export {AGGREGATE_COMMAND, MAX_CUSTOMS_BYTES, PROBLEMS_KEPT, unpackRows};
export type CustomsCheck = CustomsTaskResult & {file: string};

export interface MergeSummary {
  regions: string[];
  /** Regions with columns in the preview (at most PREVIEW_REGIONS). */
  shownRegions: string[];
  /** Valid partner-years in the file. */
  fileRows: number;
  /** Of those, partner-years that exist in the panel. */
  matched: number;
  /** Partner-years of the file that the panel lacks (first 200) and their count. */
  unmatched: Array<{region: string; partner_iso3: string; year: number}>;
  unmatchedCount: number;
  /** Panel rows with the regional export columns added (only partner-years with regional data). */
  preview: Array<Record<string, unknown>>;
  columns: string[];
}

let pool: Pool | undefined;
async function customsPool(): Promise<Pool> {
  // One worker is enough: one file at a time; a literal path lets Framework find and hash the bundle.
  return (pool ??= createPool({url: await FileAttachment("../../workers/customs.js").url(), size: 1}));
}

/**
 * Warm up while the reader looks for a file: the panel (100 KB) and the worker (90 KB), so that choosing a
 * file starts the check at once. Nothing else is downloaded, and DuckDB never is.
 */
export function prepareCustoms(): void {
  const start = () => void Promise.all([loadPanel(), customsPool()]).catch(() => {});
  const idle = (globalThis as {requestIdleCallback?: (f: () => void) => void}).requestIdleCallback;
  if (idle) idle(start);
  else setTimeout(start, 200);
}

/**
 * Read and check a customs file in the worker. Files over 50 MB are refused before any byte is read.
 * `onProgress` receives done/total (tenths of the work); `signal` cancels.
 */
export async function checkCustomsFile(file: File, options: {onProgress?: (p: Progress) => void; signal?: AbortSignal} = {}): Promise<CustomsCheck> {
  const name = file.name || "upload";
  if (file.size > MAX_CUSTOMS_BYTES) {
    return {file: name, ...emptyCheck(), error: {code: "too-big", message: `the file is ${(file.size / 1e6).toFixed(0)} MB; the limit is 50 MB`, detail: (file.size / 1e6).toFixed(0)}};
  }
  const panel = await loadPanel();
  const task: CustomsTask = {
    file,
    panel: {iso3: panel.map((r) => r.iso3), year: panel.map((r) => r.year), columns: Object.keys(panel[0] ?? {})},
    keep: PROBLEMS_KEPT,
    lang: currentLang()
  };
  const result = await (await customsPool()).run<CustomsTask, CustomsTaskResult>(task, options);
  return {file: name, ...result};
}

function emptyCheck(): CustomsTaskResult {
  return {format: "csv", unit: "line", encoding: null, delimiter: null, records: 0, problems: [], problemCount: 0, error: null, valid: 0, rows: packRows([]), regions: [], unmatched: [], unmatchedCount: 0, allProblems: null};
}

/** A file-level error in both languages (by its code; the English message is the reader's own). */
export function errorText(error: NonNullable<CustomsCheck["error"]>): {en: string; zh: string} {
  const en = error.message;
  switch (error.code) {
    case "too-big":
      return {en, zh: `文件大小为 ${error.detail ?? "?"} MB，超过 50 MB 的上限。`};
    case "excel":
      return {en, zh: `这是${BINARY_NAMES[(error.detail as "xlsx" | "xls") ?? "xlsx"].zh}，不是 CSV 文本：请在 Excel 中选择“文件 > 另存为 > CSV UTF-8（逗号分隔）”。`};
    case "binary":
      return {en, zh: `这是${BINARY_NAMES[(error.detail as keyof typeof BINARY_NAMES) ?? "binary"].zh}，不是 CSV 或 Parquet 海关数据文件。`};
    case "encoding":
      return {en, zh: "文件编码既不是 UTF-8、UTF-16，也不是 GB18030：请另存为“CSV UTF-8”。"};
    case "raw-records":
      return {en, zh: `这是海关逐笔交易记录（含 ${error.detail} 等列），不是按地区汇总的年度出口：请先运行 \`${AGGREGATE_COMMAND}\` 汇总，再使用生成的 customs.csv。`};
    case "parquet":
      return {en, zh: `无法解析该 Parquet 文件（${error.detail ?? ""}）。`};
    case "empty":
      return {en, zh: "文件为空（第一行应为表头）。"};
    case "collision":
      return {en, zh: `地区代码与面板已有的列重名，会覆盖原有数据（${en}）：请换一个代码。`};
    default:
      return {en, zh: en};
  }
}

/** Regions shown as columns in the page's preview (all are merged; the rest are counted). */
export const PREVIEW_REGIONS = 8;

/**
 * The panel with the regional columns of the first PREVIEW_REGIONS regions (the one merge), and a summary.
 * Work on the main thread is bounded by the panel's size times the regions shown, whatever the file's size.
 */
export async function mergeCustoms(check: CustomsCheck): Promise<MergeSummary> {
  const panel = await loadPanel();
  const matchedRegions = check.rows.regions.filter((_, k) => check.rows.region.includes(k));
  const shown = matchedRegions.slice(0, PREVIEW_REGIONS);
  const rows: CustomsRow[] = unpackRows(check.rows, new Set(shown));
  const merged = mergeCustomsRows<PanelRow>(panel, rows);
  const has = new Set(rows.map((c) => `${c.partner_iso3}|${c.year}`));
  const preview = merged
    .filter((r) => has.has(`${r.iso3}|${r.year}`))
    .sort((a, b) => a.country.localeCompare(b.country) || a.year - b.year);
  const columns = ["iso3", "country", "year", "dstri", "exports_cn_usd", ...shown.flatMap((r) => regionColumns(r))];
  return {
    regions: check.regions,
    shownRegions: shown,
    fileRows: check.valid,
    matched: check.valid - check.unmatchedCount,
    unmatched: check.unmatched,
    unmatchedCount: check.unmatchedCount,
    preview,
    columns
  };
}

/** A small template file: the header and three example rows (illustrative values, not real data). */
export const CUSTOMS_TEMPLATE =
  "region,partner_iso3,year,exports_usd\n" +
  "zj,USA,2019,1000000\n" +
  "zj,DEU,2019,250000.5\n" +
  "wz,USA,2019,40000\n";
