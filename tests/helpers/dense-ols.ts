/**
 * Independent, straightforward reference for tests: least squares with explicit dummy columns
 * (intercept + dummies of every FE level except the first of each dimension) solved by Householder QR
 * (ml-matrix), and explicit sandwich formulas with the projection P = (D'D)^{-1} D' (slope rows).
 * Deliberately slow and simple; no code shared with the engine.
 */
import {Matrix, QrDecomposition} from "ml-matrix";

export interface DenseInput {
  y: number[];
  X: number[][]; // columns
  fe: number[][]; // codes per dimension
}

export interface DenseFit {
  coef: number[];
  resid: number[];
  /** k x n: rows of (D'D)^{-1}D' for the slopes. */
  P: number[][];
  n: number;
  k: number;
}

export function denseOls(inp: DenseInput): DenseFit {
  const n = inp.y.length;
  const k = inp.X.length;
  const cols: number[][] = [...inp.X];
  cols.push(new Array(n).fill(1));
  for (const codes of inp.fe) {
    const levels = [...new Set(codes)].sort((a, b) => a - b);
    for (const lev of levels.slice(1)) cols.push(codes.map((c) => (c === lev ? 1 : 0)));
  }
  const D = new Matrix(n, cols.length);
  cols.forEach((c, j) => c.forEach((v, i) => D.set(i, j, v)));
  const qr = new QrDecomposition(D);
  const b = qr.solve(Matrix.columnVector(inp.y));
  const pinv = qr.solve(Matrix.eye(n, n));
  const fitted = D.mmul(b);
  const resid = inp.y.map((v, i) => v - fitted.get(i, 0));
  const P: number[][] = [];
  for (let j = 0; j < k; j++) P.push(pinv.getRow(j));
  return {coef: Array.from({length: k}, (_, j) => b.get(j, 0)), resid, P, n, k};
}

/** sum over pairs (i, j) in the same cluster of P_i e_i e_j P_j' (explicit double loop). */
export function clusterMeatDense(fit: DenseFit, cluster: number[]): number[][] {
  const {P, resid, n, k} = fit;
  const M = Array.from({length: k}, () => new Array(k).fill(0));
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (cluster[i] !== cluster[j]) continue;
      const w = resid[i] * resid[j];
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) M[a][b] += P[a][i] * P[b][j] * w;
    }
  return M;
}
