/**
 * `npm run bench`: times the estimation engine (src/lib/engine/perf). The study-sized spec uses the
 * shared fixture panel when `../shared/reference/fixtures/panel.csv` exists beside the repository.
 */
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {runBench} from "../src/lib/engine/perf/suite.ts";
import {parseCsv} from "../tests/helpers/fixtures.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixture = path.resolve(root, "../shared/reference/fixtures/panel.csv");
const smallFrame = existsSync(fixture) ? parseCsv(readFileSync(fixture, "utf8")) : undefined;
const runs = Number(process.env.DTB_BENCH_RUNS ?? 5);
runBench({smallFrame, runs});
if (process.env.DTB_BENCH_FIRM_ROWS !== "0") (await import("../src/lib/engine/perf/firm-suite.ts")).runFirmBench(Number(process.env.DTB_BENCH_FIRM_ROWS ?? 5_000_000), runs > 3 ? 3 : runs);
if (process.env.DTB_BENCH_CUSTOMS_ROWS) await (await import("./customs.ts")).runCustomsBench(Number(process.env.DTB_BENCH_CUSTOMS_ROWS), runs > 3 ? 3 : runs);
await (await import("./simulate.ts")).benchSimulate(runs);
(await import("./pvalues.ts")).benchPvalues(runs);
// Shuffled rows, text ids, 1M and 5M rows, 2 and 3 FE and PPML against fixest in the same run (DTB_BENCH_SHUFFLED_ROWS).
if (process.env.DTB_BENCH_SHUFFLED_ROWS !== "0") (await import("./shuffled.ts")).runShuffledBench(runs > 3 ? 3 : runs);
if (process.env.DTB_BENCH_GRAVITY_ROWS !== "0") (await import("./gravity.ts")).runGravityBench(runs > 3 ? 3 : runs);
if (process.env.DTB_BENCH_MULTIVERSE !== "0") console.log(await import("./multiverse.ts").then((m) => m.runMultiverseBench()));
if (process.env.DTB_BENCH_MULTIVERSE_BROWSER === "1") console.log(await import("./multiverse-browser.ts").then((m) => m.runMultiverseBrowserBench())); // needs a build (dist/)
if (process.env.DTB_BENCH_E2E_ROWS !== "0") await (await import("./e2e.ts")).runE2eBench((process.env.DTB_BENCH_E2E_ROWS ?? "1000000,5000000").split(",").map(Number).filter((n) => n > 0), Number(process.env.DTB_BENCH_E2E_RUNS ?? (runs > 3 ? 3 : runs)));
if (process.env.DTB_BENCH_CUSTOMS_CSV_ROWS !== "0") await (await import("./customs-csv.ts")).runCustomsCsvBench(Number(process.env.DTB_BENCH_CUSTOMS_CSV_ROWS ?? 2_000_000), Number(process.env.DTB_BENCH_E2E_RUNS ?? (runs > 3 ? 3 : runs)));
