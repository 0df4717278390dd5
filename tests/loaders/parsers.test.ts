// Parsers of each source's API format, on small fixtures written in the documented formats.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {parseDstriSdmxCsv} from "../../loaders/sources/dstri.js";
import {parseWbPage, parseWbCountries, dropAggregates} from "../../loaders/sources/wdi.js";
import {parseComtrade, comtradePartnerIso3} from "../../loaders/sources/exports.js";
import {formatTidy, parseTidy} from "../../loaders/tidy.js";
import {FetchError} from "../../loaders/http.js";
import {UserError} from "../../src/lib/errors.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const asMap = (rows: Array<Array<string | number>>) =>
  new Map(rows.map((r) => [r.slice(0, -1).join(","), r[r.length - 1]]));

describe("OECD Digital STRI, SDMX-CSV", () => {
  it("maps the six measure codes, keeps annual ISO3 economies and drops aggregates, other measures, empty values", () => {
    const t = parseDstriSdmxCsv(fixture("dstri-sdmx.csv"));
    expect(t.columns).toEqual(["iso3", "year", "measure", "value"]);
    const m = asMap(t.rows);
    expect(m.get("FRA,2021,DSTRI")).toBe(0.061);
    expect(m.get("FRA,2021,INFRA")).toBe(0.022);
    expect(m.get("FRA,2021,ETRANS")).toBe(0);
    expect(m.get("FRA,2021,PAYMENT")).toBe(0.017);
    expect(m.get("FRA,2021,IPR")).toBe(0.005);
    expect(m.get("FRA,2021,OTHER")).toBe(0.017);
    expect(m.get("IND,2022,DSTRI")).toBe(0.301);
    expect(m.has("IND,2022,INFRA")).toBe(false); // empty OBS_VALUE
    expect([...m.keys()].some((k) => k.startsWith("OECD"))).toBe(false);
    expect(t.rows).toHaveLength(8);
  });

  it("reads the SDMX-CSV 2.0 variant with label columns", () => {
    const m = asMap(parseDstriSdmxCsv(fixture("dstri-sdmx-labels.csv")).rows);
    expect(m.get("KOR,2020,DSTRI")).toBe(0.22);
    expect(m.get("KOR,2020,IPR")).toBe(0.04);
    expect(m.size).toBe(2);
  });

  it("rejects changed columns, truncated lines and conflicting duplicates with one-line errors", () => {
    const renamed = fixture("dstri-sdmx.csv").replace("REF_AREA", "COUNTRY");
    expect(() => parseDstriSdmxCsv(renamed)).toThrow(/changed columns, missing REF_AREA/);
    const text = fixture("dstri-sdmx.csv");
    const truncated = text.slice(0, text.indexOf("\n", 300) - 8);
    expect(() => parseDstriSdmxCsv(truncated)).toThrow(FetchError);
    const dup = text + "OECD.TAD.TPD:DSD_STRI@DF_STRI_DIGITAL(1.0),A,FRA,STRI,IX,_Z,2021,0.07,A,0,3\n";
    expect(() => parseDstriSdmxCsv(dup)).toThrow(/two values for FRA,2021,DSTRI/);
    expect(() => parseDstriSdmxCsv("DATAFLOW,REF_AREA,MEASURE,TIME_PERIOD,OBS_VALUE\n")).toThrow(/no Digital STRI observations/);
  });
});

