/**
 * Standard normal draws for the labs: the shared RNG's `normal()` (src/lib/random/rng.ts), which is bit-identical
 * in Node and in every browser (Marsaglia's polar method on `uniform()` with a portable logarithm), so a seed
 * gives the page's numbers in `dtb simulate`.
 *
 * Example: `const z = normalSource(createRng(1)); z(); z();` -> the same two numbers on every platform.
 */
import type {Rng} from "../random/rng.js";

export {portableLog} from "../random/portable-log.js";

/** A N(0, 1) generator on top of `rng`. */
export function normalSource(rng: Rng): () => number {
  return () => rng.normal();
}
