import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {parseCsv} from "../../../src/lib/table/csv.js";
import {requireNumeric, numericColumnsOfSpec} from "../../../src/lib/table/numeric.js";
import {HAVE_SHARED_REFERENCE} from "../../helpers/shared.ts";
import {fixturePath, REPO_ROOT} from "./fixture-helpers.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("parseCsv", () => {
  it("types columns and reads missing tokens", () => {
    const t = parseCsv('id,t,y\n"A",1,2.5\n"A",2,NA\nB,3,.\nB,4,NaN\nC,5,\n', "p.csv");
    expect(t.frame.nrows).toBe(5);
    expect(t.frame.columns.id).toEqual(["A", "A", "B", "B", "C"]);
    expect(Array.from(t.frame.columns.t as Float64Array)).toEqual([1, 2, 3, 4, 5]);
    const y = t.frame.columns.y as Float64Array;
    expect(y).toBeInstanceOf(Float64Array);
    expect(y[0]).toBe(2.5);
    expect([1, 2, 3, 4].every((i) => Number.isNaN(y[i]))).toBe(true);
    expect(t.notNumeric).toEqual({id: {where: "line 2", value: "A"}});
  });

  it("BOM + CRLF + quoted fields give the same frame as plain LF", () => {
    const plain = parseCsv("id,year,y\nA,2008,1.5\nB,2009,-2e-3\n", "a.csv");
    const fancy = parseCsv(enc('\uFEFF"id","year","y"\r\n"A","2008", 1.5 \r\n"B",2009,"-2e-3"\r\n'), "b.csv");
    expect(fancy.frame).toEqual(plain.frame);
  });

  it("handles quotes inside quotes, commas and newlines in quoted fields, and counts file lines", () => {
    const t = parseCsv('name,v\n"say ""hi"", ok",1\n"two\nlines",2\nx,oops\n', "q.csv");
    expect(t.frame.columns.name).toEqual(['say "hi", ok', "two\nlines", "x"]);
    // "oops" is on file line 5 (the quoted field spans lines 3-4).
    expect(t.notNumeric.v).toEqual({where: "line 5", value: "oops"});
  });

  it("skips blank lines and accepts a missing final newline", () => {
    const t = parseCsv("a,b\n1,2\n\n3,4", "b.csv");
    expect(t.frame.nrows).toBe(2);
    expect(Array.from(t.frame.columns.b as Float64Array)).toEqual([2, 4]);
  });

  it("keeps an all-missing column numeric (all NaN)", () => {
    const t = parseCsv("a,b\n1,\n2,NA\n", "m.csv");
    expect(t.frame.columns.b).toBeInstanceOf(Float64Array);
  });

  it("header only: zero rows", () => {
    const t = parseCsv("a,b\n", "h.csv");
    expect(t.frame.nrows).toBe(0);
  });

  it("reads the project's own fixture panel", () => {
    const t = parseCsv(readFileSync(resolve(REPO_ROOT, "tests/fixtures/unbalanced_gaps.csv")), "unbalanced_gaps.csv");
    expect(t.frame.nrows).toBe(446);
    expect(Object.keys(t.frame.columns)).toEqual(["country", "year", "y", "dstri", "lngdp", "lnpopu", "gov", "urban"]);
    expect((t.frame.columns.y as Float64Array)[0]).toBe(17.965305);
    expect(Number.isNaN((t.frame.columns.y as Float64Array)[14])).toBe(true); // "AUT",2010,NA (file line 16)
    expect(Number.isNaN((t.frame.columns.dstri as Float64Array)[105])).toBe(true); // "DEU",2013,19.369724,NA (line 107)
  });

  it.skipIf(!HAVE_SHARED_REFERENCE)("reads the shared reference fixture (skipped on a bare clone)", () => {
    const t = parseCsv(readFileSync(fixturePath("panel")), "panel.csv");
    expect(t.frame.nrows).toBe(420);
    expect(Object.keys(t.frame.columns)).toEqual(["country", "year", "y", "dstri", "lngdp", "lnpopu", "gov", "urban"]);
    expect((t.frame.columns.y as Float64Array)[0]).toBe(14.756696);
    expect(Number.isNaN((t.frame.columns.y as Float64Array)[10])).toBe(true); // "AUS",2018,, (file line 12)
  });
});

describe("parseCsv errors (one line, naming file and line)", () => {
  const cases: Array<[string, string | Uint8Array, RegExp]> = [
    ["empty file", "", /^e\.csv: the file is empty/],
    ["duplicate header", "a,b,a\n1,2,3\n", /^e\.csv line 1: duplicate column name "a" \(columns 1 and 3\)$/],
    ["empty header name", "a,,c\n1,2,3\n", /^e\.csv line 1: column 2 has an empty name$/],
    ["ragged row", "a,b\n1,2\n3\n4,5\n", /^e\.csv line 3: 1 fields, but the header has 2$/],
    ["too many fields", "a,b\r\n1,2\r\n3,4,5\r\n", /^e\.csv line 3: 3 fields, but the header has 2$/],
    ["unclosed quote", 'a,b\n1,"2\n3,4\n', /^e\.csv line 2: a quoted field is never closed$/],
    ["text after quote", 'a,b\n1,"2"x\n', /^e\.csv line 2: unexpected text after a closing quote/],
    ["Inf", "a,b\n1,2\n3,Inf\n", /^e\.csv: column "b" line 3: infinite value "Inf"/],
    ["-Infinity", "a,b\n1,-Infinity\n", /^e\.csv: column "b" line 2: infinite value "-Infinity"/],
    ["overflow", "a\n1e999\n", /^e\.csv: column "a" line 2: infinite value "1e999"/],
    ["NUL byte", new Uint8Array([0x61, 0x0a, 0x31, 0x00, 0x32]), /^e\.csv: binary file, not text \(NUL byte at line 2\)/],
    ["invalid UTF-8", new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x0a]), /^e\.csv: not valid UTF-8 text \(line 3\)/]
  ];
  for (const [label, input, pattern] of cases) {
    it(label, () => {
      let message = "";
      try {
        parseCsv(input, "e.csv");
      } catch (error) {
        expect((error as Error).name).toBe("UserError");
        message = (error as Error).message;
      }
      expect(message).toMatch(pattern);
      expect(message).not.toContain("\n");
    });
  }
});

describe("requireNumeric", () => {
  it("points at the first non-numeric cell", () => {
    const t = parseCsv("id,gdp\nA,1\nA,2\nB,abc\nB,def\n", "p.csv");
    expect(() => requireNumeric(t, ["gdp"])).toThrow('p.csv: column "gdp" line 4: "abc" is not a number');
    expect(() => requireNumeric(t, ["missing_col"])).not.toThrow();
  });
  it("lists y, lag bases and (with lags) time", () => {
    expect(numericColumnsOfSpec({id: "c", time: "t", y: "y", x: ["L.d", "L2.d", "g"]})).toEqual(["y", "d", "g", "t"]);
    expect(numericColumnsOfSpec({id: "c", time: "t", y: "y", x: ["g"]})).toEqual(["y", "g"]);
  });
});
