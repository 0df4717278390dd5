/**
 * Per-individual GMM blocks (y, X, W) and the one-step weighting kernel H, exactly as plm 2.6-2
 * `pgmm` builds them on the padded grid:
 * - "d" (Arellano-Bond 1991): rows = first differences at positions TL1+1..T;
 *   W = [GMM block | differenced time dummies | differenced exogenous regressors].
 * - "ld" (Blundell-Bond 1998): the differenced rows stacked over the level rows TL2+1..T;
 *   W = [bdiag(GMM diff block, [level GMM block | intercept + time dummies]) | bdiag(ΔZ, Z)].
 * Every row of y/X holding a missing value is set to 0 in y, X and W (not dropped), and missing
 * instruments are 0 -- plm's zero-filling (`yX1[[i]][narows, ] <- 0`).
 */
import {Matrix} from "ml-matrix";
import {fromMatrix, type Dense} from "./dense.js";
import {diffGmmInstruments, levelGmmInstruments} from "./instruments.js";

export interface GmmBlocks {
  /** Per individual: response of the transformed equations (rows nd, or nd + nl for "ld"). */
  y: Float64Array[];
  /** Per individual: regressors (x terms, then time effects). */
  X: Dense[];
  /** Per individual: instruments. */
  W: Dense[];
  /** One-step kernel: tridiagonal (2, -1) for "d"; plm `FSM(T - TL2, "full")` for "ld". */
  H: Dense;
  /** Names of the time-effect columns appended to X (plm `namest`). */
  timeNames: string[];
  /** plm's `length(namest)` used by its AR test and Wald test (also for effect "individual" + "ld"). */
  Kt: number;
  /** Number of differenced rows per individual. */
  nd: number;
  /** Number of level rows per individual (0 for "d"). */
  nl: number;
  /** For each time-effect column of X, the index of the identical dummy column in W. */
  wTimeCols: number[];
}

export interface TransformInput {
  /** Level data per individual: column 0 = y, columns 1..K = x terms; T rows each. */
  levels: Matrix[];
  /** Indices (into 1..K) of the exogenous x terms, used as IV-style instruments. */
  exog: number[];
  /** Dependent variable on the grid per individual (source of the GMM instruments), length T. */
  yGrid: Float64Array[];
  /**
   * Endogenous regressors on the grid, per variable then per individual: their GMM-style instruments follow y's,
   * variable by variable (plm `mapply(makegmm, ...)` over the GMM variables, then cbind).
   */
  extraGmm?: Float64Array[][];
  times: number[];
  transformation: "d" | "ld";
  twoways: boolean;
  collapse: boolean;
  lagMin: number;
  lagMax: number;
  TL1: number;
  TL2: number;
}

/**
 * Time-effect columns on the rows of the transformed equations.
 * "d": V1 = `diff(diag(T - TL1 + 1))[, -1]`, one dummy per period TL1+1..T, differenced.
 * "ld": V2 = intercept + dummies for periods TL2+2..T on level rows TL2+1..T; V1 = diff(V2).
 * Example: "d", T = 4, TL1 = 2 -> V1 = [[1, 0], [-1, 1]].
 */
export function timeDummies(T: number, TL1: number, TL2: number, transformation: "d" | "ld"): {V1: Matrix; V2: Matrix | null} {
  const nd = T - TL1;
  if (transformation === "d") {
    const V1 = new Matrix(nd, nd);
    for (let r = 0; r < nd; r++) {
      V1.set(r, r, 1);
      if (r > 0) V1.set(r, r - 1, -1);
    }
    return {V1, V2: null};
  }
  const nl = T - TL2;
  const V2 = new Matrix(nl, nl);
  for (let r = 0; r < nl; r++) {
    V2.set(r, 0, 1);
    if (r > 0) V2.set(r, r, 1); // level row r is period TL2+1+r; its dummy is column r (r >= 1)
  }
  const V1 = new Matrix(nl - 1, nl);
  for (let r = 0; r < nl - 1; r++) for (let c = 0; c < nl; c++) V1.set(r, c, V2.get(r + 1, c) - V2.get(r, c));
  return {V1, V2};
}

/**
 * One-step weighting kernel. "d": H = D D' with D the (T-TL1) x (T-TL1+1) difference operator,
 * i.e. tridiagonal with 2 on the diagonal and -1 beside it (Arellano-Bond 1991). "ld": plm
 * `FSM(t, "full")` with t = T - TL2: [[G(t-1), FD(t)], [FD(t)', I(t)]], G tridiagonal (2, -1),
 * FD(t) the (t-1) x t matrix with -1 at (i, i) and 1 at (i, i+1).
 * Example: kernel(2, "d") -> [[2, -1], [-1, 2]].
 */
