// The one customs reader and merge: order, padding, line ends and encoding never change the merged panel;
// binary, Excel, raw records, colliding regions and mis-delimited files are named.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {readCustomsBytes, readCustomsText, AGGREGATE_COMMAND} from "../../../src/lib/customs/read.js";
import {customsColumns, mergeCustomsRows} from "../../../src/lib/customs/merge.js";
import {PANEL_BASE_COLUMNS, regionCollision} from "../../../src/lib/customs/columns.js";
import {checkCustomsTask, packRows, unpackRows} from "../../../src/lib/customs/task.js";
import type {CustomsRow} from "../../../src/lib/customs/validate.js";

const COLS = ["region", "partner_iso3", "year", "exports_usd"] as const;
const PARTNERS = ["USA", "DEU", "FRA", "JPN", "KOR", "GBR"];
const enc = (s: string) => new TextEncoder().encode(s);

function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) out.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff], o), (o += 2);
  for (let i = 0; i < text.length; i++, o += 2) {
    const c = text.charCodeAt(i);
    if (order === "le") (out[o] = c & 255), (out[o + 1] = c >> 8);
    else (out[o] = c >> 8), (out[o + 1] = c & 255);
  }
  return out;
}

/** A small panel: PARTNERS x 2015-2020, as the merge sees it. */
const panel = PARTNERS.flatMap((iso3) => [2015, 2016, 2017, 2018, 2019, 2020].map((year) => ({iso3, year, lnexport_cn: 1})));

const rowArb = fc.record({
  region: fc.constantFrom("zj", "wz", "zj_cbec"),
  partner_iso3: fc.constantFrom(...PARTNERS),
  year: fc.integer({min: 2015, max: 2020}),
  exports_usd: fc.oneof(fc.integer({min: 0, max: 1e12}), fc.double({min: 0, max: 1e12, noNaN: true}))
});
const rowsArb = fc.uniqueArray(rowArb, {selector: (r) => `${r.region}|${r.partner_iso3}|${r.year}`, minLength: 1, maxLength: 30});

describe("one customs reader: form never changes the merged panel", () => {
  it("column order, padding, delimiter, line ends and encoding", async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.shuffledSubarray([0, 1, 2, 3], {minLength: 4, maxLength: 4}),
        fc.array(fc.constantFrom("", " ", "  ", "\t"), {minLength: 8, maxLength: 8}),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.constantFrom(",", ";", "\t", "|"),
        fc.constantFrom("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-16le-nobom", "utf-16be-nobom"),
        fc.boolean(),
        async (rows, order, pads, eol, delim, encoding, trailingEol) => {
          const pad = (v: string, k: number) => (delim === "\t" ? v : pads[k % 8] + v + pads[(k + 3) % 8]);
          const cell = (r: CustomsRow, c: (typeof COLS)[number]) => (c === "exports_usd" ? String(r.exports_usd) : String(r[c]));
          const lines = [order.map((j, k) => pad(COLS[j], k)).join(delim), ...rows.map((r, i) => order.map((j, k) => pad(cell(r, COLS[j]), i + k)).join(delim))];
          const text = lines.join(eol) + (trailingEol ? eol : "");
          const bytes =
            encoding === "utf-8" ? enc(text)
            : encoding === "utf-8-bom" ? new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)])
            : utf16(text, encoding.includes("be") ? "be" : "le", !encoding.endsWith("nobom"));
          const read = await readCustomsBytes(bytes);
          expect(read.error).toBeNull();
          expect(read.problems).toEqual([]);
          expect(read.delimiter).toBe(delim);
          const expected = mergeCustomsRows(panel, rows);
          expect(mergeCustomsRows(panel, read.rows)).toEqual(expected);
        }
      ),
      {numRuns: 150, seed: 13}
    );
  });

  it("issue case 1: columns in another order are read by name (USA 2019 = 2,018, not 2019 = 2,018 swapped)", () => {
    const r = readCustomsText("region,partner_iso3,exports_usd,year\nzj,USA,2018,2019\n");
    expect(r.rows).toEqual([{region: "zj", partner_iso3: "USA", year: 2019, exports_usd: 2018}]);
    const r2 = readCustomsText("partner_iso3,region,year,exports_usd\nDEU,zj,2019,5\n");
    expect(r2.rows[0]).toMatchObject({region: "zj", partner_iso3: "DEU"});
  });

  it("issue case 2: padded cells are trimmed before the merge", () => {
    const r = readCustomsText("region,partner_iso3,year,exports_usd\n zj , USA , 2019 , 100 \n");
    const m = customsColumns({iso3: ["USA"], year: [2019]}, r.rows, ["iso3", "year"]);
    expect(m.matched).toBe(1);
    expect(m.columns.exports_zj_usd[0]).toBe(100);
  });

  it("says which encoding and delimiter it saw", async () => {
    const r = await readCustomsBytes(utf16("region;partner_iso3;year;exports_usd\r\nzj;USA;2019;1\r\n", "le", true));
    expect([r.encoding, r.delimiter, r.rows.length]).toEqual(["utf-16le", ";", 1]);
    const g = await readCustomsBytes(Uint8Array.of(...enc("region,partner_iso3,year,exports_usd\nzj,USA,2019,1\n"), 0x23, 0xd5, 0xe3, 0x0a)); // "#浙" in GB18030 at the end
    expect(g.encoding).toBe("gb18030");
  });
});

