/**
 * The one merge of customs rows into the panel, used by the loaders (loaders/panel.ts), the explorer and the
 * customs page: for each region `r`, `exports_<r>_usd` (the value, NaN where the file has none) and
 * `lnexport_<r>` (its natural log; NaN for zero, as the panel does for every ln column). Matching is on
 * (partner_iso3, year) = (iso3, year); partner-years the panel lacks are returned as unmatched. A region whose
 * columns already exist is refused (./columns.ts), so the merge can never overwrite a panel column.
 */
import {UserError} from "../errors.js";
import {regionCollision, regionColumns} from "./columns.js";
import type {CustomsRow} from "./validate.js";

export interface CustomsColumns {
  regions: string[];
  /** Two columns per region, in region order: exports_<r>_usd, lnexport_<r>. */
  columns: Record<string, Float64Array>;
  /** Customs rows whose partner-year is a panel row. */
  matched: number;
  /** Customs rows whose partner-year is not in the panel. */
  unmatched: CustomsRow[];
}

const logOrNaN = (v: number) => (Number.isFinite(v) && v > 0 ? Math.log(v) : NaN);

/**
 * Regional columns aligned with the panel's rows (`iso3[i]`, `year[i]`). `existing` = the panel's columns,
 * which no region may overwrite. Throws UserError (one line) on a colliding region.
 * Example: `customsColumns({iso3: ["USA"], year: [2019]}, [{region: "zj", partner_iso3: "USA", year: 2019, exports_usd: 10}], ["iso3", "year"]).columns.lnexport_zj[0]` -> ln 10.
 */
export function customsColumns(
  keys: {iso3: ArrayLike<string | null>; year: ArrayLike<number>},
  customs: readonly CustomsRow[],
  existing: Iterable<string>
): CustomsColumns {
  const have = new Set(existing);
  const regions = [...new Set(customs.map((c) => c.region))].sort();
  for (const r of regions) {
    const why = regionCollision(r, have);
    if (why) throw new UserError(why);
  }
  const n = keys.year.length;
  const rowOf = new Map<string, number>();
  for (let i = 0; i < n; i++) rowOf.set(`${keys.iso3[i]}|${keys.year[i]}`, i);
  const columns: Record<string, Float64Array> = {};
  for (const r of regions) {
    const [level, ln] = regionColumns(r);
    columns[level] = new Float64Array(n).fill(NaN);
    columns[ln] = new Float64Array(n).fill(NaN);
  }
  const unmatched: CustomsRow[] = [];
  let matched = 0;
  for (const c of customs) {
    const i = rowOf.get(`${c.partner_iso3}|${c.year}`);
    if (i === undefined) {
      unmatched.push(c);
      continue;
    }
    const [level, ln] = regionColumns(c.region);
    columns[level][i] = c.exports_usd;
    columns[ln][i] = logOrNaN(c.exports_usd);
    matched++;
  }
  return {regions, columns, matched, unmatched};
}

/**
 * Panel rows (objects) with the regional columns added.
 * @example mergeCustomsRows([{iso3: "USA", year: 2019}], [{region: "zj", partner_iso3: "USA", year: 2019, exports_usd: 10}])[0].lnexport_zj // ln 10
 */
export function mergeCustomsRows<T extends {iso3: string; year: number}>(rows: T[], customs: readonly CustomsRow[]): Array<T & Record<string, number>> {
  const existing = rows.length ? Object.keys(rows[0]) : [];
  const merged = customsColumns({iso3: rows.map((r) => r.iso3), year: rows.map((r) => r.year)}, customs, existing);
  const names = Object.keys(merged.columns);
  return rows.map((r, i) => {
    const out: Record<string, unknown> = {...r};
    for (const name of names) out[name] = merged.columns[name][i];
    return out as T & Record<string, number>;
  });
}
