// Helpers of the classroom browser tests: run a lab, read its table, compare with Node's runLab.
import {expect} from "vitest";
import type {Page} from "playwright-core";
import {runLab} from "../../src/lib/simulate/run.js";
import {parseParams, type LabName} from "../../src/lib/simulate/labs.js";

/** Clicks Run and waits for the end of the run. */
export async function runAndWait(page: Page, lab: string, timeout = 90_000) {
  await page.click(`[data-testid="lab-${lab}"] button[name="run"]`);
  // A student's first Run without a guess asks to predict first; the second goes on.
  if ((await page.$eval(`[data-testid="lab-${lab}"]`, (el) => (el as HTMLElement).dataset.state)) === "idle") {
    expect(await page.textContent(`[data-testid="lab-${lab}"] [data-testid="lab-status"]`)).toMatch(/^(Predict first|请先预测)/);
    await page.click(`[data-testid="lab-${lab}"] button[name="run"]`);
  }
  await page.waitForFunction((l) => {
    const el = document.querySelector(`[data-testid="lab-${l}"]`) as HTMLElement | null;
    return el?.dataset.state === "done" || el?.dataset.state === "error";
  }, lab, {timeout});
  expect(await page.$eval(`[data-testid="lab-${lab}"]`, (el) => (el as HTMLElement).dataset.state)).toBe("done");
}

/** The table's numbers: {estimator: {key: value}} from data-value attributes (full precision). */
export async function tableNumbers(page: Page) {
  return page.$$eval('[data-testid="lab-table"] tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset.estimator, Object.fromEntries(Array.from(r.querySelectorAll("td[data-value]")).map((td) => [(td as HTMLElement).dataset.key, Number((td as HTMLElement).dataset.value)]))]))
  );
}

export async function sameAsNode(page: Page, lab: LabName, query: string) {
  const q = new URLSearchParams(query);
  const given = Object.fromEntries([...q].filter(([k]) => k !== "reps" && k !== "seed"));
  const node = runLab(lab, parseParams(lab, given), Number(q.get("reps")), Number(q.get("seed"))).result;
  const shown = await tableNumbers(page);
  expect(Object.keys(shown)).toEqual(Object.keys(node.estimators));
  for (const [name, est] of Object.entries(node.estimators)) {
    // Bit for bit, except the gravity lab's PPML: the engine's IRLS uses Math.exp/Math.log, whose last bit differs
    // between Node and Chromium, so its estimates agree to ~1e-15 (relative 1e-12 asserted); the coverage and
    // rejection counts, which such a difference could only flip at an interval's exact edge, must be equal.
    const same = (a: number, b: number) => (lab === "gravity" && name === "ppml" ? expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b)) : expect(a).toBe(b));
    same(shown[name].mean, est.mean);
    same(shown[name].bias, est.bias);
    same(shown[name].sd, est.sd);
    same(shown[name].rmse, est.rmse);
    for (const [v, cov] of Object.entries(est.coverage ?? {})) expect(shown[name][`coverage.${v}`]).toBe(cov);
    expect(shown[name].rejection_rate).toBe(est.rejection_rate);
    expect(shown[name].failed).toBe(est.failed);
  }
}

