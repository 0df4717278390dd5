// `dtb customs synth | aggregate | panel` end to end (a child process each, as a user runs them).
import {execFile} from "node:child_process";
import {existsSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {parseCsv} from "../../src/lib/customs/csv.js";
import {validateCustoms} from "../../src/lib/customs/validate.js";

const REPO = resolve(import.meta.dirname, "..", "..");
const run = promisify(execFile);

async function dtb(args: string[]) {
  try {
    const r = await run(process.execPath, [join(REPO, "bin", "dtb.js"), "customs", ...args], {cwd: REPO, timeout: 60_000});
    return {code: 0, stdout: r.stdout, stderr: r.stderr};
  } catch (e) {
    const err = e as {code: number; stdout: string; stderr: string};
    return {code: err.code, stdout: err.stdout, stderr: err.stderr};
  }
}

let dir = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dtb-customs-cli-"));
  const r = await dtb(["synth", "--rows", "4000", "--seed", "21", "--out", join(dir, "records")]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/4,000 SYNTHETIC records \(seed 21\) in 1 parquet file/);
});

describe("dtb customs", () => {
  it("aggregate writes a file the customs validator accepts", async () => {
    const out = join(dir, "out", "customs.csv");
    const r = await dtb(["aggregate", "--input", join(dir, "records"), "--regions", "zj=33,wz=3303", "--modes", "cbec=9610,9710,9810,1210", "--out", out, "--threads", "1"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^dtb customs aggregate: 4,000 records -> \d+ rows \(zj, wz, zj_cbec, wz_cbec\) in /);
    const t = parseCsv(readFileSync(out, "utf8"));
    const v = validateCustoms(t.records.map((rec) => Object.fromEntries(t.header.map((h, j) => [h, rec[j]]))), t.header, t.lines);
    expect(v.problems).toEqual([]);
    expect(new Set(v.rows.map((x) => x.region))).toEqual(new Set(["zj", "wz", "zj_cbec", "wz_cbec"]));
  });

  it("--emit-sql prints the standard SQL without reading anything", async () => {
    const r = await dtb(["aggregate", "--regions", "zj=33", "--modes", "cbec=9610", "--emit-sql"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^-- dtb customs aggregate: standard SQL/);
    expect(r.stdout).toContain("FROM customs_records");
    expect(r.stdout).toContain("('zj_cbec', '33', '9610')");
  });

  it("a bad record: one line, exit 1, no output file and no temp file", async () => {
    const bad = join(dir, "bad");
    const {mkdirSync} = await import("node:fs");
    mkdirSync(bad);
    writeFileSync(join(bad, "r.csv"), "year,month,firm_id,region_code,partner_iso3,hs_code,customs_mode,value_usd\n2019,1,F1,330302,USA,61091000,961,5\n");
    const outDir = join(dir, "out-bad");
    mkdirSync(outDir);
    const r = await dtb(["aggregate", "--input", join(bad, "r.csv"), "--regions", "zj=33", "--out", join(outDir, "c.csv")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dtb customs: bad customs_mode "961" in 1 record\(s\): a supervision mode is 4 digits, e\.g\. 9610 \(first in .*r\.csv, line 2\)\n$/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it("usage errors are one line (in process)", async () => {
    const {main} = await import("../../cli/main.ts");
    const {vi} = await import("vitest");
    const err = async (args: string[]) => {
      let text = "";
      const spy = vi.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => ((text += String(c)), true));
      try {
        expect(await main(["customs", ...args])).toBe(1);
      } finally {
        spy.mockRestore();
      }
      return text;
    };
    expect(await err(["aggregate", "--input", join(dir, "records")])).toBe("dtb customs: missing --regions (e.g. --regions zj=33,wz=3303)\n");
    expect(await err(["aggregate", "--regions", "zj=33", "--input", join(dir, "nope")])).toMatch(/^dtb customs: cannot read input .*nope: no such file or folder\n$/);
    expect(await err(["frobnicate"])).toMatch(/^dtb customs: expected aggregate, panel or synth, got "frobnicate"\n$/);
    expect(await err(["synth", "--rows", "-1", "--seed", "1", "--out", dir])).toMatch(/--rows must be a whole number/);
    expect(await err(["panel", "--input", join(dir, "records"), "--out", "x.parquet"])).toMatch(/--level must be firm/);
    expect(await err(["aggregate", "--regions", "zj=33", "--input", join(dir, "records"), "--memory-limit", "lots"])).toMatch(/--memory-limit must look like 4GB/);
  });

  it("panel writes the firm panel (with a country panel file)", async () => {
    const cp = join(dir, "country.csv");
    writeFileSync(cp, "iso3,year,dstri\nUSA,2019,0.1\nJPN,2019,0.2\n");
    const out = join(dir, "firms.parquet");
    const r = await dtb(["panel", "--input", join(dir, "records"), "--level", "firm", "--country-panel", cp, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/firm-partner-year rows, 8 columns in .*firms\.parquet/);
    expect(existsSync(out)).toBe(true);
  });
});
