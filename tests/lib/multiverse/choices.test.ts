/** specr's choice panel (issue #21): per option n, median, share negative and share significant, checked by hand. */
import {describe, expect, it} from "vitest";
import {emptyResult} from "../../../src/lib/multiverse/batch.ts";
import {choiceRows} from "../../../src/lib/multiverse/choices.ts";
import {expandGrid, validateGrid} from "../../../src/lib/multiverse/grid.ts";

describe("choiceRows", () => {
  it("counts, medians and shares per option over the estimated specifications in view", () => {
    const g = validateGrid({id: "iso3", time: "year", y: ["y"], key: ["k"], controls: {optional: ["a"]}, fe: [[], ["iso3"]]});
    const c = expandGrid(g); // 4 specs: controls x fe, fe innermost
    const r = emptyResult(c.n);
    const coef = [-1, 2, -3, 4];
    const p = [0.01, 0.5, 0.04, 0.001];
    for (let i = 0; i < 4; i++) {
      r.coef[i] = coef[i];
      r.pvalue[i] = p[i];
      r.ok[i] = 1;
    }
    const rows = choiceRows(g, c, r, [0, 1, 2, 3]);
    const fe = rows.filter((x) => x.decision === "fe");
    // fe option 0 (none): specs 0 and 2 -> estimates -1, -3
    expect(fe[0]).toMatchObject({label: "none", n: 2, median: -2, share_negative: 1, share_significant: 1});
    expect(fe[1]).toMatchObject({label: "iso3", n: 2, median: 3, share_negative: 0, share_significant: 0.5});
    const ctl = rows.filter((x) => x.decision === "control:a");
    expect(ctl.map((x) => [x.label, x.n, x.median])).toEqual([["out", 2, 0.5], ["in", 2, 0.5]]);
    // A failed specification and one out of view are not counted.
    r.ok[3] = 0;
    expect(choiceRows(g, c, r, [0, 1, 2]).find((x) => x.decision === "fe" && x.option === 1)).toMatchObject({n: 1, median: 2});
    // One option left: the decision is not shown.
    expect(choiceRows(g, c, r, [0, 2]).some((x) => x.decision === "fe")).toBe(false);
  });
});
