/**
 * The hostile corpus in the browser (issue #13): every customs case on the customs page and a selection in
 * the explorer's customs input (both read in the customs Web Worker with the one reader), and invalid or
 * injecting URL values on every page that reads URL state, listed in a visible note, never as markup.
 */
import {describe, expect, it} from "vitest";
import {screenshot, visit, watch, withBrowser} from "./harness.js";
import {CUSTOMS_CASES, URL_CASES} from "../hostile/corpus.js";

const usd = (v: number) => (v >= 1e6 ? null : `US$${Math.round(v).toLocaleString("en-US")}`);

describe("hostile customs files on the customs page", () => {
  it("each case gives the right numbers or a clear message", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url("/customs?lang=en"), problems);
      for (const c of CUSTOMS_CASES) {
        await page.setInputFiles("#customs-file", {name: c.name, mimeType: "text/csv", buffer: Buffer.from(c.bytes())});
        await page.waitForFunction((name) => {
          const root = document.querySelector(".customs-upload") as HTMLElement;
          return root.dataset.state !== "busy" && (root.querySelector(".customs-status")?.textContent ?? "").includes(name);
        }, c.name, {timeout: 120_000});
        const state = await page.getAttribute(".customs-upload", "data-state");
        const status = (await page.textContent(".customs-status")) ?? "";
        if ("rows" in c.expect) {
          expect(state, c.id).toBe("valid");
          expect(status, c.id).toMatch(/0 problems/);
          if (c.expect.encoding) expect(status, c.id).toContain(`read as ${c.expect.encoding.toUpperCase().replace("UTF-16LE", "UTF-16 LE").replace("UTF-16BE", "UTF-16 BE")}`);
          if (c.expect.delimiter === ";") expect(status, c.id).toContain("semicolon-separated");
          const preview = (await page.textContent("table.preview")) ?? "";
          for (const [region, , , value] of c.expect.rows) {
            expect(preview, c.id).toContain(`exports_${region}_usd`);
            const shown = usd(value);
            if (shown) expect(preview, `${c.id}: ${value}`).toContain(shown);
          }
        } else if ("error" in c.expect) {
          expect(state, c.id).toBe(c.expect.code === "raw-records" ? "raw-records" : "error");
          expect(status, c.id).toMatch(c.expect.error);
          if (c.expect.code === "raw-records") expect(await page.textContent(".customs-raw code")).toBe("dtb customs aggregate --input FILE --regions zj=33,wz=3303 [--modes cbec=9610,9710,9810,1210] --out customs.csv");
        } else {
          expect(state, c.id).toBe("invalid");
          const first = await page.$eval("table.problems tbody tr", (tr) => Array.from(tr.querySelectorAll("td"), (td) => td).map((td) => td.textContent));
          expect(Number(first[0]), c.id).toBe(c.expect.problem.line);
          if (c.expect.problem.column) expect(first[1], c.id).toBe(c.expect.problem.column);
          expect(first[2], c.id).toMatch(c.expect.problem.message);
          const rows = await page.$$eval("table.problems tbody tr", (r) => r.length);
          if (c.expect.count) {
            // At most 200 problems in the page, the rest counted and downloadable.
            expect(rows).toBe(200);
            expect(await page.textContent(".customs-more")).toContain(`${c.expect.count - 200} more are not shown`);
            const download = page.waitForEvent("download");
            await page.click(".customs-more a");
            const text = await (await download).createReadStream().then(async (st) => {
              let s = "";
              for await (const chunk of st) s += chunk;
              return s;
            });
            expect(text.trim().split("\n")).toHaveLength(c.expect.count + 1);
          }
          // File content is never markup.
          expect(await page.$$eval(".customs-report img", (imgs) => imgs.length)).toBe(0);
        }
        if (["region-cn", "raw-records", "many-problems", "xlsx"].includes(c.id)) await screenshot(page, `hostile-customs-${c.id}`);
      }
      expect(problems).toEqual([]);
    });
  }, 600_000);

  it("the explorer's customs input shows where each problem is, and names unreadable files", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url("/explorer?lang=en"), problems);
      const pick = (id: string) => CUSTOMS_CASES.find((c) => c.id === id)!;
      for (const id of ["region-cn", "xlsx", "utf16le", "reordered"]) {
        const c = pick(id);
        await page.setInputFiles("#ex-customs", {name: c.name, mimeType: "text/csv", buffer: Buffer.from(c.bytes())});
        await page.waitForFunction((name) => {
          const root = document.querySelector(".ex-customs") as HTMLElement;
          return root.dataset.state !== "busy" && (root.querySelector(".ex-hint")?.textContent ?? "").includes(name);
        }, c.name, {timeout: 120_000});
        const status = (await page.textContent(".ex-customs .ex-hint")) ?? "";
        if ("problem" in c.expect) {
          const first = await page.$eval(".ex-customs table.problems tbody tr", (tr) => Array.from(tr.querySelectorAll("td"), (td) => td).map((td) => td.textContent));
          expect(Number(first[0])).toBe(c.expect.problem.line);
          expect(first[1]).toBe(c.expect.problem.column);
          expect(first[2]).toMatch(c.expect.problem.message);
        } else if ("error" in c.expect) {
          expect(status).toMatch(c.expect.error);
        } else {
          expect(status).toMatch(/0 problems/);
        }
      }
      // The reordered file's region became an outcome.
      await page.waitForFunction(() => Array.from(document.querySelectorAll("select option")).some((o) => (o as HTMLOptionElement).value === "lnexport_zj"), undefined, {timeout: 60_000});
      await screenshot(page, "hostile-explorer-customs");
      expect(problems).toEqual([]);
    });
  }, 300_000);
});

