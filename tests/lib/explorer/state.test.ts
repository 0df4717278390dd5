import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {
  CONTROL_VARS, ESTIMATORS, FE_CHOICES, GROUP_CHOICES, KEY_VARS, LAGS, SE_CHOICES, YEAR_MAX, YEAR_MIN,
  defaultState, parseState, sampleFilter, serializeState, toSpec, type ExplorerState
} from "../../../src/lib/explorer/state.js";
import {rowsToFrame} from "../../../src/lib/table/rows-to-frame.js";

const iso3 = fc.stringMatching(/^[A-Z]{3}$/);
const stateArb: fc.Arbitrary<ExplorerState> = fc
  .record({
    y: fc.constantFrom("lnexport_cn", "lnexport_zj", "lnexport_wz"),
    x: fc.constantFrom(...KEY_VARS),
    controls: fc.subarray([...CONTROL_VARS]),
    fe: fc.constantFrom(...FE_CHOICES),
    se: fc.constantFrom(...SE_CHOICES),
    a: fc.integer({min: YEAR_MIN, max: YEAR_MAX}),
    b: fc.integer({min: YEAR_MIN, max: YEAR_MAX}),
    drop2020: fc.boolean(),
    group: fc.constantFrom(...GROUP_CHOICES),
    exclude: fc.uniqueArray(iso3, {maxLength: 6}),
    lag: fc.constantFrom(...LAGS),
    estimator: fc.constantFrom(...ESTIMATORS),
    boot: fc.boolean()
  })
  .map(({a, b, exclude, ...r}) => ({...r, from: Math.min(a, b), to: Math.max(a, b), exclude: [...exclude].sort()}));

describe("explorer state", () => {
  it("serialize -> parse is the identity", () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const {state, ignored} = parseState("?" + serializeState(s));
        expect(ignored).toEqual([]);
        expect(state).toEqual(s);
      }),
      {numRuns: 500}
    );
  });

  it("parse never throws and always returns a valid state", () => {
    fc.assert(
      fc.property(fc.string({unit: "binary", maxLength: 200}), (search) => {
        const {state, ignored} = parseState(search);
        expect(Array.isArray(ignored)).toBe(true);
        // Whatever came in, the state serialises and parses back to itself.
        expect(parseState(serializeState(state)).state).toEqual(state);
      }),
      {numRuns: 500}
    );
  });

  it("parses parameter-shaped noise without throwing", () => {
    const key = fc.constantFrom("y", "x", "ctrl", "fe", "se", "yr", "d2020", "grp", "excl", "lag", "est", "lang", "foo");
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string({maxLength: 20})), {maxLength: 8}), (pairs) => {
        const search = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
        expect(() => parseState(search)).not.toThrow();
      })
    );
  });

  it("lists unknown and invalid parameters and uses defaults for them", () => {
    const {state, ignored} = parseState("?fe=bogus&foo=<img src=x onerror=alert(1)>&yr=abc&lang=zh&se=hc1");
    expect(ignored).toEqual(["fe=bogus", "foo=<img src=x onerror=alert(1)>", "yr=abc"]);
    expect(state).toEqual({...defaultState(), se: "hc1"});
  });

  it("rejects out-of-range and reversed year ranges, bad lags and bad ISO3 lists", () => {
    expect(parseState("yr=2020-2010").ignored).toEqual(["yr=2020-2010"]);
    expect(parseState("yr=2000-2010").ignored).toEqual(["yr=2000-2010"]);
    expect(parseState("lag=3").ignored).toEqual(["lag=3"]);
    expect(parseState("excl=USA,U1").ignored).toEqual(["excl=USA,U1"]);
    expect(parseState("excl=usa,deu,USA").state.exclude).toEqual(["DEU", "USA"]);
    expect(parseState("ctrl=none").state.controls).toEqual([]);
    expect(parseState("ctrl=urban,lngdp").state.controls).toEqual(["lngdp", "urban"]);
    expect(parseState("fe=none&fe=year").ignored).toEqual(["fe=year"]);
  });

  it("keeps lang first when serialising", () => {
    expect(serializeState(defaultState(), {lang: "zh"})).toBe(
      "lang=zh&y=lnexport_cn&x=dstri&ctrl=lngdp,lnpopu,lngov,urban&fe=both&se=country&yr=2008-2024&d2020=0&grp=all&lag=0&est=ols"
    );
  });
});

