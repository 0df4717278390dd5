/** Bilingual text helpers shared by the mechanism and what-if modules. */

export type Lang = "en" | "zh";

/** A text in English and Chinese. */
export interface Bi {
  en: string;
  zh: string;
}

/** The text of `b` in `lang` (English when `lang` is anything else). */
export function inLang(b: Bi, lang: string): string {
  return lang === "zh" ? b.zh : b.en;
}
