/**
 * Rules of the DuckDB reader's text path (loaders/duck-read/text.ts) that decide without the full cell
 * rule: each shortcut must never say "no" where src/lib/table/cells.ts says "yes".
 */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {mayBeMissing} from "../../loaders/duck-read/text.ts";
import {isMissingCell} from "../../src/lib/table/cells.ts";

/** Strings built from missing tokens, blanks of every kind String.prototype.trim removes, and other characters. */
const cellish = fc
  .array(fc.constantFrom("", "NA", "NaN", ".", " ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u2028", "\u3000", "\ufeff", "a", "1", "_", "北", "é"), {maxLength: 6})
  .map((parts) => parts.join(""));

describe("mayBeMissing (a shortcut before isMissingCell)", () => {
  it("is true for every cell isMissingCell calls missing", () => {
    fc.assert(
      fc.property(fc.oneof(cellish, fc.string({unit: "binary", maxLength: 8})), (s) => {
        if (isMissingCell(s)) expect(mayBeMissing(s)).toBe(true);
      }),
      {numRuns: 20_000}
    );
  });
  it("spares the check on plain ids", () => {
    expect(mayBeMissing("4008_12")).toBe(false);
    expect(mayBeMissing(" NA ")).toBe(true);
    expect(mayBeMissing("NA\u3000")).toBe(true);
  });
});
