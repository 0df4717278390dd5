/**
 * Lesson 1's event-study exercise (issue 24): Run waits for a prediction, then the replication worker's event study
 * renders with its pre-trend p (equal to the engine in Node) and a verdict on the prediction; the teacher's answer is
 * absent for students and shown with ?teacher=1. English and Chinese, 1280 and 390 px screenshots, plus the other
 * lessons touched (3, 4, 5).
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {eventStudy} from "../../src/lib/engine/event-study.js";
import {eventStudyTask} from "../../src/lib/replication/event-study.js";
import {parseArrow} from "../../src/lib/table/arrow.js";
import {DIST, screenshot, visit, watch, withBrowser} from "./harness.js";

const dist = process.env.DTB_DIST ?? DIST;

function builtFrame() {
  const dir = join(dist, "_file", "data");
  const name = readdirSync(dir).find((f) => /^panel\.[0-9a-f]+\.arrow$/.test(f));
  if (!name) throw new Error(`no panel.*.arrow in ${dir}`);
  return parseArrow(new Uint8Array(readFileSync(join(dir, name))), name).frame;
}

describe("lesson 1: event-study exercise", () => {
  it("asks for a prediction, runs the event study and keeps the answer for the teacher", async () => {
    const task = eventStudyTask({column: "lnexport_cn", region: "cn", label: "China"});
    const es = eventStudy(builtFrame(), task.spec, task.es);
    await withBrowser(async (s) => {
      const page = await s.newPage();
      await page.setViewportSize({width: 1280, height: 900});
      const problems = watch(page, s.origin);
      await visit(page, s.url("/classroom/fixed-effects?lang=en"), problems);
      const ex = page.locator('[data-testid="event-exercise"]');
      expect(await ex.locator('[data-testid="event-run"]').isDisabled()).toBe(true);
      expect(await page.locator(".cl-teacher-only").count()).toBe(0);
      await ex.locator('input[value="keep"]').check();
      await ex.locator('[data-testid="event-run"]').click();
      await page.waitForSelector('[data-testid="event-exercise"] .event-study[data-status=done] svg', {timeout: 120_000});
      const p = Number(await ex.locator(".event-study").getAttribute("data-pretrend-p"));
      expect(Math.abs(p - es.pretrend.p_f)).toBeLessThan(1e-10);
      expect(await ex.locator(".cl-theory").getAttribute("data-correct")).toBe(String(es.pretrend.p_f >= 0.05));
      expect(await ex.locator(".cl-theory").textContent()).toContain(`p = ${es.pretrend.p_f.toFixed(3)}`);
      await screenshot(page, "lesson1-event-en-1280");

      await visit(page, s.url("/classroom/fixed-effects?lang=zh&teacher=1"), problems);
      expect(await page.locator(".cl-teacher-only.lang-zh", {hasText: "答案（教师）"}).isVisible()).toBe(true);
      await page.setViewportSize({width: 390, height: 844});
      await visit(page, s.url("/classroom/fixed-effects?lang=zh"), problems);
      const exZh = page.locator('[data-testid="event-exercise"]');
      await exZh.locator('input[value="reject"]').check();
      await exZh.locator('[data-testid="event-run"]').click();
      await page.waitForSelector('[data-testid="event-exercise"] .event-study[data-status=done] svg', {timeout: 120_000});
      expect(await exZh.locator(".cl-theory").textContent()).toMatch(/事前趋势|平行趋势/);
      await screenshot(page, "lesson1-event-zh-390");

      // The other lessons touched, both languages and widths (looked at by hand).
      for (const lesson of ["standard-errors", "dynamic-panels", "coefficients"]) {
        for (const lang of ["en", "zh"]) {
          for (const width of [1280, 390]) {
            await page.setViewportSize({width, height: 900});
            await visit(page, s.url(`/classroom/${lesson}?lang=${lang}`), problems);
            await screenshot(page, `lesson-${lesson}-${lang}-${width}`);
          }
        }
      }
      await visit(page, s.url("/classroom/coefficients?lang=en"), problems);
      expect(await page.textContent('[data-testid="fact-open-within"]')).toMatch(/within partner and year/);
      await visit(page, s.url("/classroom/dynamic-panels?lang=en"), problems);
      expect(await page.textContent("#observablehq-main")).toContain("mean-stationary initial conditions");
      expect(await page.textContent("#observablehq-main")).not.toContain("system GMM with the lagged outcome");
      expect(problems).toEqual([]);
    }, dist);
  }, 600_000);
});
