/**
 * The project's one seeded random number generator, shared by the multiverse bootstrap, the classroom
 * simulations and the synthetic customs records. Pure integer arithmetic (Math.imul, >>> 0), so the same seed
 * gives the same stream in Node, in a page and in a Web Worker (all V8 here; the float transforms use only
 * Math.log / Math.sqrt / Math.cos / Math.sin, which V8 computes identically everywhere).
 *
 * Normal draws use Marsaglia's polar method with a portable logarithm (./portable-log.ts), not Box–Muller with
 * Math.log/cos/sin, whose last bits differ between engines (Node 20 vs Chromium): a seed must give the page's
 * numbers on the command line too.
 *
 * Generator: xoshiro128** (Blackman & Vigna 2018), 128-bit state, period 2^128 − 1, seeded by SplitMix32 so
 * that neighbouring seeds give unrelated streams. A string seed (e.g. a student's name) is hashed with FNV-1a.
 *
 * Example:
 *   const rng = createRng(42);
 *   rng.uniform();   // in [0, 1)
 *   rng.normal();    // N(0, 1), Marsaglia polar
 *   rng.int(10);     // 0..9, unbiased (rejection)
 *   createRng("Li Wei").uniform() === createRng("Li Wei").uniform(); // true
 */
import {portableLog} from "./portable-log.js";

export interface Rng {
  /** Uniform on [0, 1) with 32 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1) (Marsaglia polar; the second variate of each pair is kept for the next call). */
  normal(): number;
  /** Uniform integer on 0..n−1 (n a positive integer < 2^32), without modulo bias. */
  int(n: number): number;
  /** Raw 32-bit unsigned output. */
  nextUint32(): number;
  /** An independent generator derived from this one (e.g. one per worker or per bootstrap draw). */
  fork(): Rng;
}

/** FNV-1a 32-bit hash of a string: the seed of a name. Example: `hashSeed("a")` = 0xe40c292c. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** SplitMix32 step: spreads a seed over the 128-bit xoshiro state. */
function splitmix32(state: {s: number}): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seed must be a finite integer (any size; reduced to 32 bits plus a high-bits mix) or a string. */
export function createRng(seed: number | string): Rng {
  let s32: number;
  if (typeof seed === "string") s32 = hashSeed(seed);
  else {
    if (!Number.isFinite(seed) || !Number.isInteger(seed)) throw new Error(`seed must be an integer or a string, got ${seed}`);
    const hi = Math.floor(seed / 2 ** 32);
    s32 = ((seed >>> 0) ^ Math.imul(hi | 0, 0x9e3779b1)) >>> 0;
  }
  const sm = {s: s32 | 0};
  return fromState([splitmix32(sm), splitmix32(sm), splitmix32(sm), splitmix32(sm)]);
}

function fromState(init: number[]): Rng {
  let [a, b, c, d] = init.map((v) => v >>> 0);
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is the one fixed point of xoshiro
  let spare: number | null = null;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uniform = () => next() / 4294967296;
  const rng: Rng = {
    nextUint32: next,
    uniform,
    normal() {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return z;
      }
      let u = 0, v = 0, s = 0;
      do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * portableLog(s)) / s);
      spare = v * f;
      return u * f;
    },
    int(n: number) {
      if (!Number.isInteger(n) || n <= 0 || n > 4294967296) throw new Error(`int(n) needs a positive integer n <= 2^32, got ${n}`);
      const limit = 4294967296 - (4294967296 % n);
      let x = next();
      while (x >= limit) x = next();
      return x % n;
    },
    fork() {
      return fromState([next() ^ 0x5bd1e995, next(), next(), next()]);
    }
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
