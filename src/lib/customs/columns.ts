/**
 * The panel's own columns, and the rule that keeps a customs region from overwriting one of them. A region
 * `r` adds `exports_<r>_usd` and `lnexport_<r>` (README, "The panel"); region `cn` would replace China's own
 * exports (`exports_cn_usd`, `lnexport_cn`) with the user's numbers under the label "exports of China", so any
 * region whose columns already exist is refused.
 */

/** The panel's columns before any customs region (loaders/panel.ts assemblePanel, README "The panel"). */
export const PANEL_BASE_COLUMNS: readonly string[] = [
  "iso3", "country", "country_zh", "year", "oecd",
  "dstri", "dstri_infra", "dstri_etrans", "dstri_payment", "dstri_ipr", "dstri_other",
  "exports_cn_usd", "lnexport_cn", "gdp_usd", "lngdp", "pop", "lnpopu", "gov_usd", "lngov", "gov_share", "urban"
];

/** The two columns a region adds. Example: `regionColumns("zj")` -> `["exports_zj_usd", "lnexport_zj"]`. */
export function regionColumns(region: string): [string, string] {
  return [`exports_${region}_usd`, `lnexport_${region}`];
}

/**
 * Null when `region` may be used; otherwise the one-line reason. `existing` defaults to the base panel columns.
 * Example: `regionCollision("cn")` -> `region "cn" would overwrite the panel's column exports_cn_usd (China's own exports); use another code`.
 */
export function regionCollision(region: string, existing: Iterable<string> = PANEL_BASE_COLUMNS): string | null {
  const have = existing instanceof Set ? (existing as Set<string>) : new Set(existing);
  const hit = regionColumns(region).find((c) => have.has(c));
  if (!hit) return null;
  const whose = region === "cn" ? " (China's own exports)" : "";
  return `region "${region}" would overwrite the panel's column ${hit}${whose}; use another code`;
}
