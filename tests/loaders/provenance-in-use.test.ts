// The Data page's "data in use" (loaders/provenance.ts inUse): which snapshot or live source a series uses, and
// whether it differs from the shipped snapshot (live UN Comtrade exports vs the shipped IMF DOTS series).
import {describe, expect, it} from "vitest";
import {inUse} from "../../loaders/provenance.js";
import type {Provenance} from "../../loaders/cache.js";

const base: Provenance = {source: "exports", url: "u", retrieved_at: "2026-01-01", rows: 1, sha256: "x", method: "cache", licence: "l", citation: "c"};

describe("inUse", () => {
  it("shipped snapshot: same origin", () => {
    const r = inUse({...base, cached_from: "snapshot", snapshot: "shipped", origin: "IMF Direction of Trade Statistics (DOTS), exports FOB of China (mainland) by partner"});
    expect(r).toEqual({from: "shipped", origin: expect.stringMatching(/^IMF/), shipped_origin: expect.stringMatching(/^IMF/), differs_from_shipped: false});
  });
  it("a live Comtrade refresh differs from the shipped IMF series, and says so", () => {
    const r = inUse({...base, cached_from: "live", origin: "UN Comtrade"});
    expect(r).toMatchObject({from: "live", origin: "UN Comtrade", differs_from_shipped: true});
    expect(r.shipped_origin).toMatch(/IMF Direction of Trade Statistics/);
  });
  it("an outside snapshot folder is named as such", () => {
    expect(inUse({...base, method: "snapshot", snapshot: "DTB_SNAPSHOT_DIR", origin: "IMF Direction of Trade Statistics (DOTS), exports FOB of China (mainland) by partner"}).from).toBe("DTB_SNAPSHOT_DIR");
  });
});
