/**
 * The SQL of the customs-record loaders. The aggregation (`aggregateSql`) is written in standard SQL
 * that DuckDB, Spark SQL and Trino all run unchanged: it reads a relation `customs_records` with the
 * canonical columns (schema.ts) and uses only SUBSTRING(s, start, length), LENGTH, CASE, SUM/COUNT/MIN/
 * MAX, an inline VALUES table and an inner join. The engine-specific part, how `customs_records` is
 * made from files, is `sourceViewSql` (DuckDB: read_parquet / read_csv with the column mapping).
 *
 * One pass over the records: `cells` groups them by (region code truncated to the longest prefix asked
 * for, customs mode, partner, year) in a single hash aggregation; everything after (validation of the
 * codes, region prefixes, mode groups) works on those few thousand cells, never on the records again.
 */
import {RECORD_COLUMNS, type ColumnMap, type ModeGroup, type RecordColumn, type RegionSpec} from "./schema.js";

/** SQL string literal. Example: `lit("it's")` -> `'it''s'`. */
export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** SQL identifier, double-quoted. */
export function ident(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export type InputFormat = "parquet" | "csv";

/**
 * DuckDB table function reading every input file: Parquet by column name across files; CSV with the
 * header read beforehand (inputs.ts) and every column as text (no type guessing: leading zeros of codes
 * are kept, and a malformed row is an error with its line instead of a silently different layout).
 */
export function readFilesSql(files: string[], format: InputFormat, header: string[] = [], extra = ""): string {
  const list = `[${files.map(lit).join(", ")}]`;
  if (format === "parquet") return `read_parquet(${list}, union_by_name = true${extra})`;
  const cols = header.map((h) => `${lit(h)}: 'VARCHAR'`).join(", ");
  return `read_csv(${list}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${cols}}${extra})`;
}

/**
 * DuckDB view body defining `customs_records` from the files: each needed canonical column is its mapped
 * input column cast to the schema type. A mode stored as a number (Parquet integer) gets its leading
 * zero back (110 -> '0110'); a text mode is kept as it is, so that a malformed code is reported, not padded.
 */
export function sourceViewSql(from: string, map: ColumnMap, columns: RecordColumn[], sourceTypes: Record<string, string>): string {
  const exprs = columns.map((c) => {
    const src = ident(map[c]);
    const type = RECORD_COLUMNS[c];
    const numeric = /INT|DECIMAL|DOUBLE|FLOAT|REAL/i.test(sourceTypes[map[c]] ?? "");
    let e: string;
    if (c === "customs_mode" && numeric) e = `LPAD(CAST(CAST(${src} AS BIGINT) AS VARCHAR), 4, '0')`;
    else if (type === "VARCHAR" && numeric) e = `CAST(CAST(${src} AS BIGINT) AS VARCHAR)`;
    else if (type === "VARCHAR") e = `TRIM(CAST(${src} AS VARCHAR))`;
    else if (type === "INTEGER" && !/INT/i.test(sourceTypes[map[c]] ?? "")) e = `CAST(${wholeOrError(src, c)} AS INTEGER)`;
    else e = `CAST(${src} AS ${type})`;
    return `${e} AS ${c}`;
  });
  return `SELECT ${exprs.join(", ")} FROM ${from}`;
}

/** Marker of the error `wholeOrError` raises; the loaders catch it and name the first such record. */
export const NOT_WHOLE = "dtb:not-a-whole-number:";

/**
 * DuckDB expression: `src` unchanged when it is a whole number (or not a number at all: the cast that
 * follows reports that), else an error carrying NOT_WHOLE and the column. A cast to INTEGER alone would
 * round (year 2019.5 -> 2020, month 1.6 -> 2); the schema says these are whole numbers, so refuse them.
 */
export function wholeOrError(src: string, column: string): string {
  const num = `TRY_CAST(${src} AS DOUBLE)`;
  return `CASE WHEN ${num} <> TRUNC(${num}) THEN error(${lit(NOT_WHOLE + column)}) ELSE ${src} END`;
}

/** Columns the aggregation reads (Parquet: the others are never read from disk). */
export const AGGREGATE_COLUMNS: RecordColumn[] = ["year", "month", "region_code", "partner_iso3", "customs_mode", "value_usd"];

/** The one pass over the records: sums and checks by (region prefix, mode, partner, year). */
export function cellsSql(regions: RegionSpec[], relation = "customs_records"): string {
  const len = Math.max(...regions.map((r) => r.prefix.length));
  return [
    `SELECT SUBSTRING(region_code, 1, ${len}) AS region_prefix, customs_mode, partner_iso3, year,`,
    `    SUM(value_usd) AS value_usd, COUNT(*) AS n_records, COUNT(value_usd) AS n_values,`,
    `    MIN(value_usd) AS min_value, MIN(month) AS min_month, MAX(month) AS max_month, COUNT(month) AS n_months`,
    `  FROM ${relation}`,
    `  GROUP BY SUBSTRING(region_code, 1, ${len}), customs_mode, partner_iso3, year`
  ].join("\n");
}

/**
 * From the cells to the four-column customs file: one output region per prefix and one per (prefix,
 * mode group), e.g. zj, wz, zj_cbec, wz_cbec. A label row with mode '' takes every mode; otherwise the
 * cell's mode must equal it (a record counts once per label: the modes of a group are distinct).
 */
export function labelsRows(regions: RegionSpec[], groups: ModeGroup[]): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = regions.map((r) => [r.label, r.prefix, ""]);
  for (const r of regions) for (const g of groups) for (const m of g.modes) rows.push([`${r.label}_${g.name}`, r.prefix, m]);
  return rows;
}

