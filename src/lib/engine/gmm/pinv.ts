/**
 * Inverses as plm::pgmm takes them: `solve()` when the matrix is regular, the Moore-Penrose
 * pseudo-inverse (`MASS::ginv`) when its smallest eigenvalue is below plm's fixed threshold 1e-9.
 */
import {inverse, Matrix, SingularValueDecomposition} from "ml-matrix";

/** plm's fixed (absolute, not scale-relative) singularity threshold `eps <- 1e-09` in pgmm/vcovHC.pgmm. */
export const PLM_EIGEN_EPS = 1e-9;

/**
 * Moore-Penrose pseudo-inverse as `MASS::ginv`: X = U diag(d) V', keep singular values
 * d_j > tol * d_1 with tol = sqrt(.Machine$double.eps) (relative to the largest), return
 * V[, +] diag(1/d[+]) U[, +]'. All-zero matrix -> zero matrix (transposed shape).
 * Example: `pinv(new Matrix([[1, 1], [1, 1]]))` -> [[0.25, 0.25], [0.25, 0.25]].
 */
export function pinv(x: Matrix, tol = Math.sqrt(Number.EPSILON)): Matrix {
  return pinvFromSvd(x, new SingularValueDecomposition(x, {autoTranspose: true}), tol);
}

function pinvFromSvd(x: Matrix, svd: SingularValueDecomposition, tol = Math.sqrt(Number.EPSILON)): Matrix {
  const d = svd.diagonal;
  const U = svd.leftSingularVectors;
  const V = svd.rightSingularVectors;
  const dmax = d.reduce((m, v) => Math.max(m, v), 0);
  const cut = Math.max(tol * dmax, 0);
  const nr = x.columns;
  const nc = x.rows;
  const out = new Float64Array(nr * nc);
  for (let j = 0; j < d.length; j++) {
    if (!(d[j] > cut)) continue;
    const u = U.getColumn(j);
    const v = V.getColumn(j);
    const inv = 1 / d[j];
    for (let r = 0; r < nr; r++) {
      const vr = v[r] * inv;
      if (vr === 0) continue;
      for (let c = 0; c < nc; c++) out[r * nc + c] += vr * u[c];
    }
  }
  return Matrix.from1DArray(nr, nc, out);
}

/**
 * `solve(m)` unless m is numerically singular, else `MASS::ginv(m)` -- plm pgmm's rule for the
 * first- and second-step weight matrices (`if (min(eigen(A)$values) < 1e-9) ginv(A) else solve(A)`)
 * and for Ω = A2^{-1} in vcovHC.pgmm (`min(abs(Re(eigen(A2)$values)))`).
 * The matrices are symmetric (A2 up to rounding) and positive semi-definite by construction
 * (Σ W'HW with H PSD, Σ W'ee'W), so their eigenvalues equal their singular values up to rounding:
 * the criterion is taken on the singular values of the SVD that the pseudo-inverse needs anyway.
 * Example: `invertOrPinv(new Matrix([[1, 1], [1, 1]]))` -> {inv: [[0.25, 0.25], [0.25, 0.25]], singular: true}.
 */
export function invertOrPinv(m: Matrix): {inv: Matrix; singular: boolean} {
  const svd = new SingularValueDecomposition(m, {autoTranspose: true});
  const minSv = svd.diagonal.reduce((a, b) => Math.min(a, b), Infinity);
  // NaN singular values (from NaN entries) must not silently pass as regular.
  if (!(minSv >= PLM_EIGEN_EPS)) return {inv: pinvFromSvd(m, svd), singular: true};
  return {inv: inverse(m), singular: false};
}
