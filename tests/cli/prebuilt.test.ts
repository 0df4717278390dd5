/**
 * The prebuilt command (scripts/build-cli.mjs -> .dtb-cli/, used by bin/dtb.js while fresh): it lists the
 * sources it was built from, gives the same output as the TypeScript run through tsx (an estimate on a
 * fixture, a one-line error), and modules that read files beside themselves still find them.
 */
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {REPO_ROOT} from "../lib/table/fixture-helpers.js";

const PANEL = resolve(REPO_ROOT, "tests/fixtures/formulas/panel.csv");

/** Runs dtb from the bundle (bin/dtb.js) or from the TypeScript sources through tsx. */
function run(args: string[], via: "bundle" | "tsx") {
  const argv = via === "bundle" ? ["bin/dtb.js", ...args] : ["--import", "tsx", "-e", `const {main} = await import("./cli/main.ts"); process.exitCode = await main(${JSON.stringify(args)});`, "--input-type=module"];
  const r = spawnSync(process.execPath, argv, {cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000});
  return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

describe("prebuilt dtb (.dtb-cli)", () => {
  beforeAll(() => {
    execFileSync(process.execPath, ["scripts/build-cli.mjs", "--quiet"], {cwd: REPO_ROOT});
  }, 120_000);

  it("lists the sources it was built from, with their modification times", () => {
    const inputs = JSON.parse(readFileSync(resolve(REPO_ROOT, ".dtb-cli/inputs.json"), "utf8")) as Record<string, number>;
    for (const file of ["cli/main.ts", "cli/commands/estimate.ts", "loaders/read-table.ts", "loaders/duck-read/read.ts", "bin/dtb.js"]) expect(inputs[file], file).toBeTypeOf("number");
    expect(existsSync(resolve(REPO_ROOT, ".dtb-cli/main.mjs"))).toBe(true);
  });

  it("gives the same estimate as the TypeScript sources (timings aside)", () => {
    const args = ["estimate", "--data", PANEL, "--formula", "y ~ dstri + lngdp | country + year", "--vcov", "~country"];
    const a = run(args, "bundle");
    const b = run(args, "tsx");
    expect(a.code, a.stderr).toBe(0);
    const strip = (s: string) => ({...JSON.parse(s), timing_ms: null});
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
  }, 120_000);

  it("gives the same one-line error", () => {
    const args = ["estimate", "--data", resolve(REPO_ROOT, "no-such-file.csv"), "--formula", "y ~ x"];
    const a = run(args, "bundle");
    expect(a.code).toBe(1);
    expect(a.stderr).toBe(run(args, "tsx").stderr);
  }, 120_000);

  it("keeps each module's own location: every import.meta.url in the bundle is rewritten relative to its source", () => {
    const text = readdirSync(resolve(REPO_ROOT, ".dtb-cli")).filter((f) => f.endsWith(".mjs")).map((f) => readFileSync(resolve(REPO_ROOT, ".dtb-cli", f), "utf8")).join("\n");
    const uses = text.match(/import\.meta\.url/g) ?? [];
    const rewritten = text.match(/new URL\("\.\.\/[^"]+", import\.meta\.url\)\.href/g) ?? [];
    // Each chunk's own `require`, from the bundle's folder (the banner, for @duckdb/node-api's CommonJS).
    const banners = text.match(/__dtbCreateRequire\(import\.meta\.url\)/g) ?? [];
    expect(uses.length).toBeGreaterThan(0);
    expect(rewritten.length + banners.length).toBe(uses.length);
  });

  it("reads a file of 4 MB and more with DuckDB, whose API it carries inside, not the JS reader, and gives tsx's estimate", () => {
    const dir = mkdtempSync(join(tmpdir(), "dtb-prebuilt-"));
    try {
      const lines = ["firm,year,pair,y,x"];
      for (let i = 0; i < 120_000; i++) lines.push(`${i % 997},${2000 + (i % 15)},${i % 997}_${i % 7},${((i * 7919) % 1000) / 100},${((i * 31) % 1013) / 101}`);
      const file = join(dir, "big.csv");
      writeFileSync(file, `${lines.join("\n")}\n`);
      expect(statSync(file).size).toBeGreaterThan(4 << 20);
      const args = ["estimate", "--data", file, "--formula", "y ~ x | firm + year", "--vcov", "~firm"];
      const r = spawnSync(process.execPath, ["bin/dtb.js", ...args], {cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000, env: {...process.env, DTB_READ_TRACE: "1"}});
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/the JS reader reads this file|native batch reader is not used/);
      const strip = (s: string) => ({...JSON.parse(s), timing_ms: null});
      expect(strip(r.stdout)).toEqual(strip(run(args, "tsx").stdout));
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  }, 120_000);
});
