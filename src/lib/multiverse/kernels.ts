/**
 * The run's reused buffers (Workspace), and the engine's per-fit arithmetic that has no buffer-taking form in
 * the engine yet (engine/linalg.ts `cholesky`/`spdInverse`, engine/ols.ts `olsFwl`, engine/collinearity.ts
 * `findCollinear`, the diagonal of `sandwich`) for the key coefficient only. The meats are the engine's own
 * (vcov-hetero.ts `heteroMeat`, vcov-cluster.ts `clusterMeat`), called with these buffers.
 *
 * Why buffers: in Chromium a typed array longer than 64 bytes is an off-heap ArrayBuffer, and allocating one
 * costs about 7 µs (36 doubles) to 20 µs (300 doubles) against ~0.1 µs in Node (measured in headless Chromium
 * and Node on this machine), and fresh memory is slow to touch on this virtual machine. The engine's functions
 * allocate ~25 of them per fit; over the 13,824 fits of the default grid that alone took seconds in the page's
 * workers. Same operations in the same order as the engine, so the same bits
 * (tests/lib/multiverse/batch.test.ts compares with `estimate()` exactly).
 */
import {gramVec} from "../engine/gram.js";
import {BLOCK, dot4} from "../engine/ols.js";
import type {ClusterMeatBuffers} from "../engine/vcov-cluster.js";

/** Scratch buffers for fits of at most `kmax` coefficients on at most `nmax` rows. */
export class Workspace {
  readonly kmax: number;
  readonly s: Float64Array;
  readonly As: Float64Array;
  readonly L: Float64Array;
  readonly z: Float64Array;
  readonly x: Float64Array;
  readonly bread: Float64Array;
  readonly bread2: Float64Array;
  readonly Xty: Float64Array;
  readonly coef: Float64Array;
  readonly row: Float64Array;
  readonly M: Float64Array;
  /** The fit's heteroskedasticity-robust meat (shared by HC1 and singleton clusterings). */
  readonly H: Float64Array;
  readonly Ms: Float64Array;
  readonly XtX: Float64Array;
  readonly ss: Float64Array;
  readonly acc: Float64Array;
  readonly cur: Int32Array;
  readonly absorbed: Uint8Array;
  readonly resid: Float64Array;
  readonly e2: Float64Array;
  readonly yT: Float64Array;
  readonly zk: Float64Array;
  readonly z2: Float64Array;
  /** k x k buffers and x̄ for a pooled model's full multi-way cluster variance (batch.ts, engine pooled-vcov.ts). */
  readonly T1: Float64Array;
  readonly T2: Float64Array;
  readonly T3: Float64Array;
  readonly T4: Float64Array;
  readonly T5: Float64Array;
  readonly xbar: Float64Array;
  /** Buffers of the positive semi-definite repair (engine vcov-cluster.ts psdPart). */
  readonly eigen: {a: Float64Array; vectors: Float64Array; values: Float64Array; out: Float64Array};
  /** interceptBackTransform's buffers (T3..T5). */
  readonly backTransform: {A: Float64Array; AV: Float64Array; W: Float64Array};
  /** A fit's regressors and model columns (batch.ts fills the first k entries), its term positions, kept terms, dropped flags. */
  readonly XK: Float64Array[];
  readonly Z: Float64Array[];
  readonly xi: Int32Array;
  readonly keepIdx: Int32Array;
  readonly dropped: Uint8Array;
  /** The engine's heteroMeat / clusterMeat working arrays (vcov-hetero.ts, vcov-cluster.ts), reused. */
  readonly heteroBuffers: {e2: Float64Array; out: Float64Array};
  readonly meatBuffers: ClusterMeatBuffers;
  S: Float64Array;

