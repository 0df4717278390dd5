/**
 * Adds a user's customs rows to the panel rows, in the page, so the explorer can use the regional outcomes:
 * `exports_<region>_usd` and its natural log `lnexport_<region>` (empty, i.e. NaN, for zero exports, as the
 * panel and the customs page do). Partner-years not in the panel are ignored; panel rows without a customs
 * value get NaN (the engine then leaves them out).
 */
import type {CustomsRow} from "../customs/validate.js";

/** @example mergeCustomsRows([{iso3: "USA", year: 2019}], [{region: "zj", partner_iso3: "USA", year: 2019, exports_usd: 10}])[0].lnexport_zj // ln 10 */
export function mergeCustomsRows<T extends {iso3: string; year: number}>(rows: T[], customs: CustomsRow[]): Array<T & Record<string, number>> {
  const regions = [...new Set(customs.map((c) => c.region))].sort();
  const value = new Map<string, number>();
  for (const c of customs) value.set(`${c.region}|${c.partner_iso3}|${c.year}`, c.exports_usd);
  return rows.map((r) => {
    const out: Record<string, unknown> = {...r};
    for (const g of regions) {
      const v = value.get(`${g}|${r.iso3}|${r.year}`);
      out[`exports_${g}_usd`] = v ?? NaN;
      out[`lnexport_${g}`] = v !== undefined && v > 0 ? Math.log(v) : NaN;
    }
    return out as T & Record<string, number>;
  });
}
