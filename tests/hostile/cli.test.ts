// The hostile corpus through the `dtb` command (in-process: cli/main.ts, exactly what bin/dtb.js runs):
// customs files under `dtb panel`, hostile specs and degenerate models under `dtb estimate`, repeated options.
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {main} from "../../cli/main.ts";
import {isolatedEnv} from "../loaders/helpers.js";
import {CUSTOMS_CASES, DEGENERATE_CSV, SPEC_CASES} from "./corpus.js";

let stderr: string[] = [];
let stdout: string[] = [];
beforeEach(() => {
  isolatedEnv();
  stderr = [];
  stdout = [];
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (stderr.push(String(s)), true));
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (stdout.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

/** Runs dtb; returns the exit code and stderr (which must be one line on failure). */
async function dtb(...args: string[]): Promise<{code: number; err: string}> {
  const code = await main(args);
  const err = stderr.join("");
  if (code !== 0) expect(err.trimEnd().split("\n")).toHaveLength(1);
  return {code, err};
}

/** A CSV panel file -> value of `column` at (iso3, year). */
function cell(path: string, iso3: string, year: number, column: string): string {
  const [head, ...lines] = readFileSync(path, "utf8").trim().split("\n");
  const j = head.split(",").indexOf(column);
  const row = lines.map((l) => l.split(",")).find((r) => r[0] === iso3 && r[3] === String(year));
  return row ? row[j] : "(no row)";
}

describe("dtb panel with hostile customs files", () => {
  // Every case through the loaders is in loaders.test.ts; here one of each kind, through the command.
  for (const id of ["reordered", "padded", "region-cn", "utf16le", "xlsx", "raw-records", "many-problems"]) {
    const c = CUSTOMS_CASES.find((k) => k.id === id)!;
    it(`${c.id} (issue ${c.issue}): ${c.what}`, async () => {
      writeFileSync(join(process.env.DTB_CUSTOMS_DIR!, c.name), c.bytes());
      const out = join(mkdtempSync(join(tmpdir(), "dtb-hostile-out-")), "panel.csv");
      const {code, err} = await dtb("panel", "--out", out);
      if ("rows" in c.expect) {
        expect(code).toBe(0);
        for (const [region, iso3, year, value] of c.expect.rows) expect(Number(cell(out, iso3, year, `exports_${region}_usd`))).toBe(value);
        // China's own exports untouched (issue case 3's victim).
        expect(Number(cell(out, "USA", 2019, "exports_cn_usd"))).toBeGreaterThan(1e11);
      } else {
        expect(code).toBe(1);
        expect(existsSync(out)).toBe(false);
        const pattern = "error" in c.expect ? c.expect.error : c.expect.problem.message;
        expect(err).toMatch(pattern);
      }
    }, 60_000);
  }
});

describe("dtb estimate with hostile specs and degenerate models", () => {
  for (const c of SPEC_CASES) {
    it(`${c.id} (issue ${c.issue}): ${c.what}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "dtb-hostile-spec-"));
      writeFileSync(join(dir, "d.csv"), DEGENERATE_CSV);
      writeFileSync(join(dir, "spec.json"), c.spec);
      const {code, err} = await dtb("estimate", "--data", join(dir, "d.csv"), "--spec", join(dir, "spec.json"));
      expect(code).toBe(1);
      expect(err).toMatch(c.error);
      expect(err).not.toMatch(/Maximum call stack/);
    });
  }
});

describe("repeated options are refused, for every verb", () => {
  it.each([
    [["panel", "--out", "a.csv", "--out", "b.csv"], /option --out given twice \("a\.csv", then "b\.csv"\)/],
    [["panel", "--out=a.csv", "-o", "b.csv"], /option --out given twice/],
    [["estimate", "--data", "x.csv", "--spec", "{}", "--data", "y.csv"], /option --data given twice/],
    [["replicate", "--out", "a.json", "--se", "iid", "--se", "hetero"], /option --se given twice/],
    [["data", "fetch", "--source", "wdi", "--source", "dstri"], /option --source given twice/]
  ])("%j", async (args, pattern) => {
    const {code, err} = await dtb(...(args as string[]));
    expect(code).toBe(1);
    expect(err).toMatch(pattern);
    expect(existsSync("a.csv") || existsSync("b.csv")).toBe(false);
  });
});
