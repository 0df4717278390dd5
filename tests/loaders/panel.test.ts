// The panel assembled from the real snapshot equals the sources cell by cell.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {buildPanel, type BuiltPanel} from "../../loaders/build.js";
import {PANEL_YEARS, OECD_MEMBERS, assemblePanel} from "../../loaders/panel.js";
import {SNAPSHOT, isolatedEnv, readSnapshotCsv} from "./helpers.js";

let built: BuiltPanel;
let ms = 0;
const dstri = new Map<string, number>();
const wdi = new Map<string, number>();
const exportsCn = new Map<string, number>();
const dstriEconomies = new Set<string>();

beforeAll(async () => {
  isolatedEnv();
  for (const r of readSnapshotCsv(readFileSync(join(SNAPSHOT, "dstri.csv"), "utf8")).rows) {
    dstri.set(`${r[0]}|${r[1]}|${r[2]}`, Number(r[3]));
    dstriEconomies.add(r[0]);
  }
  for (const r of readSnapshotCsv(readFileSync(join(SNAPSHOT, "wdi.csv"), "utf8")).rows) wdi.set(`${r[0]}|${r[1]}|${r[2]}`, Number(r[3]));
  for (const r of readSnapshotCsv(readFileSync(join(SNAPSHOT, "exports.csv"), "utf8")).rows) {
    if (r[0] === "CHN") exportsCn.set(`${r[1]}|${r[2]}`, Number(r[3]));
  }
  const t = performance.now();
  built = await buildPanel();
  ms = performance.now() - t;
});

const col = (name: string) => built.frame.columns[name];
const num = (name: string) => built.frame.columns[name] as Float64Array;
/** Expected cell: the source value, or NaN when the source has none. */
const expectCell = (actual: number, expected: number | undefined, where: string) => {
  if (expected === undefined) expect(Number.isNaN(actual), `${where} should be missing`).toBe(true);
  else expect(actual, where).toBe(expected);
};

