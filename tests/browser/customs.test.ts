/**
 * The customs page: a valid CSV is merged with the panel (preview shown, no problems); an invalid CSV gets
 * every problem listed with its line. The file is read in the customs Web Worker (no DuckDB on this page).
 */
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, it} from "vitest";
import {screenshot, visit, watch, withBrowser} from "./harness.js";

const VALID = "region,partner_iso3,year,exports_usd\nzj,USA,2019,1000000\nzj,DEU,2019,250000.5\nwz,USA,2019,40000\nwz,FRA,2018,0\nzj,ATA,2019,5\n";
// Problems on lines 3, 4, 5 and 6; line 2 is fine; line 7 duplicates line 2.
const INVALID = [
  "region,partner_iso3,year,exports_usd",
  "zj,USA,2019,1000000",
  "ZJ,USA,2019,1",
  "zj,usa,2019,2",
  "zj,DEU,19,3",
  "zj,FRA,2019,\"1,000\"",
  "zj,USA,2019,5",
  "<img src=x onerror=alert(1)>,DEU,2019,1"
].join("\n");

/** A small Parquet file (snappy, as DuckDB writes by default) with one bad partner code on row 3. */
async function parquetFixture(): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "dtb-parquet-"));
  const path = join(dir, "customs.parquet");
  try {
    const db = await DuckDBInstance.create(":memory:");
    const conn = await db.connect();
    await conn.run(`COPY (SELECT * FROM (VALUES ('zj', 'USA', 2019, 1000000.0), ('zj', 'JPN', 2020, 5.5), ('wz', 'XXX', 2019, 7.0))
      t(region, partner_iso3, year, exports_usd)) TO '${path}' (FORMAT parquet)`);
    conn.closeSync();
    return readFileSync(path);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const file = (name: string, text: string) => ({name, mimeType: "text/csv", buffer: Buffer.from(text)});

describe("customs upload", () => {
  it("merges a valid file and lists every problem of an invalid one by line", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url("/customs?lang=en"), problems);
      // The template link is shown in the language being read (each language's prose has its own link).
      expect(await page.isVisible('a[download="customs-template.csv"]')).toBe(true);

      await page.setInputFiles("#customs-file", file("valid.csv", VALID));
      await page.waitForSelector('.customs-upload[data-state="valid"]', {timeout: 60_000});
      const status = await page.textContent(".customs-status");
      expect(status).toContain("0 problems");
      expect(status).toContain("4 of 5 partner-years match");
      const header = await page.$$eval("table.preview th", (ths) => ths.map((t) => t.textContent));
      expect(header).toEqual(expect.arrayContaining(["exports_zj_usd", "lnexport_zj", "exports_wz_usd", "lnexport_wz"]));
      expect(await page.$$eval("table.preview tbody tr", (r) => r.length)).toBe(3);
      expect(await page.textContent(".customs-preview")).toContain("ATA");
      await screenshot(page, "customs-valid");

      await page.setInputFiles("#customs-file", file("invalid.csv", INVALID));
      await page.waitForSelector('.customs-upload[data-state="invalid"]', {timeout: 60_000});
      const lines = await page.$$eval("table.problems tbody tr", (rows) => rows.map((r) => Number((r as HTMLElement).dataset.line)));
      expect([...new Set(lines)]).toEqual([3, 4, 5, 6, 7, 8]);
      // File content is shown as text, never parsed as markup.
      expect(await page.$$eval(".customs-report img", (imgs) => imgs.length)).toBe(0);
      expect(await page.textContent("table.problems")).toContain("<img src=x");
      // The one valid row (line 2) is still merged.
      expect(await page.$$eval("table.preview tbody tr", (r) => r.length)).toBe(1);
      await screenshot(page, "customs-invalid");

      await page.setInputFiles("#customs-file", {name: "customs.parquet", mimeType: "application/octet-stream", buffer: await parquetFixture()});
      await page.waitForSelector('.customs-upload[data-state="invalid"] table.preview', {timeout: 60_000});
      expect(await page.$$eval("table.problems tbody tr", (rows) => rows.map((r) => (r as HTMLElement).dataset.line))).toEqual(["3"]);
      expect(await page.textContent("table.problems thead")).toContain("Row");
      expect(await page.$$eval("table.preview tbody tr", (r) => r.length)).toBe(2);
      await screenshot(page, "customs-parquet");

      await page.setInputFiles("#customs-file", {name: "notes.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])});
      await page.waitForSelector('.customs-upload[data-state="error"]');
      expect(await page.textContent(".customs-status")).toContain("Excel workbook");
      // DuckDB-wasm is never downloaded by this page.
      expect(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /duckdb/i.test(e.name)).length)).toBe(0);

      expect(problems).toEqual([]);
    });
  });
});
