/**
 * ISO 3166-1 helpers from `i18n-iso-countries` (codes and the English and Chinese names, registered from the
 * package's own langs JSON, not a hand-typed table). Kosovo's user-assigned `XKX`, which the World Bank and
 * others use, is accepted as an economy code too.
 */
import {createRequire} from "node:module";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
countries.registerLocale(require("i18n-iso-countries/langs/zh.json"));

/** True for an ISO 3166-1 alpha-3 code of a country (or `XKX`). Example: `isIso3("DEU")` -> true, `isIso3("EUU")` -> false. */
export function isIso3(code: string): boolean {
  return code === "XKX" || (/^[A-Z]{3}$/.test(code) && countries.isValid(code));
}

/** English short name. Example: `nameEn("KOR")` -> "South Korea". */
export function nameEn(iso3: string): string | null {
  if (iso3 === "XKX") return "Kosovo";
  return countries.getName(iso3, "en") ?? null;
}

/** Chinese (simplified) name. Example: `nameZh("DEU")` -> "德国". */
export function nameZh(iso3: string): string | null {
  if (iso3 === "XKX") return "科索沃";
  return countries.getName(iso3, "zh") ?? null;
}

/** ISO alpha-3 for an ISO numeric code (number or text, leading zeros optional), or null. Example: `numericToIso3(156)` -> "CHN". */
export function numericToIso3(code: number | string): string | null {
  const n = Number(code);
  if (!Number.isInteger(n) || n <= 0) return null;
  return countries.numericToAlpha3(String(n).padStart(3, "0")) ?? null;
}
