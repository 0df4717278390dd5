/**
 * Multiverse links keep opening as they opened when they were made: a link written before PPML and Driscoll-Kraay /
 * Newey-West joined the grid (no `v`, an `off` list that cannot name them) opens with them off; links written now
 * carry v=2 and round-trip exactly.
 */
import {describe, expect, it} from "vitest";
import {defaultGrid} from "../../../src/lib/multiverse/default-grid.ts";
import {expandGrid} from "../../../src/lib/multiverse/grid.ts";
import {defaultView, keepOf, parseView, serializeView} from "../../../src/lib/multiverse/state.ts";

const partners = [{iso3: "USA", oecd: true}, {iso3: "JPN", oecd: true}, {iso3: "IND", oecd: false}, {iso3: "IDN", oecd: false}];
const grid = defaultGrid(partners);

/** The browser tests' grid link as the page wrote it before PPML and DK/NW existed (tests/browser, before b602a73). */
const PRE_GRAVITY_LINK = "lang=en&off=key:1.2.3.4.5,lag:2,vcov:0.1,sample:1.2.4.5,estimator:1.2&sort=estimate&sel=0.0.1.0.0.0.0.0&draws=200";

describe("multiverse link versions", () => {
  it("a pre-PPML link opens with PPML, Driscoll-Kraay and Newey-West off: the same specifications as then", () => {
    const {view, ignored} = parseView(PRE_GRAVITY_LINK, grid);
    expect(ignored).toEqual([]);
    expect(view.off.estimator).toEqual([1, 2, 3]);
    expect(view.off.vcov).toEqual([0, 1, 4, 5]);
    const keep = keepOf(view, grid);
    expect(keep.estimator!.map((i) => grid.estimators[i])).toEqual(["ols"]);
    expect(keep.vcov!.map((i) => grid.vcov[i])).toEqual([{cluster: ["iso3"]}, {cluster: ["iso3", "year"]}]);
    // What that link showed: 1 key x 2 lags x 32 control sets x 4 FE x 2 SE x 2 samples x OLS.
    expect(expandGrid(grid, keep).n).toBe(1 * 2 * 32 * 4 * 2 * 2);
    expect(view.sel).not.toBeNull();
    // Written back, it is a version 2 link that means the same.
    const again = serializeView(view, "en");
    expect(again).toMatch(/^lang=en&v=2&off=/);
    expect(parseView(again, grid).view).toEqual(view);
  });

  it("an unversioned link with everything on (off= empty) turns on only what existed: OLS and GMM, the four SEs", () => {
    const keep = keepOf(parseView("off=&sort=key", grid).view, grid);
    expect(keep.estimator!.map((i) => grid.estimators[i])).toEqual(["ols", "gmm-diff", "gmm-sys"]);
    expect(keep.vcov).toEqual([0, 1, 2, 3]);
  });

  it("an unversioned list that names PPML or DK/NW (written between the two) is read as it is", () => {
    const {view} = parseView("off=vcov:0.1.4,estimator:1.2.3", grid);
    expect(view.off).toEqual({vcov: [0, 1, 4], estimator: [1, 2, 3]});
  });

  it("version 2 links round-trip, PPML and DK/NW on included; no off list means the page's default", () => {
    const on = {...defaultView(), off: {key: [1, 2]}};
    const text = serializeView(on);
    expect(text.startsWith("v=2&off=key:1.2&")).toBe(true);
    expect(parseView(text, grid)).toEqual({view: on, ignored: []});
    expect(parseView("sort=key", grid).view.off).toEqual(defaultView().off);
    expect(parseView("v=9&off=", grid).ignored).toEqual(["v=9"]);
  });
});
