// Shared test helpers: the snapshot folder beside the repo, temp folders, and an isolated pipeline environment.
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";

export const REPO = resolve(import.meta.dirname, "..", "..");
export const SNAPSHOT = resolve(REPO, "..", "shared", "data", "snapshot");

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
