// The hostile corpus through the Node loaders (data/customs/ -> the one reader -> the one merge), and the
// static server (scripts/serve.js) against path traversal.
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {request} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readCustoms} from "../../loaders/sources/customs.js";
import {assemblePanel} from "../../loaders/panel.js";
// @ts-expect-error scripts/serve.js is plain JavaScript without type declarations.
import {serve} from "../../scripts/serve.js";
import {CUSTOMS_CASES} from "./corpus.js";

describe("hostile customs files through the loaders", () => {
  for (const c of CUSTOMS_CASES) {
    it(`${c.id} (issue ${c.issue}): ${c.what}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "dtb-hostile-"));
      writeFileSync(join(dir, c.name), c.bytes());
      const run = readCustoms(dir);
      if ("rows" in c.expect) {
        const {rows} = await run;
        expect(rows.map((r) => [r.region, r.partner_iso3, r.year, r.exports_usd])).toEqual(c.expect.rows);
      } else if ("error" in c.expect) {
        await expect(run).rejects.toThrow(c.expect.error);
        await run.catch((e: Error) => expect(e.message).not.toMatch(/\n/));
      } else {
        const p = c.expect.problem;
        const more = c.expect.count ? ` \\(and ${(c.expect.count - 1).toLocaleString("en-US").replace(/,/g, "")} more problems in this file\\)` : "";
        await expect(run).rejects.toThrow(new RegExp(`${c.name} line ${p.line}${p.column ? `, column ${p.column}` : ""}: .*${p.message.source.replace(/^\^/, "")}.*${more}`));
      }
    });
  }

  it("region cn can never overwrite China's exports in the assembled panel (the merge refuses it too)", () => {
    const empty = {columns: ["a", "b", "c", "v"], rows: []} as never;
    expect(() => assemblePanel({dstri: empty, wdi: empty, exports: empty, customs: [{region: "cn", partner_iso3: "USA", year: 2019, exports_usd: 1}]}))
      .toThrow(/region "cn" would overwrite the panel's column exports_cn_usd/);
  });
});

describe("static server: no path escapes dist/", () => {
  it("answers traversal attempts with 400/403/404 and never a file outside the root", async () => {
    const root = mkdtempSync(join(tmpdir(), "dtb-serve-"));
    mkdirSync(join(root, "sub"));
    writeFileSync(join(root, "index.html"), "<p>home</p>");
    writeFileSync(join(root, "..", "dtb-secret.txt"), "SECRET");
    const server = await serve(root, {port: 0, host: "127.0.0.1"});
    const {port} = server.address() as AddressInfo;
    const get = (path: string) =>
      new Promise<{status: number; body: string}>((resolve, reject) => {
        const req = request({host: "127.0.0.1", port, path, method: "GET"}, (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => resolve({status: res.statusCode ?? 0, body}));
        });
        req.on("error", reject);
        req.end();
      });
    try {
      for (const path of ["/../dtb-secret.txt", "/%2e%2e/dtb-secret.txt", "/sub/..%2f..%2fdtb-secret.txt", "/..%5cdtb-secret.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/sub/%00", "/%c0%ae%c0%ae/dtb-secret.txt"]) {
        const r = await get(path);
        expect([400, 403, 404], path).toContain(r.status);
        expect(r.body, path).not.toContain("SECRET");
        expect(r.body, path).not.toMatch(/root:/);
      }
      expect((await get("/")).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
