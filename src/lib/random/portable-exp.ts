/**
 * An exponential that gives the same bits on every JavaScript engine (Math.exp's last bit, like Math.log's, may
 * differ between Node and Chromium; see portable-log.ts), for the classroom's gravity lab, whose draws and fits
 * must equal `dtb simulate` in the page. Only +, *, / and exact scaling by powers of two:
 *   x = k ln2 + r, k = round(x / ln2), r = (x - k LN2_HI) - k LN2_LO, |r| <= 0.35 (fdlibm's split of ln 2);
 *   exp(r) by its Taylor series to degree 16 (next term < 3e-21), Horner with 1/n! precomputed, then times 2^k.
 * Relative error vs Math.exp ~1e-16. Example: `portableExp(1)` ~ Math.E.
 */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;

/** 1/n!, n = 0..16 (each a correctly rounded quotient of exact integers' running product: the same everywhere). */
const INV_FACT: number[] = (() => {
  const c = [1];
  let f = 1;
  for (let n = 1; n <= 16; n++) {
    f *= n; // exact: 16! < 2^53
    c.push(1 / f);
  }
  return c;
})();

export function portableExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019411) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let p = INV_FACT[16];
  for (let n = 15; n >= 0; n--) p = p * r + INV_FACT[n];
  // Scale by 2^k in exact steps (two halves so that 2^k itself never overflows or underflows).
  let e = k;
  while (e > 0) {
    const s = Math.min(e, 512);
    p *= 2 ** s;
    e -= s;
  }
  while (e < 0) {
    const s = Math.min(-e, 512);
    p *= 2 ** -s;
    e += s;
  }
  return p;
}
