/**
 * `dtb multiverse` states its bounds up front (issue #21): an oversize grid is refused in one line with the
 * numbers, exit 1, before the data is read (the data path given does not exist, so any later step would fail
 * with another message); --out must end in .json.
 */
import {execFile} from "node:child_process";
import {existsSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {REPO, tempDir} from "../loaders/helpers.js";

const exec = promisify(execFile);
let dir = "";

async function dtb(args: string[]) {
  try {
    const r = await exec(process.execPath, [join(REPO, "bin", "dtb.js"), ...args], {cwd: REPO, timeout: 60_000});
    return {code: 0, stdout: r.stdout, stderr: r.stderr};
  } catch (e) {
    const err = e as {code: number; stdout: string; stderr: string};
    return {code: err.code, stdout: err.stdout, stderr: err.stderr};
  }
}

const BASE = {id: "iso3", time: "year", y: ["lnexport_cn"], key: ["dstri"]};

beforeAll(() => {
  dir = tempDir("dtb-mv-bounds-");
  // 65,537 samples: the influence regression alone would need a 65,538 x 65,538 matrix (34 GB).
  const samples = Array.from({length: 65_537}, (_, i) => ({label: `s${i}`, exclude: {year: [2000 + (i % 30)]}}));
  writeFileSync(join(dir, "huge.json"), JSON.stringify({...BASE, samples}));
  writeFileSync(join(dir, "small.json"), JSON.stringify(BASE));
});

describe("dtb multiverse: bounds stated up front", () => {
  it("an oversize grid: one line with the numbers, exit 1, before the data is read", async () => {
    const out = join(dir, "out.json");
    const t0 = Date.now();
    const r = await dtb(["multiverse", "--data", join(dir, "no-such-panel.csv"), "--grid", join(dir, "huge.json"), "--out", out]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^dtb multiverse: grid: 65,537 specifications with 65,537 option columns would allocate about 3\d\.\d GB \(influence matrix 65,537 x 65,537: 34\.4 GB\); the limit is 1\.0 GB; drop some options$/);
    expect(r.stderr).not.toMatch(/no-such-panel/);
    expect(existsSync(out)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(30_000);
  }, 60_000);

  it("--out must end in .json (a .csv name is refused, nothing written)", async () => {
    const out = join(dir, "mv.csv");
    const r = await dtb(["multiverse", "--data", join(dir, "no-such-panel.csv"), "--grid", join(dir, "small.json"), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--out .*mv\.csv: the output is a JSON document; give a file name ending in \.json/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("an integer --seed that a double cannot hold exactly, or --null-draws out of range: one line, before the data is read", async () => {
    const out = join(dir, "out.json");
    const big = await dtb(["multiverse", "--data", join(dir, "no-such-panel.csv"), "--grid", join(dir, "small.json"), "--out", out, "--seed", "99999999999999999999"]);
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/^dtb multiverse: --seed 99999999999999999999: an integer seed must be between -9007199254740991 and 9007199254740991 \(or give a text seed\)\n$/);
    const draws = await dtb(["multiverse", "--data", join(dir, "no-such-panel.csv"), "--grid", join(dir, "small.json"), "--out", out, "--null-draws", "-5"]);
    expect(draws.code).toBe(1);
    expect(draws.stderr).toMatch(/^dtb multiverse: --null-draws must be an integer from 0 to 100000; got "-5"\n$/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
