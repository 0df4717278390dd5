/**
 * Issue #21 in the browser: the verdict card on Home and Replication (its numbers equal the Replication page's
 * own tables, computed in the browser; first screen at 1280 px; no sideways overflow at 390 px), and the
 * explorer's broken GMM case (Difference GMM, one-year lag, 2020 dropped) shows an alert above its table.
 * Screenshots of each page in both languages at 1280 and 390 px go to tests/browser/screenshots/issue21/.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {sidewaysOverflow} from "./checks.js";
import {screenshot, visit, watch, withBrowser} from "./harness.js";

const rel = (a: number, b: number) => Math.abs(a - b) <= 1e-10 * Math.max(1, Math.abs(b));
// plm pgmm's Table 7 on the years with both the DSTRI and exports (scripts/reference/gmm-table7-overlap.R); L.dstri is x[1].
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const plmOverlap: any = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/gmm-table7-overlap/expected.json"), "utf8"));
const plmLdstri = (id: string) => plmOverlap.models.find((m: {id: string}) => m.id === id).expected.coef[1] as number;

/** The card's numbers: row id -> kind -> full-precision value. */
async function cardValues(page: Page): Promise<Record<string, Record<string, number>>> {
  return page.$$eval(".verdict-card tr[data-row]", (rows) =>
    Object.fromEntries(rows.map((tr) => [
      (tr as HTMLElement).dataset.row!,
      Object.fromEntries(Array.from(tr.querySelectorAll<HTMLElement>("[data-kind]")).map((e) => [e.dataset.kind!, Number(e.dataset.value)]))
    ]))
  );
}

