/**
 * Where each source's data comes from, in this order (#12, #13):
 *   1. the cache `<DTB_CACHE_DIR>/<file>`, checked against its provenance record (sha256, rows);
 *   2. `$DTB_SNAPSHOT_DIR/<file>`, checked against that folder's manifest.json, then copied into the cache;
 *   3. the snapshot shipped in the repository, `data/snapshot/<file>` (made by `dtb data snapshot`), checked
 *      against its manifest.json, then copied into the cache;
 *   4. otherwise a one-line error saying what to do.
 * A file that fails its check is skipped with a one-line warning on stderr (and the next step is tried); when no
 * step is left the error names the damaged file and how to refresh it. Resolution never goes to the network: a
 * build or a `dtb` command reads only local files. `refreshSource` (`dtb data fetch`) is the one networked path.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {isOffline, shippedSnapshotDir, snapshotDir} from "./config.js";
import {cachePath, readCache, sha256, writeCache, type Provenance} from "./cache.js";
import {redactUrl} from "./http.js";
import {manifestEntry, readManifest, type ManifestEntry} from "./manifest.js";
import {SOURCES, type SourceName, type SourceSpec} from "./sources/index.js";
import {formatTidy, parseTidy, type TidyTable} from "./tidy.js";
import {mismatch} from "./verify.js";
import {UserError} from "../src/lib/errors.js";

export interface Resolved {
  table: TidyTable;
  provenance: Provenance;
}

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");

/** One warning line on stderr (Framework shows a loader's stderr in the build log). */
function warn(message: string): void {
  process.stderr.write(`dtb data: warning: ${message}\n`);
}

/** The snapshot folders in resolution order, each with its label. */
export function snapshotFolders(): Array<{dir: string; label: "DTB_SNAPSHOT_DIR" | "shipped"}> {
  const external = snapshotDir();
  return [...(external ? [{dir: external, label: "DTB_SNAPSHOT_DIR" as const}] : []), {dir: shippedSnapshotDir(), label: "shipped" as const}];
}

/**
 * Read `<dir>/<spec.file>` and check it against the folder's manifest. Returns null when the file is absent;
 * throws UserError with the reason when it is damaged. A folder without a manifest (a user's own folder of tidy
 * CSVs) is read unverified, with a warning.
 */
function readSnapshotFile(spec: SourceSpec, dir: string): {text: string; table: TidyTable; entry: ManifestEntry | undefined} | null {
  const path = join(dir, spec.file);
  if (!existsSync(path)) return null;
  const text = readFileSync(path, "utf8");
  const entry = manifestEntry(readManifest(dir), spec.file);
  if (entry) {
    const wrong = mismatch(text, entry);
    if (wrong) throw new UserError(`${path}: ${wrong} (manifest ${join(dir, "manifest.json")})`);
  } else {
    warn(`${path} is not listed in a manifest.json, so it was read without a sha256/row check`);
  }
  const table = parseTidy(text, spec.columns, path);
  if (entry && table.rows.length !== entry.rows) throw new UserError(`${path}: ${table.rows.length} rows instead of the ${entry.rows} in its manifest`);
  return {text, table, entry};
}

function fromSnapshot(spec: SourceSpec, text: string, rows: number, entry: ManifestEntry | undefined, label: "DTB_SNAPSHOT_DIR" | "shipped"): Provenance {
  return {
    source: spec.name,
    url: entry?.url ?? spec.snapshotUrl,
    retrieved_at: entry?.retrieved_at ?? spec.snapshotRetrieved,
    rows,
    sha256: sha256(text),
    method: "snapshot",
    licence: entry?.licence ?? spec.licence,
    citation: entry?.citation ?? spec.citation,
    origin: entry?.origin ?? spec.snapshotOrigin,
    snapshot: label,
    // No absolute path: provenance.json is published with the site.
    location: label === "shipped" ? `data/snapshot/${spec.file}` : `$DTB_SNAPSHOT_DIR/${spec.file}`
  };
}

/**
 * Get a source's tidy table by the resolution order above. Example: `(await resolveSource("dstri")).table.rows.length`.
 * Throws UserError (one line) when no step can provide sound data.
 */
