/** A model cell's work as the notebook's worker runs it: same numbers as the engine called directly. */
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import {compileModel} from "../../../src/lib/formula/compile.ts";
import {parseModel} from "../../../src/lib/formula/parse.ts";
import {modelTables, runModels} from "../../../src/lib/notebook/models.ts";
import {parseArrow} from "../../../src/lib/table/arrow.ts";

const n = 60;
const arrays = {
  id: Array.from({length: n}, (_, i) => `c${i % 6}`),
  t: Float64Array.from({length: n}, (_, i) => 2000 + Math.floor(i / 6)),
  x: Float64Array.from({length: n}, (_, i) => Math.sin(i * 1.7) + i / 30),
  y: Float64Array.from({length: n}, (_, i) => Math.cos(i * 0.9) + 0.5 * Math.sin(i * 1.7))
};
const bytes = tableToIPC(tableFromArrays(arrays), "stream");

describe("runModels (the notebook worker's function)", () => {
  it("gives the engine's numbers bit for bit, one error line per bad line, progress to the end", () => {
    const lines = ["feols(y ~ x | id, data = q1)", "y ~ x + ) ", "feols(y ~ x, data = nope)", "feols(y ~ l(x, 1) | id + t, data = q1, vcov = \"hetero\")"];
    expect(modelTables(lines).sort()).toEqual(["nope", "q1"]);
    const steps: Array<[number, number]> = [];
    const out = runModels({type: "models", lines, panel: {id: "id", time: "t"}, tables: {q1: bytes}}, (d, t) => steps.push([d, t]));
    expect(out.map((o) => o.ok)).toEqual([true, false, false, true]);
    expect(out[1].error).toMatch(/^formula: unexpected '\)'/);
    expect(out[2].error).toBe("no table named 'nope' (run the SQL cell that makes it first)");
    expect(steps.at(-1)).toEqual([4, 4]);
    const frame = parseArrow(bytes, "q1").frame;
    for (const k of [0, 3]) {
      const {frame: f, spec} = compileModel(parseModel(lines[k]), frame, {id: "id", time: "t"});
      const direct = estimate(f, spec);
      expect(out[k].result!.coef).toEqual(direct.coef);
      expect(out[k].result!.se).toEqual(direct.se);
      expect(out[k].result!.vcov).toEqual([]);
    }
    expect(out[0].vcov).toBe("~id");
    expect(out[3].vcov).toBe('"hetero"');
  });
});
