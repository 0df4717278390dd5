/**
 * `dtb multiverse --data FILE --grid GRID.json --out OUT.json [--null-draws N] [--seed S]`
 *
 * Estimates every specification of the grid (GRID.json, documented in README.md "dtb multiverse") with the
 * batched engine path (src/lib/multiverse), writes OUT.json atomically:
 *   {"specs": [{spec, key_term, coef, se, tstat, pvalue, nobs, ok, error, notes}], "summary": {...},
 *    "influence": {...}, "null": {draws, seed, p_median, p_share_significant, p_stouffer} (with --null-draws),
 *    "timing_ms": {estimate, null}}
 * Each `spec` is a complete `dtb estimate` spec that reproduces its numbers alone. Failing specifications
 * are kept with `ok: false` and a one-line `error`. The same seed gives the same output (timings aside).
 * OUT must end in .json (the document is JSON; a .csv name is refused rather than filled with JSON). A grid whose
 * arrays would not fit (grid.ts gridFootprint) is refused before the data is read, with the numbers.
 */
import {readFile} from "node:fs/promises";
import {resolve} from "node:path";
import {performance} from "node:perf_hooks";
import {writeFileAtomic} from "../../loaders/cache.ts";
import {readerFor, readTable} from "../../loaders/read-table.ts";
import {UserError} from "../../src/lib/errors.ts";
import {runBatch} from "../../src/lib/multiverse/batch.ts";
import {expandGrid, validateGrid} from "../../src/lib/multiverse/grid.ts";
import {influence} from "../../src/lib/multiverse/influence.ts";
import {nullDraws, nullPvalues} from "../../src/lib/multiverse/null.ts";
import {record} from "../../src/lib/multiverse/output.ts";
import {prepare} from "../../src/lib/multiverse/prepare.ts";
import {summarize} from "../../src/lib/multiverse/summary.ts";

const USAGE = "usage: dtb multiverse --data FILE --grid GRID.json --out OUT.json [--null-draws N] [--seed S]";
const OPTIONS = ["data", "grid", "out", "null-draws", "seed"];

export async function run(args: string[]): Promise<void> {
  const o = parseArgs(args);
  if (o.help) {
    process.stdout.write(USAGE + "\n");
    return;
  }
  if (!/\.json$/i.test(o.out)) throw new UserError(`--out ${o.out}: the output is a JSON document; give a file name ending in .json`);
  const grid = validateGrid(await readJson(o.grid));
  const draws = o["null-draws"] === undefined ? 0 : Number(o["null-draws"]);
  if (!Number.isInteger(draws) || draws < 0 || draws > 100000) throw new UserError(`--null-draws must be an integer from 0 to 100000; got "${o["null-draws"]}"`);
  const seedText = o.seed ?? "1";
  // An integer seed must be exact in a double (|s| <= 2^53 - 1): a longer one would be rounded and silently name
  // another stream. Any other text is a seed of its own (hashed, as a student's name is in the classroom).
  if (/^-?\d+$/.test(seedText) && !Number.isSafeInteger(Number(seedText))) {
    throw new UserError(`--seed ${seedText}: an integer seed must be between -9007199254740991 and 9007199254740991 (or give a text seed)`);
  }
  const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
  const table = await readTable(o.data, await readerFor(o.data));
  const frame = table.frame;

  const t0 = performance.now();
  const prepared = prepare(frame, grid);
  const combos = expandGrid(grid);
  const result = runBatch(prepared, grid, combos, {frame});
  const t1 = performance.now();
  const summary = summarize(result);
  let nul = undefined;
  let tNull = 0;
  if (draws > 0) {
    const t2 = performance.now();
    let last = 0;
    const stats = nullDraws(prepared, grid, combos, result, {
      seed,
      from: 0,
      to: draws,
      frame,
      onProgress: (d, n) => {
        if (process.stderr.isTTY && Date.now() - last > 500) {
          last = Date.now();
          process.stderr.write(`\rnull draws ${d}/${n}`);
        }
      }
    });
    if (process.stderr.isTTY) process.stderr.write("\r");
    nul = nullPvalues(summary, stats, seed);
    tNull = performance.now() - t2;
  }
  const specs = Array.from({length: combos.n}, (_, i) => record(grid, combos, result, i));
  const doc = {
    specs,
    summary,
    influence: influence(grid, combos, result),
    ...(nul ? {null: nul} : {}),
    timing_ms: {estimate: Math.round(t1 - t0), null: Math.round(tNull)}
  };
  writeFileAtomic(resolve(o.out), JSON.stringify(doc) + "\n");
  const failed = summary.n_failed;
  process.stderr.write(`dtb multiverse: ${combos.n} specifications (${failed} failed) in ${Math.round(t1 - t0)} ms${nul ? `, ${draws} null draws in ${Math.round(tNull)} ms` : ""}; wrote ${o.out}\n`);
}

function parseArgs(args: string[]): Record<string, string> & {help?: boolean} {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") return {help: true} as never;
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m || !OPTIONS.includes(m[1])) {
      if (arg.startsWith("-")) throw new UserError(`unknown option "${arg}" (${USAGE})`);
      throw new UserError(`unexpected argument "${arg}" (${USAGE})`);
    }
    let value = m[2];
    if (value === undefined) {
      value = args[++i];
      if (value === undefined) throw new UserError(`option --${m[1]} needs a value (${USAGE})`);
    }
    if (m[1] in values) throw new UserError(`option --${m[1]} given twice`);
    values[m[1]] = value;
  }
  for (const req of ["data", "grid", "out"]) if (!values[req]) throw new UserError(`missing --${req} (${USAGE})`);
  return values;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`grid file ${path}: ${code === "ENOENT" ? "no such file" : `cannot read the file (${code ?? String(error)})`}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`grid file ${path}: invalid JSON (${(e as Error).message.split("\n")[0]})`);
  }
}
