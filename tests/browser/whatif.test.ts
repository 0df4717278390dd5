/**
 * /whatif renders cleanly in English and Chinese; moving the slider changes the displayed numbers; the displayed
 * percentage equals 100·(exp(β·Δ) − 1) computed here from the displayed β and Δ; the state lives in the URL and
 * a URL with a state restores it. Screenshots: whatif-en.png, whatif-zh.png.
 */
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {screenshot, settle, visit, watch, withBrowser} from "./harness.js";

async function shown(page: Page) {
  const get = async (id: string) => {
    const el = await page.$(`[data-testid="${id}"]`);
    if (!el) return null;
    return {value: Number(await el.getAttribute("data-value")), text: (await el.textContent()) ?? ""};
  };
  return {beta: await get("whatif-beta"), delta: await get("whatif-delta"), pct: await get("whatif-pct")};
}

const pctOfText = (t: string) => Number(t.replace("−", "-").replace("%", "").replace("+", ""));

async function setSlider(page: Page, v: number) {
  await page.$eval(
    '.whatif-controls input[type="range"]',
    (el, value) => {
      (el as HTMLInputElement).value = String(value);
      el.dispatchEvent(new Event("input", {bubbles: true}));
    },
    v
  );
  await page.waitForFunction((value) => new URL(location.href).searchParams.get("score") === (value as number).toFixed(2), v);
  await settle(page);
}

/**
 * When the 95% interval includes zero, the card leads with "no detectable effect" and the point estimate stands
 * beside its interval at the same font size; otherwise there is no such verdict. Returns whether it spans zero.
 */
async function headlineIsHonest(page: Page, lang: "en" | "zh"): Promise<boolean> {
  const lo = Number(await page.getAttribute('[data-testid="whatif-pct-lo"]', "data-value"));
  const hi = Number(await page.getAttribute('[data-testid="whatif-pct-hi"]', "data-value"));
  const spans = lo <= 0 && hi >= 0;
  const verdict = await page.$('[data-testid="whatif-verdict"]');
  expect(verdict !== null, `interval ${lo} to ${hi}`).toBe(spans);
  if (verdict) expect(await verdict.textContent()).toBe(lang === "zh" ? "未检测到影响" : "No detectable effect");
  const sizes = await page.$$eval('[data-testid="whatif-pct"], [data-testid="whatif-pct-lo"], [data-testid="whatif-pct-hi"]', (els) =>
    els.map((e) => getComputedStyle(e).fontSize)
  );
  expect(new Set(sizes).size, sizes.join(", ")).toBe(1);
  return spans;
}

