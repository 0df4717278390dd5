// `dtb panel --out FILE` writes .csv, .parquet and .arrow that read back to the same panel; errors are one line.
import {execFile} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {tableFromIPC} from "apache-arrow";
import {parquetReadObjects} from "hyparquet";
import {parseCsv} from "../../src/lib/customs/csv.js";
import {isolatedEnv, tempDir} from "../loaders/helpers.js";

const REPO = resolve(import.meta.dirname, "..", "..");
const run = promisify(execFile);
let env: Record<string, string>;
let out = "";

async function dtb(args: string[]) {
  try {
    const r = await run(process.execPath, [join(REPO, "bin", "dtb.js"), ...args], {cwd: REPO, env: {...process.env, ...env}, timeout: 60_000});
    return {code: 0, stdout: r.stdout, stderr: r.stderr};
  } catch (e) {
    const err = e as {code: number; stdout: string; stderr: string};
    return {code: err.code, stdout: err.stdout, stderr: err.stderr};
  }
}

beforeAll(() => {
  env = isolatedEnv();
  out = tempDir("dtb-out-");
});

describe("dtb panel", () => {
  let csvRows: string[][] = [];
  let header: string[] = [];

  it("writes CSV", async () => {
    const t = performance.now();
    const r = await dtb(["panel", "--out", join(out, "panel.csv")]);
    console.log(`dtb panel --out .csv: ${(performance.now() - t).toFixed(0)} ms; ${r.stderr.trim()}`);
    expect(r.code).toBe(0);
    const csv = parseCsv(readFileSync(join(out, "panel.csv"), "utf8"));
    header = csv.header;
    csvRows = csv.records;
    expect(header.slice(0, 6)).toEqual(["iso3", "country", "country_zh", "year", "oecd", "dstri"]);
    expect(csvRows).toHaveLength(714);
    expect(r.stderr).toMatch(/714 rows, 21 columns/);
  });

  it("writes Parquet that reads back equal to the CSV", async () => {
    const t = performance.now();
    const r = await dtb(["panel", "--out", join(out, "panel.parquet")]);
    console.log(`dtb panel --out .parquet: ${(performance.now() - t).toFixed(0)} ms`);
    expect(r.code).toBe(0);
    const buf = readFileSync(join(out, "panel.parquet"));
    const rows = (await parquetReadObjects({file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)})) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(714);
    expect(Object.keys(rows[0])).toEqual(header);
    for (let i = 0; i < rows.length; i += 37) {
      header.forEach((name, j) => {
        const text = csvRows[i][j];
        const v = rows[i][name];
        if (text === "") expect(v, `${name} row ${i}`).toBeNull();
        else if (name === "oecd") expect(v).toBe(text === "true");
        else if (typeof v === "number") expect(v, `${name} row ${i}`).toBe(Number(text));
        else expect(v).toBe(text);
      });
    }
  });

  it("writes an Arrow IPC stream with the documented types", async () => {
    const r = await dtb(["panel", "--out", join(out, "panel.arrow")]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(out, "panel.arrow"));
    // Stream format: no "ARROW1" file magic at the start.
    expect(bytes.subarray(0, 6).toString("latin1")).not.toBe("ARROW1");
    const table = tableFromIPC(bytes);
    expect(table.numRows).toBe(714);
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]));
    expect(types).toMatchObject({iso3: "Utf8", country_zh: "Utf8", year: "Int32", oecd: "Bool", dstri: "Float64", lnexport_cn: "Float64"});
    const dstri = table.getChild("dstri")!;
    const j = header.indexOf("dstri");
    for (let i = 0; i < 714; i += 11) {
      const text = csvRows[i][j];
      expect(dstri.get(i)).toBe(text === "" ? null : Number(text));
    }
  });

  it("refuses other extensions and bad arguments in one line", async () => {
    for (const args of [["panel", "--out", join(out, "panel.xlsx")], ["panel"], ["panel", "--bogus"]]) {
      const r = await dtb(args);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^dtb panel: /);
    }
    expect(existsSync(join(out, "panel.xlsx"))).toBe(false);
  });

  it("fails in one line when no data can be found offline", async () => {
    const e2 = {...env, DTB_CACHE_DIR: tempDir(), DTB_SNAPSHOT_DIR: tempDir(), DTB_SHIPPED_DIR: tempDir()};
    const res = await run(process.execPath, [join(REPO, "bin", "dtb.js"), "panel", "--out", join(out, "y.csv")], {cwd: REPO, env: {...process.env, ...e2}}).then(
      () => ({code: 0, stderr: ""}),
      (e) => e as {code: number; stderr: string}
    );
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
    expect(res.stderr).toMatch(/^dtb panel: no data for dstri: no cache at .*no shipped snapshot .*dtb data fetch/);
  });
});
