/**
 * Reuse of large working arrays between estimations. A fresh typed array of millions of elements is
 * memory the operating system must map and zero page by page on first touch; on a loaded machine that
 * costs more than the arithmetic done on it (an 8 MB array: ~5 ms to fill when reused, tens of ms when
 * new). `estimate` takes its row-sized working arrays (factor codes, demeaned columns, residuals) from
 * here and gives them back when it returns, so repeated estimations (specification curves, the
 * multiverse, benchmarks) touch warm memory.
 *
 * The pool holds its arrays through WeakRefs: the garbage collector may still reclaim them, so the
 * pool never keeps memory alive that the program no longer wants. Arrays below 64k elements are not
 * pooled (fresh small arrays are cheap). A taken array's content is arbitrary: callers overwrite every
 * element or `fill` it first.
 */

type Pooled = Float64Array | Int32Array;

const MIN_LENGTH = 1 << 16;
const MAX_POOLED = 24;
const pool: Array<WeakRef<Pooled>> = [];
let enabled = true;

/** Turns pooling on or off (benchmarks compare both; off: every take is a fresh array). */
export function setPooling(on: boolean): void {
  enabled = on;
  if (!on) pool.length = 0;
}

function take<T extends Pooled>(ctor: {new (n: number): T}, n: number): T {
  if (enabled && n >= MIN_LENGTH) {
    for (let i = pool.length - 1; i >= 0; i--) {
      const a = pool[i].deref();
      if (a === undefined) {
        pool.splice(i, 1);
        continue;
      }
      if (a.length === n && a.constructor === ctor) {
        pool.splice(i, 1);
        return a as T;
      }
    }
  }
  return new ctor(n);
}

/** A Float64Array of length n, content arbitrary (reused when possible). */
export function takeF64(n: number): Float64Array {
  return take(Float64Array, n);
}

/** An Int32Array of length n, content arbitrary (reused when possible). */
export function takeI32(n: number): Int32Array {
  return take(Int32Array, n);
}

/**
 * Gives arrays back for reuse. Only arrays that nothing else references may be given back (the
 * caller's own working arrays, never input columns or arrays in a returned result).
 */
export function recycle(arrays: Iterable<Pooled | null | undefined>): void {
  if (!enabled) return;
  const seen = new Set<Pooled>();
  for (const a of arrays) {
    if (!a || a.length < MIN_LENGTH || seen.has(a)) continue;
    seen.add(a);
    if (pool.some((w) => w.deref() === a)) continue;
    pool.push(new WeakRef(a));
    if (pool.length > MAX_POOLED) pool.shift();
  }
}
