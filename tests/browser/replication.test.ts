/**
 * /replication renders cleanly; the Table 4 DSTRI coefficient it displays (data-value) equals the engine's
 * `estimate()` run in Node on the very panel the page loaded (dist's panel.arrow) to 1e-10; switching the SE
 * type changes standard errors but no coefficient; a customs file adds a Zhejiang outcome without a rebuild.
 * Set DTB_TEST_DIST to test a build in another folder.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {estimate} from "../../src/lib/engine/estimate.js";
import {parseArrow} from "../../src/lib/table/arrow.js";
import {replicationModels} from "../../src/lib/replication/models.js";
import {vcovFor} from "../../src/lib/replication/compute.js";
import {DIST, screenshot, settle, visit, watch, withBrowser} from "./harness.js";

const dist = process.env.DTB_TEST_DIST ?? DIST;
const CN = {column: "lnexport_cn", region: "cn", label: "China"};

/** The panel exactly as the built site serves it. */
function builtFrame() {
  const dir = join(dist, "_file", "data");
  const name = readdirSync(dir).find((f) => /^panel\.[0-9a-f]+\.arrow$/.test(f));
  if (!name) throw new Error(`no panel.*.arrow in ${dir}`);
  return parseArrow(new Uint8Array(readFileSync(join(dir, name))), name).frame;
}

const value = (page: Page, col: string, term: string, kind: string) =>
  page.$eval(`[data-col="${col}"][data-term="${term}"][data-kind="${kind}"]`, (e) => Number((e as HTMLElement).dataset.value));

const values = (page: Page, kind: string) =>
  page.$$eval(`table.reg [data-kind="${kind}"]`, (els) => els.map((e) => `${(e as HTMLElement).dataset.col}|${(e as HTMLElement).dataset.term}=${(e as HTMLElement).dataset.value}`));

describe("/replication", () => {
  it("shows the engine's numbers, and the SE switch changes SEs only", async () => {
    const frame = builtFrame();
    const specs = replicationModels(CN);
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url("/replication"), problems);
      await page.waitForSelector('table.reg[data-table="4"]');
      await screenshot(page, "replication");

      // Table 4, both models, clustered SE (the default): coefficient and t against Node.
      for (const [i, id] of [[0, "t4_base_cn"], [1, "t4_ctrl_cn"]] as const) {
        const r = estimate(frame, specs[i].spec);
        expect(Math.abs((await value(page, id, "DSTRI", "coef")) - r.coef[0])).toBeLessThan(1e-10);
        expect(Math.abs((await value(page, id, "DSTRI", "t")) - r.tstat[0])).toBeLessThan(1e-10);
        expect(await page.$eval(`tr[data-kind="nobs"] [data-col="${id}"] [data-value]`, (e) => Number((e as HTMLElement).dataset.value))).toBe(r.nobs);
      }
      // The paper's printed number sits beside ours.
      expect(await value(page, "t4_m1", "DSTRI", "coef")).toBe(-0.273);
      expect(await page.textContent('[data-col="t4_m2"][data-term="lngov"][data-kind="coef"]')).toBe("-0.000");

      // Show SEs, then switch the SE type: coefficients stay, SEs change and match Node.
      await page.check('input[name="stat-mode"][value="se"]');
      await page.waitForSelector('table.reg[data-mode="se"]');
      const coefBefore = await values(page, "coef");
      const seCluster = await values(page, "se");
      const r4 = estimate(frame, specs[1].spec);
      expect(Math.abs((await value(page, "t4_ctrl_cn", "DSTRI", "se")) - r4.se[0])).toBeLessThan(1e-10);
      for (const se of ["iid", "hetero"] as const) {
        await page.selectOption("#se-type", se);
        await page.waitForFunction((v) => document.querySelector('tr[data-kind="se"] td[data-col="t4_ctrl_cn"]')?.textContent?.includes(v), se === "iid" ? "iid" : "HC1");
        await settle(page);
        expect(await values(page, "coef")).toEqual(coefBefore);
        const seNow = await values(page, "se");
        const changed = seNow.filter((v, i) => v !== seCluster[i] && !/^t[4-6]_m|^t[56]_(zj|wz)/.test(v));
        expect(changed.length).toBeGreaterThan(10);
        const direct = estimate(frame, {...specs[1].spec, vcov: vcovFor(se)});
        expect(Math.abs((await value(page, "t4_ctrl_cn", "DSTRI", "se")) - direct.se[0])).toBeLessThan(1e-10);
        expect(Math.abs((await value(page, "t4_ctrl_cn", "DSTRI", "coef")) - direct.coef[0])).toBeLessThan(1e-10);
      }
      // The paper's columns never change with our SE choice.
      expect((await values(page, "se")).filter((v) => v.startsWith("t4_m"))).toEqual(seCluster.filter((v) => v.startsWith("t4_m")));
      await screenshot(page, "replication-se-iid");
      expect(problems).toEqual([]);
    }, dist);
  });

  it("adds a Zhejiang outcome from a customs file, in the browser", async () => {
    const frame = builtFrame();
    const iso = Array.from(new Set(frame.columns.iso3 as string[])).slice(0, 15);
    const lines = ["region,partner_iso3,year,exports_usd"];
    iso.forEach((p, i) => {
      for (let y = 2014; y <= 2020; y++) lines.push(`zj,${p},${y},${Math.round((1 + i) * 1e8 * (1 + 0.05 * (y - 2014)) + 9e6 * Math.cos(i + y))}`);
    });
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url("/replication"), problems);
      await page.setInputFiles("#replication-customs-file", {name: "zj.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n") + "\n")});
      await page.waitForSelector('[data-col="t4_base_zj"][data-term="DSTRI"][data-kind="coef"]', {timeout: 60_000});
      await settle(page);
      expect(await page.$eval("#outcome", (e) => (e as HTMLSelectElement).value)).toBe("lnexport_zj");
      // Node: the same rows merged the way the Node panel builder does.
      const {withRegions} = await import("../../src/lib/replication/compute.js");
      const rows = lines.slice(1).map((l) => l.split(",")).map(([region, partner_iso3, year, v]) => ({region, partner_iso3, year: Number(year), exports_usd: Number(v)}));
      const merged = withRegions(frame, rows);
      const r = estimate(merged, replicationModels({column: "lnexport_zj", region: "zj", label: "Zhejiang"})[0].spec);
      expect(Math.abs((await value(page, "t4_base_zj", "DSTRI", "coef")) - r.coef[0])).toBeLessThan(1e-10);
      await screenshot(page, "replication-customs");
      expect(problems).toEqual([]);
    }, dist);
  });
});
