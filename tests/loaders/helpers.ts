// Shared test helpers: the snapshot folder, temp folders, and an isolated pipeline environment.
import {existsSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";

export const REPO = resolve(import.meta.dirname, "..", "..");
/** The snapshot shipped in the repository (data/snapshot, made by `dtb data snapshot`). */
export const SHIPPED = resolve(REPO, "data", "snapshot");
/**
 * The snapshot the data tests read: $DTB_SNAPSHOT_DIR, else the project's full snapshot beside the repository when
 * present, else the shipped one (a bare clone: `.ci/run` runs the data tests that way, with no network).
 */
export const SNAPSHOT = process.env.DTB_SNAPSHOT_DIR
  ? resolve(process.env.DTB_SNAPSHOT_DIR)
  : [resolve(REPO, "..", "shared", "data", "snapshot")].find((d) => existsSync(d)) ?? SHIPPED;

export function tempDir(prefix = "dtb-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Point every pipeline setting at temp folders (and the snapshot); returns the env for a child process too. */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    DTB_CACHE_DIR: tempDir("dtb-cache-"),
    DTB_CUSTOMS_DIR: tempDir("dtb-customs-"),
    DTB_SNAPSHOT_DIR: SNAPSHOT,
    DTB_OFFLINE: "1",
    ...extra
  };
  Object.assign(process.env, env);
  return env;
}

/** Read a tidy snapshot CSV with a plain split (independent of the code under test: no quotes in these files). */
export function readSnapshotCsv(text: string): {header: string[]; rows: string[][]} {
  const lines = text.trim().split(/\r?\n/);
  return {header: lines[0].split(","), rows: lines.slice(1).map((l) => l.split(","))};
}
