/**
 * `aggregateRecords` against an independent plain-JS computation on synthetic records, and the exact
 * meaning of region prefixes and mode groups on hand-made records.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {aggregateRecords} from "../../../loaders/customs-records/aggregate.js";
import {resolveInputs} from "../../../loaders/customs-records/inputs.js";
import {parseMap, parseModes, parseRegions} from "../../../loaders/customs-records/schema.js";
import {synthesize} from "../../../loaders/customs-records/synth.js";
import {tmp, writeCsv} from "./helpers.js";

const REGIONS = parseRegions("zj=33,wz=3303");
const GROUPS = parseModes("cbec=9610,9710,9810,1210");
const CBEC = new Set(["9610", "9710", "9810", "1210"]);

function parse(csv: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of csv.trim().split("\n").slice(1)) {
    const [r, p, y, v] = line.split(",");
    m.set(`${r},${p},${y}`, Number(v));
  }
  return m;
}

async function agg(input: string, map?: string, regions = REGIONS, groups = GROUPS) {
  return aggregateRecords({inputs: resolveInputs(input), map: parseMap(map), regions, groups, memoryLimit: "500MB", threads: 1});
}

describe("aggregate equals an independent computation", () => {
  let dir = "";
  beforeAll(async () => {
    dir = tmp();
    await synthesize({rows: 6000, seed: 11, out: dir, format: "csv", partRows: 2500});
  });

  it("every (region, partner, year) cell, from three CSV parts", async () => {
    // Independent: read the CSV text, test prefixes with startsWith and modes with a Set.
    const want = new Map<string, number>();
    const add = (k: string, v: number) => want.set(k, (want.get(k) ?? 0) + v);
    for (const f of ["part-0000.csv", "part-0001.csv", "part-0002.csv"]) {
      const lines = readFileSync(join(dir, f), "utf8").trim().split("\n").slice(1);
      for (const l of lines) {
        const [year, , , region, partner, , mode, value] = l.split(",");
        for (const [label, prefix] of [["zj", "33"], ["wz", "3303"]]) {
          if (!region.startsWith(prefix)) continue;
          add(`${label},${partner},${year}`, Number(value));
          if (CBEC.has(mode)) add(`${label}_cbec,${partner},${year}`, Number(value));
        }
      }
    }
    const r = await agg(dir);
    expect(r.records).toBe(6000);
    const got = parse(r.csv);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [k, v] of want) expect(Math.abs(got.get(k)! - v)).toBeLessThanOrEqual(0.005 + 1e-12 * v);
    // zj_cbec is a strict subset of zj and wz of zj: both non-trivial in this sample.
    expect(got.size).toBeGreaterThan(100);
    expect([...got.keys()].some((k) => k.startsWith("wz_cbec,"))).toBe(true);
  });
});

describe("region prefixes and mode groups are exact", () => {
  let dir = "";
  beforeAll(() => {
    dir = tmp();
    writeCsv(dir, "r.csv", [
      "2019,1,F1,330302,USA,61091000,9610,100", // Wenzhou county: wz and zj; 9610 is cbec
      "2019,2,F2,330302,USA,61091000,0110,40", //  general trade: wz and zj, not cbec
      "2019,3,F3,330101,USA,85171300,9710,7", //   Hangzhou: zj only
      "2019,3,F3,3303,USA,85171300,1210,2", //     city-level code 3303: wz
      "2019,4,F4,440301,USA,85171300,9610,1000", // Shenzhen: neither
      "2020,5,F1,330302,DEU,61091000,9810,5",
      "2020,6,F5,33,DEU,61091000,0110,3" //         province-level code: zj, not wz
    ]);
  });

  it("330302 counts for wz and zj; 9610 counts for cbec, 0110 does not", async () => {
    const got = parse((await agg(dir)).csv);
    expect(Object.fromEntries(got)).toEqual({
      "wz,DEU,2020": 5,
      "wz,USA,2019": 142,
      "wz_cbec,DEU,2020": 5,
      "wz_cbec,USA,2019": 102,
      "zj,DEU,2020": 8,
      "zj,USA,2019": 149,
      "zj_cbec,DEU,2020": 5,
      "zj_cbec,USA,2019": 109
    });
  });

  it("several mode groups, a 6-digit prefix, and no mode groups", async () => {
    const got = parse((await agg(dir, undefined, parseRegions("lc=330302"), parseModes("parcel=9610,gt=0110"))).csv);
    expect(Object.fromEntries(got)).toEqual({"lc,DEU,2020": 5, "lc,USA,2019": 140, "lc_parcel,USA,2019": 100, "lc_gt,USA,2019": 40});
    const plain = parse((await agg(dir, undefined, REGIONS, [])).csv);
    expect([...plain.keys()].every((k) => !k.includes("_"))).toBe(true);
  });

  it("column mapping: renamed columns give the same file", async () => {
    const d2 = tmp();
    const lines = readFileSync(join(dir, "r.csv"), "utf8").trim().split("\n").slice(1);
    writeCsv(d2, "m.csv", lines, "yr,month,ent,origin_code,dest,hs_code,mode,amount");
    const a = await agg(dir);
    const b = await agg(d2, "year=yr,firm_id=ent,region_code=origin_code,partner_iso3=dest,customs_mode=mode,value_usd=amount");
    expect(b.csv).toBe(a.csv);
  });
});
