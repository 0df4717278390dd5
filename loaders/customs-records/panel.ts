/**
 * `dtb customs panel --level firm`: firm x partner x year panel (sql.ts `firmPanelSql`) joined with the
 * country-year panel of `dtb panel` (DSTRI and the controls), written as Parquet or CSV atomically (temp
 * file beside the target, then rename).
 */
import {randomBytes} from "node:crypto";
import {mkdirSync, renameSync, rmSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {UserError} from "../../src/lib/errors.js";
import {duckError, openDuck, runWithProgress, type DuckOptions, type Progress} from "./duckdb.js";
import {openRecords, runOverRecords} from "./aggregate.js";
import type {Inputs} from "./inputs.js";
import type {ColumnMap, RegionSpec} from "./schema.js";
import {PANEL_COLUMNS, firmPanelSql, lit} from "./sql.js";

export interface PanelOptions extends DuckOptions {
  inputs: Inputs;
  map: ColumnMap;
  /** Country-year panel file (.csv or .parquet) with iso3 and year (as written by `dtb panel`). */
  countryPanel: string;
  cbecModes: string[];
  regions: RegionSpec[];
  out: string;
  onProgress?: (p: Progress) => void;
}

/** Country-panel columns joined to the firm rows: everything but the keys, names and region outcomes. */
export function countryColumns(names: string[]): string[] {
  return names.filter((c) => !["iso3", "year", "country", "country_zh"].includes(c) && !/^(exports_.*_usd|lnexport_.*)$/.test(c));
}

export async function firmPanel(opts: PanelOptions): Promise<{rows: number; columns: string[]; ms: number}> {
  const t0 = performance.now();
  const format = /\.parquet$/i.test(opts.out) ? "parquet" : /\.csv$/i.test(opts.out) ? "csv" : null;
  if (!format) throw new UserError(`cannot tell the format of ${opts.out}: use a .parquet or .csv extension`);
  const cp = resolve(opts.countryPanel);
  const cpFrom = /\.parquet$/i.test(cp) ? `read_parquet(${lit(cp)})` : `read_csv(${lit(cp)}, header = true)`;
  const duck = await openDuck(opts);
  const out = resolve(opts.out);
  mkdirSync(dirname(out), {recursive: true});
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    let names: string[];
    try {
      names = (await duck.con.runAndReadAll(`DESCRIBE SELECT * FROM ${cpFrom}`)).getRows().map((r) => String(r[0]));
    } catch (e) {
      throw duckError(e, `country panel ${opts.countryPanel}`);
    }
    for (const k of ["iso3", "year"]) if (!names.includes(k)) throw new UserError(`country panel ${opts.countryPanel} has no column "${k}"`);
    await duck.con.run(`CREATE TEMP VIEW country_panel AS SELECT * REPLACE (CAST(year AS INTEGER) AS year) FROM ${cpFrom}`);
    const what = await openRecords(duck.con, opts.inputs, opts.map, PANEL_COLUMNS);
    const cols = countryColumns(names);
    const sql = firmPanelSql(opts.cbecModes, cols, opts.regions);
    const fmt = format === "parquet" ? "FORMAT parquet, COMPRESSION snappy" : "FORMAT csv, HEADER true";
    await runOverRecords(duck.con, opts.inputs, opts.map, what, () => runWithProgress(duck.con, `COPY (${sql}) TO ${lit(tmp)} (${fmt})`, opts.onProgress));
    const n = Number((await duck.con.runAndReadAll(`SELECT COUNT(*) FROM ${format === "parquet" ? `read_parquet(${lit(tmp)})` : `read_csv(${lit(tmp)}, header = true)`}`)).getRows()[0][0]);
    if (n === 0) throw new UserError(`no firm-partner-year row: no record matches${opts.regions.length ? " the --regions prefixes" : ""}`);
    renameSync(tmp, out);
    return {rows: n, columns: ["firm_id", "partner_iso3", "year", "exports_usd", "lnexport", "n_products", "cbec_share", ...cols], ms: performance.now() - t0};
  } finally {
    rmSync(tmp, {force: true});
    duck.close();
  }
}
