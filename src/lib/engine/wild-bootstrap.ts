/**
 * Wild cluster bootstrap of one OLS coefficient, restricted (null imposed) bootstrap-t with CR1 statistics:
 * WCR of Cameron, Gelbach & Miller (2008); the fast algorithm of Roodman, MacKinnon, Nielsen & Webb (2019,
 * "Fast and wild", boottest), on the data with the fixed effects projected out (y~, X~ from the engine's
 * demeaning, as the reference does: exact when the fixed effects are nested in the clusters, the usual
 * approximation otherwise; a pooled model keeps its intercept as a regressor).
 *
 * For the null beta_j = b0: restricted residuals u(b0) = M_{-j}(y~ - b0 x~_j) (M_{-j}: residual maker of the
 * other regressors); draw v (one weight per cluster); y* = X~_{-j} gamma + b0 x~_j + u∘v; then
 *   b* - b_r = A X~'(u∘v) = sum_g v_g A s_g  (A = (X~'X~)^{-1}, s_g = X~_g' u_g),
 *   a'(cluster score h) = v_h a's_h - (X~_h'X~_h a)' q,  q = sum_g v_g A s_g,  a = row j of A,
 * so each draw costs O(G k): t* = q_j / sqrt(c sum_h (a' score_h)^2), c = G/(G-1)(n-1)/(n-K) (CR1, fixest's K).
 * v = 1 reproduces the data's t. p = share of draws with |t*| >= |t| (symmetric). Rademacher weights with
 * G <= 12 clusters enumerate all 2^G sign vectors (deterministic); otherwise `reps` draws from the project's
 * seeded generator (Rademacher, or Webb's six points ±sqrt(1/2), ±1, ±sqrt(3/2)). The 95% interval is the set of
 * b0 whose p exceeds 0.05, its ends found by bisection with the same draws for every b0 (test inversion).
 */
import {UserError} from "../errors.js";
import {createRng} from "../random/rng.js";
import {spdInverse} from "./linalg.js";
import {estimateOls, type OlsDesign} from "./estimate-ols.js";
import {factorize, getColumn, recode} from "./frame.js";
import {clusterK, isNested} from "./ssc.js";
import type {BootstrapResult, Frame, Result, Spec} from "./types.js";
import {validateBootstrap} from "./wild-bootstrap-spec.js";

export interface WildInput {
  /** Demeaned outcome and regressors (the engine's y~, X~ on the estimation sample). */
  y: Float64Array;
  X: Float64Array[];
  /** Index of the tested coefficient in X. */
  j: number;
  cluster: {codes: Int32Array; nlevels: number};
  /** K of the CR1 factor (n-1)/(n-K) (does not change p or the interval; only the reported t). */
  K: number;
  weights: "rademacher" | "webb";
  reps: number;
  seed: number | string;
  term: string;
}

const WEBB = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];

/** Weight matrix B x G (row-major): every sign vector when enumerating, else seeded draws. */
export function bootstrapWeights(G: number, weights: "rademacher" | "webb", reps: number, seed: number | string): {v: Float64Array; B: number; enumerated: boolean} {
  if (weights === "rademacher" && G <= 12) {
    const B = 1 << G;
    const v = new Float64Array(B * G);
    // Draw 0 is all +1 (the data); bit g of b set -> cluster g gets -1.
    for (let b = 0; b < B; b++) for (let g = 0; g < G; g++) v[b * G + g] = (b >> g) & 1 ? -1 : 1;
    return {v, B, enumerated: true};
  }
  const rng = createRng(seed);
  const v = new Float64Array(reps * G);
  for (let i = 0; i < v.length; i++) v[i] = weights === "webb" ? WEBB[rng.int(6)] : rng.uniform() < 0.5 ? -1 : 1;
  return {v, B: reps, enumerated: false};
}

interface Prepared {
  k: number;
  G: number;
  A: Float64Array;
  a: Float64Array;
  /** d_h = H_h a, G x k. */
  d: Float64Array;
  /** Per-cluster X~_g' x (k each) for y and for x_j, residualised on the other regressors. */
  Sy: Float64Array;
  Sx: Float64Array;
  factor: number;
}