  constructor(kmax: number, nmax: number) {
    this.kmax = kmax;
    this.nmax = nmax;
    const kk = kmax * kmax;
    this.s = new Float64Array(kmax);
    this.As = new Float64Array(kk);
    this.L = new Float64Array(kk);
    this.z = new Float64Array(kmax);
    this.x = new Float64Array(kmax);
    this.bread = new Float64Array(kk);
    this.bread2 = new Float64Array(kk);
    this.Xty = new Float64Array(kmax);
    this.coef = new Float64Array(kmax);
    this.row = new Float64Array(kmax);
    this.M = new Float64Array(kk);
    this.H = new Float64Array(kk);
    this.Ms = new Float64Array(kk);
    this.XtX = new Float64Array(kk);
    this.ss = new Float64Array(kmax);
    this.acc = new Float64Array(kmax);
    this.cur = new Int32Array(kmax);
    this.absorbed = new Uint8Array(kmax);
    this.resid = new Float64Array(nmax);
    this.e2 = new Float64Array(nmax);
    this.yT = new Float64Array(nmax);
    this.zk = new Float64Array(nmax);
    this.z2 = new Float64Array(nmax);
    this.T1 = new Float64Array(kk);
    this.T2 = new Float64Array(kk);
    this.T3 = new Float64Array(kk);
    this.T4 = new Float64Array(kk);
    this.T5 = new Float64Array(kk);
    this.xbar = new Float64Array(kmax);
    this.eigen = {a: new Float64Array(kk), vectors: new Float64Array(kk), values: new Float64Array(kmax), out: new Float64Array(kk)};
    this.backTransform = {A: this.T3, AV: this.T4, W: this.T5};
    // Filled with one array type from the start, so the engine sees one element kind (no transitions).
    this.XK = new Array<Float64Array>(kmax).fill(this.resid);
    this.Z = new Array<Float64Array>(kmax + 1).fill(this.resid);
    this.xi = new Int32Array(kmax);
    this.keepIdx = new Int32Array(kmax);
    this.dropped = new Uint8Array(kmax);
    this.heteroBuffers = {e2: this.e2, out: this.H};
    this.S = new Float64Array(Math.max(1, 64 * kmax));
    this.meatBuffers = {S: this.S, cur: this.cur, acc: this.acc, out: this.Ms};
  }

  private readonly nmax: number;
  private readonly columns: Float64Array[] = [];

  /** Column buffer j of length nmax (created on first use, then reused by every group of the run). */
  column(j: number): Float64Array {
    while (this.columns.length <= j) this.columns.push(new Float64Array(this.nmax));
    return this.columns[j];
  }

  /** clusterMeat's buffers for G clusters of k scores (the score array grown when needed). */
  meat(G: number, k: number): ClusterMeatBuffers {
    if (this.S.length < G * k) this.meatBuffers.S = this.S = new Float64Array(G * k);
    return this.meatBuffers;
  }
}

/**
 * engine `cholesky` into ws.L (k x k, zeroed here). Returns the number of dropped pivots; they are flagged
 * in `dropped` (1) when given, else it stops at the first (the caller only needs "singular or not").
 */
function choleskyInto(A: Float64Array, k: number, tol: number, L: Float64Array, dropped: Uint8Array | null): number {
  if (dropped) dropped.fill(0, 0, k);
  L.fill(0, 0, k * k);
  let nd = 0;
  for (let j = 0; j < k; j++) {
    let d = A[j * k + j];
    for (let l = 0; l < j; l++) d -= L[j * k + l] * L[j * k + l];
    if (!(A[j * k + j] > 0) || d <= tol * A[j * k + j]) {
      nd++;
      if (!dropped) return nd;
      dropped[j] = 1;
      continue;
    }
    const ljj = Math.sqrt(d);
    L[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = A[i * k + j];
      for (let l = 0; l < j; l++) s -= L[i * k + l] * L[j * k + l];
      L[i * k + j] = s / ljj;
    }
  }
  return nd;
}