describe("World Bank API v2 JSON", () => {
  it("parses a page with its paging header and skips null values", () => {
    const p1 = parseWbPage(fixture("wdi-page1.json"));
    expect([p1.page, p1.pages]).toEqual([1, 2]);
    expect(p1.rows).toEqual([
      {iso3: "WLD", year: 2020, indicator: "NY.GDP.MKTP.CD", value: 8.5e13},
      {iso3: "FRA", year: 2020, indicator: "NY.GDP.MKTP.CD", value: 2639008701648.46}
    ]);
  });

  it("drops aggregates by the country list's region and by ISO3 validity, keeps Kosovo (XKX)", () => {
    const economies = parseWbCountries(fixture("wdi-countries.json"));
    expect([...economies].sort()).toEqual(["FRA", "XKX"]);
    const rows = [...parseWbPage(fixture("wdi-page1.json")).rows, ...parseWbPage(fixture("wdi-page2.json")).rows];
    expect(dropAggregates(rows, economies).map((r) => r.iso3)).toEqual(["FRA", "XKX"]);
    // Without the list, ISO3 validity alone still drops WLD and EUU.
    expect(dropAggregates(rows, null).map((r) => r.iso3)).toEqual(["FRA", "XKX"]);
  });

  it("turns the error payload into a one-line error with the API's id and text", () => {
    expect(() => parseWbPage(fixture("wdi-error.json"))).toThrow(
      "World Bank API error 120 (Invalid value): The provided parameter value is not valid"
    );
    expect(() => parseWbPage(fixture("wdi-page1.json").slice(0, 200))).toThrow(/not valid JSON/);
    expect(() => parseWbPage('[{"total": 3}, []]')).toThrow(/page\/pages/);
  });
});

describe("UN Comtrade JSON", () => {
  it("keeps totals, maps partner codes to ISO3 (incl. Comtrade's own codes and World), drops nes areas", () => {
    const m = asMap(parseComtrade(fixture("comtrade.json")).rows);
    expect(m.get("CHN,USA,2020")).toBe(452577238713);
    expect(m.get("CHN,DEU,2020")).toBe(86837430180);
    expect(m.get("CHN,IND,2020")).toBe(66727800000);
    expect(m.get("CHN,WLD,2020")).toBe(2589952000000);
    expect(m.size).toBe(4);
    expect(comtradePartnerIso3(251)).toBe("FRA");
    expect(comtradePartnerIso3(250)).toBe("FRA");
    expect(comtradePartnerIso3(899)).toBeNull();
  });

  it("reports the API's error field and a truncated body", () => {
    expect(() => parseComtrade(fixture("comtrade-error.json"))).toThrow("Comtrade API error: Invalid parameter: reporterCode");
    expect(() => parseComtrade(fixture("comtrade.json").slice(0, 500))).toThrow(/not valid JSON/);
    expect(() => parseComtrade('{"data":[{"refYear":2020}],"error":""}')).toThrow(/lacks partnerCode/);
  });
});

describe("tidy cache format", () => {
  const cols = ["iso3", "year", "measure", "value"];
  it("round-trips, sorted by key", () => {
    const text = "iso3,year,measure,value\nFRA,2021,DSTRI,0.06\nAUS,2014,INFRA,0\n";
    const t = parseTidy(text, cols, "x.csv");
    expect(formatTidy(t)).toBe("iso3,year,measure,value\nAUS,2014,INFRA,0\nFRA,2021,DSTRI,0.06\n");
  });
  it("names file, line and column of a problem", () => {
    expect(() => parseTidy("iso3,yr,measure,value\n", cols, "d.csv")).toThrow("d.csv line 1: expected columns iso3,year,measure,value but found iso3,yr,measure,value");
    expect(() => parseTidy("iso3,year,measure,value\nFRA,2021,DSTRI,abc\n", cols, "d.csv")).toThrow('d.csv line 2, column value: "abc" is not a finite number');
    expect(() => parseTidy("iso3,year,measure,value\nFRA,20x1,DSTRI,1\n", cols, "d.csv")).toThrow(/line 2, column year/);
    expect(() => parseTidy("iso3,year,measure,value\nFRA,2021,DSTRI,1\nFRA,2021,DSTRI,2\n", cols, "d.csv")).toThrow("d.csv line 3: duplicate key FRA,2021,DSTRI");
    expect(() => parseTidy("iso3,year,measure,value\nFRA,2021,DSTRI\n", cols, "d.csv")).toThrow(UserError);
  });
});
