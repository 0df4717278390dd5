/**
 * Native DuckDB (`@duckdb/node-api`) for the customs-record loaders: out of core (a memory limit and a
 * spill folder, so inputs larger than memory work), progress polling, and DuckDB's errors turned into one
 * plain line (unreadable file, missing column, full disk).
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {UserError} from "../../src/lib/errors.js";

export interface DuckOptions {
  /** DuckDB memory_limit, e.g. "2GB" (default "4GB"); above it, operators spill to `tempDir`. */
  memoryLimit?: string;
  threads?: number;
  /** Spill folder (default: a fresh folder in the OS temp dir, removed on close). */
  tempDir?: string;
}

export interface Duck {
  con: DuckDBConnection;
  close(): void;
}

export async function openDuck(opts: DuckOptions = {}): Promise<Duck> {
  const own = opts.tempDir ? null : mkdtempSync(join(tmpdir(), "dtb-duck-"));
  const config: Record<string, string> = {
    memory_limit: opts.memoryLimit ?? "4GB",
    temp_directory: opts.tempDir ?? own!,
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false"
  };
  if (opts.threads) config.threads = String(opts.threads);
  const instance = await DuckDBInstance.create(":memory:", config);
  const con = await instance.connect();
  // Query progress (rows read) for the terminal progress line; DuckDB's own bar stays off.
  await con.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
  return {
    con,
    close() {
      con.closeSync();
      instance.closeSync();
      if (own) rmSync(own, {recursive: true, force: true});
    }
  };
}

export interface Progress {
  rows: number;
  percent: number;
  elapsedMs: number;
}

/** Runs `sql`, calling `onProgress` every `everyMs` while it runs (DuckDB's query progress: rows read). */
export async function runWithProgress(con: DuckDBConnection, sql: string, onProgress?: (p: Progress) => void, everyMs = 500): Promise<void> {
  const t0 = performance.now();
  const timer = onProgress
    ? setInterval(() => {
        const p = con.progress;
        onProgress({rows: Number(p.rows_processed), percent: p.percentage, elapsedMs: performance.now() - t0});
      }, everyMs)
    : null;
  try {
    await con.run(sql);
  } finally {
    if (timer) clearInterval(timer);
  }
}

/**
 * DuckDB error -> one-line UserError. `what` names the input (e.g. "records/2019.parquet").
 * Example: "IO Error: No files found that match the pattern ..." -> "no input file matches records/*.parquet".
 */
export function duckError(e: unknown, what: string): Error {
  const msg = e instanceof Error ? e.message : String(e);
  const first = msg.split("\n")[0].replace(/^[A-Za-z ]*Error: /, "");
  if (/No space left on device|disk is full|Could not write.*space/i.test(msg)) return new UserError(`disk full while processing ${what} (free some space or set --temp-dir to a larger disk)`);
  if (/No files found that match the pattern/i.test(msg)) return new UserError(`no input file matches ${what}`);
  if (/Permission denied/i.test(msg)) return new UserError(`cannot read ${what}: permission denied`);
  if (/Cannot open file|Could not open file|No such file/i.test(msg)) return new UserError(`cannot read ${what}: ${first}`);
  if (/magic bytes|Invalid Input Error|not a parquet file|Parquet/i.test(msg) && /parquet/i.test(msg)) return new UserError(`cannot read ${what}: not a valid Parquet file (${first})`);
  if (/Conversion Error|Could not convert/i.test(msg)) return new UserError(`bad value in ${what}: ${first}`);
  if (/CSV Error|sniff/i.test(msg)) return new UserError(`cannot read ${what} as CSV: ${first}`);
  if (/Out of Memory/i.test(msg)) return new UserError(`DuckDB ran out of memory on ${what} (raise --memory-limit)`);
  if (e instanceof UserError) return e;
  return new Error(first);
}
