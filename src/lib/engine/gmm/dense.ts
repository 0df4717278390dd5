/**
 * Minimal row-major dense matrices on Float64Array for the per-individual sums of the GMM
 * estimator (Σ_i W_i' H W_i, Σ_i W_i' X_i, ...). These run N times per estimate on matrices of up
 * to ~30 x 120, where ml-matrix's object-per-row storage and temporaries dominate the run time;
 * ml-matrix is kept for the few p x p factorisations (LU, SVD).
 */
import {Matrix} from "ml-matrix";

export interface Dense {
  rows: number;
  cols: number;
  /** Row-major: element (r, c) at r * cols + c. */
  data: Float64Array;
}

/** Zero matrix. Example: `zeros(2, 3).data.length` -> 6. */
export function zeros(rows: number, cols: number): Dense {
  return {rows, cols, data: new Float64Array(rows * cols)};
}

/** From an ml-matrix Matrix. Example: `fromMatrix(new Matrix([[1, 2]])).data` -> [1, 2]. */
export function fromMatrix(m: Matrix): Dense {
  const out = zeros(m.rows, m.columns);
  for (let r = 0; r < m.rows; r++) out.data.set(m.getRow(r), r * m.columns);
  return out;
}

/** To an ml-matrix Matrix. Example: `toMatrix(zeros(1, 2))` -> Matrix [[0, 0]]. */
export function toMatrix(d: Dense): Matrix {
  const rows: number[][] = [];
  for (let r = 0; r < d.rows; r++) rows.push(Array.from(d.data.subarray(r * d.cols, (r + 1) * d.cols)));
  return d.rows === 0 ? new Matrix(0, d.cols) : new Matrix(rows);
}

/** out += A' B  (A: r x p, B: r x q, out: p x q). Example: addCrossprod(out, W, X) accumulates W'X. */
export function addCrossprod(out: Dense, A: Dense, B: Dense): void {
  const {rows: r, cols: p} = A;
  const q = B.cols;
  const a = A.data;
  const b = B.data;
  const o = out.data;
  for (let k = 0; k < r; k++) {
    const ak = k * p;
    const bk = k * q;
    for (let i = 0; i < p; i++) {
      const v = a[ak + i];
      if (v === 0) continue; // instruments are sparse (block-diagonal, zero-filled rows)
      const oi = i * q;
      for (let j = 0; j < q; j++) o[oi + j] += v * b[bk + j];
    }
  }
}

/** A' v (A: r x p, v: length r) -> length p. Example: crossprodVec(W, e) = W'e. */
export function crossprodVec(A: Dense, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(A.cols);
  for (let k = 0; k < A.rows; k++) {
    const vk = v[k];
    if (vk === 0) continue;
    const ak = k * A.cols;
    for (let i = 0; i < A.cols; i++) out[i] += A.data[ak + i] * vk;
  }
  return out;
}

/** A B (A: m x n, B: n x q). Example: mul(H, W) = H W. */
export function mul(A: Dense, B: Dense): Dense {
  const out = zeros(A.rows, B.cols);
  for (let i = 0; i < A.rows; i++) {
    for (let k = 0; k < A.cols; k++) {
      const v = A.data[i * A.cols + k];
      if (v === 0) continue;
      const bk = k * B.cols;
      const oi = i * B.cols;
      for (let j = 0; j < B.cols; j++) out.data[oi + j] += v * B.data[bk + j];
    }
  }
  return out;
}

/** out += s · u v' (u: length p, v: length q). Example: addOuter(S2, we, we, 1). */
export function addOuter(out: Dense, u: ArrayLike<number>, v: ArrayLike<number>, s = 1): void {
  for (let i = 0; i < u.length; i++) {
    const ui = u[i] * s;
    if (ui === 0) continue;
    const oi = i * out.cols;
    for (let j = 0; j < v.length; j++) out.data[oi + j] += ui * v[j];
  }
}

/** A v (A: m x n, v: length n) -> length m. Example: matVec(X, b) = X b. */
export function matVec(A: Dense, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(A.rows);
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    const ai = i * A.cols;
    for (let j = 0; j < A.cols; j++) s += A.data[ai + j] * v[j];
    out[i] = s;
  }
  return out;
}
