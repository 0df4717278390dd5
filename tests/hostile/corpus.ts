/**
 * The hostile corpus (issue #13): every input a hostile or careless user tried, generated here (no binary
 * files in the repository), with what each of the three readers of customs data must give. The same cases
 * run through the CLI (tests/hostile/cli.test.ts), the loaders (tests/hostile/loaders.test.ts) and the
 * browser pages (tests/browser/hostile.test.ts).
 *
 * `expect.rows`: the file is accepted and these (region, partner, year) -> value pairs reach the panel;
 * `expect.error`: the file is refused as a whole with a one-line message matching it;
 * `expect.problem`: the file is read but a row is refused, with this line and message.
 */

export interface CustomsCase {
  id: string;
  /** Where in issue #13 it comes from ("1" ... "8", or "handled" for cases that already worked). */
  issue: string;
  what: string;
  name: string;
  bytes: () => Uint8Array;
  expect:
    | {rows: Array<[region: string, iso3: string, year: number, value: number]>; encoding?: string; delimiter?: string}
    | {error: RegExp; code: string}
    | {problem: {line: number; column?: string; message: RegExp}; count?: number};
}

const HEADER = "region,partner_iso3,year,exports_usd";
export const enc = (s: string) => new TextEncoder().encode(s);

export function utf16(text: string, order: "le" | "be", bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) {
    out.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff], 0);
    o = 2;
  }
  for (let i = 0; i < text.length; i++, o += 2) {
    const c = text.charCodeAt(i);
    out[o + (order === "le" ? 0 : 1)] = c & 255;
    out[o + (order === "le" ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** A file with `n` rows of negative exports (each one problem): issue case 4, scaled down for CI. */
export function negativeRows(n: number): string {
  const parts = [HEADER];
  const partners = ["USA", "DEU", "FRA", "JPN", "GBR", "KOR", "ITA", "CAN"];
  for (let i = 0; i < n; i++) parts.push(`r${i % 1000},${partners[i % 8]},${1900 + (Math.floor(i / 8000) % 200)},-${i + 1}`);
  return parts.join("\n") + "\n";
}

export const CUSTOMS_CASES: CustomsCase[] = [
  {
    id: "reordered", issue: "1", what: "columns in another order (region, partner_iso3, exports_usd, year)", name: "reordered.csv",
    bytes: () => enc("region,partner_iso3,exports_usd,year\nzj,USA,2018,2019\nzj,DEU,7,2019\n"),
    expect: {rows: [["zj", "USA", 2019, 2018], ["zj", "DEU", 2019, 7]]}
  },
  {
    id: "partner-first", issue: "1", what: "partner_iso3 before region", name: "partner-first.csv",
    bytes: () => enc("partner_iso3,region,year,exports_usd\nUSA,zj,2019,10\nDEU,wz,2019,20\n"),
    expect: {rows: [["zj", "USA", 2019, 10], ["wz", "DEU", 2019, 20]]}
  },
  {
    id: "padded", issue: "2", what: "cells padded with spaces", name: "padded.csv",
    bytes: () => enc(" region , partner_iso3 , year , exports_usd \n zj , USA , 2019 , 100 \n zj , DEU , 2019 , 200 \n"),
    expect: {rows: [["zj", "USA", 2019, 100], ["zj", "DEU", 2019, 200]]}
  },
  {
    id: "region-cn", issue: "3", what: "region cn (would overwrite China's own exports)", name: "cn.csv",
    bytes: () => enc(`${HEADER}\ncn,USA,2019,132900842\n`),
    expect: {problem: {line: 2, column: "region", message: /region "cn" would overwrite the panel's column exports_cn_usd/}}
  },
  {
    id: "many-problems", issue: "4", what: "20,000 rows of negative exports (the 1M-row case, scaled down)", name: "negative.csv",
    bytes: () => enc(negativeRows(20_000)),
    expect: {problem: {line: 2, column: "exports_usd", message: /negative exports -1/}, count: 20_000}
  },
  {
    id: "utf16le", issue: "5", what: "UTF-16 LE with BOM (Excel's \"Unicode text\")", name: "utf16le.csv",
    bytes: () => utf16(`${HEADER}\r\nzj,USA,2019,5\r\n`, "le"),
    expect: {rows: [["zj", "USA", 2019, 5]], encoding: "utf-16le"}
  },
  {
    id: "utf16be", issue: "5", what: "UTF-16 BE without BOM", name: "utf16be.csv",
    bytes: () => utf16(`${HEADER}\nwz,DEU,2018,6\n`, "be", false),
    expect: {rows: [["wz", "DEU", 2018, 6]], encoding: "utf-16be"}
  },
  {
    id: "utf8-bom", issue: "5", what: "UTF-8 with BOM", name: "bom.csv",
    bytes: () => new Uint8Array([0xef, 0xbb, 0xbf, ...enc(`${HEADER}\nzj,FRA,2017,8\n`)]),
    expect: {rows: [["zj", "FRA", 2017, 8]], encoding: "utf-8 (BOM)"}
  },
  {
    id: "xlsx", issue: "8", what: "an Excel workbook renamed .csv", name: "book.csv",
    bytes: () => Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, ...enc("[Content_Types].xml")),
    expect: {error: /Excel workbook \(\.xlsx\)/, code: "excel"}
  },
  {
    id: "xls", issue: "8", what: "an Excel 97-2003 workbook renamed .csv", name: "old.csv",
    bytes: () => Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0),
    expect: {error: /Excel 97-2003 workbook/, code: "excel"}
  },
  {
    id: "binary", issue: "8", what: "random binary bytes", name: "noise.csv",
    bytes: () => Uint8Array.from({length: 256}, (_, i) => (i * 73 + 11) % 256),
    expect: {error: /binary file, not text/, code: "binary"}
  },
  {
    id: "semicolon", issue: "8", what: "a semicolon-separated file (read, and said so)", name: "semicolon.csv",
    bytes: () => enc("region;partner_iso3;year;exports_usd\nzj;USA;2016;9.5\n"),
    expect: {rows: [["zj", "USA", 2016, 9.5]], delimiter: ";"}
  },
  {
    id: "mis-delimited", issue: "8", what: "a comma header over semicolon lines", name: "mixed.csv",
    bytes: () => enc(`${HEADER}\nzj;USA;2016;9.5\n`),
    expect: {problem: {line: 2, message: /expected 4 fields, found 1 \(this line is separated by semicolons, the header by commas\)/}}
  },
  {
    id: "raw-records", issue: "#11", what: "raw customs transaction records", name: "records.csv",
    bytes: () => enc("year,month,firm_id,region_code,partner_iso3,hs_code,customs_mode,value_usd\n2019,3,F001,330302,USA,850440,9610,1250.5\n"),
    expect: {error: /dtb customs aggregate --input FILE --regions zj=33,wz=3303 \[--modes cbec=9610,9710,9810,1210\] --out customs\.csv/, code: "raw-records"}
  },
  {
    id: "html-cell", issue: "handled", what: "HTML in a cell", name: "html.csv",
    bytes: () => enc(`${HEADER}\n<img src=x onerror=alert(1)>,USA,2019,1\n`),
    expect: {problem: {line: 2, column: "region", message: /<img src=x onerror=alert\(1\)>/}}
  },
  {
    id: "formula-cell", issue: "handled", what: "a spreadsheet formula in a cell", name: "formula.csv",
    bytes: () => enc(`${HEADER}\nzj,USA,2019,"=HYPERLINK(""http://example.com"")"\n`),
    expect: {problem: {line: 2, column: "exports_usd", message: /is not a number/}}
  },
  {
    id: "unclosed-quote", issue: "handled", what: "an unclosed quote", name: "quote.csv",
    bytes: () => enc(`${HEADER}\nzj,"USA,2019,1\n`),
    expect: {problem: {line: 2, message: /quoted field is never closed/}}
  }
];

/** Specs for `dtb estimate` (issue cases 7 and 8). */
export const SPEC_CASES: Array<{id: string; issue: string; what: string; spec: string; data?: string; error: RegExp}> = [
  {id: "deep-json", issue: "8", what: "a spec nested 100,000 levels deep", spec: "[".repeat(100_000) + "]".repeat(100_000), error: /is not valid JSON: nesting deeper than 64 levels at line 1 column 65/},
  {id: "repeated-key", issue: "8", what: "a repeated key", spec: '{"id": "iso3", "time": "year", "y": "y", "x": ["x"], "y": "z"}', error: /is not valid JSON: key "y" is repeated \(first at line 1 column 32\) at line 1 column 54/},
  {id: "truncated-json", issue: "8", what: "JSON cut short", spec: '{"id": "iso3", "time": ', error: /is not valid JSON: unexpected end of input at line 1 column 24/},
  {id: "constant-fe", issue: "7", what: "constant y with fixed effects", spec: '{"id": "iso3", "time": "year", "y": "c", "x": ["x"], "fe": ["iso3", "year"]}', error: /the outcome 'c' is constant \(3\) in all 9 rows/},
  {id: "constant-pooled", issue: "7", what: "pooled OLS on a constant y", spec: '{"id": "iso3", "time": "year", "y": "c", "x": ["x"], "fe": []}', error: /the outcome 'c' is constant \(3\)/},
  {id: "fe-explains-y", issue: "7", what: "y explained exactly by the fixed effects", spec: '{"id": "iso3", "time": "year", "y": "a", "x": ["x"], "fe": ["iso3", "year"]}', error: /no variation within the fixed effects \(iso3, year\)/}
];

/** A 3 x 3 panel for the degenerate-model specs: c constant, a = partner effect + year effect. */
export const DEGENERATE_CSV = [
  "iso3,year,x,c,a",
  "USA,2017,0.5,3,11", "USA,2018,1,3,21", "USA,2019,2,3,31",
  "DEU,2017,1,3,12", "DEU,2018,1.5,3,22", "DEU,2019,1,3,32",
  "FRA,2017,3,3,14", "FRA,2018,2,3,24", "FRA,2019,3.5,3,34"
].join("\n") + "\n";

/** URL values the pages that read URL state must list in a visible note (never inject, never fail). */
export const URL_CASES: Array<{page: string; query: string; listed: string}> = [
  {page: "/whatif", query: "?partner=XXX&score=abc", listed: "partner=XXX"},
  {page: "/whatif", query: "?area=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", listed: "area=<img src=x onerror=alert(1)>"},
  {page: "/whatif", query: "?score=5", listed: "score=5"},
  {page: "/support", query: "?level=%3Cscript%3Ealert(1)%3C%2Fscript%3E", listed: "level=<script>alert(1)</script>"},
  {page: "/explorer", query: "?y=%3Csvg%20onload%3Dalert(1)%3E", listed: "<svg onload=alert(1)>"}
];