export async function resolveSource(name: SourceName): Promise<Resolved> {
  const spec = SOURCES[name];
  const refresh = `run \`dtb data fetch --source ${name}\` on a machine with a network, or restore the file`;
  const damaged: string[] = [];

  try {
    const cached = readCache(spec);
    if (cached) {
      const stored = cached.provenance;
      const cachedFrom = stored.method === "cache" ? stored.cached_from : stored.method;
      return {table: cached.table, provenance: {...stored, method: "cache", cached_from: cachedFrom}};
    }
  } catch (e) {
    damaged.push(oneLine(e));
    warn(`damaged cache skipped: ${oneLine(e)}; trying the snapshot (${refresh})`);
  }

  for (const {dir, label} of snapshotFolders()) {
    let found;
    try {
      found = readSnapshotFile(spec, dir);
    } catch (e) {
      damaged.push(oneLine(e));
      warn(`damaged snapshot file skipped: ${oneLine(e)}`);
      continue;
    }
    if (!found) continue;
    const provenance = fromSnapshot(spec, found.text, found.table.rows.length, found.entry, label);
    writeCache(spec, found.text, provenance);
    return {table: found.table, provenance: damaged.length ? {...provenance, warnings: damaged} : provenance};
  }

  if (damaged.length) {
    throw new UserError(`no sound data for ${name}: ${damaged.join("; ")}; ${refresh} (git checkout data/snapshot)`);
  }
  const external = snapshotDir();
  throw new UserError(
    `no data for ${name}: no cache at ${cachePath(spec)}, ${external ? `no ${spec.file} in DTB_SNAPSHOT_DIR ${external}` : "DTB_SNAPSHOT_DIR unset"}, ` +
      `and no shipped snapshot ${join(shippedSnapshotDir(), spec.file)} (restore data/snapshot from git, set DTB_SNAPSHOT_DIR to a folder holding ${spec.file}, or run \`dtb data fetch\` with a network)`
  );
}

async function fetchAndStore(spec: SourceSpec): Promise<Resolved> {
  const {table, url} = await spec.fetchLive();
  const text = formatTidy(table);
  // Re-read what will be written: the live table must pass the same checks as a snapshot.
  const checked = parseTidy(text, spec.columns, `${spec.name} live download`);
  const provenance: Provenance = {
    source: spec.name,
    url: redactUrl(url),
    retrieved_at: new Date().toISOString(),
    rows: checked.rows.length,
    sha256: sha256(text),
    method: "live",
    licence: spec.licence,
    citation: spec.citation,
    origin: spec.liveOrigin
  };
  writeCache(spec, text, provenance);
  return {table: checked, provenance};
}

/** The table a refresh replaces: the cache if sound, else what the resolution order would give (null if nothing). */
export async function currentTable(name: SourceName): Promise<Resolved | null> {
  try {
    return await resolveSource(name);
  } catch {
    return null;
  }
}

/**
 * Refresh a source from its live API (`dtb data fetch`). Under DTB_OFFLINE=1 refuses with a UserError. If the
 * download fails or is malformed the cache is not touched and a one-line UserError says why, e.g.
 * `dstri: live fetch failed (GET https://.../data/...: HTTP 429 Too Many Requests); kept the last good cache data/cache/dstri.csv`.
 */
export async function refreshSource(name: SourceName): Promise<Provenance> {
  return (await refreshSourceTable(name)).provenance;
}

/** As refreshSource, returning the new table too (for the change report of `dtb data fetch`). */
export async function refreshSourceTable(name: SourceName): Promise<Resolved> {
  const spec = SOURCES[name];
  if (isOffline()) {
    throw new UserError(`refusing to fetch ${name}: DTB_OFFLINE=1 forbids live downloads (unset it on a machine with a network)`);
  }
  try {
    return await fetchAndStore(spec);
  } catch (e) {
    const kept = existsSync(cachePath(spec)) ? `kept the last good cache ${cachePath(spec)}` : "no cache was written";
    throw new UserError(`${name}: live fetch failed (${oneLine(e)}); ${kept}`);
  }
}
