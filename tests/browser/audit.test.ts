/**
 * /audit renders cleanly, with every check of src/lib/audit/checks.ts as a card whose arithmetic values
 * (data-value) equal the checks computed in Node from tables.json and the built panel.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {auditChecks} from "../../src/lib/audit/checks.js";
import {readPaperTables} from "../../src/lib/replication/paper-node.js";
import {parseArrow} from "../../src/lib/table/arrow.js";
import {DIST, screenshot, visit, watch, withBrowser} from "./harness.js";

const dist = process.env.DTB_TEST_DIST ?? DIST;

describe("/audit", () => {
  it("renders every check with the Node-side arithmetic", async () => {
    const dir = join(dist, "_file", "data");
    const name = readdirSync(dir).find((f) => /^panel\.[0-9a-f]+\.arrow$/.test(f))!;
    const frame = parseArrow(new Uint8Array(readFileSync(join(dir, name))), name).frame;
    const checks = auditChecks(readPaperTables(), frame);
    await withBrowser(async (s) => {
      const page = await s.newPage();
      const problems = watch(page, s.origin);
      await visit(page, s.url("/audit"), problems);
      await screenshot(page, "audit");
      const ids = await page.$$eval("section.audit-check", (els) => els.map((e) => (e as HTMLElement).dataset.check));
      expect(ids).toEqual(checks.map((c) => c.id));
      for (const c of checks) {
        const shown = await page.$$eval(`#check-${c.id} table.steps [data-value]`, (els) => els.map((e) => Number((e as HTMLElement).dataset.value)));
        const expected = [...c.steps, ...c.ours].map((s) => s.value);
        expect(shown).toHaveLength(expected.length);
        shown.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i]))));
        expect(await page.getAttribute(`#check-${c.id}`, "data-verdict")).toBe(c.verdict);
      }
      expect(problems).toEqual([]);
    }, dist);
  });
});
