/**
 * In-browser handling of a user's customs file: read (CSV or Parquet), validate with the shared
 * validator (src/lib/customs/validate.ts, the same rules the Node loaders use), load the valid rows into
 * DuckDB-wasm and merge them with the panel on partner and year.
 *
 * Why this split:
 * - CSV problems must point at file lines, so the text is checked by the shared line-aware parser.
 *   A clean CSV is then read by DuckDB's own `read_csv` from a registered buffer (core DuckDB, no extension).
 * - DuckDB's Parquet reader is an extension that the browser would download from extensions.duckdb.org,
 *   which the site never contacts; Parquet is decoded with hyparquet instead and its rows are validated the
 *   same way (problems point at row numbers).
 * - Valid rows reach DuckDB as an Arrow table when they did not come through read_csv.
 */
import {tableFromArrays} from "apache-arrow";
import {parquetMetadata, parquetReadObjects, parquetSchema} from "hyparquet";
import {validateCustoms, validateCustomsCsv, type CustomsProblem, type CustomsRow} from "../customs/validate.js";
import {getDuckDB, loadArrowStream, query} from "../duckdb.js";
import {panelBytes} from "./panel.js";

export interface CustomsCheck {
  file: string;
  format: "csv" | "parquet";
  /** "line" for CSV (header = line 1), "row" for Parquet (first data row = row 1). */
  unit: "line" | "row";
  records: number;
  rows: CustomsRow[];
  problems: CustomsProblem[];
}

export interface MergeSummary {
  regions: string[];
  /** Valid partner-years in the file. */
  fileRows: number;
  /** Of those, partner-years that exist in the panel. */
  matched: number;
  /** Partner-years of the file that the panel lacks (partner not among the DSTRI economies, or year out of range). */
  unmatched: Array<{region: string; partner_iso3: string; year: number}>;
  /** Panel rows with the regional export columns added (only partner-years with regional data). */
  preview: Array<Record<string, unknown>>;
  columns: string[];
}

const MAX_BYTES = 50 * 1024 * 1024;

/** Read and validate a customs file. Throws a one-line Error only for unusable files (wrong type, too big). */
export async function checkCustomsFile(file: File): Promise<CustomsCheck> {
  const name = file.name || "upload";
  if (file.size > MAX_BYTES) throw new Error(`${name}: the file is ${(file.size / 1e6).toFixed(0)} MB; the limit is 50 MB`);
  const lower = name.toLowerCase();
  if (lower.endsWith(".parquet")) return checkParquet(name, await file.arrayBuffer());
  if (lower.endsWith(".csv") || lower.endsWith(".txt") || file.type === "text/csv") return checkCsv(name, await file.text());
  throw new Error(`${name}: unsupported file type (expected .csv or .parquet)`);
}

function checkCsv(file: string, text: string): CustomsCheck {
  const {rows, problems} = validateCustomsCsv(text);
  const records = Math.max(0, text.split(/\r?\n/).filter((l) => l.trim() !== "").length - 1);
  return {file, format: "csv", unit: "line", records, rows, problems};
}

async function checkParquet(file: string, buffer: ArrayBuffer): Promise<CustomsCheck> {
  let header: string[];
  let objects: Record<string, unknown>[];
  try {
    const meta = parquetMetadata(buffer);
    header = parquetSchema(meta).children.map((c) => c.element.name);
    objects = (await parquetReadObjects({file: buffer})) as Record<string, unknown>[];
  } catch (e) {
    throw new Error(`${file}: could not decode the Parquet file (${(e as Error).message})`);
  }
  // The validator works on text cells, as in a CSV; typed Parquet values are written back as text.
  const rows = objects.map((o) =>
    Object.fromEntries(header.map((h) => [h, o[h] == null ? "" : typeof o[h] === "number" ? numberText(o[h] as number) : String(o[h])]))
  );
  const lines = rows.map((_, i) => i + 1);
  const result = validateCustoms(rows, header, lines);
  return {file, format: "parquet", unit: "row", records: rows.length, ...result};
}