function residualise(X: Float64Array[], j: number, v: Float64Array): Float64Array {
  // v - X_{-j} (X_{-j}'X_{-j})^{-1} X_{-j}'v
  const others = X.filter((_, i) => i !== j);
  const k = others.length;
  const out = v.slice();
  if (k === 0) return out;
  const n = v.length;
  const A = new Float64Array(k * k);
  const b = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    for (let q = 0; q <= p; q++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += others[p][i] * others[q][i];
      A[p * k + q] = s;
      A[q * k + p] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += others[p][i] * v[i];
    b[p] = s;
  }
  const inv = spdInverse(A, k, 0);
  if (!inv) throw new UserError("wild bootstrap: the other regressors are collinear");
  for (let p = 0; p < k; p++) {
    let g = 0;
    for (let q = 0; q < k; q++) g += inv[p * k + q] * b[q];
    const x = others[p];
    for (let i = 0; i < n; i++) out[i] -= g * x[i];
  }
  return out;
}

function prepare(inp: WildInput): Prepared {
  const {X, j, cluster} = inp;
  const k = X.length;
  const n = inp.y.length;
  const G = cluster.nlevels;
  const XtX = new Float64Array(k * k);
  for (let p = 0; p < k; p++)
    for (let q = 0; q <= p; q++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[p][i] * X[q][i];
      XtX[p * k + q] = s;
      XtX[q * k + p] = s;
    }
  const A = spdInverse(XtX, k, 0);
  if (!A) throw new UserError("wild bootstrap: the regressors are collinear");
  const a = A.slice(j * k, j * k + k);
  const uy = residualise(X, j, inp.y);
  const ux = residualise(X, j, X[j]);
  const Sy = new Float64Array(G * k);
  const Sx = new Float64Array(G * k);
  const d = new Float64Array(G * k);
  const codes = cluster.codes;
  for (let i = 0; i < n; i++) {
    const g = codes[i];
    let xa = 0;
    for (let p = 0; p < k; p++) xa += X[p][i] * a[p];
    for (let p = 0; p < k; p++) {
      const x = X[p][i];
      Sy[g * k + p] += x * uy[i];
      Sx[g * k + p] += x * ux[i];
      d[g * k + p] += x * xa;
    }
  }
  const factor = (G / (G - 1)) * ((n - 1) / (n - inp.K));
  return {k, G, A, a, d, Sy, Sx, factor};
}

/**
 * Every draw's t* as a function of the null b0. Restricted residuals are linear in b0 (u(b0) = u_y - b0 u_x), so
 * q(b0) = q_y - b0 q_x and each cluster score a'score_h(b0) = s_yh - b0 s_xh: per draw
 *   t*(b0) = (q_yj - b0 q_xj) / sqrt(c (SS_yy - 2 b0 SS_yx + b0^2 SS_xx)).
 * The five numbers per draw are computed once (O(B G k)); then any b0 costs O(B) (the interval's bisection).
 * Index 0 is the data (v = 1), 1..B the draws.
 */
interface DrawTerms {
  ny: Float64Array;
  nx: Float64Array;
  yy: Float64Array;
  yx: Float64Array;
  xx: Float64Array;
  factor: number;
}

