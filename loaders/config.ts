/**
 * Where the data pipeline reads and writes, and how it talks to the network; every setting comes from
 * an environment variable so that tests (and users without a network) can redirect it.
 *
 * | variable               | default                                              |
 * |------------------------|------------------------------------------------------|
 * | `DTB_CACHE_DIR`        | `<repo>/data/cache` (git-ignored)                    |
 * | `DTB_SNAPSHOT_DIR`     | unset (a folder of tidy CSVs + manifest.json)        |
 * | `DTB_SHIPPED_DIR`      | `<repo>/data/snapshot` (the snapshot in the repo)    |
 * | `DTB_CUSTOMS_DIR`      | `<repo>/data/customs`                                |
 * | `DTB_OFFLINE`          | unset; `1` forbids every live fetch                  |
 * | `DTB_FETCH_TIMEOUT_MS` | 60000 (per request)                                  |
 * | `DTB_OECD_URL`         | `https://sdmx.oecd.org/public/rest`                  |
 * | `DTB_WB_URL`           | `https://api.worldbank.org`                          |
 * | `DTB_COMTRADE_URL`     | `https://comtradeapi.un.org`                         |
 * | `COMTRADE_API_KEY`     | unset (public preview endpoint, 500 records a call)  |
 *
 * The settings are read on every call (not cached at import) so a test can change `process.env` between cases.
 */
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";

/** Absolute path of the repository root (the folder that holds `loaders/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The cache directory (`DTB_CACHE_DIR`, relative paths taken from the current directory). */
export function cacheDir(): string {
  const dir = process.env.DTB_CACHE_DIR;
  return dir ? resolve(dir) : resolve(REPO_ROOT, "data", "cache");
}

/**
 * The external snapshot directory `DTB_SNAPSHOT_DIR`, or null when unset. Nothing beside the repository is
 * looked at implicitly: a clone on its own uses the shipped snapshot (`shippedSnapshotDir`).
 */
export function snapshotDir(): string | null {
  const dir = process.env.DTB_SNAPSHOT_DIR;
  return dir ? resolve(dir) : null;
}

/**
 * The snapshot shipped with the code, `<repo>/data/snapshot` (made by `dtb data snapshot`); `DTB_SHIPPED_DIR`
 * overrides it so that tests can stand in a damaged or missing one.
 */
export function shippedSnapshotDir(): string {
  const dir = process.env.DTB_SHIPPED_DIR;
  return dir ? resolve(dir) : resolve(REPO_ROOT, "data", "snapshot");
}

/** The folder of user-supplied customs files (`DTB_CUSTOMS_DIR`, default `data/customs`). */
export function customsDir(): string {
  const dir = process.env.DTB_CUSTOMS_DIR;
  return dir ? resolve(dir) : resolve(REPO_ROOT, "data", "customs");
}

/** True when `DTB_OFFLINE=1` (or `true`): no live fetch may be attempted. */
export function isOffline(): boolean {
  const v = (process.env.DTB_OFFLINE ?? "").trim().toLowerCase();
  return v === "1" || v === "true" || v === "yes";
}

/** Per-request timeout in milliseconds (`DTB_FETCH_TIMEOUT_MS`, default 60 s). */
export function fetchTimeoutMs(): number {
  const v = Number(process.env.DTB_FETCH_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 60_000;
}

/** Base URL of a source's API, without a trailing slash (env override first). */
export function baseUrl(source: "oecd" | "wb" | "comtrade"): string {
  const env = {oecd: "DTB_OECD_URL", wb: "DTB_WB_URL", comtrade: "DTB_COMTRADE_URL"}[source];
  const fallback = {
    oecd: "https://sdmx.oecd.org/public/rest",
    wb: "https://api.worldbank.org",
    comtrade: "https://comtradeapi.un.org"
  }[source];
  return (process.env[env] || fallback).replace(/\/+$/, "");
}
