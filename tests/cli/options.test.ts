import {describe, expect, it} from "vitest";
import {refuseRepeatedOptions} from "../../cli/options.ts";

describe("refuseRepeatedOptions", () => {
  it("refuses an option given twice, naming both values", () => {
    expect(() => refuseRepeatedOptions(["--out", "a", "--out", "b"])).toThrow('option --out given twice ("a", then "b"): give it once');
    expect(() => refuseRepeatedOptions(["-o", "a", "--out=b"])).toThrow(/--out given twice/);
  });
  it("lets --param repeat (dtb simulate takes one per parameter)", () => {
    expect(() => refuseRepeatedOptions(["--lab", "fe", "--param", "N=20", "--param", "corr=0.3"])).not.toThrow();
  });
  it("does not take the token after a flag as its value", () => {
    expect(() => refuseRepeatedOptions(["aggregate", "--emit-sql", "--out", "a", "--out", "b"])).toThrow(/--out given twice/);
  });
});