export function kernel(nd: number, transformation: "d" | "ld"): Matrix {
  if (transformation === "d") {
    const H = new Matrix(nd, nd);
    for (let i = 0; i < nd; i++) {
      H.set(i, i, 2);
      if (i + 1 < nd) {
        H.set(i, i + 1, -1);
        H.set(i + 1, i, -1);
      }
    }
    return H;
  }
  const nl = nd + 1;
  const H = new Matrix(nd + nl, nd + nl);
  for (let i = 0; i < nd; i++) {
    H.set(i, i, 2);
    if (i + 1 < nd) {
      H.set(i, i + 1, -1);
      H.set(i + 1, i, -1);
    }
    // FD block (rows 0..nd-1, level columns nd..nd+nl-1) and its transpose
    H.set(i, nd + i, -1);
    H.set(nd + i, i, -1);
    H.set(i, nd + i + 1, 1);
    H.set(nd + i + 1, i, 1);
  }
  for (let j = 0; j < nl; j++) H.set(nd + j, nd + j, 1);
  return H;
}

const rowHasNaN = (m: Matrix, r: number): boolean => {
  for (let c = 0; c < m.columns; c++) if (Number.isNaN(m.get(r, c))) return true;
  return false;
};

/** NaN -> 0 in place (plm: `W[is.na(W)] <- 0`). */
const zeroNaN = (m: Matrix): void => {
  for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.columns; c++) if (Number.isNaN(m.get(r, c))) m.set(r, c, 0);
};

const zeroRow = (m: Matrix, r: number): void => {
  for (let c = 0; c < m.columns; c++) m.set(r, c, 0);
};

/** [a | b] (column bind); either may have 0 columns. */
const cbind = (...ms: Matrix[]): Matrix => {
  const rows = ms[0].rows;
  const out = new Matrix(rows, ms.reduce((s, m) => s + m.columns, 0));
  let off = 0;
  for (const m of ms) {
    out.setSubMatrix(m, 0, off);
    off += m.columns;
  }
  return out;
};

/** Block-diagonal [[a, 0], [0, b]] (plm's `bdiag`). */
const bdiag = (a: Matrix, b: Matrix): Matrix => {
  const out = new Matrix(a.rows + b.rows, a.columns + b.columns);
  out.setSubMatrix(a, 0, 0);
  out.setSubMatrix(b, a.rows, a.columns);
  return out;
};

const safeSub = (m: Matrix, cols: number[], r0: number, r1: number): Matrix => {
  const out = new Matrix(r1 - r0, cols.length);
  for (let r = r0; r < r1; r++) for (let j = 0; j < cols.length; j++) out.set(r - r0, j, m.get(r, cols[j]));
  return out;
};

/**
 * Builds the per-individual blocks (see file comment). `levels[i]` rows are the T grid periods.
 * Example: see tests/lib/engine/gmm/transform.test.ts.
 */
