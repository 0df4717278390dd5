import {describe, expect, it} from "vitest";
import {clampScore, formatState, parseState} from "../../../src/lib/whatif/state.ts";
import {chooseSpec, parseStoredSpec, safeExplorerUrl} from "../../../src/lib/whatif/spec.ts";

describe("URL state", () => {
  const defaults = {partner: "IND", area: "dstri"};
  it("round-trips and keeps other parameters", () => {
    const s = parseState("?partner=usa&area=dstri_ipr&score=0.234&lang=zh", ["IND", "USA"], defaults);
    expect(s).toEqual({partner: "USA", area: "dstri_ipr", score: 0.23});
    expect(formatState(s, "?lang=zh")).toBe("?lang=zh&partner=USA&area=dstri_ipr&score=0.23");
  });
  it("falls back on bad values", () => {
    expect(parseState("?partner=XXX&area=foo&score=abc", ["IND"], defaults)).toEqual({partner: "IND", area: "dstri", score: null});
    expect(clampScore(1.7)).toBe(1);
    expect(clampScore(-0.2)).toBe(0);
  });
});

describe("explorer spec", () => {
  const explorer = JSON.stringify({id: "iso3", time: "year", y: "lnexport_cn", x: ["dstri_ipr", "lngdp"], fe: ["iso3", "year"], vcov: "hetero"});
  it("uses the explorer's spec when it includes the area", () => {
    const c = chooseSpec("dstri_ipr", {spec: explorer, url: "/explorer?x=dstri_ipr"});
    expect(c.source).toBe("explorer");
    expect(c.spec.vcov).toBe("hetero");
    expect(c.explorerUrl).toBe("/explorer?x=dstri_ipr");
  });
  it("falls back to the default otherwise", () => {
    expect(chooseSpec("dstri_infra", {spec: explorer, url: null})).toMatchObject({source: "default", reason: "missing-term"});
    expect(chooseSpec("dstri", {spec: "{bad", url: null})).toMatchObject({source: "default", reason: "unreadable"});
    expect(chooseSpec("dstri", {spec: null, url: null})).toMatchObject({source: "default", reason: null});
    expect(chooseSpec("dstri_ipr", {spec: explorer, url: null}, new Set(["iso3", "year", "dstri_ipr"]))).toMatchObject({reason: "missing-column"});
    expect(parseStoredSpec('{"id":"a","time":"t","y":"y","x":[1]}')).toBeNull();
  });
  it("never links off-site", () => {
    expect(safeExplorerUrl("https://evil.example/x")).toBeNull();
    expect(safeExplorerUrl("//evil.example")).toBeNull();
    expect(safeExplorerUrl("javascript:alert(1)")).toBeNull();
    expect(safeExplorerUrl("./explorer?a=1")).toBe("./explorer?a=1");
  });
});

import {ignoredParams} from "../../../src/lib/whatif/state.js";
describe("ignoredParams (visible note for invalid URL values)", () => {
  it("lists invalid partner, area and score, and a clamped score", () => {
    expect(ignoredParams("?partner=XXX&area=nope&score=abc", ["USA"])).toEqual(["partner=XXX", "area=nope", "score=abc"]);
    expect(ignoredParams("?score=5", ["USA"])).toEqual(["score=5 → 1.00"]);
    expect(ignoredParams("?partner=usa&area=dstri&score=0.3&lang=zh", ["USA"])).toEqual([]);
    expect(ignoredParams(`?partner=${"A".repeat(500)}`, ["USA"])[0]).toHaveLength(60);
  });
});