describe("toSpec", () => {
  const partners = [{iso3: "USA", oecd: true}, {iso3: "BRA", oecd: false}, {iso3: "DEU", oecd: true}];

  it("gives the study's baseline by default", () => {
    expect(toSpec(defaultState(), partners)).toEqual({
      id: "iso3", time: "year", y: "lnexport_cn", x: ["dstri", "lngdp", "lnpopu", "lngov", "urban"],
      fe: ["iso3", "year"], vcov: {cluster: ["iso3"]}
    });
  });

  it("turns the sample into exclusions and the lag into L2.", () => {
    const s: ExplorerState = {...defaultState(), from: 2014, to: 2022, drop2020: true, group: "oecd", exclude: ["BRA", "FRA"], lag: 2, x: "dstri_ipr", se: "twoway", fe: "country", controls: ["gov_share"]};
    expect(toSpec(s, partners)).toEqual({
      id: "iso3", time: "year", y: "lnexport_cn", x: ["L2.dstri_ipr", "gov_share"], fe: ["iso3"],
      vcov: {cluster: ["iso3", "year"]},
      exclude: {year: [2008, 2009, 2010, 2011, 2012, 2013, 2020, 2023, 2024], iso3: ["BRA", "FRA"]}
    });
  });

  it("builds a dynamic GMM spec with L.y and collapsed instruments", () => {
    const s: ExplorerState = {...defaultState(), estimator: "gmm-sys", lag: 1, group: "nonoecd"};
    expect(toSpec(s, partners)).toEqual({
      id: "iso3", time: "year", y: "lnexport_cn", x: ["L.lnexport_cn", "L.dstri", "lngdp", "lnpopu", "lngov", "urban"],
      estimator: "gmm-sys", effect: "twoways", gmm: {instruments: "y", lags: [2, 99], collapse: true},
      exclude: {iso3: ["DEU", "USA"]}
    });
  });

  it("sample filter agrees with the exclusions", () => {
    const s: ExplorerState = {...defaultState(), from: 2015, drop2020: true, group: "nonoecd", exclude: ["CHL"]};
    const keep = sampleFilter(s);
    expect(keep({iso3: "BRA", year: 2019, oecd: false})).toBe(true);
    expect(keep({iso3: "BRA", year: 2020, oecd: false})).toBe(false);
    expect(keep({iso3: "BRA", year: 2014, oecd: false})).toBe(false);
    expect(keep({iso3: "USA", year: 2019, oecd: 1})).toBe(false);
    expect(keep({iso3: "CHL", year: 2019, oecd: 0})).toBe(false);
  });
});

describe("rowsToFrame", () => {
  it("makes numeric, boolean (0/1) and text columns", () => {
    const f = rowsToFrame([{iso3: "USA", year: 2019, oecd: true, v: NaN}, {iso3: null, year: 2020, oecd: false, v: 1.5}]);
    expect(f.nrows).toBe(2);
    expect(f.columns.iso3).toEqual(["USA", null]);
    expect(Array.from(f.columns.oecd as Float64Array)).toEqual([1, 0]);
    expect(Array.from(f.columns.v as Float64Array)).toEqual([NaN, 1.5]);
  });
});

import {mergeCustomsRows} from "../../../src/lib/explorer/customs-merge.js";
describe("mergeCustomsRows", () => {
  it("adds exports and logs per region, NaN where absent or zero", () => {
    const out = mergeCustomsRows([{iso3: "USA", year: 2019}, {iso3: "DEU", year: 2019}], [
      {region: "zj", partner_iso3: "USA", year: 2019, exports_usd: 100},
      {region: "wz", partner_iso3: "DEU", year: 2019, exports_usd: 0}
    ]);
    expect(out[0].lnexport_zj).toBeCloseTo(Math.log(100), 12);
    expect(out[0].lnexport_wz).toBeNaN();
    expect(out[1].exports_wz_usd).toBe(0);
    expect(out[1].lnexport_wz).toBeNaN();
  });
});

describe("gravity choices", () => {
  it("PPML estimates the outcome in levels; DK / NW are fixest's names; the bootstrap goes into the spec (OLS only)", () => {
    const s = {...defaultState(), estimator: "ppml" as const, se: "dk" as const};
    const spec = toSpec(s, []);
    expect(spec.y).toBe("exports_cn_usd");
    expect(spec.estimator).toBe("ppml");
    expect(spec.vcov).toBe("driscoll_kraay");
    expect(toSpec({...defaultState(), se: "nw"}, []).vcov).toBe("newey_west");
    const boot = toSpec({...defaultState(), boot: true}, []);
    expect(boot.bootstrap).toEqual({type: "wild", term: "dstri", cluster: "iso3", weights: "rademacher", reps: 9999, seed: 1});
    expect(toSpec({...s, boot: true}, []).bootstrap).toBeUndefined();
    expect(serializeState({...defaultState(), boot: true})).toMatch(/&boot=1$/);
    expect(parseState("?boot=2").ignored).toEqual(["boot=2"]);
  });
});
