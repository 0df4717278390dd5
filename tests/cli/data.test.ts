// `dtb data fetch`: refuses offline, validates --source, refreshes from a local server, keeps the cache on failure.
import {execFile} from "node:child_process";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {tempDir} from "../loaders/helpers.js";

const REPO = resolve(import.meta.dirname, "..", "..");
const FIXTURES = join(REPO, "tests", "loaders", "fixtures");
const run = promisify(execFile);
let server: Server;
let status = 200;
let base = "";

async function dtb(args: string[], env: Record<string, string>) {
  return run(process.execPath, [join(REPO, "bin", "dtb.js"), ...args], {cwd: REPO, env: {...process.env, ...env}, timeout: 60_000}).then(
    (r) => ({code: 0, stderr: r.stderr}),
    (e) => ({code: e.code as number, stderr: e.stderr as string})
  );
}

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(status, {"content-type": "text/csv"});
    res.end(status === 200 ? readFileSync(join(FIXTURES, "dstri-sdmx.csv")) : "busy");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe("dtb data fetch", () => {
  it("refuses under DTB_OFFLINE=1, in one line", async () => {
    const r = await dtb(["data", "fetch", "--source", "dstri"], {DTB_OFFLINE: "1", DTB_CACHE_DIR: tempDir(), DTB_OECD_URL: base});
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("dtb data: refusing to fetch: DTB_OFFLINE=1 forbids live downloads (unset it on a machine with a network)\n");
  });

  it("rejects an unknown source or subcommand", async () => {
    for (const args of [["data", "fetch", "--source", "imf"], ["data", "pull"], ["data"]]) {
      const r = await dtb(args, {DTB_OFFLINE: ""});
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("refreshes from the API and keeps the cache when the API fails", async () => {
    const cache = tempDir();
    const env = {DTB_OFFLINE: "", DTB_CACHE_DIR: cache, DTB_OECD_URL: base, DTB_FETCH_TIMEOUT_MS: "2000"};
    status = 200;
    const ok = await dtb(["data", "fetch", "--source", "dstri"], env);
    expect(ok.code).toBe(0);
    // What changed against the snapshot it replaces, and that the series' origin changed (never mixed).
    expect(ok.stderr).toMatch(/^dtb data: dstri: 8 rows from OECD Digital STRI \(SDMX\) \(http:\/\/127\.0\.0\.1.*\) in \d+ ms; 0 rows added, 2,830 gone, 8 values revised, 0 unchanged \(e\.g\. FRA,2021,DSTRI: 0\.1 -> 0\.061.*ORIGIN CHANGED: was OECD Going Digital Toolkit.*now OECD Digital STRI \(SDMX\) \(live\) for the whole series/);
    const before = readFileSync(join(cache, "dstri.csv"));
    status = 503;
    const bad = await dtb(["data", "fetch", "--source=dstri"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^dtb data: dstri: live fetch failed \(.*HTTP 503.*\); kept the last good cache/);
    expect(readFileSync(join(cache, "dstri.csv")).equals(before)).toBe(true);
  });
});
