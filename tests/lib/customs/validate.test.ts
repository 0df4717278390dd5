// Customs-file validation: every problem is reported, each on its own line number and column.
import {describe, expect, it} from "vitest";
import {validateCustoms, formatProblem} from "../../../src/lib/customs/validate.js";
import {validateCustomsCsv} from "../../../src/lib/customs/read.js";

const HEADER = "region,partner_iso3,year,exports_usd";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";

describe("validateCustomsCsv", () => {
  it("accepts a good file (any column order, CRLF, scientific notation, zero)", () => {
    const r = validateCustomsCsv("year,exports_usd,region,partner_iso3\r\n2019,1.5e9,zj,USA\r\n2020,0,wz,XKX\r\n");
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      {region: "zj", partner_iso3: "USA", year: 2019, exports_usd: 1.5e9},
      {region: "wz", partner_iso3: "XKX", year: 2020, exports_usd: 0}
    ]);
  });

  const cases: Array<[string, string, number, string, RegExp]> = [
    ["bad ISO3", csv("zj,USA,2019,1", "zj,Germany,2019,1"), 3, "partner_iso3", /not an ISO 3166-1 alpha-3/],
    ["lowercase ISO3", csv("zj,deu,2019,1"), 2, "partner_iso3", /write it in capitals: DEU/],
    ["aggregate code", csv("zj,USA,2019,1", "zj,USA,2020,1", "zj,EUU,2019,1"), 4, "partner_iso3", /EUU/],
    ["non-integer year", csv("zj,USA,2019.5,1"), 2, "year", /not a 4-digit integer year/],
    ["negative", csv("zj,USA,2019,1", "zj,FRA,2019,-3"), 3, "exports_usd", /negative/],
    ["NaN", csv("zj,USA,2019,NaN"), 2, "exports_usd", /not a finite number/],
    ["Inf", csv("zj,USA,2019,1", "zj,FRA,2019,Inf"), 3, "exports_usd", /not a finite number/],
    ["text", csv("zj,USA,2019,lots"), 2, "exports_usd", /"lots" is not a number/],
    ["thousands separator", csv('zj,USA,2019,"1,234"'), 2, "exports_usd", /no thousands separators/],
    ["missing value", csv("zj,USA,2019,"), 2, "exports_usd", /missing value/],
    ["bad region", csv("Zhejiang,USA,2019,1"), 2, "region", /short lowercase code/],
    ["duplicate key", csv("zj,USA,2019,1", "wz,USA,2019,2", "zj,USA,2019,3"), 4, "year", /duplicate of line 2/]
  ];
  for (const [name, text, line, column, message] of cases) {
    it(`reports ${name} on line ${line}`, () => {
      const r = validateCustomsCsv(text);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({line, column});
      expect(r.problems[0].message).toMatch(message);
    });
  }

  it("reports missing and extra columns on line 1", () => {
    const r = validateCustomsCsv("region,partner,year,exports_usd,note\nzj,USA,2019,1,x\n");
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([
      {line: 1, column: "partner_iso3", message: 'missing column "partner_iso3"'},
      {line: 1, column: "partner", message: expect.stringMatching(/unexpected column "partner"/)},
      {line: 1, column: "note", message: expect.stringMatching(/unexpected column "note"/)}
    ]);
  });

  it("reports every problem of a file, with the right lines, and wrong field counts", () => {
    const r = validateCustomsCsv(csv("zj,USA,2019,1", "zj,XXX,2019,1", "", "zj,FRA,20a9,-1", "zj,DEU,2019", "zj,USA,2019,5"));
    expect(r.problems.map((p) => [p.line, p.column ?? ""])).toEqual([
      [3, "partner_iso3"],
      [5, "year"],
      [5, "exports_usd"],
      [6, ""],
      [7, "year"]
    ]);
    expect(r.rows).toHaveLength(1);
    expect(formatProblem(r.problems[3], "zj.csv")).toBe("zj.csv line 6: expected 4 fields, found 3");
  });

  it("reports an unclosed quote and an empty file", () => {
    expect(validateCustomsCsv(csv("zj,USA,2019,1", 'zj,"USA,2019,1')).problems[0]).toMatchObject({line: 3});
    expect(validateCustomsCsv("").problems[0].message).toMatch(/empty file/);
  });

  it("works on already-parsed records (the page's API)", () => {
    const r = validateCustoms([{region: "zj", partner_iso3: "USA", year: "2019", exports_usd: "-1"}], HEADER.split(","));
    expect(r.problems).toEqual([{line: 2, column: "exports_usd", message: "negative exports -1"}]);
  });
});
