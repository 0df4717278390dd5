/**
 * The study's headline as a reference line on the specification curve, in the curve's units (issue #21).
 * The paper's DSTRI runs 0.288-1.992 (SD 0.326, its Table 2); the OECD index 0-1. A coefficient is therefore
 * carried across as the effect of one standard deviation:
 *   per-SD curve (several DSTRI measures on):  reference = b_paper × SD_paper;
 *   raw curve (one OECD measure k):            reference = b_paper × SD_paper / SD_k,
 * i.e. the OECD-scale coefficient that would give the paper's per-SD effect. Pure.
 */
/** Table 4, column 2 (Zhejiang, DSTRI with controls) and the paper's DSTRI SD (Table 2); checked against data/paper/tables.json. */
export const PAPER_HEADLINE = {coef: -0.224, t: -4.97, sd: 0.326} as const;

export interface Reference {
  value: number;
  /** How the value was made, for the label. */
  formula: string;
}

const f3 = (v: number) => (v < 0 ? "−" : "") + Math.abs(v).toFixed(3);

/** `keySd` = SD of the one OECD measure on the raw curve; null for the per-SD curve. */
export function paperReference(keySd: number | null): Reference {
  const perSd = PAPER_HEADLINE.coef * PAPER_HEADLINE.sd;
  if (keySd === null) return {value: perSd, formula: `${f3(PAPER_HEADLINE.coef)} × ${PAPER_HEADLINE.sd}`};
  return {value: perSd / keySd, formula: `${f3(PAPER_HEADLINE.coef)} × ${PAPER_HEADLINE.sd} / ${keySd.toFixed(3)}`};
}
