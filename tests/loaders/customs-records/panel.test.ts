/** Firm x partner x year panel, checked cell by cell against hand-computed values on a small set. */
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {beforeAll, describe, expect, it} from "vitest";
import {resolveInputs} from "../../../loaders/customs-records/inputs.js";
import {firmPanel} from "../../../loaders/customs-records/panel.js";
import {CBEC_MODES, parseMap, parseRegions} from "../../../loaders/customs-records/schema.js";
import {tmp, writeCsv} from "./helpers.js";

let dir = "";
let country = "";
beforeAll(() => {
  dir = tmp();
  writeCsv(dir, "r.csv", [
    "2019,1,F1,330302,USA,61091000,9610,100",
    "2019,2,F1,330302,USA,61091000,0110,300", //  same product: n_products 1
    "2019,3,F1,330302,USA,85171300,9710,50", //   second product
    "2019,3,F1,330302,DEU,85171300,0110,20",
    "2020,4,F1,330302,USA,61091000,9610,0", //    zero exports: lnexport and cbec_share missing
    "2019,5,F2,440301,USA,61091000,9610,10", //   Shenzhen firm (dropped by --regions zj=33)
    "2019,6,F3,330101,TWN,61091000,0110,8" //     partner not in the country panel: controls missing
  ]);
  country = join(dir, "country.csv");
  writeFileSync(
    country,
    ["iso3,country,year,dstri,lngdp,exports_zj_usd,lnexport_zj", "USA,United States,2019,0.1,30.5,1,0", "USA,United States,2020,0.12,30.6,1,0", "DEU,Germany,2019,0.2,29.1,1,0"].join("\n") + "\n"
  );
});

async function read(path: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(":memory:");
  const con = await inst.connect();
  try {
    const from = path.endsWith(".parquet") ? `read_parquet('${path}')` : `read_csv('${path}', header = true)`;
    return (await con.runAndReadAll(`SELECT * FROM ${from}`)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

describe("dtb customs panel --level firm", () => {
  it("every cell of every row", async () => {
    const out = join(dir, "firms.parquet");
    const r = await firmPanel({inputs: resolveInputs(join(dir, "r.csv")), map: parseMap(undefined), countryPanel: country, cbecModes: [...CBEC_MODES], regions: [], out, threads: 1});
    expect(r.columns).toEqual(["firm_id", "partner_iso3", "year", "exports_usd", "lnexport", "n_products", "cbec_share", "dstri", "lngdp"]);
    const rows = await read(out);
    const want = [
      {firm_id: "F1", partner_iso3: "DEU", year: 2019, exports_usd: 20, lnexport: Math.log(20), n_products: 1, cbec_share: 0, dstri: 0.2, lngdp: 29.1},
      {firm_id: "F1", partner_iso3: "USA", year: 2019, exports_usd: 450, lnexport: Math.log(450), n_products: 2, cbec_share: 150 / 450, dstri: 0.1, lngdp: 30.5},
      {firm_id: "F1", partner_iso3: "USA", year: 2020, exports_usd: 0, lnexport: null, n_products: 1, cbec_share: null, dstri: 0.12, lngdp: 30.6},
      {firm_id: "F2", partner_iso3: "USA", year: 2019, exports_usd: 10, lnexport: Math.log(10), n_products: 1, cbec_share: 1, dstri: 0.1, lngdp: 30.5},
      {firm_id: "F3", partner_iso3: "TWN", year: 2019, exports_usd: 8, lnexport: Math.log(8), n_products: 1, cbec_share: 0, dstri: null, lngdp: null}
    ];
    expect(rows.length).toBe(want.length);
    rows.forEach((row, i) => {
      for (const [k, v] of Object.entries(want[i])) {
        const got = typeof row[k] === "bigint" ? Number(row[k]) : row[k];
        if (typeof v === "number") expect(got as number, `${i}.${k}`).toBeCloseTo(v, 12);
        else expect(got, `${i}.${k}`).toBe(v);
      }
    });
  });

  it("--regions keeps the firms of the prefixes; CSV output", async () => {
    const out = join(dir, "zj.csv");
    const r = await firmPanel({inputs: resolveInputs(join(dir, "r.csv")), map: parseMap(undefined), countryPanel: country, cbecModes: ["9610"], regions: parseRegions("zj=33"), out, threads: 1});
    expect(r.rows).toBe(4);
    const rows = await read(out);
    expect(rows.map((x) => x.firm_id)).toEqual(["F1", "F1", "F1", "F3"]);
    expect(rows[1].cbec_share).toBeCloseTo(100 / 450, 12); // only 9610 counts here
  });
});