describe("panel from the snapshot", () => {
  it("has one row per DSTRI partner (not China) and year 2008-2024", () => {
    const iso3 = col("iso3") as string[];
    const partners = [...dstriEconomies].filter((c) => c !== "CHN").sort();
    expect(partners.length).toBe(42);
    expect(built.frame.nrows).toBe(partners.length * PANEL_YEARS.length);
    expect(new Set(iso3)).toEqual(new Set(partners));
    expect(iso3.includes("CHN")).toBe(false);
    expect(PANEL_YEARS[0]).toBe(2008);
    expect(PANEL_YEARS.at(-1)).toBe(2024);
    console.log(`panel: ${built.frame.nrows} rows x ${Object.keys(built.frame.columns).length} columns in ${ms.toFixed(0)} ms (cold cache)`);
  });

  it("equals the sources cell by cell (DSTRI, exports, WDI-derived)", () => {
    const iso3 = col("iso3") as string[];
    const year = num("year");
    const map = {DSTRI: "dstri", INFRA: "dstri_infra", ETRANS: "dstri_etrans", PAYMENT: "dstri_payment", IPR: "dstri_ipr", OTHER: "dstri_other"};
    let checked = 0;
    for (let i = 0; i < built.frame.nrows; i++) {
      const k = `${iso3[i]}|${year[i]}`;
      for (const [m, c] of Object.entries(map)) expectCell(num(c)[i], dstri.get(`${k}|${m}`), `${c} ${k}`);
      const ex = exportsCn.get(k);
      expectCell(num("exports_cn_usd")[i], ex, `exports ${k}`);
      expectCell(num("lnexport_cn")[i], ex !== undefined && ex > 0 ? Math.log(ex) : undefined, `lnexport ${k}`);
      const gdp = wdi.get(`${k}|NY.GDP.MKTP.CD`);
      const pop = wdi.get(`${k}|SP.POP.TOTL`);
      const gov = wdi.get(`${k}|NE.CON.GOVT.CD`);
      const urb = wdi.get(`${k}|SP.URB.TOTL.IN.ZS`);
      expectCell(num("gdp_usd")[i], gdp, `gdp ${k}`);
      expectCell(num("lngdp")[i], gdp !== undefined && gdp > 0 ? Math.log(gdp) : undefined, `lngdp ${k}`);
      expectCell(num("pop")[i], pop, `pop ${k}`);
      expectCell(num("lnpopu")[i], pop !== undefined && pop > 0 ? Math.log(pop) : undefined, `lnpopu ${k}`);
      expectCell(num("gov_usd")[i], gov, `gov ${k}`);
      expectCell(num("lngov")[i], gov !== undefined && gov > 0 ? Math.log(gov) : undefined, `lngov ${k}`);
      expectCell(num("gov_share")[i], gov !== undefined && gdp !== undefined ? gov / gdp : undefined, `gov_share ${k}`);
      expectCell(num("urban")[i], urb !== undefined ? urb / 100 : undefined, `urban ${k}`);
      checked++;
    }
    expect(checked).toBe(714);
  });

  it("has at least 294 partner-years with both DSTRI and exports, no -Infinity, urban within 0-1", () => {
    let both = 0;
    for (let i = 0; i < built.frame.nrows; i++) if (Number.isFinite(num("dstri")[i]) && Number.isFinite(num("exports_cn_usd")[i])) both++;
    expect(both).toBeGreaterThanOrEqual(294);
    console.log(`partner-years with dstri and exports_cn_usd: ${both}`);
    for (const [name, c] of Object.entries(built.frame.columns)) {
      if (c instanceof Float64Array) for (const v of c) expect(v === -Infinity || v === Infinity, name).toBe(false);
    }
    for (const v of num("urban")) if (!Number.isNaN(v)) expect(v >= 0 && v <= 1).toBe(true);
  });

  it("names countries in English and Chinese and flags OECD members", () => {
    const iso3 = col("iso3") as string[];
    const i = iso3.indexOf("DEU");
    expect(col("country")[i]).toBe("Germany");
    expect(col("country_zh")[i]).toBe("德国");
    expect((col("country") as Array<string | null>).every((s) => typeof s === "string" && s.length > 0)).toBe(true);
    expect((col("country_zh") as Array<string | null>).every((s) => typeof s === "string" && s.length > 0)).toBe(true);
    expect(OECD_MEMBERS.length).toBe(38);
    expect(num("oecd")[iso3.indexOf("BRA")]).toBe(0);
    expect(num("oecd")[iso3.indexOf("USA")]).toBe(1);
  });

  it("records where each source came from", () => {
    expect(built.sources.map((s) => [s.source, s.method])).toEqual([["dstri", "snapshot"], ["wdi", "snapshot"], ["exports", "snapshot"]]);
    expect(built.sources[2].origin).toMatch(/IMF/);
  });

  it("logs only positive levels: zero and negative values give a missing log", () => {
    const f = assemblePanel({
      dstri: {columns: ["iso3", "year", "measure", "value"], rows: [["FRA", 2015, "DSTRI", 0.1]]},
      wdi: {columns: ["iso3", "year", "indicator", "value"], rows: [["FRA", 2015, "NY.GDP.MKTP.CD", -5], ["FRA", 2016, "NY.GDP.MKTP.CD", 7]]},
      exports: {columns: ["reporter_iso3", "partner_iso3", "year", "value_usd"], rows: [["CHN", "FRA", 2015, 0]]}
    });
    const y = Array.from(f.columns.year as Float64Array);
    const at = (yr: number) => y.indexOf(yr);
    expect((f.columns.exports_cn_usd as Float64Array)[at(2015)]).toBe(0);
    expect(Number.isNaN((f.columns.lnexport_cn as Float64Array)[at(2015)])).toBe(true);
    expect(Number.isNaN((f.columns.lngdp as Float64Array)[at(2015)])).toBe(true);
    expect((f.columns.lngdp as Float64Array)[at(2016)]).toBeCloseTo(Math.log(7), 15);
  });
});
