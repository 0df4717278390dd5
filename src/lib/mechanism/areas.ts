/**
 * The five OECD DSTRI policy areas as panel columns, plus the overall index. Labels and descriptions come
 * from the support catalogue's schema so the whole site names the areas the same way.
 */
import {AREA_DESCRIPTIONS, AREA_LABELS, type Area} from "../support/vocabulary.js";
import type {Bi} from "./text.js";

export interface AreaDef {
  /** Short key (the support catalogue's area key, or "overall"). */
  key: Area | "overall";
  /** Panel column holding the score (0 = open, 1 = closed). */
  column: string;
  label: Bi;
  /** A short label for axes and tight layouts. */
  short: Bi;
  description: Bi;
  color: string;
}

/** The five areas in the OECD's order. The overall DSTRI is the sum of the five area scores. */
export const AREA_DEFS: readonly AreaDef[] = [
  {key: "infra", column: "dstri_infra", label: AREA_LABELS.infra, short: {en: "Infrastructure", zh: "基础设施"}, description: AREA_DESCRIPTIONS.infra, color: "#3b6fb6"},
  {key: "etrans", column: "dstri_etrans", label: AREA_LABELS.etrans, short: {en: "E-transactions", zh: "电子交易"}, description: AREA_DESCRIPTIONS.etrans, color: "#e8a33d"},
  {key: "payment", column: "dstri_payment", label: AREA_LABELS.payment, short: {en: "Payments", zh: "支付"}, description: AREA_DESCRIPTIONS.payment, color: "#5aa469"},
  {key: "ipr", column: "dstri_ipr", label: AREA_LABELS.ipr, short: {en: "IP rights", zh: "知识产权"}, description: AREA_DESCRIPTIONS.ipr, color: "#c0504d"},
  {key: "other", column: "dstri_other", label: AREA_LABELS.other, short: {en: "Other", zh: "其他"}, description: AREA_DESCRIPTIONS.other, color: "#8c7ab8"}
];

/** The overall index, offered next to the five areas in the what-if simulator. */
export const OVERALL_DEF: AreaDef = {
  key: "overall",
  column: "dstri",
  label: {en: "Overall DSTRI", zh: "DSTRI总指数"},
  short: {en: "Overall", zh: "总指数"},
  description: {
    en: "The sum of the five area scores: 0 means no measured restriction, 1 would mean fully closed.",
    zh: "五个领域得分之和：0 表示没有可测的限制，1 表示完全封闭。"
  },
  color: "#333333"
};

/** Every score the simulator can move: the overall index first, then the five areas. */
export const SCORE_DEFS: readonly AreaDef[] = [OVERALL_DEF, ...AREA_DEFS];

/** The definition for a panel column (e.g. "dstri_ipr"), or undefined. */
export function areaByColumn(column: string): AreaDef | undefined {
  return SCORE_DEFS.find((a) => a.column === column);
}