describe("region codes that collide with a panel column are refused", () => {
  it("issue case 3: cn is refused in the file and in the merge", () => {
    const r = readCustomsText("region,partner_iso3,year,exports_usd\ncn,USA,2019,132900842\n");
    expect(r.rows).toEqual([]);
    expect(r.problems[0]).toMatchObject({line: 2, column: "region"});
    expect(r.problems[0].message).toMatch(/would overwrite the panel's column exports_cn_usd/);
    const row = {region: "cn", partner_iso3: "USA", year: 2019, exports_usd: 1};
    expect(() => customsColumns({iso3: ["USA"], year: [2019]}, [row], PANEL_BASE_COLUMNS)).toThrow(/region "cn" would overwrite/);
  });
  it("any region producing an existing column, and only those", () => {
    expect(regionCollision("zj", [...PANEL_BASE_COLUMNS, "exports_zj_usd"])).toMatch(/exports_zj_usd/);
    expect(regionCollision("wz", [...PANEL_BASE_COLUMNS, "lnexport_wz"])).toMatch(/lnexport_wz/);
    expect(regionCollision("zj")).toBeNull();
    expect(regionCollision("cn_cbec")).toBeNull();
  });
});

describe("files that are not a customs CSV are named", () => {
  const cases: Array<[string, Uint8Array, string, RegExp]> = [
    ["xlsx renamed .csv", Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0), "excel", /Excel workbook \(\.xlsx\)/],
    ["xls renamed .csv", Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), "excel", /Excel 97-2003/],
    ["gzip", Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0), "binary", /gzip/],
    ["random binary", Uint8Array.of(1, 2, 0, 4, 5, 0, 0, 9), "binary", /binary file/],
    ["raw transaction records", enc("year,month,firm_id,region_code,partner_iso3,hs_code,customs_mode,value_usd\n2019,1,f1,330302,USA,8501,9610,12\n"), "raw-records", /dtb customs aggregate --input FILE --regions zj=33,wz=3303 \[--modes cbec=9610,9710,9810,1210\] --out customs\.csv/],
    ["empty", enc(""), "empty", /empty file/],
    ["not UTF-8 nor GB18030", Uint8Array.of(...enc("region,partner_iso3,year,exports_usd\n"), 0xff, 0xff, 0x0a), "encoding", /neither UTF-8/]
  ];
  for (const [name, bytes, code, message] of cases) {
    it(name, async () => {
      const r = await readCustomsBytes(bytes);
      expect(r.error?.code).toBe(code);
      expect(r.error?.message).toMatch(message);
      expect(r.error?.message).not.toMatch(/\n/);
    });
  }
  it("the command shown for raw records is exactly #11's", () => {
    expect(AGGREGATE_COMMAND).toBe("dtb customs aggregate --input FILE --regions zj=33,wz=3303 [--modes cbec=9610,9710,9810,1210] --out customs.csv");
  });
  it("a space-separated header and lines split by another delimiter get a hint", () => {
    expect(readCustomsText("region partner_iso3 year exports_usd\nzj USA 2019 1\n").problems.at(-1)?.message).toMatch(/separated by spaces/);
    const r = readCustomsText("region,partner_iso3,year,exports_usd\nzj;USA;2019;1\n");
    expect(r.problems[0].message).toMatch(/expected 4 fields, found 1 \(this line is separated by semicolons, the header by commas\)/);
  });
});

describe("the worker task keeps memory bounded", () => {
  it("keeps 200 problems, counts the rest, offers all as CSV, returns only rows matching the panel", async () => {
    const lines = ["region,partner_iso3,year,exports_usd"];
    for (let i = 0; i < 1000; i++) lines.push(`zj,USA,${2000 + (i % 20)},-${i + 1}`);
    lines.push("wz,USA,2019,5", "wz,BRA,2019,5");
    const r = await checkCustomsTask({file: enc(lines.join("\n")), panel: {iso3: ["USA"], year: [2019], columns: ["iso3", "year"]}});
    expect(r.problems).toHaveLength(200);
    expect(r.problemCount).toBe(1000);
    expect(r.problems[0]).toEqual({line: 2, column: "exports_usd", message: "negative exports -1"});
    const all = await r.allProblems!.text();
    expect(all.trim().split("\n")).toHaveLength(1001);
    expect(r.valid).toBe(2);
    expect(unpackRows(r.rows)).toEqual([{region: "wz", partner_iso3: "USA", year: 2019, exports_usd: 5}]);
    expect(r.unmatchedCount).toBe(1);
  });
  it("packs rows into typed arrays and back without loss", () => {
    const rows = [{region: "zj", partner_iso3: "USA", year: 2019, exports_usd: 0.1 + 0.2}, {region: "wz", partner_iso3: "DEU", year: 2008, exports_usd: 1e15}];
    expect(unpackRows(packRows(rows))).toEqual(rows);
    expect(unpackRows(packRows(rows), new Set(["wz"]))).toEqual([rows[1]]);
  });
  it("refuses a file over 50 MB before reading it", async () => {
    const r = await checkCustomsTask({file: new Uint8Array(50 * 1024 * 1024 + 1)});
    expect(r.error?.code).toBe("too-big");
  });
});
