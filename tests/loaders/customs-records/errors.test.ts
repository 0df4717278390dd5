/** Bad input: one plain line naming what is wrong and where; option parsing. */
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {aggregateRecords} from "../../../loaders/customs-records/aggregate.js";
import {duckError} from "../../../loaders/customs-records/duckdb.js";
import {resolveInputs} from "../../../loaders/customs-records/inputs.js";
import {outputLabels, parseMap, parseModes, parseRegions} from "../../../loaders/customs-records/schema.js";
import {tmp, writeCsv} from "./helpers.js";

const OK = "2019,1,F1,330302,USA,61091000,9610,100";

async function failure(lines: string[], map?: string, header?: string): Promise<string> {
  const dir = tmp();
  writeCsv(dir, "r.csv", lines, header);
  try {
    await aggregateRecords({inputs: resolveInputs(dir), map: parseMap(map), regions: parseRegions("zj=33,wz=3303"), groups: [], memoryLimit: "300MB", threads: 1});
  } catch (e) {
    const msg = (e as Error).message;
    expect(msg).not.toContain("\n");
    return msg;
  }
  throw new Error("expected a failure");
}

describe("bad records", () => {
  it("missing column (and the mapped name)", async () => {
    expect(await failure([OK], undefined, "year,month,firm_id,region_code,partner_iso3,hs_code,customs_mode,amount")).toMatch(/missing column "value_usd".*columns found: year, month.*--map value_usd=NAME/);
    expect(await failure([OK], "value_usd=amt")).toMatch(/missing column "amt" for value_usd \(mapped from "amt"\)/);
  });
  it("bad customs mode, partner, region code, month, value; the file is named", async () => {
    expect(await failure([OK, "2019,1,F1,330302,USA,61091000,961,5"])).toMatch(/^bad customs_mode "961" in 1 record\(s\).*first in .*r\.csv/);
    expect(await failure([OK, "2019,1,F1,330302,Germany,61091000,9610,5"])).toMatch(/^bad partner_iso3 "Germany" in 1 record/);
    expect(await failure([OK, "2019,1,F1,33A302,USA,61091000,9610,5"])).toMatch(/^bad region_code starting "33A3"/);
    expect(await failure([OK, "2019,13,F1,330302,USA,61091000,9610,5"])).toMatch(/^bad month 13: month must be 1-12/);
    expect(await failure([OK, "2019,1,F1,330302,USA,61091000,9610,-5"])).toMatch(/value_usd.*>= 0; found -5/);
    expect(await failure([OK, "2019,1,F1,330302,USA,61091000,9610,"])).toMatch(/1 record\(s\) have no value_usd/);
    expect(await failure([OK, "2019,1,F1,330302,USA,61091000,9610,12,5"])).toMatch(/cannot read .* as CSV|bad value/);
    expect(await failure([OK, "20x9,1,F1,330302,USA,61091000,9610,5"])).toMatch(/^bad value in .*20x9/);
  });
  it("unreadable input", () => {
    expect(() => resolveInputs("/nonexistent/records.parquet")).toThrow(/^cannot read input \/nonexistent\/records.parquet: no such file or folder$/);
    const dir = tmp();
    expect(() => resolveInputs(dir)).toThrow(/holds no \.parquet or \.csv file/);
    writeFileSync(join(dir, "a.csv"), "x\n");
    writeFileSync(join(dir, "b.parquet"), "x\n");
    expect(() => resolveInputs(dir)).toThrow(/mixes Parquet and CSV/);
    expect(() => resolveInputs(join(dir, "*.txt"))).toThrow(/must end in \.parquet or \.csv/);
  });
  it("a corrupt Parquet file and a glob with no match", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "bad.parquet"), "not parquet at all");
    const run = (input: string) => aggregateRecords({inputs: resolveInputs(input), map: parseMap(undefined), regions: parseRegions("zj=33"), groups: [], threads: 1});
    await expect(run(dir)).rejects.toThrow(/^cannot read .*bad\.parquet: /);
    expect(() => resolveInputs(join(dir, "none-*.parquet"))).toThrow(/^no input file matches/);
    await expect(run(join(dir, "*.parquet"))).rejects.toThrow(/^cannot read .*bad\.parquet: /);
  });
  it("DuckDB's disk-full and I/O errors become one line", () => {
    expect(duckError(new Error("IO Error: Could not write file \"/tmp/x\": No space left on device\nmore"), "records").message).toBe(
      "disk full while processing records (free some space or set --temp-dir to a larger disk)"
    );
    expect(duckError(new Error("IO Error: No files found that match the pattern \"x*.parquet\""), "x*.parquet").message).toBe("no input file matches x*.parquet");
  });
});

describe("options", () => {
  it("--map, --regions, --modes", () => {
    expect(parseMap("value_usd=amount, firm_id=ent").value_usd).toBe("amount");
    expect(() => parseMap("value=amount")).toThrow(/"value" is not a record column/);
    expect(() => parseMap("value_usd")).toThrow(/not of the form column=name/);
    expect(() => parseRegions("zj=3a")).toThrow(/prefix "3a" of zj must be 2 to 12 digits/);
    expect(() => parseRegions("ZJ=33")).toThrow(/label "ZJ"/);
    expect(() => parseRegions(undefined)).toThrow(/missing --regions/);
    expect(parseModes("cbec=9610,9710,parcel=9610")).toEqual([{name: "cbec", modes: ["9610", "9710"]}, {name: "parcel", modes: ["9610"]}]);
    expect(() => parseModes("cbec=961")).toThrow(/"961" in group cbec is not a 4-digit/);
    expect(() => parseModes("9610")).toThrow(/before any group name/);
    expect(outputLabels(parseRegions("zj=33,wz=3303"), parseModes("cbec=9610"))).toEqual(["zj", "wz", "zj_cbec", "wz_cbec"]);
    expect(() => outputLabels(parseRegions("abcdefghijklm=33"), parseModes("cbec=9610"))).toThrow(/longer than 16/);
  });
});
