/**
 * The customs page under a large file (issue #13): the longest main-thread task (PerformanceObserver
 * "longtask", which reports every task over 50 ms) and the peak memory of the whole browser (the summed RSS
 * of the Chromium processes this run started, sampled every 100 ms) while a file is read and checked, for
 * (a) a valid 50 MB file and (b) a file of 1M rows each with a problem (negative exports). Needs the built
 * site (dist/) and /usr/bin/chromium. Run: `npx tsx bench/customs-page.ts` (also at the end of `npm run bench`).
 */
import {readFileSync, readdirSync, writeFileSync, mkdtempSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import countries from "i18n-iso-countries";
import {openSession} from "../tests/browser/harness.ts";

const LONGTASKS = `window.__longtasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({start: e.startTime, ms: e.duration}); }).observe({type: "longtask", buffered: true});`;

/** PIDs of this process's descendants (the browser this run launched), and their summed RSS in bytes. */
function descendantsRss(root: number): number {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const mine = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, pp] of parent) if (!mine.has(pid) && mine.has(pp)) (mine.add(pid), (grew = true));
  }
  mine.delete(root);
  let rss = 0;
  for (const pid of mine) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) rss += Number(m[1]) * 1024;
    } catch {}
  }
  return rss;
}

function validFile(targetBytes: number): string {
  const codes = Object.keys(countries.getAlpha3Codes());
  const parts = ["region,partner_iso3,year,exports_usd"];
  let size = parts[0].length + 1;
  outer: for (let r = 0; ; r++) {
    for (let y = 1901; y <= 2100; y++) {
      for (const c of codes) {
        const line = `r${r},${c},${y},${(((r + 1) * 7919 + y * 104729 + c.charCodeAt(0)) % 100000000) + 0.25}`;
        parts.push(line);
        size += line.length + 1;
        if (size >= targetBytes) break outer;
      }
    }
  }
  return parts.join("\n") + "\n";
}

function problemFile(rows: number): string {
  const parts = ["region,partner_iso3,year,exports_usd"];
  for (let i = 0; i < rows; i++) parts.push(`zj,USA,2019,-${i + 1}`);
  return parts.join("\n") + "\n";
}

async function measure(label: string, path: string): Promise<void> {
  const session = await openSession();
  try {
    const page = await session.newPage();
    await page.addInitScript(LONGTASKS);
    await page.goto(session.url("/customs?lang=en"));
    await page.waitForSelector("#customs-file");
    await page.waitForLoadState("networkidle");
    const base = descendantsRss(process.pid);
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, descendantsRss(process.pid))), 100);
    const t0 = await page.evaluate(() => performance.now());
    const started = Date.now();
    await page.setInputFiles("#customs-file", path);
    await page.waitForFunction(() => {
      const s = (document.querySelector(".customs-upload") as HTMLElement).dataset.state;
      return s && s !== "busy";
    }, undefined, {timeout: 900_000, polling: 200});
    const wall = Date.now() - started;
    clearInterval(timer);
    peak = Math.max(peak, descendantsRss(process.pid));
    const tasks = (await page.evaluate(() => (window as unknown as {__longtasks: Array<{start: number; ms: number}>}).__longtasks)).filter((t) => t.start >= t0);
    const longest = tasks.reduce((m, t) => Math.max(m, t.ms), 0);
    const status = await page.textContent(".customs-status");
    console.log(`customs page, ${label} (${(statSync(path).size / 1e6).toFixed(1)} MB): ${wall} ms to the report; longest main-thread task ${longest.toFixed(0)} ms (${tasks.length} tasks > 50 ms); browser RSS ${(base / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB; status: ${status?.slice(0, 160)}`);
  } finally {
    await session.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), "dtb-bench-customs-"));
const valid = join(dir, "valid-50mb.csv");
writeFileSync(valid, validFile(50 * 1024 * 1024 - 4096));
const bad = join(dir, "problems-1m.csv");
writeFileSync(bad, problemFile(1_000_000));
await measure("valid 50 MB file", valid);
await measure("1M problems", bad);
