/**
 * Gram matrix C = D'D of p column vectors (C_ij = sum_r d_i[r] d_j[r], p x p row-major, symmetric): the
 * engine's cross-product (`crossprod` in ols.ts is this function). The OLS fit takes y~'y~ (the FE-only SSR),
 * X~'X~ and X~'y~ of the demeaned columns from one such matrix (ESTIMATION.md "Coefficients").
 *
 * Speed: rows are taken in blocks of BLOCK (the block's columns stay in L1 cache). For p <= 5 (y and up to four
 * regressors, the usual model) each row's p values are loaded once and all p(p+1)/2 products accumulate in
 * registers; wider matrices go by 2 x 2 tiles of columns (four products per four loads). 1M rows x 5 columns:
 * ~5.5 ms, against ~12.5 ms for one dot product per pair.
 *
 * Summation order, the same for every p and path: within a block each product is ONE running sum in row order;
 * the block sums are added to C in block order. So C_ij depends only on columns i and j, never on the other
 * columns of D: the multiverse's batch (one matrix for all of a group's terms) and a single fit (its own terms)
 * get the same bits.
 * Example: `gram([Float64Array.of(1, 2), Float64Array.of(3, 4)])` -> [5, 11, 11, 25].
 */
export function gram(cols: Float64Array[]): Float64Array {
  const p = cols.length;
  const n = p > 0 ? cols[0].length : 0;
  const C = new Float64Array(p * p);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    if (p === 1) C[0] += sumSquaresBlock(cols[0], r0, r1);
    else if (p === 2) gram2(cols[0], cols[1], r0, r1, C);
    else if (p === 3) gram3(cols[0], cols[1], cols[2], r0, r1, C);
    else if (p === 4) gram4(cols[0], cols[1], cols[2], cols[3], r0, r1, C);
    else if (p === 5) gram5(cols[0], cols[1], cols[2], cols[3], cols[4], r0, r1, C);
    else gramTiles(cols, r0, r1, C);
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) C[j * p + i] = C[i * p + j];
  return C;
}

/** Rows per cache block (see `gram`). */
export const BLOCK = 1024;

function sumSquaresBlock(a: Float64Array, r0: number, r1: number): number {
  let s = 0;
  for (let r = r0; r < r1; r++) s += a[r] * a[r];
  return s;
}

/** The lower triangle of C (p > 5 columns) for rows r0..r1-1, by 2 x 2 tiles of columns (the last one alone when p is odd). */
function gramTiles(cols: Float64Array[], r0: number, r1: number, C: Float64Array): void {
  const p = cols.length;
  for (let i = 0; i < p; i += 2) {
    const two = i + 1 < p;
    for (let j = 0; j < i; j += 2) {
      // Off-diagonal tile: columns i (, i+1) against j, j+1 (j + 1 < i, so both exist).
      if (two) tile22(cols[i], cols[i + 1], cols[j], cols[j + 1], r0, r1, C, i * p + j, (i + 1) * p + j);
      else tile12(cols[i], cols[j], cols[j + 1], r0, r1, C, i * p + j);
    }
    if (two) gram2Into(cols[i], cols[i + 1], r0, r1, C, i * p + i, (i + 1) * p + i);
    else C[i * p + i] += sumSquaresBlock(cols[i], r0, r1);
  }
}

/** C[ai] += a.c, C[ai+1] += a.d, C[bi] += b.c, C[bi+1] += b.d over rows r0..r1-1. */
function tile22(a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array, r0: number, r1: number, C: Float64Array, ai: number, bi: number): void {
  let ac = 0, ad = 0, bc = 0, bd = 0;
  for (let r = r0; r < r1; r++) {
    const xa = a[r];
    const xb = b[r];
    const xc = c[r];
    const xd = d[r];
    ac += xa * xc;
    ad += xa * xd;
    bc += xb * xc;
    bd += xb * xd;
  }
  C[ai] += ac;
  C[ai + 1] += ad;
  C[bi] += bc;
  C[bi + 1] += bd;
}

/** C[ai] += a.c, C[ai+1] += a.d over rows r0..r1-1. */
function tile12(a: Float64Array, c: Float64Array, d: Float64Array, r0: number, r1: number, C: Float64Array, ai: number): void {
  let ac = 0, ad = 0;
  for (let r = r0; r < r1; r++) {
    const xa = a[r];
    ac += xa * c[r];
    ad += xa * d[r];
  }
  C[ai] += ac;
  C[ai + 1] += ad;
}