describe("what-if page", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`renders, reacts to the slider and shows 100·(exp(β·Δ) − 1) (${lang})`, async () => {
      await withBrowser(async (s) => {
        const page = await s.newPage();
        const problems = watch(page, s.origin);
        await visit(page, s.url(`/whatif?lang=${lang}&partner=IND&area=dstri_infra`), problems);
        expect(await page.getAttribute("html", "lang")).toBe(lang === "zh" ? "zh-CN" : "en");
        // Opening scenario: the OECD median of the score (the slider and the button agree), never a zero change.
        const at0 = await shown(page);
        const medianText = await page.$eval(".whatif-now-row button:not([hidden])", (b) => b.textContent ?? "");
        const slider0 = await page.$eval('.whatif-controls input[type="range"]', (el) => Number((el as HTMLInputElement).value));
        expect(medianText).toContain(slider0.toFixed(2));
        expect(at0.delta!.value).not.toBe(0);
        expect(at0.pct!.text).not.toMatch(/^[+−]?0\.0%$/);
        await headlineIsHonest(page, lang);

        await setSlider(page, 0.05);
        const a = await shown(page);
        await headlineIsHonest(page, lang);
        expect(a.beta!.text).toBe(a.beta!.value.toFixed(4));
        const expected = 100 * (Math.exp(a.beta!.value * a.delta!.value) - 1);
        expect(a.pct!.value).toBeCloseTo(expected, 9);
        expect(pctOfText(a.pct!.text)).toBeCloseTo(expected, 1);
        expect(a.delta!.value).not.toBe(0);

        // The slider stops at the largest value of the area in the data (0.24 for infrastructure, issue 24): a
        // target of 0.6 (beyond any country) cannot be set.
        expect(await page.$eval('.whatif-controls input[type="range"]', (el) => (el as HTMLInputElement).max)).toBe("0.24");
        await setSlider(page, 0.24);
        const b = await shown(page);
        expect(b.pct!.text).not.toBe(a.pct!.text);
        expect(b.delta!.value).not.toBeCloseTo(a.delta!.value, 6);
        expect(pctOfText(b.pct!.text)).toBeCloseTo(100 * (Math.exp(b.beta!.value * b.delta!.value) - 1), 1);
        // 0.24 is far above anything India has had (0.08-0.12): flagged as extrapolation.
        expect(await page.$('[data-testid="whatif-extrapolation"]')).not.toBeNull();

        const url = new URL(page.url());
        expect(url.searchParams.get("partner")).toBe("IND");
        expect(url.searchParams.get("area")).toBe("dstri_infra");
        expect(url.searchParams.get("lang")).toBe(lang);
        await screenshot(page, `whatif-${lang}`);

        // Reloading the URL restores the scenario.
        await visit(page, url.href, problems);
        expect((await shown(page)).pct!.text).toBe(b.pct!.text);
        expect(await page.$eval('.whatif-controls select[name="area"]', (el) => (el as HTMLSelectElement).value)).toBe("dstri_infra");
        expect(await page.$eval('[data-testid="whatif-spec"]', (el) => el.getAttribute("data-source"))).toBe("default");
        expect(problems).toEqual([]);
      });
    });
  }

  it("uses the explorer's specification when it includes the score, and says so", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url("/whatif?partner=USA&area=dstri"), problems);
      await page.evaluate(() => {
        localStorage.setItem("dtb:explorer:spec", JSON.stringify({id: "iso3", time: "year", y: "lnexport_cn", x: ["dstri", "lngdp"], fe: ["iso3", "year"], vcov: "hetero"}));
        localStorage.setItem("dtb:explorer:url", "/explorer?x=dstri");
      });
      await visit(page, s.url("/whatif?partner=USA&area=dstri&score=0.1"), problems);
      const note = await page.$('[data-testid="whatif-spec"]');
      expect(await note!.getAttribute("data-source")).toBe("explorer");
      expect(await page.$eval('[data-testid="whatif-spec"] a', (a) => a.getAttribute("href"))).toMatch(/^\/explorer\?x=dstri/);
      const v = await shown(page);
      expect(v.pct!.value).toBeCloseTo(100 * (Math.exp(v.beta!.value * v.delta!.value) - 1), 9);
      expect(problems).toEqual([]);
    });
  });

  it("an area that fewer than 5 partners identify shows no money figure, in both languages (issue 24)", async () => {
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const lang of ["en", "zh"]) {
        // Electronic transactions: its score changes in 3 of the 42 partners of the estimation sample.
        await visit(page, s.url(`/whatif?lang=${lang}&partner=CAN&area=dstri_etrans&score=0.06`), problems);
        await page.waitForSelector('[data-testid="whatif-result"]');
        const few = await page.textContent('[data-testid="whatif-few-changers"]');
        expect(few).toMatch(lang === "en" ? /^Identified by 3 partners: only 3 of 42 partners' .* no money figure is shown/ : /^仅由 3 个伙伴识别/);
        expect(await page.$('[data-testid="whatif-usd"]')).toBeNull();
        expect(await page.textContent('[data-testid="whatif-result"]')).not.toMatch(/US\$|亿美元/);
      }
      // Every area: a money figure exactly where the engine's count of moving partners is 5 or more (payments: 3,
      // intellectual property: 1, as electronic transactions; issue 24). Target: the slider's far end.
      const seen: Record<string, number> = {};
      for (const area of ["dstri_infra", "dstri_etrans", "dstri_payment", "dstri_ipr", "dstri_other"]) {
        // The slider's top (a score of 1 is held to the area's largest value), or its bottom if Canada sits at the top.
        for (const score of [1, 0]) {
          await visit(page, s.url(`/whatif?lang=en&partner=CAN&area=${area}&score=${score}`), problems);
          await page.waitForSelector('[data-testid="whatif-result"]');
          if (Number(await page.getAttribute('[data-testid="whatif-delta"]', "data-value")) !== 0) break;
        }
        const few = await page.$('[data-testid="whatif-few-changers"]');
        const usd = await page.$('[data-testid="whatif-usd"]');
        const n = few ? Number((await few.textContent())!.match(/^Identified by (\d+)/)![1]) : 99;
        seen[area] = n;
        expect(usd === null, area).toBe(n < 5);
        if (n < 5) expect(await page.textContent('[data-testid="whatif-result"]'), area).not.toMatch(/US\$/);
      }
      expect(seen).toMatchObject({dstri_etrans: 3, dstri_payment: 3, dstri_ipr: 1});
      // The overall index moves in many partners: the US$ figure stays.
      await visit(page, s.url("/whatif?partner=CAN&area=dstri&score=0.2"), problems);
      await page.waitForSelector('[data-testid="whatif-usd"]');
      expect(await page.$('[data-testid="whatif-few-changers"]')).toBeNull();
      expect(problems).toEqual([]);
    });
  });
});
