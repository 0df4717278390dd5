// Fault injection: the live fetchers against a local HTTP server on 127.0.0.1 (random port). A failed or malformed
// download (timeout, 429, 500, truncated body, changed columns, API error payload) must keep the last good cache
// byte for byte and fail with one line.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {refreshSource, resolveSource} from "../../loaders/resolve.js";
import {UserError} from "../../src/lib/errors.js";
import {isolatedEnv, tempDir} from "./helpers.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let handler: Handler = (_req, res) => res.end();
let requests = 0;
let cache = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  isolatedEnv({DTB_OECD_URL: base, DTB_WB_URL: base, DTB_COMTRADE_URL: base, DTB_FETCH_TIMEOUT_MS: "400", DTB_OFFLINE: ""});
  delete process.env.COMTRADE_API_KEY;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});
beforeEach(() => {
  cache = tempDir("dtb-cache-");
  process.env.DTB_CACHE_DIR = cache;
  requests = 0;
});

const send = (status: number, body: string, type = "text/csv") => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, {"content-type": type});
  res.end(body);
};
const files = (source: string) => [join(cache, `${source}.csv`), join(cache, `${source}.provenance.json`)].map((p) => readFileSync(p));

/** Fill the cache with a good live download, then inject `fault` and check the cache survives. */
async function expectCacheSurvives(source: "dstri" | "wdi" | "exports", good: Handler, fault: Handler, reason: RegExp) {
  handler = good;
  const ok = await refreshSource(source);
  expect(ok.method).toBe("live");
  const before = files(source);
  handler = fault;
  const error = await refreshSource(source).then(() => null, (e) => e);
  expect(error).toBeInstanceOf(UserError);
  expect(error.message).not.toContain("\n");
  expect(error.message).toMatch(reason);
  expect(error.message).toContain("kept the last good cache");
  const after = files(source);
  expect(after[0].equals(before[0])).toBe(true);
  expect(after[1].equals(before[1])).toBe(true);
  return error.message as string;
}

const goodDstri = send(200, fixture("dstri-sdmx.csv"));

describe("OECD fetch faults", () => {
  it("a good download writes the tidy cache and a live provenance record", async () => {
    handler = goodDstri;
    const p = await refreshSource("dstri");
    expect(p).toMatchObject({source: "dstri", method: "live", rows: 8, licence: "CC BY 4.0"});
    expect(p.url).toContain("/data/OECD.TAD.TPD,DSD_STRI@DF_STRI_DIGITAL,1.0/");
    const text = readFileSync(join(cache, "dstri.csv"), "utf8");
    expect(text.split("\n")[0]).toBe("iso3,year,measure,value");
    expect(text).toContain("FRA,2021,DSTRI,0.061\n");
    expect(JSON.parse(readFileSync(join(cache, "dstri.provenance.json"), "utf8")).rows).toBe(8);
  });

  it("timeout", async () => {
    const msg = await expectCacheSurvives("dstri", goodDstri, () => {/* never answers */}, /timed out after 400 ms/);
    console.log(`timeout -> ${msg}`);
  });
  it("HTTP 429", async () => {
    await expectCacheSurvives("dstri", goodDstri, send(429, "Too many requests"), /HTTP 429/);
  });
  it("HTTP 500", async () => {
    await expectCacheSurvives("dstri", goodDstri, send(500, "oops"), /HTTP 500/);
  });
  it("truncated body (connection closed before Content-Length)", async () => {
    const body = fixture("dstri-sdmx.csv");
    await expectCacheSurvives("dstri", goodDstri, (_req, res) => {
      res.writeHead(200, {"content-type": "text/csv", "content-length": String(Buffer.byteLength(body))});
      res.write(body.slice(0, 400));
      setTimeout(() => res.destroy(), 20);
    }, /truncated/);
  });
  it("truncated body (chunked, cut inside a row)", async () => {
    const body = fixture("dstri-sdmx.csv");
    await expectCacheSurvives("dstri", goodDstri, send(200, body.slice(0, body.indexOf("\n", 500) - 10)), /expected 11 fields/);
  });
  it("changed columns", async () => {
    await expectCacheSurvives("dstri", goodDstri, send(200, fixture("dstri-sdmx.csv").replace("OBS_VALUE", "VALUE")), /changed columns, missing OBS_VALUE/);
  });
});

describe("World Bank fetch: paging, error payload", () => {
  const wb: Handler = (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/v2/country") return send(200, fixture("wdi-countries.json"), "application/json")(req, res);
    const page = url.searchParams.get("page");
    send(200, fixture(page === "2" ? "wdi-page2.json" : "wdi-page1.json"), "application/json")(req, res);
  };
  it("follows pages and drops aggregates", async () => {
    handler = wb;
    const p = await refreshSource("wdi");
    // 6 indicators x 2 pages + the country list; each indicator answers with the same fixture (FRA, XKX kept).
    expect(requests).toBe(1 + 6 * 2);
    expect(p.rows).toBe(2);
    const text = readFileSync(join(cache, "wdi.csv"), "utf8");
    expect(text).toBe("iso3,year,indicator,value\nFRA,2020,NY.GDP.MKTP.CD,2639008701648.46\nXKX,2020,NY.GDP.MKTP.CD,7716925356\n");
  });
  it("error payload keeps the cache", async () => {
    await expectCacheSurvives("wdi", wb, send(200, fixture("wdi-error.json"), "application/json"), /World Bank API error 120/);
  });
});

describe("Comtrade fetch", () => {
  // Answers like the API: the fixture's rows (all 2020) only when 2020 is among the periods asked for.
  const comtrade: Handler = (req, res) => {
    const periods = new URL(req.url ?? "/", "http://x").searchParams.get("period")?.split(",") ?? [];
    send(200, periods.includes("2020") ? fixture("comtrade.json") : '{"elements":null,"count":0,"data":[],"error":""}', "application/json")(req, res);
  };
  it("maps partners and writes the tidy format; a 500 keeps the cache", async () => {
    handler = comtrade;
    const p = await refreshSource("exports");
    expect(p.origin).toBe("UN Comtrade");
    expect(readFileSync(join(cache, "exports.csv"), "utf8")).toContain("CHN,USA,2020,452577238713\n");
    expect(p.rows).toBe(4);
    await expectCacheSurvives("exports", comtrade, send(500, "{}"), /HTTP 500/);
  });
});

describe("resolution never goes to the network", () => {
  it("with no cache and no snapshot it fails in one line without a request, even online", async () => {
    process.env.DTB_SNAPSHOT_DIR = tempDir("dtb-empty-snapshot-");
    process.env.DTB_SHIPPED_DIR = tempDir("dtb-empty-shipped-");
    handler = goodDstri;
    const before = requests;
    await expect(resolveSource("dstri")).rejects.toThrow(/^no data for dstri: .*dtb data fetch/);
    expect(requests).toBe(before);
    delete process.env.DTB_SHIPPED_DIR;
    process.env.DTB_OFFLINE = "1";
    await expect(refreshSource("dstri")).rejects.toThrow(/refusing to fetch dstri/);
    expect(requests).toBe(before);
    process.env.DTB_OFFLINE = "";
  });
});
