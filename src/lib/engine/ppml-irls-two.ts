/**
 * PPML's IRLS (ppml-irls.ts, fixest 0.12.1 `feglm.fit`) for exactly two fixed-effect dimensions when the exact
 * weighted solve applies (weighted-two-way.ts): the same iterations, the same stopping rule and the same numbers
 * to rounding, with the working columns never demeaned into arrays of their own. An iteration is three passes
 * over the rows:
 *  1. z = eta + (y - mu)/mu, and with weights w = mu the cross-tabulation C, the margins and the sums by level of
 *     z and of every regressor;
 *  2. (after the Schur solve gives every column's FE coefficients a, b) X~'WX~ and X~'Wz~ with x~ = x - a - b
 *     computed on the fly;
 *  3. eta = z - (z~ - X~ beta) = (a_z - sum_j beta_j a_j)[g] + (b_z - sum_j beta_j b_j)[h] + x'beta, mu = exp(eta)
 *     and the deviance.
 * (ppml-irls.ts makes five passes and writes k + 1 demeaned columns each iteration.) The first iteration's
 * X~'WX~ is the collinearity check's matrix (fixest checks its first weighted least squares): `choose` receives
 * it with the raw weighted sums of squares and returns the regressors to keep. The demeaned regressors and
 * working residuals of the last iteration, which the variances need, are written once at the end.
 */
import {UserError} from "../errors.js";
import {spdInverse} from "./linalg.js";
import {devianceAt, halveWhileInfinite, irlsRule, sumYLogY, type IrlsFit} from "./ppml-irls.js";
import {crossPass, fittedByLevel, lastLeastSquares, levelSums, logInto, rawSquare, runsOf, sumsPass, updatePass} from "./ppml-two-passes.js";
import {recycle, takeF64} from "./scratch.js";
import {solveTwoWay, type TwoWayLayout} from "./weighted-two-way.js";

/**
 * Runs IRLS from the means `mu0` (overwritten) with the fixed effects of `lay`. Example:
 * `poissonIrlsTwoWay(y, [x1, x2], twoWayLayout(firm, year), mu0, mean(y), false, (A, raw) => [0, 1])`.
 * Returns the fit of ppml-irls.ts and `keep`, the regressors kept by `choose`.
 */
