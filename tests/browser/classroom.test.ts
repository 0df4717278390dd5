/**
 * /classroom: every lesson in English and Chinese renders cleanly (no console error, no error cell, no request
 * to another host) and fits 390 px; each lab runs in the workers on Run and gives exactly the Node numbers for
 * the same seed; handouts print to A4 PDF (tests/browser/screenshots/classroom-<lesson>-<lang>.pdf).
 * Screenshots: classroom-<lesson>-<lang>.png, -390.png. The grading flow is in classroom-grading.test.ts.
 */
import {mkdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {openSession, screenshot, SCREENSHOTS, visit, watch} from "./harness.js";
import type {LabName} from "../../src/lib/simulate/labs.js";
import {runAndWait, sameAsNode} from "./classroom-helpers.js";

const LESSONS = ["", "fixed-effects", "demeaning", "standard-errors", "dynamic-panels", "coefficients", "forking-paths", "gravity", "sheet"];
const LAB_OF: Record<string, LabName> = {"fixed-effects": "fe", "standard-errors": "cluster", "dynamic-panels": "nickell", gravity: "gravity"};

/** Lab settings of the walk (English pass): the table must equal Node's runLab for the same seed, exactly. */
const LAB_QUERY: Record<string, string> = {
  fe: "N=30&T=5&beta=0.2&corr=1.1&reps=150&seed=77",
  cluster: "N=42&T=7&beta=0&rho_x=0.9&rho_e=0.7&reps=300&seed=5",
  nickell: "N=42&T=7&rho=0.5&reps=12&seed=3",
  gravity: "N=400&beta0=0.5&beta=1&s0=0.5&s1=1.5&reps=200&seed=9"
};

// plm pgmm's Table 7 on the DSTRI-exports overlap (scripts/reference/gmm-table7-overlap.R).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const PLM_T7: any = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/gmm-table7-overlap/expected.json"), "utf8"));

/** Pages of a PDF (its /Type /Page objects). */
const pdfPages = (buf: Buffer) => (buf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe("classroom", () => {
  it("walks every lesson in both languages (1280 px, 390 px, A4 PDF); labs equal Node for the same seed", async () => {
    const s = await openSession();
    const pages: Record<string, number> = {};
    const small: string[] = [];
    try {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const lang of ["en", "zh"] as const) {
        for (const lesson of LESSONS) {
          await page.setViewportSize({width: 1280, height: 900});
          const lab = LAB_OF[lesson];
          const q = lab ? "&" + (lang === "en" ? LAB_QUERY[lab] : lab === "nickell" ? "reps=10" : "reps=100") : lesson === "sheet" ? "&teacher=1" : "";
          await visit(page, s.url(`/classroom/${lesson}?lang=${lang}${q}`), problems);
          expect(await page.getAttribute("html", "lang")).toBe(lang === "zh" ? "zh-CN" : "en");
          if (lab) {
            expect(await page.$eval(`[data-testid="lab-${lab}"]`, (el) => (el as HTMLElement).dataset.state)).toBe("idle"); // nothing runs before Run
            await runAndWait(page, lab);
            if (lang === "en") await sameAsNode(page, lab, LAB_QUERY[lab]);
          }
          if (lesson === "sheet") {
            await page.fill('textarea[name="roster"]', "Li Wei\nAna Souza");
            await page.click('[data-testid="class-sheet"] button[type="submit"]');
            await page.waitForSelector('[data-testid="sheet-table"]');
          } else if (lesson) {
            await page.waitForFunction(() => (document.querySelector('[data-testid="exercise"]') as HTMLElement | null)?.dataset.state === "ready");
          }
          if (lesson === "dynamic-panels") {
            // Lesson 4's Table 7 rows: plm pgmm's Hansen and AR(2) p-values on the years with both the DSTRI and exports.
            for (const [row, ref] of [["t7-diff", "diff_exo"], ["t7-sys", "sys_exo"]]) {
              const e = PLM_T7.models.find((m: {id: string}) => m.id === ref).expected;
              const text = (await page.textContent(`[data-testid="fact-${row}"]`)) ?? "";
              expect(text).toContain(`${e.n_instruments} `);
              expect(text).toContain(`Hansen p = ${e.hansen.pvalue.toFixed(3)}`);
              expect(text).toContain(`AR(2) p = ${e.ar2.pvalue.toFixed(3)}`);
              expect(text).toContain(`${PLM_T7.meta.years[0]}–${PLM_T7.meta.years[1]}`);
            }
          }
          const name = `classroom-${lesson || "index"}-${lang}`;
          await screenshot(page, name);
          await page.setViewportSize({width: 390, height: 900});
          await page.waitForTimeout(150);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
          await screenshot(page, `${name}-390`);
          if (lesson) {
            await page.setViewportSize({width: 794, height: 1123}); // A4 at 96 dpi
            await page.emulateMedia({media: "print"});
            expect(await page.$eval("#observablehq-sidebar", (el) => getComputedStyle(el).display)).toBe("none");
            expect(await page.$$eval(".cl-controls", (els) => els.every((e) => getComputedStyle(e).display === "none"))).toBe(true);
            if (lesson !== "sheet") expect(await page.$eval(".cl-exercise-seed", (el) => el.textContent)).toMatch(/\d+/);
            // Tables print at 8 pt or more (1 pt = 4/3 px).
            const smallest = await page.$$eval("table td, table th", (els) => Math.min(...els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => parseFloat(getComputedStyle(e).fontSize))));
            if (Number.isFinite(smallest) && smallest < (8 * 4) / 3 - 0.01) small.push(`${lesson}.${lang}: ${smallest} px`);
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
            mkdirSync(SCREENSHOTS, {recursive: true});
            const pdf = await page.pdf({path: join(SCREENSHOTS, `${name}.pdf`), format: "A4", printBackground: true});
            pages[`${lesson}.${lang}`] = pdfPages(pdf);
            await page.emulateMedia({media: "screen"});
          }
        }
      }
      console.log(`[print] PDF pages per lesson: ${JSON.stringify(pages)}`);
      expect(small, "tables below 8 pt in print").toEqual([]);
      for (const [k, n] of Object.entries(pages)) if (!k.startsWith("sheet")) expect(n, k).toBeLessThanOrEqual(3);
      expect(problems).toEqual([]);
    } finally {
      await s.close();
    }
  }, 400_000);
});
