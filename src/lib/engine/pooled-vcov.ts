/**
 * A pooled model (no fixed effects) is fitted on centred regressors Z = [1, X - x̄] (the intercept's column is
 * orthogonal to the others), so its variance comes out in those coordinates. The model's own variance, with its
 * intercept, is V = A V_Z A' with A = [[1, -x̄'], [0, I]] (θ = A θ_Z). Shared by estimate-ols.ts and the
 * multiverse's batch, which must give the same bits. Example: k = 2, x̄ = [2], V_Z = diag(1, 1) -> [[5, -2], [-2, 1]].
 */
export function interceptBackTransform(
  V: Float64Array,
  xbar: ArrayLike<number>,
  k: number,
  buffers: {A: Float64Array; AV: Float64Array; W: Float64Array} = {A: new Float64Array(k * k), AV: new Float64Array(k * k), W: new Float64Array(k * k)}
): Float64Array {
  // `buffers` may be reused (the multiverse's workspace): the same arithmetic on zeroed k x k buffers.
  const {A, AV, W} = buffers;
  A.fill(0, 0, k * k);
  AV.fill(0, 0, k * k);
  for (let i = 0; i < k; i++) A[i * k + i] = 1;
  for (let a = 0; a < k - 1; a++) A[a + 1] = -xbar[a];
  for (let i = 0; i < k; i++) for (let l = 0; l < k; l++) {
    const ail = A[i * k + l];
    if (ail === 0) continue;
    for (let j = 0; j < k; j++) AV[i * k + j] += ail * V[l * k + j];
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let s = 0;
    for (let l = 0; l < k; l++) s += AV[i * k + l] * A[j * k + l];
    W[i * k + j] = s;
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) {
    const v = 0.5 * (W[i * k + j] + W[j * k + i]);
    W[i * k + j] = v;
    W[j * k + i] = v;
  }
  return W;
}