export function buildBlocks(inp: TransformInput): GmmBlocks {
  const {levels, exog, yGrid, times, transformation, twoways, collapse, lagMin, lagMax, TL1, TL2} = inp;
  const extra = inp.extraGmm ?? [];
  const diffGmm = (i: number): Matrix => cbind(...[yGrid[i], ...extra.map((v) => v[i])].map((g) => diffGmmInstruments(g, TL1, lagMin, lagMax, collapse)));
  const levelGmm = (i: number): Matrix => cbind(...[yGrid[i], ...extra.map((v) => v[i])].map((g) => levelGmmInstruments(g, TL2, collapse)));
  const T = times.length;
  const nd = T - TL1;
  const nl = transformation === "ld" ? T - TL2 : 0;
  const K1 = levels[0].columns; // y + x terms
  const {V1, V2} = twoways ? timeDummies(T, TL1, TL2, transformation) : {V1: null, V2: null};
  let timeNames: string[] = [];
  let Kt = 0;
  if (transformation === "d") {
    if (twoways) timeNames = times.slice(TL1).map(String);
    Kt = timeNames.length;
  } else {
    // plm sets `namest` to intercept + periods TL2+2..T for "ld" under both effects (used by mtest).
    const names = ["(Intercept)", ...times.slice(TL2 + 1).map(String)];
    if (twoways) timeNames = names;
    Kt = names.length;
  }
  const nGmmDiff = diffGmm(0).columns;
  const nGmmLevel = transformation === "ld" ? levelGmm(0).columns : 0;
  const wTimeCols = timeNames.map((_, k) => (transformation === "d" ? nGmmDiff + k : nGmmDiff + nGmmLevel + k));
  const allCols = Array.from({length: K1}, (_, c) => c);
  const y: Float64Array[] = [];
  const X: Dense[] = [];
  const W: Dense[] = [];
  for (let i = 0; i < levels.length; i++) {
    const L = levels[i];
    // Differenced equation: rows at 0-based positions TL1..T-1.
    const d = new Matrix(nd, K1);
    for (let r = 0; r < nd; r++) {
      const s = TL1 + r;
      for (let c = 0; c < K1; c++) d.set(r, c, L.get(s, c) - L.get(s - 1, c));
    }
    let yX1 = V1 ? cbind(d, V1) : d;
    let W1 = diffGmm(i);
    if (transformation === "d" && V1) W1 = cbind(W1, V1);
    const Z1 = safeSub(d, exog, 0, nd);
    const na1: boolean[] = [];
    for (let r = 0; r < nd; r++) na1.push(rowHasNaN(yX1, r));
    yX1 = yX1.clone();
    zeroNaN(W1);
    zeroNaN(Z1);
    for (let r = 0; r < nd; r++) {
      if (!na1[r]) continue;
      zeroRow(yX1, r);
      zeroRow(W1, r);
      zeroRow(Z1, r);
    }
    let yXi = yX1;
    let Wi: Matrix;
    if (transformation === "ld") {
      let yX2 = safeSub(L, allCols, TL2, T);
      let W2 = levelGmm(i);
      if (V2) {
        yX2 = cbind(yX2, V2);
        W2 = cbind(W2, V2);
      }
      const Z2 = safeSub(L, exog, TL2, T);
      zeroNaN(W2);
      zeroNaN(Z2);
      for (let r = 0; r < nl; r++) {
        if (!rowHasNaN(yX2, r)) continue;
        zeroRow(yX2, r);
        zeroRow(W2, r);
        zeroRow(Z2, r);
      }
      yXi = new Matrix(nd + nl, yX1.columns);
      yXi.setSubMatrix(yX1, 0, 0);
      yXi.setSubMatrix(yX2, nd, 0);
      Wi = cbind(bdiag(W1, W2), bdiag(Z1, Z2));
    } else {
      Wi = cbind(W1, Z1);
    }
    y.push(Float64Array.from(yXi.getColumn(0)));
    X.push(fromMatrix(yXi.subMatrix(0, yXi.rows - 1, 1, yXi.columns - 1)));
    W.push(fromMatrix(Wi));
  }
  return {y, X, W, H: fromMatrix(kernel(nd, transformation)), timeNames, Kt, nd, nl, wTimeCols};
}

const columnIsZero = (ms: Dense[], c: number): boolean =>
  ms.every((m) => {
    for (let r = 0; r < m.rows; r++) if (m.data[r * m.cols + c] !== 0) return false;
    return true;
  });

const dropColumns = (m: Dense, drop: Set<number>): Dense => {
  const keep: number[] = [];
  for (let c = 0; c < m.cols; c++) if (!drop.has(c)) keep.push(c);
  const data = new Float64Array(m.rows * keep.length);
  for (let r = 0; r < m.rows; r++) keep.forEach((c, j) => (data[r * keep.length + j] = m.data[r * m.cols + c]));
  return {rows: m.rows, cols: keep.length, data};
};

/**
 * Drops time effects whose column is zero for every individual (no usable observation in that
 * period after zero-filling, e.g. the year after an excluded year: its L.y is missing), from X and
 * their identical dummy column from W. plm keeps them and stops with "system is exactly singular";
 * dropping an all-zero regressor and its all-zero instrument leaves every other moment unchanged.
 * Example: exclude {year: [2020]} -> time effect "2021" dropped; returns its name in `dropped`.
 */
export function dropEmptyTimeEffects(blocks: GmmBlocks, Kx: number): {blocks: GmmBlocks; dropped: string[]} {
  const dropX = new Set<number>();
  const dropW = new Set<number>();
  blocks.timeNames.forEach((_, k) => {
    if (!columnIsZero(blocks.X, Kx + k)) return;
    dropX.add(Kx + k);
    if (columnIsZero(blocks.W, blocks.wTimeCols[k])) dropW.add(blocks.wTimeCols[k]);
  });
  if (dropX.size === 0) return {blocks, dropped: []};
  const dropped = blocks.timeNames.filter((_, k) => dropX.has(Kx + k));
  const keptT = blocks.timeNames.map((_, k) => k).filter((k) => !dropX.has(Kx + k));
  // W column indices shift left by the number of dropped W columns before them.
  const shift = (c: number) => c - [...dropW].filter((d) => d < c).length;
  return {
    blocks: {
      ...blocks,
      X: blocks.X.map((m) => dropColumns(m, dropX)),
      W: blocks.W.map((m) => dropColumns(m, dropW)),
      timeNames: keptT.map((k) => blocks.timeNames[k]),
      wTimeCols: keptT.map((k) => shift(blocks.wTimeCols[k]))
    },
    dropped
  };
}
