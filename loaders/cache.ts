/**
 * The data cache: `<DTB_CACHE_DIR>/<source>.csv` in the tidy format plus `<source>.provenance.json`
 * `{source, url, retrieved_at, rows, sha256, method, licence, citation, origin}`. Writes are atomic (a temp file in
 * the same directory, then rename), so a reader never sees half a file and a failed refresh leaves the last
 * good data in place.
 */
import {randomBytes} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {cacheDir} from "./config.js";
import type {SourceSpec} from "./sources/index.js";
import {parseTidy, type TidyTable} from "./tidy.js";
import {mismatch} from "./verify.js";
import {UserError} from "../src/lib/errors.js";

/** How a source's data was obtained: from an existing cache file, copied from the snapshot, or fetched live. */
export type Method = "cache" | "snapshot" | "live";

export interface Provenance {
  source: string;
  url: string;
  retrieved_at: string;
  rows: number;
  sha256: string;
  method: Method;
  licence: string;
  citation: string;
  /** What produced the data (e.g. IMF DOTS for the exports snapshot, UN Comtrade when live). */
  origin?: string;
  /** When method = "cache": how the cache file was filled in the first place. */
  cached_from?: Method;
  /** For data from a snapshot: which one, `DTB_SNAPSHOT_DIR` or `shipped` (the repository's data/snapshot). */
  snapshot?: "DTB_SNAPSHOT_DIR" | "shipped";
  /** For data from a snapshot: the file read, relative (`data/snapshot/dstri.csv` or `$DTB_SNAPSHOT_DIR/dstri.csv`). */
  location?: string;
  /** Problems met on the way (a damaged cache or snapshot file that was skipped), one line each. */
  warnings?: string[];
}

export {sha256} from "./verify.js";

/** Path of a source's cache CSV. Example: `cachePath(SOURCES.dstri)` -> `<repo>/data/cache/dstri.csv`. */
export function cachePath(spec: SourceSpec): string {
  return join(cacheDir(), spec.file);
}

/** Path of a source's provenance record. Example: `<repo>/data/cache/dstri.provenance.json`. */
export function provenancePath(spec: SourceSpec): string {
  return join(cacheDir(), `${spec.name}.provenance.json`);
}

/**
 * Write `data` to `path` atomically: write a temp file beside it, then rename over the target (rename is atomic
 * on one file system). The temp file is removed if anything fails. Creates the directory if needed.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), {recursive: true});
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, {force: true});
    throw error;
  }
}

/**
 * Read a source's cache and check it against its provenance record (sha256 and rows; #13 "a verified cache").
 * Returns null when there is no cache file. Throws UserError with the reason when the record is missing or
 * unreadable, when the file does not match it (cut short, edited), or when it is not valid tidy CSV.
 */
export function readCache(spec: SourceSpec): {text: string; table: TidyTable; provenance: Provenance} | null {
  const path = cachePath(spec);
  if (!existsSync(path)) return null;
  const text = readFileSync(path, "utf8");
  let provenance: Provenance;
  try {
    provenance = JSON.parse(readFileSync(provenancePath(spec), "utf8")) as Provenance;
  } catch {
    throw new UserError(`${path} has no readable provenance record ${provenancePath(spec)}, so it cannot be checked`);
  }
  const wrong = typeof provenance?.sha256 === "string" && Number.isInteger(provenance?.rows)
    ? mismatch(text, {rows: provenance.rows, sha256: provenance.sha256})
    : "its provenance record lacks sha256/rows";
  if (wrong) throw new UserError(`${path}: ${wrong}`);
  const table = parseTidy(text, spec.columns, path);
  if (table.rows.length !== provenance.rows) throw new UserError(`${path}: ${table.rows.length} rows instead of the ${provenance.rows} recorded`);
  return {text, table, provenance};
}

/** Store tidy CSV text and its provenance record atomically (CSV first, then the record). */
export function writeCache(spec: SourceSpec, text: string, provenance: Provenance): void {
  writeFileAtomic(cachePath(spec), text);
  writeFileAtomic(provenancePath(spec), JSON.stringify(provenance, null, 2) + "\n");
}