/** The 2 x 2 diagonal tile: C[ai] += a.a, C[bi] += b.a, C[bi+1] += b.b. */
function gram2Into(a: Float64Array, b: Float64Array, r0: number, r1: number, C: Float64Array, ai: number, bi: number): void {
  let aa = 0, ba = 0, bb = 0;
  for (let r = r0; r < r1; r++) {
    const x0 = a[r];
    const x1 = b[r];
    aa += x0 * x0;
    ba += x1 * x0;
    bb += x1 * x1;
  }
  C[ai] += aa;
  C[bi] += ba;
  C[bi + 1] += bb;
}

/** Rows r0..r1-1 of two columns added to the lower triangle of C (2 x 2). */
function gram2(a: Float64Array, b: Float64Array, r0: number, r1: number, C: Float64Array): void {
  gram2Into(a, b, r0, r1, C, 0, 2);
}

/** Rows r0..r1-1 of three columns added to the lower triangle of C (3 x 3). */
function gram3(a: Float64Array, b: Float64Array, c: Float64Array, r0: number, r1: number, C: Float64Array): void {
  let aa = 0, ba = 0, bb = 0, ca = 0, cb = 0, cc = 0;
  for (let r = r0; r < r1; r++) {
    const x0 = a[r];
    const x1 = b[r];
    const x2 = c[r];
    aa += x0 * x0;
    ba += x1 * x0;
    bb += x1 * x1;
    ca += x2 * x0;
    cb += x2 * x1;
    cc += x2 * x2;
  }
  C[0] += aa;
  C[3] += ba;
  C[4] += bb;
  C[6] += ca;
  C[7] += cb;
  C[8] += cc;
}

/** Rows r0..r1-1 of four columns added to the lower triangle of C (4 x 4). */
function gram4(a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array, r0: number, r1: number, C: Float64Array): void {
  let aa = 0, ba = 0, bb = 0, ca = 0, cb = 0, cc = 0, da = 0, db = 0, dc = 0, dd = 0;
  for (let r = r0; r < r1; r++) {
    const x0 = a[r];
    const x1 = b[r];
    const x2 = c[r];
    const x3 = d[r];
    aa += x0 * x0;
    ba += x1 * x0;
    bb += x1 * x1;
    ca += x2 * x0;
    cb += x2 * x1;
    cc += x2 * x2;
    da += x3 * x0;
    db += x3 * x1;
    dc += x3 * x2;
    dd += x3 * x3;
  }
  C[0] += aa;
  C[4] += ba;
  C[5] += bb;
  C[8] += ca;
  C[9] += cb;
  C[10] += cc;
  C[12] += da;
  C[13] += db;
  C[14] += dc;
  C[15] += dd;
}

/** Rows r0..r1-1 of five columns added to the lower triangle of C (5 x 5). */
function gram5(a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array, e: Float64Array, r0: number, r1: number, C: Float64Array): void {
  let aa = 0, ba = 0, bb = 0, ca = 0, cb = 0, cc = 0, da = 0, db = 0, dc = 0, dd = 0;
  let ea = 0, eb = 0, ec = 0, ed = 0, ee = 0;
  for (let r = r0; r < r1; r++) {
    const x0 = a[r];
    const x1 = b[r];
    const x2 = c[r];
    const x3 = d[r];
    const x4 = e[r];
    aa += x0 * x0;
    ba += x1 * x0;
    bb += x1 * x1;
    ca += x2 * x0;
    cb += x2 * x1;
    cc += x2 * x2;
    da += x3 * x0;
    db += x3 * x1;
    dc += x3 * x2;
    dd += x3 * x3;
    ea += x4 * x0;
    eb += x4 * x1;
    ec += x4 * x2;
    ed += x4 * x3;
    ee += x4 * x4;
  }
  C[0] += aa;
  C[5] += ba;
  C[6] += bb;
  C[10] += ca;
  C[11] += cb;
  C[12] += cc;
  C[15] += da;
  C[16] += db;
  C[17] += dc;
  C[18] += dd;
  C[20] += ea;
  C[21] += eb;
  C[22] += ec;
  C[23] += ed;
  C[24] += ee;
}

/**
 * out[j] = sum_r X[j][r] y[r] for the first k columns and n rows (out: at least k long, overwritten), in the
 * summation order of `gram`: the same bits as the entries (j, y) of the Gram matrix of [y, X...].
 * Example: `gramVec([Float64Array.of(1, 2)], Float64Array.of(3, 4), 1, 2, out)` -> out[0] = 11.
 */
export function gramVec(X: Float64Array[], y: Float64Array, k: number, n: number, out: Float64Array): Float64Array {
  out.fill(0, 0, k);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    for (let j = 0; j < k; j++) out[j] += dotBlock(X[j], y, r0, r1);
  }
  return out;
}

function dotBlock(a: Float64Array, b: Float64Array, r0: number, r1: number): number {
  let s = 0;
  for (let r = r0; r < r1; r++) s += a[r] * b[r];
  return s;
}
