/**
 * Every page of the built site (every dist/**\/*.html outside `_` folders), in English and in Chinese, renders
 * in Chromium without console errors, page errors, Framework error cells, failed requests or third-party
 * requests. Full-page screenshots go to tests/browser/screenshots/<page>[.zh].png for review, and the time
 * from navigation start to the first chart is printed.
 */
import {describe, expect, it} from "vitest";
import {forEveryPage} from "./checks.js";
import {screenshot, visit, watch} from "./harness.js";

const {session: current} = forEveryPage("every page", "renders cleanly", async ({page, path, lang, url, session}) => {
  const problems = watch(page, session.origin);
  const report = await visit(page, url, problems);
  expect(await page.getAttribute("html", "lang")).toBe(lang === "zh" ? "zh-CN" : "en");
  await screenshot(page, lang === "en" ? path : `${path === "/" ? "/index" : path}.zh`);
  console.log(`${(path + " " + lang).padEnd(18)} first chart ${String(report.firstChartMs ?? "-").padStart(5)} ms, settled ${report.settledMs} ms`);
  expect(report.problems).toEqual([]);
}, {minPages: 1});

describe("data page", () => {
  it("the country picker redraws the DSTRI chart and the downloads resolve", async () => {
    const page = await current().newPage();
    const problems = watch(page, current().origin);
    await visit(page, current().url("/data?lang=en"), problems);
    const title = () => page.$$eval("figure > h2", (hs) => hs.map((h) => h.textContent).find((t) => t?.includes("by policy area")));
    expect(await title()).toMatch(/^India:/);
    await page.selectOption(".control select", "FRA");
    await page.waitForFunction(() => Array.from(document.querySelectorAll("figure > h2")).some((h) => h.textContent?.startsWith("France:")));
    const links = await page.$$eval("ul.downloads a", (as) => as.map((a) => ({href: (a as HTMLAnchorElement).href, download: a.getAttribute("download")})));
    expect(links.map((l) => l.download)).toEqual(["dtb-panel.csv", "dtb-panel.parquet"]);
    for (const l of links) {
      const res = await page.request.get(l.href);
      expect(res.status(), l.href).toBe(200);
      expect((await res.body()).length).toBeGreaterThan(1000);
    }
    // The map draws one path per country outline (177 in world-atlas 110m).
    expect(await page.$$eval("figure svg path", (ps) => ps.length)).toBeGreaterThan(150);
    expect(problems).toEqual([]);
    await page.close();
  });
});