export function poissonIrlsTwoWay(yS: Float64Array, XS: Float64Array[], lay: TwoWayLayout, mu0: Float64Array, ybar: number, checkSeparation: boolean, choose: (A: Float64Array, raw: Float64Array) => number[]): IrlsFit & {keep: number[]} {
  const m = yS.length;
  const {LA, LB} = lay;
  const ac = lay.A.codes;
  const bc = lay.B.codes;
  const runs = runsOf(ac);
  let k = XS.length;
  let nc = k + 1;
  let X = XS.slice();
  let keep = XS.map((_, j) => j);
  let mu: Float64Array = mu0;
  let eta: Float64Array = logInto(mu, takeF64(m));
  const ylogy = sumYLogY(yS);
  let dev = devianceAt(yS, eta, mu, ylogy);
  let beta: Float64Array = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  let suspect = false;
  let tight = false;
  // Row-sized working arrays from the pool (scratch.ts): every element is written before it is read.
  const z = takeF64(m);
  let etaNew: Float64Array = takeF64(m);
  let muNew: Float64Array = takeF64(m);
  const C = takeF64(LA * LB);
  const W = new Float64Array(LA);
  const V = new Float64Array(LB);
  // One regressor: the second slot of the sums pass reads zeros and adds them to z's sums (+ 0).
  const x1Of = (X: Float64Array[]) => (X.length >= 2 ? X[1] : new Float64Array(m));
  let x1 = x1Of(X);
  let lastA: Float64Array | null = null;
  let lastAX: Float64Array | null = null;
  let lastB: Float64Array | null = null;
  for (let iter = 1; iter <= 200; iter++) {
    iterations = iter;
    // Pass 1. Separation shows as fitted means on zero outcomes collapsing to 0: the caller then checks (see
    // ppml-irls.ts) and refits.
    const lo = !checkSeparation && iter > 3 ? 1e-9 * ybar : -Infinity;
    C.fill(0);
    W.fill(0);
    V.fill(0);
    const sAll = new Float64Array(LA * nc);
    const rAll = new Float64Array(LB * nc);
    if (sumsPass(yS, eta, mu, X[0], x1, k >= 2 ? 2 : 0, runs, bc, LB, nc, lo, z, C, W, V, sAll, rAll)) suspect = true;
    for (let j = 2; j < k; j++) levelSums(mu, X[j], runs, bc, sAll, rAll, nc, 1 + j);
    if (suspect) break;
    const {a, b} = solveTwoWay(lay, C, W, V, sAll, rAll, nc);
    // Pass 2: X~' W X~ (lower triangle) and X~' W z~; the raw weighted sums of squares on the first iteration.
    let AX = new Float64Array(k * k);
    let Xtz = new Float64Array(k);
    const raw = new Float64Array(k);
    crossPass(mu, z, X, runs, bc, a, b, AX, Xtz);
    if (iter === 1) for (let j = 0; j < k; j++) raw[j] = rawSquare(mu, X[j]);
    for (let j = 0; j < k; j++) for (let l = 0; l < j; l++) AX[l * k + j] = AX[j * k + l];
    let aK = a;
    let bK = b;
    if (iter === 1) {
      const chosen = choose(AX, raw);
      if (chosen.length < k) {
        // Regressors collinear with the fixed effects: the kept columns' rows, sums and coefficients.
        const k2 = chosen.length;
        const nc2 = k2 + 1;
        const X2 = chosen.map((j) => X[j]);
        const pick = (v: Float64Array, L: number) => {
          const out = new Float64Array(L * nc2);
          for (let g = 0; g < L; g++) {
            out[g * nc2] = v[g * nc];
            for (let j = 0; j < k2; j++) out[g * nc2 + 1 + j] = v[g * nc + 1 + chosen[j]];
          }
          return out;
        };
        aK = pick(a, LA);
        bK = pick(b, LB);
        const AX2 = new Float64Array(k2 * k2);
        const Xtz2 = new Float64Array(k2);
        for (let j = 0; j < k2; j++) {
          Xtz2[j] = Xtz[chosen[j]];
          for (let l = 0; l < k2; l++) AX2[j * k2 + l] = AX[chosen[j] * k + chosen[l]];
        }
        X = X2;
        x1 = x1Of(X);
        AX = AX2;
        Xtz = Xtz2;
        k = k2;
        nc = nc2;
        keep = chosen.map((j) => keep[j]);
        beta = new Float64Array(k);
      }
    }
    lastA = aK;
    lastAX = AX;
    lastB = bK;
    const inv = spdInverse(AX, k, 0);
    if (!inv) throw new UserError("PPML: the weighted cross-product of the regressors became singular during the iterations");
    const next = new Float64Array(k);
    for (let j = 0; j < k; j++) for (let l = 0; l < k; l++) next[j] += inv[j * k + l] * Xtz[l];
    // Pass 3: eta = (a_z - sum_j b_j a_j)[g] + (b_z - sum_j b_j b_j)[h] + x'b, mu = exp(eta),
    // the deviance's sum.
    const Ag = fittedByLevel(aK, next, LA);
    const Bh = fittedByLevel(bK, next, LB);
    const dsum = updatePass(yS, X, next, runs, bc, Ag, Bh, etaNew, muNew);
    const underflow = Number.isNaN(dsum);
    let devNew = underflow ? Infinity : 2 * (ylogy - dsum);
    devNew = halveWhileInfinite(yS, eta, etaNew, muNew, devNew, ylogy);
    const rule = irlsRule(next, beta, devNew, dev, tight, iter);
    beta = next;
    [eta, etaNew] = [etaNew, eta];
    [mu, muNew] = [muNew, mu];
    dev = devNew;
    tight = rule.tight;
    if (rule.converged) {
      converged = true;
      break;
    }
  }
  recycle([C]);
  // After the swap above, `muNew` holds the weights of the last least squares, `z` its working outcome and
  // lastA / lastB its FE coefficients: the demeaned regressors and weighted residuals w (z~ - X~ b).
  let last: IrlsFit["last"] = null;
  // The last X~' W X~ (pass 2, the same sums as X~ materialised below would give) is fepois's Hessian.
  if (lastA && lastB && !suspect) last = {...lastLeastSquares(muNew, z, X, beta, ac, bc, lastA, lastB), hessian: lastAX ?? undefined};
  recycle([z, etaNew]);
  return {beta, eta, mu, dev, iterations, converged, demeanConverged: true, suspect, last, keep};
}
