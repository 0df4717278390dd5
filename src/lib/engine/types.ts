/**
 * Shared types of the estimation engine: the in-memory panel (`Frame`), the specification
 * (the `dtb estimate --spec` JSON contract) and the result (the `dtb estimate` output contract).
 * Every page, the CLI and the tests go through these types.
 */

/** A numeric column stores missing values as NaN; a text column stores them as null. */
export type Column = Float64Array | Array<string | null>;

/** A column-oriented table. Every column has `nrows` entries. */
export interface Frame {
  nrows: number;
  columns: Record<string, Column>;
}

export type VcovSpec = "iid" | "hetero" | {cluster: string[]};

/** Panel HAC variances, fixest's names: "DK", "DK(2)", "NW", "NW(1)", or the long forms with an optional lag. */
export type HacVcovSpec = "driscoll_kraay" | "newey_west" | "DK" | "NW" | `DK(${number})` | `NW(${number})` | {driscoll_kraay: {lag?: number}} | {newey_west: {lag?: number}};

/** Wild cluster bootstrap of one coefficient (wild-bootstrap.ts). */
export interface BootstrapSpec {
  type: "wild";
  term: string;
  cluster: string;
  weights?: "rademacher" | "webb";
  reps?: number;
  seed?: number | string;
}

export interface BootstrapResult {
  term: string;
  p_value: number;
  ci95: [number, number];
  reps_used: number;
  enumerated: boolean;
  weights: "rademacher" | "webb";
  n_clusters: number;
  t_stat: number;
}

export interface GmmSpec {
  /** Which variable's lags are GMM-style instruments (only "y", the dependent variable, for now). */
  instruments?: "y";
  /** [first, last] lag distance used as instruments, e.g. [2, 99]. */
  lags?: [number, number];
  /** One instrument column per lag distance instead of one per period and lag. */
  collapse?: boolean;
}

export interface Spec {
  id: string;
  time: string;
  y: string;
  /** Regressors; `L.x` / `Lk.x` is x lagged by 1 / k periods of calendar time within id. */
  x: string[];
  /** Fixed-effect dimensions (column names); [] = pooled OLS with intercept. */
  fe?: string[];
  vcov?: VcovSpec | HacVcovSpec;
  /** Rows whose column takes one of these values are removed (after lags are built). */
  exclude?: Record<string, Array<number | string>>;
  estimator?: "ols" | "ppml" | "gmm-diff" | "gmm-sys";
  /** GMM: "twoways" adds time effects; "individual" does not. */
  effect?: "twoways" | "individual";
  gmm?: GmmSpec;
  /** Drop fixed-effect singletons (fixest fixef.rm = "singleton"); default false (kept, as fixest). */
  drop_singletons?: boolean;
  bootstrap?: BootstrapSpec;
}

export interface TestStat {
  statistic: number;
  df?: number;
  pvalue: number;
}

export interface Result {
  /** Names of the coefficients, in the spec's order; "(Intercept)" first when pooled. */
  terms: string[];
  coef: number[];
  se: number[];
  tstat: number[];
  pvalue: number[];
  /** Degrees of freedom of the t distribution used for p-values (null for GMM: normal). */
  df_t: number | null;
  nobs: number;
  n_groups: number;
  r2: number | null;
  adj_r2?: number | null;
  r2_within: number | null;
  adj_r2_within?: number | null;
  ssr?: number;
  vcov: number[][];
  /** Human-readable notes, e.g. dropped collinear terms. */
  notes: string[];
  /** Extra detail: vcov type, number of clusters, nparams, K used, etc. */
  info?: Record<string, unknown>;
  timing_ms?: {read: number; estimate: number};
  // GMM only
  hansen?: TestStat;
  ar1?: TestStat;
  ar2?: TestStat;
  n_instruments?: number;
  // PPML only (fixest fepois)
  deviance?: number;
  null_deviance?: number;
  loglik?: number;
  ll_null?: number;
  pseudo_r2?: number;
  iterations?: number;
  bootstrap?: BootstrapResult;
}
