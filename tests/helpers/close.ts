/**
 * Relative closeness for reference comparisons: |a - e| <= rel * max(|e|, tiny).
 * `tiny` keeps exact zeros and p-values like 1e-34 meaningful: for |e| < tiny the check is absolute
 * at rel * tiny. Arrays and matrices are compared element-wise with the path in the message.
 */
import {expect} from "vitest";

export function relErr(a: number, e: number, tiny = 1e-300): number {
  if (a === e) return 0;
  return Math.abs(a - e) / Math.max(Math.abs(e), tiny);
}

export function expectClose(actual: unknown, expected: unknown, rel = 1e-8, path = "value", tiny = 1e-300): number {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual) || ArrayBuffer.isView(actual), `${path}: expected an array`).toBe(true);
    const a = actual as ArrayLike<unknown>;
    expect(a.length, `${path}: length`).toBe(expected.length);
    let worst = 0;
    for (let i = 0; i < expected.length; i++) worst = Math.max(worst, expectClose(a[i], expected[i], rel, `${path}[${i}]`, tiny));
    return worst;
  }
  if (expected === null) {
    expect(actual, path).toBeNull();
    return 0;
  }
  const a = actual as number;
  const e = expected as number;
  expect(typeof a, `${path}: type`).toBe("number");
  const err = relErr(a, e, tiny);
  if (!(err <= rel)) {
    throw new Error(`${path}: ${a} vs expected ${e} (relative error ${err.toExponential(2)} > ${rel})`);
  }
  return err;
}
