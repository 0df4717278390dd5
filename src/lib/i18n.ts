/**
 * English / Chinese on every page. How it works (follow this when you write a page or a component):
 *
 * 1. The language is chosen by `?lang=en|zh` in the URL, else by the last choice kept in localStorage
 *    ("dtb:lang"), else English. An inline boot script (`src/lib/i18n-boot.js`, injected through `head` in
 *    `observablehq.config.ts`) runs before the page renders: it sets `<html lang="en">` or `<html lang="zh-CN">`,
 *    keeps a choice given in the URL, adds the "English / 中文" switch, rewrites internal links so the choice
 *    follows navigation, and translates the sidebar page names, the contents label and the tab title.
 *    A new page: add its Chinese name to `NAMES_ZH` in `observablehq.config.ts`.
 *
 * 2. Prose in pages: write both languages, and CSS (`src/style.css`, "i18n" section) hides the other one:
 *
 *        <div class="lang-en">
 *
 *        ## Heading
 *        Markdown text ...
 *
 *        </div>
 *        <div class="lang-zh">
 *
 *        ## 标题
 *        中文正文……
 *
 *        </div>
 *
 *    (blank lines around the markdown, or it is not parsed). Short inline bits: `<span class="lang-en">…</span>
 *    <span class="lang-zh">…</span>`. Put the front-matter `title` in English and its Chinese in `NAMES_ZH`.
 *
 * 3. Components: read the language when they render, with `pick({en, zh})`, `t("download")` (shared labels in
 *    `UI` below: add yours), `countryName(row)`. Switching language reloads the page with the new `?lang=`, so
 *    no component has to re-render on a language change. Links a component makes to another page of the site
 *    go through `withLang(href)`. Set `lang` on elements whose text is in the other language than the page
 *    (rare), so screen readers and fonts get it right.
 *
 * Browser-safe, no dependencies. The pure parts take URL/search strings so that they can be tested in Node.
 */

export type Lang = "en" | "zh";

/** localStorage key of the last language chosen (shared with the boot script). */
export const STORAGE_KEY = "dtb:lang";
/** URL query parameter that chooses the language (shared with the boot script). */
export const PARAM = "lang";

/** The value of `<html lang>` for a language (BCP 47: simplified Chinese as used in mainland China). */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}

/** Parse a language code leniently ("zh", "zh-CN", "ZH", "en-GB" ...); null if it is neither language. */
export function parseLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v === "zh" || v.startsWith("zh-") || v.startsWith("zh_")) return "zh";
  if (v === "en" || v.startsWith("en-") || v.startsWith("en_")) return "en";
  return null;
}

/** The language named by `?lang=` in a search string (with or without the leading "?"), or null. */
export function langFromSearch(search: string): Lang | null {
  return parseLang(new URLSearchParams(search).get(PARAM));
}

/** The language from the URL's search string, else from the stored choice, else English. */
export function resolveLang(search: string, stored: string | null | undefined): Lang {
  return langFromSearch(search) ?? parseLang(stored) ?? "en";
}

/** The stored choice, or null where there is no localStorage (Node, or storage blocked by the browser). */
function storedLang(): string | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The language of the page being shown ("en" in Node, where there is no `location`). */
export function currentLang(): Lang {
  const search = typeof location === "undefined" ? "" : location.search;
  return resolveLang(search, storedLang());
}

/** The value for the current language. */
export function pick<T>(b: {en: T; zh: T}): T {
  return b[currentLang()];
}

/** Site chrome and labels shared by pages and components. Add entries here rather than inlining them twice. */
export const UI = {
  "language": {en: "Language", zh: "语言"},
  "download": {en: "Download", zh: "下载"},
  "downloads": {en: "Downloads", zh: "下载"},
  "dependent variable": {en: "Dependent variable", zh: "因变量"},
  "independent variable": {en: "Explanatory variable", zh: "解释变量"},
  "controls": {en: "Controls", zh: "控制变量"},
  "fixed effects": {en: "Fixed effects", zh: "固定效应"},
  "standard errors": {en: "Standard errors", zh: "标准误"},
  "clustered by": {en: "Clustered by", zh: "聚类层级"},
  "coefficient": {en: "Coefficient", zh: "系数"},
  "observations": {en: "Observations", zh: "观测值"},
  "estimate": {en: "Estimate", zh: "估计"},
  "model": {en: "Model", zh: "模型"},
  "country": {en: "Country", zh: "国家"},
  "partner": {en: "Partner", zh: "贸易伙伴"},
  "year": {en: "Year", zh: "年份"},
  "years": {en: "Years", zh: "年份"},
  "source": {en: "Source", zh: "来源"},
  "sources": {en: "Sources", zh: "数据来源"},
  "value": {en: "Value", zh: "数值"},
  "all": {en: "All", zh: "全部"},
  "none": {en: "None", zh: "无"},
  "search": {en: "Search", zh: "搜索"},
  "reset": {en: "Reset", zh: "重置"},
  "filters": {en: "Filters", zh: "筛选"},
  "results": {en: "Results", zh: "结果"},
  "no results": {en: "Nothing matches these filters.", zh: "没有符合筛选条件的结果。"},
  "loading": {en: "Loading…", zh: "加载中……"},
  "error": {en: "Error", zh: "错误"},
  "copy link": {en: "Copy link", zh: "复制链接"},
  "share": {en: "Share", zh: "分享"},
  "contents": {en: "Contents", zh: "目录"},
  "dstri": {en: "DSTRI", zh: "数字服务贸易限制指数"},
  "exports": {en: "Exports", zh: "出口额"},
  "level": {en: "Level", zh: "层面"},
  "barrier area": {en: "Barrier area", zh: "壁垒领域"},
  "theme": {en: "Theme", zh: "主题"},
  "measures": {en: "Measures", zh: "措施"},
  "cases": {en: "Practice cases", zh: "实践案例"}
} satisfies Record<string, {en: string; zh: string}>;

/** A site chrome string in the current language. */
export function t(key: keyof typeof UI): string {
  return pick(UI[key]);
}

/** A country's name in the current language; falls back to English where there is no Chinese name. */
export function countryName(row: {country: string; country_zh?: string | null}): string {
  return currentLang() === "zh" && row.country_zh ? row.country_zh : row.country;
}

/** True for hrefs that leave the site or are not pages: other schemes/hosts, bare fragments, and files. */
export function isExternalOrFile(href: string): boolean {
  const h = href.trim();
  if (h === "" || h.startsWith("#")) return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(h) || h.startsWith("//")) return true;
  const path = h.split(/[?#]/, 1)[0];
  // Framework's generated assets and data files: a language parameter means nothing to them.
  if (/(^|\/)_(file|import|node|npm|observablehq)\//.test(path)) return true;
  const last = path.slice(path.lastIndexOf("/") + 1);
  return last.includes(".") && !last.endsWith(".html");
}

/**
 * `href` with `lang` set in its query, keeping every other parameter, the hash and the relative form. Hrefs
 * that leave the site, bare fragments and file links come back unchanged.
 */
export function hrefWithLang(href: string, lang: Lang): string {
  if (isExternalOrFile(href)) return href;
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const rest = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = rest.indexOf("?");
  const path = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const params = new URLSearchParams(queryAt >= 0 ? rest.slice(queryAt + 1) : "");
  params.set(PARAM, lang);
  return `${path}?${params.toString()}${hash}`;
}

/** An internal link that keeps the current language. */
export function withLang(href: string): string {
  return hrefWithLang(href, currentLang());
}