export function finalSql(regions: RegionSpec[], groups: ModeGroup[], cells = "cells"): string {
  const values = labelsRows(regions, groups)
    .map((row) => `(${row.map(lit).join(", ")})`)
    .join(",\n      ");
  return [
    `SELECT l.region, c.partner_iso3, c.year, ROUND(SUM(c.value_usd), 2) AS exports_usd`,
    `  FROM ${cells} c`,
    `  JOIN (SELECT * FROM (VALUES`,
    `      ${values}`,
    `    ) AS t (region, prefix, customs_mode)) l`,
    `    ON SUBSTRING(c.region_prefix, 1, LENGTH(l.prefix)) = l.prefix`,
    `   AND (l.customs_mode = '' OR l.customs_mode = c.customs_mode)`,
    `  GROUP BY l.region, c.partner_iso3, c.year`,
    `  ORDER BY l.region, c.partner_iso3, c.year`
  ].join("\n");
}

/** The whole aggregation as one standard-SQL statement (what `--emit-sql` prints). */
export function aggregateSql(regions: RegionSpec[], groups: ModeGroup[], relation = "customs_records"): string {
  return `WITH cells AS (\n${cellsSql(regions, relation)}\n)\n${finalSql(regions, groups)}`;
}

/** Columns the firm panel reads. */
export const PANEL_COLUMNS: RecordColumn[] = ["year", "firm_id", "region_code", "partner_iso3", "hs_code", "customs_mode", "value_usd"];

/**
 * Firm x partner x year panel: exports (sum of value_usd), lnexport (ln, missing when exports <= 0),
 * n_products (distinct HS codes), cbec_share (value in the CBEC modes / exports; missing when exports
 * = 0), then the country panel's columns for (partner, year) (left join: missing when the partner is
 * not in the country panel). `regions` (optional) keeps the records whose region code starts with one
 * of the prefixes.
 */
export function firmPanelSql(cbecModes: string[], countryCols: string[], regions: RegionSpec[], relation = "customs_records", countries = "country_panel"): string {
  const where = regions.length ? `\n  WHERE ${regions.map((r) => `SUBSTRING(region_code, 1, ${r.prefix.length}) = ${lit(r.prefix)}`).join(" OR ")}` : "";
  const modes = cbecModes.map(lit).join(", ");
  const extra = countryCols.map((c) => `, k.${ident(c)}`).join("");
  return [
    `WITH flows AS (`,
    `SELECT firm_id, partner_iso3, year, SUM(value_usd) AS exports_usd, COUNT(DISTINCT hs_code) AS n_products,`,
    `    SUM(CASE WHEN customs_mode IN (${modes}) THEN value_usd ELSE 0 END) AS cbec_usd`,
    `  FROM ${relation}${where}`,
    `  GROUP BY firm_id, partner_iso3, year`,
    `)`,
    `SELECT f.firm_id, f.partner_iso3, f.year, f.exports_usd,`,
    `    CASE WHEN f.exports_usd > 0 THEN LN(f.exports_usd) END AS lnexport,`,
    `    f.n_products, CASE WHEN f.exports_usd > 0 THEN f.cbec_usd / f.exports_usd END AS cbec_share${extra}`,
    `  FROM flows f LEFT JOIN ${countries} k ON k.iso3 = f.partner_iso3 AND k.year = f.year`,
    `  ORDER BY f.firm_id, f.partner_iso3, f.year`
  ].join("\n");
}
