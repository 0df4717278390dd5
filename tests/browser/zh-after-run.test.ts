/**
 * Words that appear only after a run are in the reader's language too (issue 19): the multiverse once its run is
 * done (failure reasons, dashboard, curve), a lesson once its Monte Carlo lab has drawn its table, and a notebook
 * once its SQL and model cells ran. Same rules as tests/browser/zh-prose.test.ts (`proseLanguage`), which also
 * reads text drawn by CSS (the pager).
 */
import {describe, expect, it} from "vitest";
import {encodeNotebook} from "../../src/lib/notebook/codec.js";
import {proseLanguage} from "./checks.js";
import {visit, watch, withBrowser} from "./harness.js";

describe("text that appears after a run, in Chinese", () => {
  it("multiverse, a classroom lab and a notebook", async () => {
    const nb = await encodeNotebook({
      v: 1,
      panel: {id: "iso3", time: "year"},
      cells: [
        {type: "sql", name: "recent", sql: "SELECT iso3, year, lnexport_cn, dstri, lngdp FROM panel WHERE year >= 2014"},
        {type: "model", models: "feols(lnexport_cn ~ dstri + lngdp | iso3 + year, data = recent, vcov = ~iso3)"}
      ]
    });
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      // A lesson's lab waits for Run, and asks for a prediction first (issue 23): give one, then run.
      const runLab = async () => {
        await page.fill('[data-testid="lab-nickell"] input[name="predict"]', "0.5");
        await page.click('[data-testid="lab-nickell"] button[name="run"]');
      };
      const runs: Array<[string, string, (() => Promise<void>)?]> = [
        ["/multiverse?lang=zh", ".multiverse[data-state=done]"],
        ["/classroom/dynamic-panels?lang=zh&reps=200", '[data-testid="lab-nickell"][data-state=done]', runLab],
        [`/notebook?lang=zh#nb=${nb}`, ".nb-app[data-ready=true]"]
      ];
      for (const [url, done, start] of runs) {
        await visit(page, s.url(url), problems);
        if (start) await start();
        await page.waitForSelector(done, {timeout: 120_000});
        await page.waitForTimeout(300);
        const report = await proseLanguage(page, "zh");
        expect(report.offenders, url).toEqual([]);
        expect(report.checked, url).toBeGreaterThan(12);
      }
      expect(problems).toEqual([]);
    });
  }, 300_000);
});