describe("verdict card", () => {
  it("Home and Replication show it in the first screen; its numbers equal the Replication tables", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const lang of ["en", "zh"]) {
        await page.setViewportSize({width: 1280, height: 800});
        await visit(page, s.url(`/?lang=${lang}`), problems);
        await page.waitForSelector(".verdict-card tr[data-row]");
        const box = await page.$eval(".verdict-card", (e) => e.getBoundingClientRect().toJSON());
        expect(box.top, "card starts in the first screen").toBeLessThan(800);
        const head = await page.$eval(".verdict-card tr.vd-headline", (e) => e.getBoundingClientRect().bottom);
        expect(head, "the headline row is in the first screen").toBeLessThan(800);
        if (lang === "en") expect(await page.$eval(".vd-summary", (e) => e.textContent)).toMatch(/−0\.224 \(t −4\.97\)/);
        await screenshot(page, `issue21/home.${lang}.1280`);
        const home = await cardValues(page);

        await visit(page, s.url(`/replication?lang=${lang}`), problems);
        await page.waitForSelector("table.reg td[data-col='t4_ctrl_cn'] [data-kind='coef']");
        const repl = await cardValues(page);
        expect(repl).toEqual(home);
        // The card against the live tables of the same page (ours: coef and t; paper: printed coef and t).
        for (const [id, v] of Object.entries(repl)) {
          const term = id.startsWith("t6") || id.startsWith("t7") ? "LDSTRI" : "DSTRI";
          const cell = async (kind: string) => Number(await page.$eval(`td[data-col='${id}'][data-term='${term}'] [data-kind='${kind}'], tr[data-term='${term}'] td[data-col='${id}'] [data-kind='${kind}']`, (e) => (e as HTMLElement).dataset.value));
          expect(rel(v["ours-coef"], await cell("coef")), `${id} coef`).toBe(true);
          expect(rel(v["ours-t"], await cell("t")), `${id} t`).toBe(true);
        }
        expect(Object.keys(repl)).toEqual(["t4_base_cn", "t4_ctrl_cn", "t5_excl2020_cn", "t6_lag_cn", "t7_diff_cn", "t7_sys_cn"]);
        // Table 7's rows carry plm's numbers (the card is estimated on the same 2014-2020 sample as the page).
        for (const [id, plm] of [["t7_diff_cn", "diff_exo"], ["t7_sys_cn", "sys_exo"]]) {
          expect(Math.abs(repl[id]["ours-coef"] - plmLdstri(plm)) / Math.max(1, Math.abs(plmLdstri(plm))), `${id} vs plm`).toBeLessThan(1e-8);
        }
        expect(repl.t4_ctrl_cn["paper-coef"]).toBe(-0.224);
        expect(repl.t4_ctrl_cn["paper-t"]).toBe(-4.97);
        const top = await page.$eval(".verdict-card tr.vd-headline", (e) => e.getBoundingClientRect().bottom);
        expect(top).toBeLessThan(800);
        await screenshot(page, `issue21/replication.${lang}.1280`);

        // 390 px: no sideways scrolling on either page.
        await page.setViewportSize({width: 390, height: 844});
        for (const path of ["/", "/replication"]) {
          await visit(page, s.url(`${path}?lang=${lang}`), problems);
          await page.waitForSelector(".verdict-card tr[data-row]");
          const o = await sidewaysOverflow(page);
          expect(o.offenders, `${path} ${lang}`).toEqual([]);
          await screenshot(page, `issue21/${path === "/" ? "home" : "replication"}.${lang}.390`);
        }
      }
      // Each row's link opens the explorer on the same estimate.
      await page.setViewportSize({width: 1280, height: 800});
      await visit(page, s.url("/?lang=en"), problems);
      const href = await page.$eval(".verdict-card tr[data-row='t5_excl2020_cn'] a.vd-link", (a) => (a as HTMLAnchorElement).href);
      const want = await page.$eval(".verdict-card tr[data-row='t5_excl2020_cn'] [data-kind='ours-coef']", (e) => Number((e as HTMLElement).dataset.value));
      await visit(page, href, problems);
      await page.waitForSelector(".explorer[data-state='ok']");
      const got = await page.$eval(`tr[data-term="dstri"] td[data-col="coef"]`, (td) => Number((td as HTMLElement).dataset.value));
      expect(rel(got, want)).toBe(true);
      // Table 7's link opens the explorer's GMM on the same years (2014-2020): plm's L.dstri again.
      await visit(page, s.url("/?lang=en"), problems);
      const t7href = await page.$eval(".verdict-card tr[data-row='t7_diff_cn'] a.vd-link", (a) => (a as HTMLAnchorElement).href);
      expect(t7href).toContain(`yr=${plmOverlap.meta.years[0]}-${plmOverlap.meta.years[1]}`);
      await visit(page, t7href, problems);
      await page.waitForSelector(".explorer[data-state='ok']", {timeout: 120_000});
      const gmm = await page.$eval(`tr[data-term="L.dstri"] td[data-col="coef"]`, (td) => Number((td as HTMLElement).dataset.value));
      expect(Math.abs(gmm - plmLdstri("diff_exo")) / Math.max(1, Math.abs(plmLdstri("diff_exo")))).toBeLessThan(1e-8);
      expect(problems).toEqual([]);
    });
  }, 300_000);
});

describe("warnings that cannot be missed", () => {
  it("the explorer's Difference GMM with a one-year lag and 2020 dropped shows an alert above its table", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const lang of ["en", "zh"]) {
        await visit(page, s.url(`/explorer?lang=${lang}&est=gmm-diff&lag=1&d2020=1`), problems);
        await page.waitForSelector(".explorer[data-state='ok']");
        const alert = await page.$(".ex-warnings [role='alert']");
        expect(alert).not.toBeNull();
        const codes = await alert!.getAttribute("data-codes");
        expect(codes!.split(" ")).toEqual(["gmm_singular_weights", "hansen_extreme", "ar2_missing", "se_missing", "se_huge"]);
        const text = await alert!.textContent();
        expect(text).toMatch(lang === "en" ? /Do not read this model as it stands/ : /请勿照原样解读此模型/);
        // Above the table, and visible.
        const [a, t] = await Promise.all([alert!.boundingBox(), page.$eval(".ex-table", (e) => e.getBoundingClientRect().top)]);
        expect(a!.y + a!.height).toBeLessThanOrEqual(t + 1);
        expect(a!.height).toBeGreaterThan(40);
      }
      // The baseline shows none.
      await visit(page, s.url("/explorer?lang=en"), problems);
      await page.waitForSelector(".explorer[data-state='ok']");
      expect(await page.$(".ex-warnings [role='alert']")).toBeNull();
      expect(problems).toEqual([]);
    });
  }, 180_000);
});