describe("URL values on pages that read URL state", () => {
  it("invalid values are listed in a visible note, as text", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const c of URL_CASES) {
        await visit(page, s.url(`${c.page}${c.query}&lang=en`), problems);
        const notes = await page.$$eval(".whatif-ignored, .sx-note, .ex-ignored", (els) => els.map((e) => e.textContent ?? ""));
        expect(notes.join(" "), `${c.page}${c.query}`).toContain(c.listed);
        expect(await page.$$eval("img[src='x'], svg[onload]", (e) => e.length), c.page).toBe(0);
        expect(await page.evaluate(() => (window as unknown as {__xss?: boolean}).__xss)).toBeUndefined();
      }
      await visit(page, s.url("/whatif?partner=XXX&score=5&lang=zh"), problems);
      expect(await page.textContent(".whatif-ignored")).toContain("链接中的部分参数无法识别");
      await screenshot(page, "hostile-whatif-url-zh");
      expect(problems).toEqual([]);
    });
  }, 300_000);

  it("random URL values never break a page (fuzz, seeded)", async () => {
    const {createRng} = await import("../../src/lib/random/rng.js");
    const rng = createRng("hostile-url");
    const alphabet = ["<", ">", "\"", "'", "%", "&", "=", "?", "#", "/", "\\", "..", "\u0000", "💥", "中", "script", "0", "-1", "1e309", "NaN", " "];
    const params = ["partner", "area", "score", "level", "q", "view", "y", "x", "fe", "se", "yr", "est", "lang"];
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const path of ["/whatif", "/support", "/explorer"]) {
        for (let k = 0; k < 4; k++) {
          const q = new URLSearchParams();
          for (let j = 0; j < 3; j++) {
            const name = params[rng.int(params.length)];
            let v = "";
            for (let t = 0; t < 1 + rng.int(6); t++) v += alphabet[rng.int(alphabet.length)];
            q.append(name, v);
          }
          await visit(page, s.url(`${path}?${q}`), problems);
          expect(await page.$$eval(".observablehq--error", (e) => e.length), `${path}?${q}`).toBe(0);
        }
      }
      expect(problems).toEqual([]);
    });
  }, 300_000);
});
