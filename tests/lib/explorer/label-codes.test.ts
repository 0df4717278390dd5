/** Prose names variables by their labels (issue 19): engine reasons shown on the pages keep no raw codes. */
import {describe, expect, it} from "vitest";
import {labelCodesIn, termLabel} from "../../../src/lib/explorer/labels.ts";
import {engineNotesZh} from "../../../src/lib/engine/notes-zh.ts";

describe("labelCodesIn", () => {
  it("replaces lagged and plain codes by their labels in both languages, and leaves other words alone", () => {
    const why = "all regressors (L2.dstri_ipr) are collinear with the fixed effects or constant";
    const en = labelCodesIn(why, "en");
    expect(en).toBe(`all regressors (${termLabel("L2.dstri_ipr").en}) are collinear with the fixed effects or constant`);
    expect(en).not.toMatch(/dstri_ipr/);
    const zh = labelCodesIn(engineNotesZh(why), "zh");
    expect(zh).toContain(termLabel("L2.dstri_ipr").zh);
    expect(zh).not.toMatch(/[A-Za-z]+_[a-z]+/);
    expect(labelCodesIn("lngdp, lnpopu and urban; dstri", "en")).toBe(
      `${termLabel("lngdp").en}, ${termLabel("lnpopu").en} and ${termLabel("urban").en}; ${termLabel("dstri").en}`
    );
    expect(labelCodesIn("the outcome 'my_var' and dstrix stay", "en")).toBe("the outcome 'my_var' and dstrix stay");
  });
});