/** engine `spdInverse(A, k, 1e-12)` into `inv` (k x k). False when singular (the engine returns null). */
function spdInverseInto(A: Float64Array, k: number, ws: Workspace, inv: Float64Array): boolean {
  const tol = 1e-12;
  const {s, As, L, z, x} = ws;
  for (let i = 0; i < k; i++) s[i] = A[i * k + i] > 0 ? 1 / Math.sqrt(A[i * k + i]) : 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) As[i * k + j] = A[i * k + j] * s[i] * s[j];
  if (choleskyInto(As, k, tol, L, null) > 0) return false;
  // cholInverse: column j solves L L' x = e_j (cholSolve with b = e_j).
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < k; i++) {
      z[i] = 0;
      const lii = L[i * k + i];
      if (lii === 0) continue;
      let v = i === j ? 1 : 0;
      for (let l = 0; l < i; l++) v -= L[i * k + l] * z[l];
      z[i] = v / lii;
    }
    for (let i = k - 1; i >= 0; i--) {
      x[i] = 0;
      const lii = L[i * k + i];
      if (lii === 0) continue;
      let v = z[i];
      for (let l = i + 1; l < k; l++) v -= L[l * k + i] * x[l];
      x[i] = v / lii;
    }
    for (let i = 0; i < k; i++) inv[i * k + j] = x[i];
  }
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (inv[i * k + j] + inv[j * k + i]);
      inv[i * k + j] = v;
      inv[j * k + i] = v;
    }
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) inv[i * k + j] *= s[i] * s[j];
  return true;
}

/**
 * engine `findCollinear(XtX, k, rawSS, 1e-10)`: the number of terms kept; their indices (increasing) in
 * ws.keepIdx, the dropped ones flagged in ws.dropped.
 */
export function findCollinearWs(XtX: Float64Array, k: number, rawSS: Float64Array, ws: Workspace): number {
  const tol = 1e-10;
  const {absorbed, s, As, L} = ws;
  for (let j = 0; j < k; j++) {
    const d = XtX[j * k + j];
    absorbed[j] = !(d > tol * rawSS[j]) || !(d > 0) ? 1 : 0;
  }
  for (let j = 0; j < k; j++) s[j] = absorbed[j] ? 0 : 1 / Math.sqrt(XtX[j * k + j]);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) As[i * k + j] = XtX[i * k + j] * s[i] * s[j];
  const {dropped, keepIdx} = ws;
  choleskyInto(As, k, tol, L, dropped);
  let ks = 0;
  for (let j = 0; j < k; j++) if (!dropped[j]) keepIdx[ks++] = j;
  return ks;
}

/**
 * engine `olsFwl(y, X, XtX)` on the first k columns of X into ws.coef, ws.bread (k x k) and ws.resid (n);
 * returns SSR, or NaN when X'X is singular (the engine returns null).
 */
export function olsWs(y: Float64Array, X: Float64Array[], k: number, XtX: Float64Array, n: number, ws: Workspace): number {
  const {bread, Xty, coef, resid} = ws;
  if (k > 0 && !spdInverseInto(XtX, k, ws, bread)) return NaN;
  gramVec(X, y, k, n, Xty);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += bread[i * k + j] * Xty[j];
    coef[i] = s;
  }
  for (let r = 0; r < n; r++) resid[r] = y[r];
  let ssr = 0;
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let j = 0; j < k; j++) {
      const x = X[j];
      const b = coef[j];
      for (let r = r0; r < r1; r++) resid[r] -= b * x[r];
    }
    ssr += dot4(resid, resid, r0, r1);
  }
  return ssr;
}

/**
 * Diagonal entry a of the engine's `sandwich(B, M, k)` (B M B, symmetrised: the diagonal is untouched by the
 * symmetrisation): row a of B M by `matmul`'s loop, then its product with column a of B, zeros skipped as
 * `matmul` skips them.
 */
export function sandwichDiag(B: Float64Array, M: Float64Array, k: number, a: number, row: Float64Array): number {
  row.fill(0, 0, k);
  for (let l = 0; l < k; l++) {
    const b = B[a * k + l];
    if (b === 0) continue;
    for (let j = 0; j < k; j++) row[j] += b * M[l * k + j];
  }
  let v = 0;
  for (let l = 0; l < k; l++) {
    const c = row[l];
    if (c === 0) continue;
    v += c * B[l * k + a];
  }
  return v;
}

/** M[i] += sign * H[i] (k x k): a singleton clustering's meat is the heteroskedasticity-robust one (engine vcov-cluster.ts `singletonMeat`), added as vcovCluster adds it. */
export function addMeatWs(M: Float64Array, H: Float64Array, sign: number, k: number): void {
  for (let i = 0; i < k * k; i++) M[i] += sign * H[i];
}
