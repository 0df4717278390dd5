/**
 * Where each source's data comes from, in this order:
 *   1. the cache `<DTB_CACHE_DIR>/<file>` (method "cache");
 *   2. the snapshot `$DTB_SNAPSHOT_DIR/<file>` (or `../shared/data/snapshot` beside the repo when that exists),
 *      validated and copied into the cache (method "snapshot");
 *   3. a live fetch from the official API, written to the cache (method "live"); never when `DTB_OFFLINE=1`;
 *   4. otherwise a one-line error saying what to do.
 * `refreshSource` forces step 3 and, if the download fails or is malformed, keeps the last good cache untouched.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {isOffline, snapshotDir} from "./config.js";
import {cachePath, readCache, sha256, writeCache, type Provenance} from "./cache.js";
import {redactUrl} from "./http.js";
import {SOURCES, type SourceName, type SourceSpec} from "./sources/index.js";
import {formatTidy, parseTidy, type TidyTable} from "./tidy.js";
import {UserError} from "../src/lib/errors.js";

export interface Resolved {
  table: TidyTable;
  provenance: Provenance;
}

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");

function record(spec: SourceSpec, text: string, rows: number, method: Provenance["method"], url: string, origin: string): Provenance {
  return {
    source: spec.name,
    url: redactUrl(url),
    retrieved_at: new Date().toISOString(),
    rows,
    sha256: sha256(text),
    method,
    licence: spec.licence,
    citation: spec.citation,
    origin
  };
}

/**
 * Get a source's tidy table by the resolution order above. Example: `(await resolveSource("dstri")).table.rows.length`.
 * Throws UserError (one line) when no step can provide the data.
 */
export async function resolveSource(name: SourceName): Promise<Resolved> {
  const spec = SOURCES[name];
  let cacheProblem = "";
  try {
    const cached = readCache(spec);
    if (cached) {
      const stored = cached.provenance;
      const base = stored && stored.sha256 === sha256(cached.text)
        ? stored
        : record(spec, cached.text, cached.table.rows.length, "cache", `file://${cachePath(spec)}`, "unknown (no matching provenance record)");
      return {table: cached.table, provenance: {...base, method: "cache", cached_from: base.method === "cache" ? base.cached_from : base.method}};
    }
  } catch (e) {
    // A damaged cache must not block the build when the snapshot can replace it; say so on stderr.
    cacheProblem = oneLine(e);
    process.stderr.write(`dtb data: ignoring bad cache for ${name}: ${cacheProblem}\n`);
  }

  const snap = snapshotDir();
  const snapFile = snap ? join(snap, spec.file) : null;
  if (snapFile && existsSync(snapFile)) {
    const text = readFileSync(snapFile, "utf8");
    const table = parseTidy(text, spec.columns, snapFile);
    const provenance = record(spec, text, table.rows.length, "snapshot", `file://${snapFile}`, spec.snapshotOrigin);
    writeCache(spec, text, provenance);
    return {table, provenance};
  }

  const noSnapshot = snap
    ? `no ${spec.file} in the snapshot folder ${snap}`
    : `no snapshot (set DTB_SNAPSHOT_DIR to a folder holding ${spec.file})`;
  if (isOffline()) {
    throw new UserError(
      `no data for ${name}: no cache at ${cachePath(spec)}, ${noSnapshot}, and DTB_OFFLINE=1 forbids a live fetch (set DTB_SNAPSHOT_DIR, or unset DTB_OFFLINE on a machine with a network)`
    );
  }
  try {
    return await fetchAndStore(spec);
  } catch (e) {
    throw new UserError(`no data for ${name}: no cache, ${noSnapshot}, and the live fetch failed: ${oneLine(e)}`);
  }
}

async function fetchAndStore(spec: SourceSpec): Promise<Resolved> {
  const {table, url} = await spec.fetchLive();
  const text = formatTidy(table);
  // Re-read what will be written: the live table must pass the same checks as a snapshot.
  const checked = parseTidy(text, spec.columns, `${spec.name} live download`);
  const provenance = record(spec, text, checked.rows.length, "live", url, spec.name === "exports" ? "UN Comtrade" : spec.title);
  writeCache(spec, text, provenance);
  return {table: checked, provenance};
}

/**
 * Refresh a source from its live API (`dtb data fetch`). Under DTB_OFFLINE=1 refuses with a UserError. If the
 * download fails or is malformed the cache is not touched and a one-line UserError says why, e.g.
 * `dstri: live fetch failed (GET https://.../data/...: HTTP 429 Too Many Requests); kept the last good cache data/cache/dstri.csv`.
 */
export async function refreshSource(name: SourceName): Promise<Provenance> {
  const spec = SOURCES[name];
  if (isOffline()) {
    throw new UserError(`refusing to fetch ${name}: DTB_OFFLINE=1 forbids live downloads (unset it on a machine with a network)`);
  }
  try {
    return (await fetchAndStore(spec)).provenance;
  } catch (e) {
    const kept = existsSync(cachePath(spec)) ? `kept the last good cache ${cachePath(spec)}` : "no cache was written";
    throw new UserError(`${name}: live fetch failed (${oneLine(e)}); ${kept}`);
  }
}
