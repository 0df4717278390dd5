/**
 * Small dense linear algebra on row-major Float64Array k x k matrices (k = number of regressors or
 * of levels of a small FE dimension). No dependencies; typed arrays only.
 */

/**
 * Cholesky factorisation A = L L' of a symmetric positive semi-definite matrix with detection of
 * (numerically) zero pivots: column j is declared dependent when its remaining pivot is
 * <= tol * A[j][j] (or A[j][j] <= 0); its row/column of L is left at zero and `dropped` lists it.
 * Used (a) for OLS normal equations after equilibration, (b) for the singular FE Schur complement.
 * Example: `cholesky(Float64Array.of(4,2,2,3), 2)` -> L = [[2,0],[1,sqrt(2)]], dropped [].
 */
export function cholesky(A: Float64Array, k: number, tol = 1e-12): {L: Float64Array; dropped: number[]} {
  const L = new Float64Array(k * k);
  const dropped: number[] = [];
  const ok = new Uint8Array(k);
  for (let j = 0; j < k; j++) {
    let d = A[j * k + j];
    for (let l = 0; l < j; l++) d -= L[j * k + l] * L[j * k + l];
    if (!(A[j * k + j] > 0) || d <= tol * A[j * k + j]) {
      dropped.push(j);
      continue;
    }
    ok[j] = 1;
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = A[i * k + j];
      for (let l = 0; l < j; l++) s -= L[i * k + l] * L[j * k + l];
      L[i * k + j] = s / ljj;
    }
  }
  return {L, dropped};
}

/**
 * Solves L L' x = b for a factor from `cholesky`; dropped (zero) pivots get x = 0 (a generalized
 * solution, exact when b lies in the range of A, as for FE normal equations).
 * Example: with L of [[4,2],[2,3]], b [2,1] -> x [0.5, 0].
 */
export function cholSolve(L: Float64Array, k: number, b: Float64Array): Float64Array {
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const lii = L[i * k + i];
    if (lii === 0) continue;
    let s = b[i];
    for (let l = 0; l < i; l++) s -= L[i * k + l] * z[l];
    z[i] = s / lii;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    const lii = L[i * k + i];
    if (lii === 0) continue;
    let s = z[i];
    for (let l = i + 1; l < k; l++) s -= L[l * k + i] * x[l];
    x[i] = s / lii;
  }
  return x;
}

/**
 * Inverse of a symmetric positive definite matrix from its Cholesky factor: (L L')^{-1}, column by column.
 * Example: A = [[4,2],[2,3]] -> [[0.375,-0.25],[-0.25,0.5]].
 */
export function cholInverse(L: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  const e = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    e.fill(0);
    e[j] = 1;
    const col = cholSolve(L, k, e);
    for (let i = 0; i < k; i++) inv[i * k + j] = col[i];
  }
  // Symmetrise to remove rounding asymmetry.
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (inv[i * k + j] + inv[j * k + i]);
      inv[i * k + j] = v;
      inv[j * k + i] = v;
    }
  return inv;
}

/**
 * Inverse of an SPD matrix with equilibration: D^{-1/2} A D^{-1/2} (unit diagonal) is factorised,
 * which makes the Cholesky pivots scale-free (regressors in very different units, e.g. urban share
 * ~80 vs log GDP ~10). Returns null when A is singular at tolerance `tol`.
 * Example: `spdInverse(Float64Array.of(4,0,0,9), 2)` -> [0.25,0,0,1/9].
 */
export function spdInverse(A: Float64Array, k: number, tol = 1e-12): Float64Array | null {
  const s = new Float64Array(k);
  for (let i = 0; i < k; i++) s[i] = A[i * k + i] > 0 ? 1 / Math.sqrt(A[i * k + i]) : 0;
  const As = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) As[i * k + j] = A[i * k + j] * s[i] * s[j];
  const {L, dropped} = cholesky(As, k, tol);
  if (dropped.length > 0) return null;
  const inv = cholInverse(L, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) inv[i * k + j] *= s[i] * s[j];
  return inv;
}

/** C = A B for row-major k x k matrices. Example: identity times B is B. */
export function matmul(A: Float64Array, B: Float64Array, k: number, C: Float64Array = new Float64Array(k * k)): Float64Array {
  // `C` may be a reused buffer (the multiverse's workspace): its first k * k entries are overwritten.
  C.fill(0, 0, k * k);
  for (let i = 0; i < k; i++)
    for (let l = 0; l < k; l++) {
      const a = A[i * k + l];
      if (a === 0) continue;
      for (let j = 0; j < k; j++) C[i * k + j] += a * B[l * k + j];
    }
  return C;
}

/**
 * Sandwich B M B for symmetric B and M (k x k), symmetrised. `tmp` and `out` may be reused buffers (same arithmetic).
 * Example: B = I -> M.
 */
export function sandwich(B: Float64Array, M: Float64Array, k: number, tmp?: Float64Array, out?: Float64Array): Float64Array {
  const V = matmul(matmul(B, M, k, tmp), B, k, out);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (V[i * k + j] + V[j * k + i]);
      V[i * k + j] = v;
      V[j * k + i] = v;
    }
  return V;
}

/**
 * Eigen-decomposition of a symmetric k x k matrix by cyclic Jacobi rotations (k is small).
 * Returns eigenvalues and row-major eigenvectors as columns of V: A = V diag(values) V'.
 * Example: [[2,1],[1,2]] -> values {1, 3}.
 */
export function symEigen(
  A: Float64Array,
  k: number,
  buffers: {a: Float64Array; vectors: Float64Array; values: Float64Array} = {a: new Float64Array(k * k), vectors: new Float64Array(k * k), values: new Float64Array(k)}
): {values: Float64Array; vectors: Float64Array} {
  // `buffers` may be reused (the multiverse's workspace); the first k * k (k) entries are overwritten.
  const a = buffers.a;
  for (let i = 0; i < k * k; i++) a[i] = A[i];
  const V = buffers.vectors;
  V.fill(0, 0, k * k);
  for (let i = 0; i < k; i++) V[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q] * a[p * k + q];
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++)
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (apq === 0) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p];
          const arq = a[r * k + q];
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r];
          const aqr = a[q * k + r];
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = V[r * k + p];
          const vrq = V[r * k + q];
          V[r * k + p] = c * vrp - s * vrq;
          V[r * k + q] = s * vrp + c * vrq;
        }
      }
  }
  const values = buffers.values;
  for (let i = 0; i < k; i++) values[i] = a[i * k + i];
  return {values, vectors: V};
}

/** Row-major k x k Float64Array -> number[][] (the Result's vcov format). */
export function toRows(A: Float64Array, k: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < k; i++) out.push(Array.from(A.subarray(i * k, i * k + k)));
  return out;
}
