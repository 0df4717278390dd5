/**
 * The support-system vocabulary without zod: the level, area, seed, kind and theme codes, their
 * bilingual labels, and the CJK tests. Pages import this module (a few kB) instead of the zod schema
 * (about 450 kB in the browser); `schema.ts` builds its validators from the same constants.
 */

/** A text in English and Chinese. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** Han ideographs (what makes a string "Chinese"). */
const HAN_RE = /\p{Script=Han}/u;
/** Any CJK character, including full-width and CJK punctuation: none may appear in English text. */
const CJK_ANY_RE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** True when `s` contains at least one Han (Chinese) character. @example hasHan("海外仓") // true */
export function hasHan(s: string): boolean {
  return HAN_RE.test(s);
}

/** True when `s` contains any CJK character (Han, CJK punctuation, or full-width forms). */
export function hasCjk(s: string): boolean {
  return CJK_ANY_RE.test(s);
}

/** The three levels of the support system (study, Figure 3). */
export const LEVELS = ["government", "industry", "enterprise"] as const;
/** The five OECD DSTRI policy areas. */
export const AREAS = ["infra", "etrans", "payment", "ipr", "other"] as const;
export const SEEDS = ["000", "001", "002", "003", "004"] as const;
/** What kind of entry a measure is, following the wording of its source text. */
export const KINDS = ["measure", "countermeasure", "mode", "suggestion", "ecosystem"] as const;
/** The nine themes under which seed 004 groups its practice cases. */
export const THEMES = [
  "pilot-zones",
  "integrated-services",
  "trading-platforms",
  "brand-building",
  "logistics",
  "finance",
  "technical-support",
  "industrial-support",
  "dispute-resolution"
] as const;

export type Level = (typeof LEVELS)[number];
export type Area = (typeof AREAS)[number];
export type Seed = (typeof SEEDS)[number];
export type Kind = (typeof KINDS)[number];
export type Theme = (typeof THEMES)[number];

/** Display names of the three levels. */
export const LEVEL_LABELS: Record<Level, Bilingual> = {
  government: {en: "Government", zh: "政府层面"},
  industry: {en: "Industry", zh: "行业层面"},
  enterprise: {en: "Enterprise", zh: "企业层面"}
};

/** Display names of the five DSTRI policy areas. */
export const AREA_LABELS: Record<Area, Bilingual> = {
  infra: {en: "Infrastructure and connectivity", zh: "基础设施与互联互通"},
  etrans: {en: "Electronic transactions", zh: "电子交易"},
  payment: {en: "Payment systems", zh: "支付系统"},
  ipr: {en: "Intellectual property rights", zh: "知识产权"},
  other: {en: "Other barriers", zh: "其他壁垒"}
};

/** One sentence per DSTRI policy area on what the OECD index scores in it. */
export const AREA_DESCRIPTIONS: Record<Area, Bilingual> = {
  infra: {
    en: "Scores rules that hinder access to communication networks and the movement of data, such as interconnection conditions, cross-border data-flow limits and data-localisation requirements.",
    zh: "衡量妨碍接入通信网络和数据流动的规定，如网络互联条件、数据跨境流动限制和数据本地化要求。"
  },
  etrans: {
    en: "Scores conditions on doing business online, such as discriminatory licensing of e-commerce, departures from international contract rules, and weak recognition of electronic signatures or of online dispute settlement.",
    zh: "衡量开展在线交易的条件，如电子商务经营许可中的歧视性要求、偏离国际通行的电子合同规则，以及对电子签名和在线争议解决认可不足等。"
  },
  payment: {
    en: "Scores restrictions on electronic payments, such as discriminatory access to payment methods, national security standards that depart from international ones, and limits on internet banking or insurance.",
    zh: "衡量对电子支付的限制，如支付方式准入上的差别待遇、偏离国际标准的本国安全标准，以及对网上银行和保险业务的限制。"
  },
  ipr: {
    en: "Scores how far intellectual property is protected without discrimination against foreigners, including copyright and trademark enforcement and remedies against online infringement.",
    zh: "衡量知识产权保护是否对外国主体一视同仁，包括版权与商标执法以及针对网络侵权的救济手段。"
  },
  other: {
    en: "Scores remaining obstacles to digitally enabled services trade, such as performance requirements, limits on downloading and streaming, and restrictions on online advertising.",
    zh: "衡量数字化服务贸易面临的其他障碍，如履行要求、对下载和流媒体的限制以及对网络广告的限制等。"
  }
};

/** Display names of the nine practice-case themes of seed 004. */
export const THEME_LABELS: Record<Theme, Bilingual> = {
  "pilot-zones": {en: "Comprehensive pilot zones", zh: "跨境电商综合试验区建设"},
  "integrated-services": {en: "Integrated services", zh: "综合服务"},
  "trading-platforms": {en: "Trading platforms", zh: "交易平台"},
  "brand-building": {en: "Brand building", zh: "品牌建设"},
  logistics: {en: "Logistics and overseas warehouses", zh: "物流与海外仓"},
  finance: {en: "Finance and payment", zh: "金融与支付"},
  "technical-support": {en: "Technical support", zh: "技术支撑"},
  "industrial-support": {en: "Industrial support", zh: "产业支撑"},
  "dispute-resolution": {en: "Dispute resolution", zh: "纠纷解决"}
};

/** Display names of the entry kinds. */
export const KIND_LABELS: Record<Kind, Bilingual> = {
  measure: {en: "Measure", zh: "措施"},
  countermeasure: {en: "Countermeasure", zh: "对策"},
  mode: {en: "Development mode", zh: "发展模式"},
  suggestion: {en: "Suggestion", zh: "建议"},
  ecosystem: {en: "Ecosystem element", zh: "生态体系要素"}
};
