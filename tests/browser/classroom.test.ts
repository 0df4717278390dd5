/**
 * /classroom: every lesson in English and Chinese renders cleanly (no console error, no error cell, no request
 * to another host) and fits 390 px; each lab runs in the worker and gives exactly the Node numbers for the same
 * seed; an exercise answer is checked right and wrong; teacher mode, embed mode and the print layout.
 * Screenshots: classroom-<lesson>-<lang>.png, -390.png, -print.png.
 */
import {describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {openSession, screenshot, settle, visit, watch} from "./harness.js";
import {runLab} from "../../src/lib/simulate/run.js";
import {parseParams} from "../../src/lib/simulate/labs.js";
import {studentSeed} from "../../src/lib/simulate/url-state.js";

const LESSONS = ["", "fixed-effects", "demeaning", "standard-errors", "dynamic-panels", "coefficients", "forking-paths"];
const LAB_OF: Record<string, string> = {"fixed-effects": "fe", "standard-errors": "cluster", "dynamic-panels": "nickell"};

async function labDone(page: Page, lab: string) {
  await page.waitForFunction((l) => {
    const el = document.querySelector(`[data-testid="lab-${l}"]`) as HTMLElement | null;
    return el?.dataset.state === "done" || el?.dataset.state === "error";
  }, lab, {timeout: 90_000});
  expect(await page.$eval(`[data-testid="lab-${lab}"]`, (el) => (el as HTMLElement).dataset.state)).toBe("done");
}

/** The table's numbers: {estimator: {key: value}} from data-value attributes (full precision). */
async function tableNumbers(page: Page) {
  return page.$$eval('[data-testid="lab-table"] tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.estimator, Object.fromEntries(Array.from(r.querySelectorAll("td[data-value]")).map((td) => [(td as HTMLElement).dataset.key, Number((td as HTMLElement).dataset.value)]))]))
  );
}

/** Lab settings of the walk (English pass): the table must equal Node's runLab for the same seed, exactly. */
const LAB_QUERY: Record<string, string> = {
  fe: "N=30&T=5&beta=0.2&corr=1.1&reps=150&seed=77",
  cluster: "N=42&T=7&beta=0&rho_x=0.9&rho_e=0.7&reps=300&seed=5",
  nickell: "N=42&T=7&rho=0.5&reps=12&seed=3"
};

async function sameAsNode(page: Page, lab: "fe" | "cluster" | "nickell", query: string) {
  const q = new URLSearchParams(query);
  const given = Object.fromEntries([...q].filter(([k]) => k !== "reps" && k !== "seed"));
  const node = runLab(lab, parseParams(lab, given), Number(q.get("reps")), Number(q.get("seed"))).result;
  const shown = await tableNumbers(page);
  expect(Object.keys(shown)).toEqual(Object.keys(node.estimators));
  for (const [name, est] of Object.entries(node.estimators)) {
    expect(shown[name].mean).toBe(est.mean);
    expect(shown[name].bias).toBe(est.bias);
    expect(shown[name].sd).toBe(est.sd);
    expect(shown[name].rmse).toBe(est.rmse);
    for (const [v, cov] of Object.entries(est.coverage ?? {})) expect(shown[name][`coverage.${v}`]).toBe(cov);
    expect(shown[name].rejection_rate).toBe(est.rejection_rate);
  }
}

describe("classroom", () => {
  it("walks every lesson in both languages (1280 px, 390 px, print); labs equal Node for the same seed", async () => {
    const s = await openSession();
    try {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      for (const lang of ["en", "zh"] as const) {
        for (const lesson of LESSONS) {
          await page.setViewportSize({width: 1280, height: 900});
          const lab = LAB_OF[lesson] as "fe" | "cluster" | "nickell" | undefined;
          const q = lab ? "&" + (lang === "en" ? LAB_QUERY[lab] : lab === "nickell" ? "reps=10" : "reps=100") : "";
          await visit(page, s.url(`/classroom/${lesson}?lang=${lang}${q}`), problems);
          expect(await page.getAttribute("html", "lang")).toBe(lang === "zh" ? "zh-CN" : "en");
          if (lab) {
            await labDone(page, lab);
            if (lang === "en") await sameAsNode(page, lab, LAB_QUERY[lab]);
          }
          if (lesson) expect(await page.$('[data-testid="exercise"]')).not.toBeNull();
          const name = `classroom-${lesson || "index"}-${lang}`;
          await screenshot(page, name);
          await page.setViewportSize({width: 390, height: 900});
          await page.waitForTimeout(100);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
          if (lang === "en") await screenshot(page, `${name}-390`);
          if (lesson) {
            await page.setViewportSize({width: 794, height: 1123}); // A4 at 96 dpi
            await page.emulateMedia({media: "print"});
            expect(await page.$eval("#observablehq-sidebar", (el) => getComputedStyle(el).display)).toBe("none");
            expect(await page.$$eval(".cl-controls", (els) => els.every((e) => getComputedStyle(e).display === "none"))).toBe(true);
            expect(await page.$eval('[data-testid="exercise"]', (el) => getComputedStyle(el).display)).not.toBe("none");
            expect(await page.$eval(".cl-exercise-seed", (el) => el.textContent)).toMatch(/\d+/);
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
            if (lang === "en") await screenshot(page, `${name}-print`);
            await page.emulateMedia({media: "screen"});
          }
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await s.close();
    }
  }, 240_000);

  it("exercises (student seed, right, wrong), teacher mode, embed mode, state in the URL", async () => {
    const s = await openSession();
    try {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      // Without teacher mode the answer is hidden; the name gives its seed.
      await visit(page, s.url("/classroom/coefficients?student=Li%20Wei"), problems);
      expect(await page.$eval('[data-testid="exercise-answer"]', (el) => getComputedStyle(el).display)).toBe("none");
      expect(await page.$eval('[data-testid="student-seed"]', (el) => el.getAttribute("data-value"))).toBe(String(studentSeed("Li Wei")));

      // Teacher mode: the answer shows; the right answer passes, a wrong one fails, text is refused.
      for (const lesson of ["coefficients", "forking-paths"]) {
        await visit(page, s.url(`/classroom/${lesson}?teacher=1&student=Li%20Wei&lang=zh`), problems);
        expect(await page.$eval('[data-testid="exercise-answer"]', (el) => getComputedStyle(el).display)).not.toBe("none");
        const answer = Number(await page.getAttribute('[data-testid="exercise-answer"]', "data-value"));
        for (const [typed, result] of [[answer.toFixed(4), "right"], [(answer + 1).toFixed(4), "wrong"], ["abc", "invalid"]] as const) {
          await page.fill('[data-testid="exercise"] input[name="answer"]', typed);
          await page.click('[data-testid="exercise"] button[type="submit"]');
          expect(await page.getAttribute('[data-testid="exercise-feedback"]', "data-result")).toBe(result);
        }
      }
      // Another name, another question (teacher regenerates a student's numbers by typing the name).
      const a = await page.getAttribute('[data-testid="exercise-answer"]', "data-value");
      await page.fill('.cl-student input[name="student"]', "Ana Souza");
      await page.press('.cl-student input[name="student"]', "Enter");
      await page.waitForFunction(() => new URL(location.href).searchParams.get("student") === "Ana Souza");
      await settle(page);
      expect(await page.getAttribute('[data-testid="exercise-answer"]', "data-value")).not.toBe(a);
      expect(await page.$eval('[data-testid="student-seed"]', (el) => el.getAttribute("data-value"))).toBe(String(studentSeed("Ana Souza")));

      // Embed: only the main figure and its controls. A slider change re-runs the lab and goes to the URL.
      await visit(page, s.url("/classroom/standard-errors?embed=1&reps=100"), problems);
      await labDone(page, "cluster");
      expect(await page.isVisible("#observablehq-sidebar")).toBe(false);
      expect(await page.isVisible("h1")).toBe(false);
      expect(await page.isVisible('[data-testid="exercise"]')).toBe(false);
      expect(await page.isVisible('[data-testid="lab-cluster"] input[name="rho_x"]')).toBe(true);
      expect(await page.isVisible('[data-testid="lab-table"]')).toBe(true);
      await screenshot(page, "classroom-embed");
      await page.$eval('[data-testid="lab-cluster"] input[name="N"]', (el) => {
        (el as HTMLInputElement).value = "10";
        el.dispatchEvent(new Event("input", {bubbles: true}));
        el.dispatchEvent(new Event("change", {bubbles: true}));
      });
      await page.waitForFunction(() => new URL(location.href).searchParams.get("N") === "10");
      await labDone(page, "cluster");
      const url = page.url();
      expect(Number(await page.$eval('[data-testid="lab-cluster"]', (el) => (el as HTMLElement).dataset.elapsed))).toBeGreaterThan(0);
      await visit(page, url, problems);
      expect(await page.$eval('[data-testid="lab-cluster"] input[name="N"]', (el) => (el as HTMLInputElement).value)).toBe("10");
      await visit(page, s.url("/classroom/demeaning?embed=1&step=3&drop=2020"), problems);
      expect(await page.isVisible('[data-testid="demean"] svg')).toBe(true);
      expect(await page.isVisible("h1")).toBe(false);
      expect(await page.$eval('[data-testid="demean"] select[name="drop"]', (el) => (el as HTMLSelectElement).value)).toBe("2020");
      expect(problems).toEqual([]);
    } finally {
      await s.close();
    }
  }, 150_000);
});
