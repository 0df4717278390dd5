/**
 * A snapshot folder's `manifest.json`: one entry per tidy file with its rows and sha256 (what a reader checks the
 * file against) and, in snapshots made by `dtb data snapshot`, where the data came from (source, URL, retrieval
 * date, licence, citation, origin) and the upstream file it was cut from (its rows and sha256).
 *
 * The shared snapshot's manifest has only `{file, rows, sha256}` per file; every other field is optional.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {UserError} from "../src/lib/errors.js";

export const MANIFEST = "manifest.json";
export const SNAPSHOT_FORMAT = "tidy-cache/1";

/** The file a snapshot file was cut from, as found in the cache when the snapshot was made. */
export interface Upstream {
  /** How the cache had been filled: `snapshot` (from another snapshot folder) or `live`. */
  method: string;
  /** Where it was read from (a URL, or `file://…/<name>` for a folder outside the repository). */
  location: string;
  rows: number;
  sha256: string;
}

export interface ManifestEntry {
  file: string;
  rows: number;
  sha256: string;
  source?: string;
  title?: string;
  columns?: string[];
  url?: string;
  retrieved_at?: string;
  licence?: string;
  citation?: string;
  origin?: string;
  /** What was kept from the upstream file (rows selected for the panel and the pages). */
  kept?: string;
  upstream?: Upstream;
}

export interface Manifest {
  format: string;
  created_at?: string;
  made_by?: string;
  files: ManifestEntry[];
}

/**
 * Read `<dir>/manifest.json`. Returns null when the folder has none; throws a one-line UserError naming the file
 * when it exists but is not a manifest (bad JSON, no `files` list, an entry without file/rows/sha256).
 */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UserError(`${path}: not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  const files = (json as Manifest | null)?.files;
  if (!Array.isArray(files)) throw new UserError(`${path}: no "files" list`);
  for (const [i, f] of files.entries()) {
    if (!f || typeof f.file !== "string" || !Number.isInteger(f.rows) || typeof f.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(f.sha256)) {
      throw new UserError(`${path}: entry ${i + 1} needs "file", an integer "rows" and a hex "sha256"`);
    }
  }
  return json as Manifest;
}

/** The manifest entry for `file`, or undefined. */
export function manifestEntry(manifest: Manifest | null, file: string): ManifestEntry | undefined {
  return manifest?.files.find((f) => f.file === file);
}
