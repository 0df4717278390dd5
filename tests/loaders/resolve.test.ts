// Resolution order: cache -> snapshot (copied into the cache) -> live (not offline) -> one-line error.
import {existsSync, readFileSync, writeFileSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {beforeEach, describe, expect, it} from "vitest";
import {resolveSource} from "../../loaders/resolve.js";
import {SNAPSHOT, isolatedEnv, tempDir} from "./helpers.js";

let env: Record<string, string>;
beforeEach(() => {
  env = isolatedEnv();
});

describe("resolveSource", () => {
  it("copies the snapshot into the cache with a provenance record, then reads the cache", async () => {
    const first = await resolveSource("dstri");
    expect(first.provenance.method).toBe("snapshot");
    const cached = join(env.DTB_CACHE_DIR, "dstri.csv");
    expect(readFileSync(cached).equals(readFileSync(join(SNAPSHOT, "dstri.csv")))).toBe(true);
    const record = JSON.parse(readFileSync(join(env.DTB_CACHE_DIR, "dstri.provenance.json"), "utf8"));
    expect(record).toMatchObject({source: "dstri", method: "snapshot", rows: 2838, licence: "CC BY 4.0"});
    expect(Object.keys(record)).toEqual(expect.arrayContaining(["source", "url", "retrieved_at", "rows", "sha256", "method", "licence", "citation"]));
    const second = await resolveSource("dstri");
    expect(second.provenance).toMatchObject({method: "cache", cached_from: "snapshot", sha256: record.sha256});
  });

  it("prefers the cache over the snapshot", async () => {
    mkdirSync(env.DTB_CACHE_DIR, {recursive: true});
    writeFileSync(join(env.DTB_CACHE_DIR, "dstri.csv"), "iso3,year,measure,value\nFRA,2020,DSTRI,0.5\n");
    const r = await resolveSource("dstri");
    expect(r.table.rows).toEqual([["FRA", 2020, "DSTRI", 0.5]]);
    expect(r.provenance.method).toBe("cache");
  });

  it("replaces a damaged cache from the snapshot", async () => {
    mkdirSync(env.DTB_CACHE_DIR, {recursive: true});
    writeFileSync(join(env.DTB_CACHE_DIR, "exports.csv"), "reporter,partner,year,value\n");
    const r = await resolveSource("exports");
    expect(r.provenance.method).toBe("snapshot");
    expect(r.table.rows.length).toBe(7429);
  });

  it("offline without cache or snapshot: one line that says what to do", async () => {
    process.env.DTB_SNAPSHOT_DIR = tempDir("dtb-nosnap-");
    const error = await resolveSource("wdi").then(() => null, (e) => e);
    expect(error.message).not.toContain("\n");
    expect(error.message).toMatch(/^no data for wdi: .*DTB_OFFLINE=1 .*set DTB_SNAPSHOT_DIR/);
    expect(existsSync(join(env.DTB_CACHE_DIR, "wdi.csv"))).toBe(false);
  });
});