/** Plain decimal text for a number (no exponent for integers), so the validator sees what a CSV would hold. */
function numberText(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
}

let panelLoaded: Promise<void> | undefined;

/** Put the panel into DuckDB once per page (table `panel`). */
function ensurePanel(): Promise<void> {
  return (panelLoaded ??= panelBytes().then((b) => loadArrowStream("panel", b)));
}

/** Load the checked rows into DuckDB (table `customs`) and merge with the panel. */
export async function mergeCustoms(check: CustomsCheck, original?: File): Promise<MergeSummary> {
  const db = await getDuckDB();
  await ensurePanel();
  const conn = await db.connect();
  try {
    await conn.query("DROP TABLE IF EXISTS customs");
    if (check.format === "csv" && check.problems.length === 0 && original) {
      // A clean CSV: let DuckDB read the file itself, with the schema's types.
      const name = "customs_upload.csv";
      await db.registerFileBuffer(name, new Uint8Array(await original.arrayBuffer()));
      try {
        await conn.query(
          `CREATE TABLE customs AS SELECT * FROM read_csv('${name}', header = true, auto_detect = false, ` +
          `columns = {'region': 'VARCHAR', 'partner_iso3': 'VARCHAR', 'year': 'INTEGER', 'exports_usd': 'DOUBLE'})`
        );
      } finally {
        await db.dropFile(name);
      }
    } else {
      const rows = check.rows;
      const table = tableFromArrays({
        region: rows.map((r) => r.region),
        partner_iso3: rows.map((r) => r.partner_iso3),
        year: Int32Array.from(rows, (r) => r.year),
        exports_usd: Float64Array.from(rows, (r) => r.exports_usd)
      });
      await conn.insertArrowTable(table, {name: "customs", create: true});
    }
  } finally {
    await conn.close();
  }

  const regions = (await query<{region: string}>("SELECT DISTINCT region FROM customs ORDER BY region")).map((r) => r.region);
  // Region codes passed the validator's pattern ^[a-z][a-z0-9_]*$, so they are safe inside identifiers.
  // ln is left empty for zero exports (DuckDB refuses ln(0)), as the panel does.
  const regionCols = regions.map((r) => {
    const v = `max(CASE WHEN c.region = '${r}' THEN c.exports_usd END)`;
    return `${v} AS "exports_${r}_usd", CASE WHEN ${v} > 0 THEN ln(${v}) END AS "lnexport_${r}"`;
  });
  const [{n}] = await query<{n: number}>("SELECT count(*)::DOUBLE AS n FROM customs");
  const unmatched = await query<{region: string; partner_iso3: string; year: number}>(
    `SELECT c.region, c.partner_iso3, c.year FROM customs c ANTI JOIN panel p ON p.iso3 = c.partner_iso3 AND p.year = c.year ORDER BY 1, 2, 3`
  );
  const preview = await query(
    `SELECT p.iso3, p.country, p.country_zh, p.year, p.dstri, p.exports_cn_usd, ${regionCols.join(", ")}
     FROM panel p JOIN customs c ON p.iso3 = c.partner_iso3 AND p.year = c.year
     GROUP BY p.iso3, p.country, p.country_zh, p.year, p.dstri, p.exports_cn_usd
     ORDER BY p.country, p.year`
  );
  const columns = ["iso3", "country", "year", "dstri", "exports_cn_usd", ...regions.flatMap((r) => [`exports_${r}_usd`, `lnexport_${r}`])];
  return {regions, fileRows: n, matched: n - unmatched.length, unmatched, preview, columns};
}

/** A small template file: the header and three example rows (illustrative values, not real data). */
export const CUSTOMS_TEMPLATE =
  "region,partner_iso3,year,exports_usd\n" +
  "zj,USA,2019,1000000\n" +
  "zj,DEU,2019,250000.5\n" +
  "wz,USA,2019,40000\n";