function drawTerms(P: Prepared, j: number, v: Float64Array, B: number): DrawTerms {
  const {k, G, A, a, d, Sy, Sx, factor} = P;
  // c_g = a's_g and P_g = A s_g for the y and x parts of s_g(b0) = Sy_g - b0 Sx_g.
  const cy = new Float64Array(G);
  const cx = new Float64Array(G);
  const Py = new Float64Array(G * k);
  const Px = new Float64Array(G * k);
  for (let g = 0; g < G; g++) {
    const o = g * k;
    for (let p = 0; p < k; p++) {
      cy[g] += a[p] * Sy[o + p];
      cx[g] += a[p] * Sx[o + p];
      let sy = 0, sx = 0;
      for (let q = 0; q < k; q++) {
        sy += A[p * k + q] * Sy[o + q];
        sx += A[p * k + q] * Sx[o + q];
      }
      Py[o + p] = sy;
      Px[o + p] = sx;
    }
  }
  const out: DrawTerms = {ny: new Float64Array(B + 1), nx: new Float64Array(B + 1), yy: new Float64Array(B + 1), yx: new Float64Array(B + 1), xx: new Float64Array(B + 1), factor};
  const qy = new Float64Array(k);
  const qx = new Float64Array(k);
  const ones = new Float64Array(G).fill(1);
  for (let b = 0; b <= B; b++) {
    const vv = b === 0 ? ones : v;
    const off = b === 0 ? 0 : (b - 1) * G;
    qy.fill(0);
    qx.fill(0);
    for (let g = 0; g < G; g++) {
      const w = vv[off + g];
      const o = g * k;
      for (let p = 0; p < k; p++) {
        qy[p] += w * Py[o + p];
        qx[p] += w * Px[o + p];
      }
    }
    let yy = 0, yx = 0, xx = 0;
    for (let h = 0; h < G; h++) {
      const o = h * k;
      let dy = 0, dx = 0;
      for (let p = 0; p < k; p++) {
        dy += d[o + p] * qy[p];
        dx += d[o + p] * qx[p];
      }
      const w = vv[off + h];
      const sy = w * cy[h] - dy;
      const sx = w * cx[h] - dx;
      yy += sy * sy;
      yx += sy * sx;
      xx += sx * sx;
    }
    out.ny[b] = qy[j];
    out.nx[b] = qx[j];
    out.yy[b] = yy;
    out.yx[b] = yx;
    out.xx[b] = xx;
  }
  return out;
}

/** t of the data (index 0) and of every draw for the null b0. */
function statistics(T: DrawTerms, b0: number): {t: number; tstar: Float64Array} {
  const n = T.ny.length;
  const tstar = new Float64Array(n - 1);
  const at = (b: number) => (T.ny[b] - b0 * T.nx[b]) / Math.sqrt(T.factor * (T.yy[b] - 2 * b0 * T.yx[b] + b0 * b0 * T.xx[b]));
  for (let b = 1; b < n; b++) tstar[b - 1] = at(b);
  return {t: at(0), tstar};
}

/** Symmetric bootstrap p-value: share of draws with |t*| >= |t| (ties within 1e-10 relative count). */
function pValue(t: number, tstar: Float64Array): number {
  const at = Math.abs(t) * (1 - 1e-10);
  let c = 0;
  for (let b = 0; b < tstar.length; b++) if (Math.abs(tstar[b]) >= at) c++;
  return c / tstar.length;
}

/**
 * Runs the bootstrap. Example: `wildClusterBootstrap({y, X, j: 0, cluster, K, weights: "rademacher", reps: 9999, seed: 1, term: "dstri"})`.
 */
export function wildClusterBootstrap(inp: WildInput): BootstrapResult {
  const G = inp.cluster.nlevels;
  if (G < 2) throw new UserError(`wild bootstrap: the cluster variable has only ${G} cluster in the estimation sample; it needs at least 2`);
  const P = prepare(inp);
  const {v, B, enumerated} = bootstrapWeights(G, inp.weights, inp.reps, inp.seed);
  const terms = drawTerms(P, inp.j, v, B);
  const at0 = statistics(terms, 0);
  const p = pValue(at0.t, at0.tstar);
  // Estimate and CR1 SE of the data: t(0) = b_j / se.
  const bhat = estimateOf(inp);
  const se = Math.abs(bhat) > 0 && Number.isFinite(at0.t) && at0.t !== 0 ? Math.abs(bhat / at0.t) : NaN;
  const pAt = (b0: number): number => {
    const r = statistics(terms, b0);
    return pValue(r.t, r.tstar);
  };
  const bound = (dir: 1 | -1): number => {
    let inside = bhat;
    let step = Number.isFinite(se) && se > 0 ? se : Math.max(Math.abs(bhat), 1);
    let outside = bhat + dir * 2 * step;
    let tries = 0;
    while (pAt(outside) > 0.05 && tries < 60) {
      inside = outside;
      step *= 2;
      outside = bhat + dir * 2 * step;
      tries++;
    }
    if (tries >= 60) return dir * Infinity;
    // Bisection to 1e-9 of the standard error (the interval is printed to a few digits; p is a step function).
    const width = 1e-9 * (Number.isFinite(se) && se > 0 ? se : Math.max(Math.abs(bhat), 1));
    for (let it = 0; it < 100 && Math.abs(outside - inside) > width; it++) {
      const mid = (inside + outside) / 2;
      if (pAt(mid) > 0.05) inside = mid;
      else outside = mid;
    }
    return (inside + outside) / 2;
  };
  const ci95: [number, number] = [bound(-1), bound(1)];
  return {term: inp.term, p_value: p, ci95, reps_used: B, enumerated, weights: inp.weights, n_clusters: G, t_stat: at0.t};
}

