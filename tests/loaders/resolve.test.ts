// Resolution order: cache -> $DTB_SNAPSHOT_DIR -> shipped data/snapshot -> one-line error; each file checked
// against its record (sha256, rows) on every read, a damaged one skipped with a warning (#12, #13 item 6).
import {existsSync, readFileSync, writeFileSync, mkdirSync, cpSync} from "node:fs";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {resolveSource} from "../../loaders/resolve.js";
import {writeCache, sha256} from "../../loaders/cache.js";
import {SOURCES} from "../../loaders/sources/index.js";
import {readManifest} from "../../loaders/manifest.js";
import {SHIPPED, SNAPSHOT, isolatedEnv, tempDir} from "./helpers.js";

let env: Record<string, string>;
let stderr: string[];
beforeEach(() => {
  env = isolatedEnv();
  delete process.env.DTB_SHIPPED_DIR;
  stderr = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const rowsIn = (dir: string, file: string) => readManifest(dir)!.files.find((f) => f.file === file)!.rows;
/** The first `lines` lines of a snapshot file (the header included), as a truncated copy would hold. */
const head = (dir: string, file: string, lines: number) => readFileSync(join(dir, file), "utf8").split("\n").slice(0, lines).join("\n") + "\n";

describe("resolveSource", () => {
  it("copies the snapshot into the cache with a provenance record, then reads the cache", async () => {
    const first = await resolveSource("dstri");
    expect(first.provenance).toMatchObject({method: "snapshot", snapshot: "DTB_SNAPSHOT_DIR", location: "$DTB_SNAPSHOT_DIR/dstri.csv"});
    const cached = join(env.DTB_CACHE_DIR, "dstri.csv");
    expect(readFileSync(cached).equals(readFileSync(join(SNAPSHOT, "dstri.csv")))).toBe(true);
    const record = JSON.parse(readFileSync(join(env.DTB_CACHE_DIR, "dstri.provenance.json"), "utf8"));
    expect(record).toMatchObject({source: "dstri", method: "snapshot", rows: rowsIn(SNAPSHOT, "dstri.csv"), licence: "CC BY 4.0"});
    expect(Object.keys(record)).toEqual(expect.arrayContaining(["source", "url", "retrieved_at", "rows", "sha256", "method", "licence", "citation", "origin"]));
    const second = await resolveSource("dstri");
    expect(second.provenance).toMatchObject({method: "cache", cached_from: "snapshot", sha256: record.sha256});
    expect(stderr).toEqual([]);
  });

  it("prefers a sound cache over the snapshots", async () => {
    const text = "iso3,year,measure,value\nFRA,2020,DSTRI,0.5\n";
    writeCache(SOURCES.dstri, text, {source: "dstri", url: "x", retrieved_at: "2026-01-01", rows: 1, sha256: sha256(text), method: "live", licence: "CC BY 4.0", citation: "c"});
    const r = await resolveSource("dstri");
    expect(r.table.rows).toEqual([["FRA", 2020, "DSTRI", 0.5]]);
    expect(r.provenance).toMatchObject({method: "cache", cached_from: "live"});
  });

  it("with DTB_SNAPSHOT_DIR unset uses the shipped data/snapshot", async () => {
    delete process.env.DTB_SNAPSHOT_DIR;
    for (const name of ["dstri", "wdi", "exports"] as const) {
      const r = await resolveSource(name);
      expect(r.provenance).toMatchObject({method: "snapshot", snapshot: "shipped", location: `data/snapshot/${name}.csv`});
      expect(r.table.rows.length).toBe(rowsIn(SHIPPED, `${name}.csv`));
      expect(r.provenance.url).toMatch(/^https:\/\//);
    }
  });

  it("a cache cut to 50 lines is never read as data: the snapshot replaces it, with a one-line warning", async () => {
    await resolveSource("dstri");
    const cached = join(env.DTB_CACHE_DIR, "dstri.csv");
    writeFileSync(cached, head(SNAPSHOT, "dstri.csv", 50));
    const r = await resolveSource("dstri");
    expect(r.table.rows.length).toBe(rowsIn(SNAPSHOT, "dstri.csv"));
    expect(r.provenance.method).toBe("snapshot");
    expect(r.provenance.warnings?.[0]).toMatch(/dstri\.csv: 49 rows instead of the \d+ recorded/);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^dtb data: warning: damaged cache skipped: .*dstri\.csv: 49 rows instead of the \d+ recorded.*dtb data fetch --source dstri/);
    expect(stderr[0].trimEnd()).not.toContain("\n");
    // The cache is repaired: the next read is silent.
    stderr.length = 0;
    expect((await resolveSource("dstri")).provenance.method).toBe("cache");
    expect(stderr).toEqual([]);
  });

  it("an edited cache (same rows, other values) and a cache without its record are skipped too", async () => {
    await resolveSource("wdi");
    const cached = join(env.DTB_CACHE_DIR, "wdi.csv");
    writeFileSync(cached, readFileSync(cached, "utf8").replace(/,(\d)(\d*)\n/, ",9$2\n"));
    expect((await resolveSource("wdi")).provenance.method).toBe("snapshot");
    expect(stderr.join("")).toMatch(/sha256 differs from the record/);
    mkdirSync(env.DTB_CACHE_DIR, {recursive: true});
    writeFileSync(join(env.DTB_CACHE_DIR, "exports.csv"), "reporter_iso3,partner_iso3,year,value_usd\nCHN,USA,2019,1\n");
    expect((await resolveSource("exports")).provenance.method).toBe("snapshot");
    expect(stderr.join("")).toMatch(/exports\.csv has no readable provenance record/);
  });

  it("a damaged DTB_SNAPSHOT_DIR file falls back to the shipped snapshot", async () => {
    const bad = tempDir("dtb-badsnap-");
    cpSync(SNAPSHOT, bad, {recursive: true});
    writeFileSync(join(bad, "dstri.csv"), head(SNAPSHOT, "dstri.csv", 50));
    process.env.DTB_SNAPSHOT_DIR = bad;
    const r = await resolveSource("dstri");
    expect(r.provenance).toMatchObject({method: "snapshot", snapshot: "shipped"});
    expect(r.table.rows.length).toBe(rowsIn(SHIPPED, "dstri.csv"));
    expect(stderr.join("")).toMatch(/damaged snapshot file skipped: .*dstri\.csv: 49 rows instead of the \d+ recorded/);
  });

  it("when every copy is damaged: one line naming the damaged files and how to refresh", async () => {
    const badShipped = tempDir("dtb-badshipped-");
    cpSync(SHIPPED, badShipped, {recursive: true});
    writeFileSync(join(badShipped, "dstri.csv"), head(SHIPPED, "dstri.csv", 50));
    process.env.DTB_SHIPPED_DIR = badShipped;
    delete process.env.DTB_SNAPSHOT_DIR;
    const error = await resolveSource("dstri").then(() => null, (e) => e);
    expect(error.message).not.toContain("\n");
    expect(error.message).toMatch(new RegExp(`^no sound data for dstri: ${badShipped}/dstri\\.csv: 49 rows instead of the 2838 recorded.*dtb data fetch --source dstri`));
    expect(existsSync(join(env.DTB_CACHE_DIR, "dstri.csv"))).toBe(false);
  });

  it("nothing anywhere: one line that says what to do, and no network", async () => {
    process.env.DTB_SNAPSHOT_DIR = tempDir("dtb-nosnap-");
    process.env.DTB_SHIPPED_DIR = tempDir("dtb-noshipped-");
    process.env.DTB_OFFLINE = "";
    const error = await resolveSource("wdi").then(() => null, (e) => e);
    expect(error.message).not.toContain("\n");
    expect(error.message).toMatch(/^no data for wdi: no cache at .*, no wdi\.csv in DTB_SNAPSHOT_DIR .*and no shipped snapshot .*dtb data fetch/);
    expect(existsSync(join(env.DTB_CACHE_DIR, "wdi.csv"))).toBe(false);
  });
});
