/**
 * Fit statistics, fixest conventions (ESTIMATION.md "Fit statistics"):
 *   R2 = 1 - SSR/TSS, TSS = sum (y - ybar)^2 (FE count as explained);
 *   adj R2 = 1 - (SSR/TSS) (n - 1)/(n - nparams);
 *   within R2 = 1 - SSR/SSR_fe, SSR_fe = sum y~^2 (y demeaned by all FE, same sample);
 *   adj within R2 = 1 - (SSR/SSR_fe) (n - n_fe)/(n - n_fe - k), n_fe = nparams - k;
 *   sigma = sqrt(SSR/(n - nparams)), rmse = sqrt(SSR/n), df_resid = n - nparams.
 * Within R2 is null without FE.
 */

export interface FitStats {
  r2: number;
  adj_r2: number;
  r2_within: number | null;
  adj_r2_within: number | null;
  ssr: number;
  tss: number;
  ssr_fe_only: number | null;
  nparams: number;
  df_resid: number;
  sigma: number;
  rmse: number;
}

/**
 * `k` = number of reported coefficients (with the intercept when pooled); `ssrFe` = null without FE.
 * Example: ssr 1, tss 4, n 10, nparams 2, k 2, no FE -> r2 0.75, adj_r2 1 - 0.25*9/8.
 */
export function fitStats(a: {ssr: number; tss: number; ssrFe: number | null; n: number; nparams: number; k: number}): FitStats {
  const {ssr, tss, ssrFe, n, nparams, k} = a;
  const r2 = 1 - ssr / tss;
  const adj_r2 = 1 - (ssr / tss) * ((n - 1) / (n - nparams));
  let r2_within: number | null = null;
  let adj_r2_within: number | null = null;
  if (ssrFe !== null) {
    const nFe = nparams - k;
    r2_within = 1 - ssr / ssrFe;
    adj_r2_within = 1 - (ssr / ssrFe) * ((n - nFe) / (n - nFe - k));
  }
  return {
    r2,
    adj_r2,
    r2_within,
    adj_r2_within,
    ssr,
    tss,
    ssr_fe_only: ssrFe,
    nparams,
    df_resid: n - nparams,
    sigma: Math.sqrt(ssr / (n - nparams)),
    rmse: Math.sqrt(ssr / n)
  };
}

/** TSS = sum (y - ybar)^2, two-pass for accuracy. Example: [1,2,3] -> 2. */
export function totalSumSquares(y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) m += y[i];
  m /= y.length;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - m) * (y[i] - m);
  return s;
}