/** OLS estimate of coefficient j on the demeaned data. */
function estimateOf(inp: WildInput): number {
  const {X, y, j} = inp;
  const k = X.length;
  const n = y.length;
  const XtX = new Float64Array(k * k);
  const Xty = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    for (let q = 0; q <= p; q++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[p][i] * X[q][i];
      XtX[p * k + q] = s;
      XtX[q * k + p] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += X[p][i] * y[i];
    Xty[p] = s;
  }
  const A = spdInverse(XtX, k, 0) as Float64Array;
  let b = 0;
  for (let q = 0; q < k; q++) b += A[j * k + q] * Xty[q];
  return b;
}

/** The bootstrap's input from an OLS spec with a `bootstrap` key, and the OLS result. */
export function bootstrapInput(frame: Frame, spec: Spec): {input: WildInput; result: Result} {
  let design: OlsDesign | null = null;
  const result = estimateOls(frame, spec, (d) => (design = d));
  const b = validateBootstrap(spec.bootstrap, spec.x);
  const d = design as OlsDesign | null;
  if (!d) throw new UserError("wild bootstrap: no estimation sample");
  const j = d.terms.indexOf(b.term);
  if (j < 0) throw new UserError(`spec.bootstrap.term '${b.term}' was removed from the model (collinear); it cannot be tested`);
  const col = getColumn(frame, b.cluster, "spec.bootstrap.cluster");
  const f = factorize(col);
  for (let r = 0; r < d.rows.length; r++) {
    if (f.codes[d.rows[r]] < 0) throw new UserError(`spec.bootstrap.cluster '${b.cluster}' is missing at row ${d.rows[r] + 1}, which is in the estimation sample`);
  }
  const cl = recode(f.codes, d.rows, f.nlevels);
  if (cl.nlevels < 2) throw new UserError(`spec.bootstrap.cluster '${b.cluster}' has only ${cl.nlevels} cluster in the estimation sample; the wild cluster bootstrap needs at least 2`);
  const k = d.X.length;
  const feSizes = d.pooled ? [] : d.feDims.map((x) => x.nlevels);
  const K = clusterK(k, feSizes, d.pooled ? [] : d.feDims.map((fd) => isNested(fd, cl)));
  return {input: {y: d.y, X: d.X, j, cluster: cl, K, weights: b.weights, reps: b.reps, seed: b.seed, term: b.term}, result};
}

/**
 * estimate() with a `bootstrap` key (OLS): the fit as usual plus `bootstrap` from the demeaned sample.
 * Example: `attachBootstrap(frame, {..., bootstrap: {type: "wild", term: "dstri", cluster: "iso3"}})`.
 */
export function attachBootstrap(frame: Frame, spec: Spec): Result {
  const {input, result} = bootstrapInput(frame, spec);
  return {...result, bootstrap: wildClusterBootstrap(input)};
}

/** Bootstrap p-values of the nulls beta_j = b0 (the same draws for each). Example: `wildPValues(input, [0, 0.1])`. */
export function wildPValues(inp: WildInput, nulls: number[]): number[] {
  const P = prepare(inp);
  const {v, B} = bootstrapWeights(inp.cluster.nlevels, inp.weights, inp.reps, inp.seed);
  const terms = drawTerms(P, inp.j, v, B);
  return nulls.map((b0) => {
    const r = statistics(terms, b0);
    return pValue(r.t, r.tstar);
  });
}
