/**
 * Settings at which every replication of a lab would fail, known before any draw: each estimator's residual
 * degrees of freedom on the lab's balanced panel (fit.ts `residualDf`, fixest's parameter count). A setting where
 * at least one estimator can be fitted runs, and the others report failed replications with their reason; a
 * setting where none can is refused (the page's sliders and `dtb simulate`, one line).
 * Example: `infeasible("cluster", {N: 2, T: 2, ...})` -> "every replication would fail: ...".
 */
import {residualDf} from "./fit.js";
import {LAB_DEFS, type LabName, type Params} from "./labs.js";

type Text = {en: string; zh: string};

/** Residual df of each estimator of a lab at these parameters (GMM: not known in advance, left out). */
export function estimatorDf(lab: LabName, p: Params): Record<string, number> {
  if (lab === "gravity") return {ols_log: residualDf(p.N, 2, []), ppml: residualDf(p.N, 2, [])};
  const n = p.N * p.T;
  const all: Record<string, number> = {
    pooled: residualDf(n, 2, []),
    fe_country: residualDf(n, 1, [p.N]),
    fe_twoway: residualDf(n, 1, [p.N, p.T])
  };
  return Object.fromEntries(LAB_DEFS[lab].estimators.filter((e) => e in all).map((e) => [e, all[e]]));
}

/** Null when the lab can run; otherwise one line (both languages) saying why every replication would fail. */
export function infeasible(lab: LabName, p: Params): Text | null {
  const df = estimatorDf(lab, p);
  const names = LAB_DEFS[lab].estimators;
  // GMM estimators are not in `df`: their failures are only known per draw, so such a lab always runs.
  if (names.some((e) => !(e in df) || df[e] > 0)) return null;
  const list = names.map((e) => `${e} ${df[e]}`).join(", ");
  const at = Object.entries(p).map(([k, v]) => `${k}=${v}`).join(", ");
  return {
    en: `every replication would fail at ${at}: no residual degrees of freedom (${list}); the model fits each draw exactly and its standard errors are undefined`,
    zh: `在 ${at} 下每次重复都会失败：残差自由度为0（${list}）；模型完全拟合每次抽样，标准误无定义`
  };
}
