/**
 * `../shared` beside the repository (CI and the project's machines; two levels up from a worktree under
 * wt/<name>) holds the shared reference fixtures (fixest / plm numbers on three panels) and the data snapshot.
 * A bare clone has neither: the tests that compare with them are skipped with a printed reason, and the
 * project's own fixtures (tests/fixtures, made by scripts/reference/*.R) test the same estimators and variances.
 */
import {existsSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {describe, it} from "vitest";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The `shared` folder beside the repository, or null on a bare clone. */
export const SHARED_DIR: string | null =
  ["..", "../.."].map((up) => path.resolve(REPO_ROOT, up, "shared")).find((dir) => existsSync(path.join(dir, "reference", "fixtures"))) ?? null;

export const HAVE_SHARED_REFERENCE = SHARED_DIR !== null;
export const SHARED_FIXTURE_DIR = SHARED_DIR ? path.join(SHARED_DIR, "reference", "fixtures") : "";

export const NO_SHARED_REASON =
  "../shared/reference is not beside the repository (a bare clone); the project's own fixtures in tests/fixtures cover these estimators";

/** Registers `body` as a describe block when ../shared/reference is there; otherwise one skipped test that says why. */
export function describeWithSharedReference(title: string, body: () => void): void {
  if (HAVE_SHARED_REFERENCE) {
    describe(title, body);
    return;
  }
  console.info(`skipped: ${title}: ${NO_SHARED_REASON}`);
  describe(title, () => it.skip(`skipped: ${NO_SHARED_REASON}`, () => {}));
}
