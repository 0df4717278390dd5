/**
 * Which specification the what-if simulator uses. The explorer stores its current `Spec` as JSON in
 * localStorage["dtb:explorer:spec"] and the URL of its view in localStorage["dtb:explorer:url"]. If that spec
 * has the chosen score column among its regressors, the simulator uses it (and links back to the explorer);
 * otherwise it uses the default: score + controls, partner and year fixed effects, clustered by iso3.
 */
import type {Spec} from "../engine/types.js";
import {areaSpec} from "../mechanism/area-models.js";

export const SPEC_KEY = "dtb:explorer:spec";
export const URL_KEY = "dtb:explorer:url";

export interface ChosenSpec {
  spec: Spec;
  source: "explorer" | "default";
  /** Link back to the explorer's view (only for source "explorer" and only a same-site relative path). */
  explorerUrl: string | null;
  /** Why the explorer's spec was not used (null when it was, or when there is none). */
  reason: string | null;
}

/** Parses a stored spec; null unless it is an object with string id/time/y and a string array x. */
export function parseStoredSpec(json: string | null | undefined): Spec | null {
  if (!json) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (!v || typeof v !== "object") return null;
  const s = v as Record<string, unknown>;
  if (typeof s.id !== "string" || typeof s.time !== "string" || typeof s.y !== "string") return null;
  if (!Array.isArray(s.x) || !s.x.every((t) => typeof t === "string")) return null;
  return s as unknown as Spec;
}

/**
 * Keeps a stored explorer URL only if it is a path on this site (starts with "/" or "./", not "//"), so a
 * stored value can never send the reader elsewhere.
 */
export function safeExplorerUrl(url: string | null | undefined): string | null {
  if (!url || typeof url !== "string") return null;
  if (url.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  return url.startsWith("/") || url.startsWith("./") || url.startsWith("?") ? url : null;
}

/**
 * The spec for score `column`: the explorer's if it includes `column` as a regressor (exact term, not a lag)
 * and its data columns exist in `available`; else the default `areaSpec(column)`.
 */
export function chooseSpec(
  column: string,
  stored: {spec: string | null; url: string | null},
  available?: ReadonlySet<string>
): ChosenSpec {
  const fallback = (reason: string | null): ChosenSpec => ({spec: areaSpec(column), source: "default", explorerUrl: null, reason});
  const spec = parseStoredSpec(stored.spec);
  if (!spec) return fallback(stored.spec ? "unreadable" : null);
  if (!spec.x.includes(column)) return fallback("missing-term");
  if (available) {
    const needed = [spec.y, spec.id, spec.time, ...spec.x.map((t) => t.replace(/^L\d*\./, "")), ...(spec.fe ?? [])];
    if (needed.some((c) => !available.has(c))) return fallback("missing-column");
  }
  return {spec, source: "explorer", explorerUrl: safeExplorerUrl(stored.url) ?? "./explorer", reason: null};
}

/** Reads the explorer's stored spec and URL (null values when storage is unavailable). */
export function readStored(storage: Pick<Storage, "getItem"> | null | undefined): {spec: string | null; url: string | null} {
  try {
    return {spec: storage?.getItem(SPEC_KEY) ?? null, url: storage?.getItem(URL_KEY) ?? null};
  } catch {
    return {spec: null, url: null};
  }
}
