// `dtb data snapshot`: the shipped data/snapshot is what the command makes from the full snapshot (same bytes),
// it is small, its manifest matches its files, and the panel built from it equals the panel built from the full one.
import {execFile} from "node:child_process";
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {readManifest} from "../../loaders/manifest.js";
import {sha256} from "../../loaders/verify.js";
import {trimForPanel, PANEL_WDI_INDICATORS} from "../../loaders/snapshot.js";
import {parseTidy} from "../../loaders/tidy.js";
import {SOURCES} from "../../loaders/sources/index.js";
import {REPO, SHIPPED, SNAPSHOT, isolatedEnv, tempDir} from "./helpers.js";

const run = promisify(execFile);
const dtb = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [join(REPO, "bin", "dtb.js"), ...args], {cwd: REPO, env: {...process.env, ...env}, timeout: 120_000});

let env: Record<string, string>;
beforeAll(() => {
  env = isolatedEnv();
});

describe("shipped snapshot", () => {
  it("is small and every file matches its manifest (rows, sha256) and names its source, licence and upstream", () => {
    const m = readManifest(SHIPPED)!;
    const bytes = readdirSync(SHIPPED).reduce((s, f) => s + statSync(join(SHIPPED, f)).size, 0);
    console.log(`data/snapshot: ${(bytes / 1024).toFixed(0)} KB, ${m.files.map((f) => `${f.file} ${f.rows} rows`).join(", ")}`);
    expect(bytes).toBeLessThan(400 * 1024);
    expect(m.files.map((f) => f.file)).toEqual(["dstri.csv", "wdi.csv", "exports.csv"]);
    for (const f of m.files) {
      const text = readFileSync(join(SHIPPED, f.file), "utf8");
      expect(sha256(text), f.file).toBe(f.sha256);
      const name = f.source as keyof typeof SOURCES;
      expect(parseTidy(text, SOURCES[name].columns, f.file).rows.length).toBe(f.rows);
      expect(f.url).toMatch(/^https:\/\//);
      expect(f.licence).toBeTruthy();
      expect(f.citation).toBeTruthy();
      expect(f.retrieved_at).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(f.upstream?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.upstream!.rows).toBeGreaterThanOrEqual(f.rows);
    }
  });

  it("keeps only what the panel uses", () => {
    const wdi = parseTidy(readFileSync(join(SHIPPED, "wdi.csv"), "utf8"), SOURCES.wdi.columns, "wdi");
    expect(new Set(wdi.rows.map((r) => r[2]))).toEqual(new Set(PANEL_WDI_INDICATORS));
    for (const r of wdi.rows) expect(Number(r[1]) >= 2008 && Number(r[1]) <= 2024).toBe(true);
    const t = {
      dstri: {columns: SOURCES.dstri.columns, rows: [["FRA", 2020, "DSTRI", 0.1], ["CHN", 2020, "DSTRI", 0.3]]},
      wdi: {columns: SOURCES.wdi.columns, rows: [["FRA", 2020, "SP.POP.TOTL", 1], ["FRA", 1990, "SP.POP.TOTL", 1], ["DEU", 2020, "SP.POP.TOTL", 1], ["FRA", 2020, "TX.VAL.MRCH.CD.WT", 1], ["CHN", 2020, "SP.POP.TOTL", 1]]},
      exports: {columns: SOURCES.exports.columns, rows: [["CHN", "FRA", 2020, 5], ["CHN", "WLD", 2020, 9], ["CHN", "FRA", 2000, 5]]}
    };
    const {tables} = trimForPanel(t);
    expect(tables.dstri.rows).toHaveLength(2);
    expect(tables.wdi.rows).toEqual([["FRA", 2020, "SP.POP.TOTL", 1]]);
    expect(tables.exports.rows).toEqual([["CHN", "FRA", 2020, 5]]);
  });

  it("`dtb data snapshot` from the full snapshot gives the shipped files byte for byte, and the same panel", async () => {
    const out = join(tempDir("dtb-snap-"), "snapshot");
    const r = await dtb(["data", "snapshot", "--out", out], env);
    expect(r.stderr).toMatch(/dstri\.csv: 2,838 rows/);
    for (const f of ["dstri.csv", "wdi.csv", "exports.csv"]) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(SHIPPED, f))), f).toBe(true);
    }
    const made = readManifest(out)!;
    const shipped = readManifest(SHIPPED)!;
    // Made from the full snapshot, the upstream is the full file; made from the shipped one (a bare clone), the
    // shipped files are their own upstream: the command is idempotent.
    const upstreamOf = (f: (typeof shipped.files)[number]) => (SNAPSHOT === SHIPPED ? f.sha256 : f.upstream?.sha256);
    expect(made.files.map(({file, rows, sha256, upstream}) => ({file, rows, sha256, up: upstream?.sha256})))
      .toEqual(shipped.files.map((f) => ({file: f.file, rows: f.rows, sha256: f.sha256, up: upstreamOf(f)})));
    // Leaves nothing behind but the folder itself.
    expect(readdirSync(join(out, "..")).sort()).toEqual(["snapshot"]);
    // The panel from the shipped snapshot equals the panel from the full one.
    const dir = tempDir("dtb-panel-");
    await dtb(["panel", "--out", join(dir, "full.csv")], {...env, DTB_CACHE_DIR: tempDir(), DTB_SNAPSHOT_DIR: SNAPSHOT});
    await dtb(["panel", "--out", join(dir, "shipped.csv")], {...env, DTB_CACHE_DIR: tempDir(), DTB_SNAPSHOT_DIR: out});
    expect(readFileSync(join(dir, "shipped.csv")).equals(readFileSync(join(dir, "full.csv")))).toBe(true);
  });

  it("rejects bad arguments in one line and leaves an existing folder untouched on failure", async () => {
    for (const args of [["data", "snapshot"], ["data", "snapshot", "--out"], ["data", "snapshot", "--out", "a", "--out", "b"], ["data", "snapshot", "--to", "x"]]) {
      const r = await dtb(args, env).then(() => null, (e) => e);
      expect(r?.code, args.join(" ")).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    const out = join(tempDir("dtb-snap-"), "snapshot");
    await dtb(["data", "snapshot", "--out", out], env);
    const before = readFileSync(join(out, "manifest.json"));
    const fail = await dtb(["data", "snapshot", "--out", out], {...env, DTB_CACHE_DIR: tempDir(), DTB_SNAPSHOT_DIR: tempDir(), DTB_SHIPPED_DIR: tempDir()}).then(() => null, (e) => e);
    expect(fail?.code).toBe(1);
    expect(readFileSync(join(out, "manifest.json")).equals(before)).toBe(true);
    expect(existsSync(join(out, "dstri.csv"))).toBe(true);
  });
});
