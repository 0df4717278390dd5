/**
 * Words of the support-system explorer that the catalogue schema does not already name (levels, areas, themes
 * and kinds have their labels in src/lib/support/schema.ts). Bilingual; read with `pick()` at render.
 */
import type {Seed, View} from "./state.js";

type B = {en: string; zh: string};

/** The source texts, named by what they are (the seeds are summarised in our words, never quoted). */
export const SEED_LABELS: Record<Seed, B> = {
  "000": {en: "The study", zh: "原研究"},
  "001": {en: "Zhejiang's open economy after COVID-19", zh: "疫情后浙江开放型经济研究"},
  "002": {en: "Development modes of CBEC pilot zones", zh: "跨境电商综试区发展模式研究"},
  "003": {en: "An institutional ecosystem for CBEC", zh: "跨境电商制度型开放生态"},
  "004": {en: "World Internet Conference practice cases", zh: "世界互联网大会跨境电商实践案例集"}
};

export const VIEW_LABELS: Record<View, B> = {
  measures: {en: "Measures", zh: "按措施"},
  cases: {en: "Practice cases", zh: "按案例"},
  areas: {en: "By barrier area", zh: "按壁垒领域"}
};

export const TEXT = {
  filters: {en: "Filter the catalogue", zh: "筛选"},
  level: {en: "Level", zh: "层面"},
  area: {en: "Barrier area", zh: "壁垒领域"},
  theme: {en: "Case theme", zh: "案例主题"},
  seed: {en: "Source", zh: "来源"},
  search: {en: "Search", zh: "搜索"},
  searchPlaceholder: {en: "e.g. logistics, overseas warehouse, payment", zh: "如：海外仓、支付、logistics"},
  any: {en: "Any", zh: "不限"},
  reset: {en: "Clear filters", zh: "清除筛选"},
  view: {en: "Show", zh: "查看方式"},
  measuresWord: {en: "measures", zh: "项措施"},
  casesWord: {en: "cases", zh: "个案例"},
  implementedBy: {en: "Put into effect by", zh: "落地案例"},
  noCaseYet: {en: "No practice case in the collection implements this measure.", zh: "案例集中暂无落实该措施的案例。"},
  implementsLabel: {en: "Implements", zh: "对应措施"},
  implementsNone: {en: "Not linked to a measure of the catalogue.", zh: "未对应目录中的具体措施。"},
  actor: {en: "Who", zh: "实施主体"},
  areaMeasures: {en: "Measures that may ease this barrier's cost (editorial links, not evaluations)", zh: "可能缓解该壁垒成本的措施（编者关联，并非评估）"},
  areaCases: {en: "Practice cases linked to this area", zh: "与该领域相关联的实践案例"},
  evidence: {en: "The area models behind this estimate", zh: "该估计所依据的分领域模型"},
  evidenceSoon: {en: "(the mechanism page is not published yet)", zh: "（影响机制页面尚未发布）"},
  noneMatch: {en: "Nothing matches these filters.", zh: "没有符合筛选条件的条目。"},
  ignored: {en: "Ignored in the link (unknown value):", zh: "链接中以下参数无法识别，已忽略："},
  copyHint: {en: "The address bar keeps these filters: copy it to share this selection.", zh: "筛选条件已写入地址栏，复制链接即可分享当前结果。"},
  caseNo: {en: "Case", zh: "案例"}
} satisfies Record<string, B>;

/** "12 of 74 measures · 8 of 63 cases" in the current language. */
export function showing(lang: "en" | "zh", m: number, mAll: number, c: number, cAll: number): string {
  return lang === "zh"
    ? `显示措施 ${m} / ${mAll} 项，实践案例 ${c} / ${cAll} 个`
    : `Showing ${m} of ${mAll} measures and ${c} of ${cAll} practice cases`;
}

/** The count shown in a filter option: "37 measures, 24 cases". */
export function optionCount(lang: "en" | "zh", m: number, c: number): string {
  return lang === "zh" ? `措施 ${m} · 案例 ${c}` : `${m} measures · ${c} cases`;
}

/** " (x)" in English, "（x）" in Chinese: Chinese text takes full-width brackets and colons. */
export function paren(lang: "en" | "zh", x: string | number): string {
  return lang === "zh" ? `（${x}）` : ` (${x})`;
}

export function colon(lang: "en" | "zh"): string {
  return lang === "zh" ? "：" : ": ";
}

/**
 * A source section as shown: in English as written in the catalogue; in Chinese only its number, since the
 * catalogue names some sections in English ("05 Logistics ...", "ecosystem: ..."), which would read oddly.
 */
export function sectionLabel(lang: "en" | "zh", section: string): string {
  if (lang === "en") return section;
  if (/^[\d.]+$/.test(section)) return `第 ${section} 节`;
  const n = /^(\d+)\b/.exec(section);
  return n ? `第 ${Number(n[1])} 部分` : "";
}
