/** Bad input: one plain line naming what is wrong and where; option parsing. */
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {aggregateRecords} from "../../../loaders/customs-records/aggregate.js";
import {duckError, openDuck} from "../../../loaders/customs-records/duckdb.js";
import {resolveInputs} from "../../../loaders/customs-records/inputs.js";
import {outputLabels, parseMap, parseModes, parseRegions} from "../../../loaders/customs-records/schema.js";
import {HEADER, tmp, writeCsv} from "./helpers.js";

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
  it("a fractional year or month is refused with its file and line, never rounded", async () => {
    expect(await failure([OK, OK, "2019.5,1,F1,330302,USA,61091000,9610,5"])).toMatch(/^bad year 2019\.5: year must be a whole number \(first in .*r\.csv, line 4\)$/);
    expect(await failure([OK, "2019,1.6,F1,330302,USA,61091000,9610,5"])).toMatch(/^bad month 1\.6: month must be a whole number \(first in .*r\.csv, line 3\)$/);
    expect(await failure([OK, "2019,1,F1,330302,USA,61091000,9610,5", "2019,2.0000001,F1,330302,USA,61091000,9610,5"], "month=mon", "year,mon,firm_id,region_code,partner_iso3,hs_code,customs_mode,value_usd")).toMatch(/^bad month 2\.0000001: mon \(month\) must be a whole number \(first in .*r\.csv, line 4\)$/);
    // The line is named for the other checks too.
    expect(await failure([OK, OK, OK, "2019,1,F1,330302,USA,61091000,961,5"])).toMatch(/first in .*r\.csv, line 5\)$/);
  });
  it("a whole year written 2019.0 is a year; Parquet doubles are checked the same way", async () => {
    const dir = tmp();
    writeCsv(dir, "r.csv", [OK, "2019.0,2,F1,330302,USA,61091000,9610,5"]);
    const r = await aggregateRecords({inputs: resolveInputs(dir), map: parseMap(undefined), regions: parseRegions("zj=33"), groups: [], threads: 1});
    expect(r.csv).toBe("region,partner_iso3,year,exports_usd\nzj,USA,2019,105\n");
    const pq = tmp();
    const duck = await openDuck({threads: 1});
    try {
      await duck.con.run(`COPY (SELECT * FROM (VALUES (2019.0, 1.0, '330302', 'USA', '9610', 10.0), (2019.0, 3.5, '330302', 'USA', '9610', 10.0)) t(year, month, region_code, partner_iso3, customs_mode, value_usd)) TO '${join(pq, "r.parquet")}' (FORMAT parquet)`);
    } finally {
      duck.close();
    }
    await expect(aggregateRecords({inputs: resolveInputs(pq), map: parseMap(undefined), regions: parseRegions("zj=33"), groups: [], threads: 1})).rejects.toThrow(/^bad month 3\.5: month must be a whole number \(first in .*r\.parquet, row 2\)$/);
  });
  it("a header ending in LF over rows ending in CRLF reads as the same data", async () => {
    const lf = tmp();
    writeCsv(lf, "r.csv", [OK, "2019,2,F1,330302,DEU,61091000,9610,7.5"]);
    const mixed = tmp();
    writeFileSync(join(mixed, "r.csv"), HEADER + "\n" + [OK, "2019,2,F1,330302,DEU,61091000,9610,7.5"].join("\r\n") + "\r\n");
    expect(resolveInputs(mixed).mixedNewlines).toBe(true);
    expect(resolveInputs(lf).mixedNewlines).toBeUndefined();
    const run = (dir: string) => aggregateRecords({inputs: resolveInputs(dir), map: parseMap(undefined), regions: parseRegions("zj=33,wz=3303"), groups: [], threads: 1});
    const a = await run(lf);
    expect((await run(mixed)).csv).toBe(a.csv);
    expect(a.csv).toContain("wz,DEU,2019,7.5");
    // A broken row in such a file is still an error, not skipped.
    writeFileSync(join(mixed, "r.csv"), HEADER + "\n" + [OK, '2019,1,F1,"330302,USA,61091000,9610,5'].join("\r\n") + "\r\n");
    await expect(run(mixed)).rejects.toThrow(/^cannot read .*r\.csv as CSV/);
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
