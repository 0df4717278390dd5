/** Number formats for the what-if page, in the current language. */
import {currentLang} from "../../lib/i18n.js";

/** Signed percentage with one decimal, e.g. "+3.4%", "−12.0%" (true minus sign). */
export function pctText(v: number): string {
  if (!Number.isFinite(v)) return "–";
  const s = Math.abs(v).toFixed(1);
  return `${v > 0 ? "+" : v < 0 && s !== "0.0" ? "−" : ""}${s}%`;
}

/** US$ amount: "US$1.2 bn" in English, "12.3 亿美元" in Chinese; `signed` adds +/−. */
export function usdText(v: number, signed = false): string {
  if (!Number.isFinite(v)) return "–";
  const sign = signed ? (v > 0 ? "+" : v < 0 ? "−" : "") : v < 0 ? "−" : "";
  const a = Math.abs(v);
  if (currentLang() === "zh") {
    if (a >= 1e8) return `${sign}${(a / 1e8).toFixed(a >= 1e10 ? 0 : 1)} 亿美元`;
    return `${sign}${(a / 1e4).toFixed(0)} 万美元`;
  }
  if (a >= 1e9) return `${sign}US$${(a / 1e9).toFixed(a >= 1e11 ? 0 : 1)} bn`;
  if (a >= 1e6) return `${sign}US$${(a / 1e6).toFixed(0)} m`;
  return `${sign}US$${Math.round(a).toLocaleString("en-US")}`;
}
