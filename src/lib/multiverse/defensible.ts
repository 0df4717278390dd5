/**
 * Which specifications of a multiverse a trade-economics referee would defend for this panel, so that the page can
 * open on them ("defensible") and keep the whole product one click away ("all choices").
 *
 * The rule (stated on the page, and the same in the CLI):
 * - fixed effects: the partner's (alone or with the year's). Pooled OLS and year-only effects compare different
 *   partners, which the lessons show are confounded by everything that differs between them.
 * - standard errors: clustered by partner (one- or two-way with the year), or Driscoll-Kraay. Classical and
 *   heteroskedasticity-robust errors ignore that a partner's shocks persist across years (the lessons' own result).
 * - sample: at least 10 partners in the estimation sample (fewer cannot support clustered inference; the
 *   "non-OECD" sample of the study panel has 4).
 * GMM specifications carry their own variance (Windmeijer) and effects (differencing): kept when their sample has
 * 10 partners or more.
 * Example: `isDefensible({fe: ["iso3", "year"], vcov: {cluster: ["iso3"]}, ...}, 42)` -> {ok: true}.
 */
import type {Spec} from "../engine/types.js";

export const MIN_PARTNERS = 10;

export type DefensibleReason = "pooled_or_time_effects_only" | "errors_ignore_persistence" | "too_few_partners";

export const REASONS: Record<DefensibleReason, {en: string; zh: string}> = {
  pooled_or_time_effects_only: {
    en: "no partner fixed effect (pooled OLS or year effects only): compares different partners",
    zh: "没有伙伴国固定效应（混合 OLS 或仅有年份效应）：比较的是不同的伙伴国"
  },
  errors_ignore_persistence: {
    en: "classical or heteroskedasticity-robust errors: ignore that a partner's shocks persist across years",
    zh: "经典或异方差稳健标准误：忽略了伙伴国冲击在年份之间的持续性"
  },
  too_few_partners: {
    en: `fewer than ${MIN_PARTNERS} partners in the sample: too few for clustered inference`,
    zh: `样本中伙伴国少于 ${MIN_PARTNERS} 个：不足以进行聚类推断`
  }
};

function isDkOrPartnerCluster(vcov: Spec["vcov"], id: string): boolean {
  if (vcov === undefined || vcov === "iid" || vcov === "hetero") return false;
  if (typeof vcov === "string") return /^(DK|driscoll_kraay)/i.test(vcov);
  const v = vcov as unknown as Record<string, unknown>;
  if ("driscoll_kraay" in v) return true;
  const cl = v.cluster;
  return Array.isArray(cl) ? cl.includes(id) : cl === id;
}

/** Whether a specification is in the defensible view, and if not, every reason why. */
export function isDefensible(spec: Spec, partnersInSample: number | null): {ok: boolean; reasons: DefensibleReason[]} {
  const reasons: DefensibleReason[] = [];
  const gmm = spec.estimator === "gmm-diff" || spec.estimator === "gmm-sys";
  if (!gmm) {
    if (!(spec.fe ?? []).includes(spec.id)) reasons.push("pooled_or_time_effects_only");
    if (!isDkOrPartnerCluster(spec.vcov, spec.id)) reasons.push("errors_ignore_persistence");
  }
  if (partnersInSample !== null && partnersInSample < MIN_PARTNERS) reasons.push("too_few_partners");
  return {ok: reasons.length === 0, reasons};
}
