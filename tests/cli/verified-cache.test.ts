// #13 item 6 through the CLI: with dstri.csv cut to 50 lines, `dtb panel` never writes a shorter panel. It repairs
// from a snapshot with a one-line warning (714 rows), or, when every copy is damaged, stops with one line naming the
// damaged file and how to refresh it, writing nothing.
import {execFile} from "node:child_process";
import {cpSync, existsSync, readFileSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {promisify} from "node:util";
import {beforeAll, describe, expect, it} from "vitest";
import {SHIPPED, isolatedEnv, tempDir} from "../loaders/helpers.js";

const REPO = resolve(import.meta.dirname, "..", "..");
const run = promisify(execFile);

async function dtb(args: string[], env: Record<string, string>) {
  return run(process.execPath, [join(REPO, "bin", "dtb.js"), ...args], {cwd: REPO, env: {...process.env, ...env}, timeout: 60_000}).then(
    (r) => ({code: 0, stderr: r.stderr}),
    (e) => ({code: e.code as number, stderr: e.stderr as string})
  );
}
const cut50 = (path: string) => writeFileSync(path, readFileSync(path, "utf8").split("\n").slice(0, 50).join("\n") + "\n");
const lines = (path: string) => readFileSync(path, "utf8").trim().split("\n").length;

let env: Record<string, string>;
beforeAll(() => {
  env = isolatedEnv();
  delete env.DTB_SNAPSHOT_DIR;
  delete process.env.DTB_SNAPSHOT_DIR;
});

describe("dtb panel on a damaged cache", () => {
  it("cache dstri.csv cut to 50 lines: 714 rows and one warning line", async () => {
    const out = tempDir("dtb-out-");
    expect((await dtb(["panel", "--out", join(out, "a.csv")], env)).code).toBe(0);
    cut50(join(env.DTB_CACHE_DIR, "dstri.csv"));
    const r = await dtb(["panel", "--out", join(out, "b.csv")], env);
    expect(r.code).toBe(0);
    expect(lines(join(out, "b.csv"))).toBe(715);
    expect(readFileSync(join(out, "b.csv")).equals(readFileSync(join(out, "a.csv")))).toBe(true);
    const warnings = r.stderr.split("\n").filter((l) => l.startsWith("dtb data: warning"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/damaged cache skipped: .*dstri\.csv: 49 rows instead of the 2838 recorded/);
  });

  it("every copy cut to 50 lines: exit 1, one line naming the file and the fix, no output", async () => {
    const shipped = tempDir("dtb-shipped-");
    cpSync(SHIPPED, shipped, {recursive: true});
    cut50(join(shipped, "dstri.csv"));
    const e2 = {...env, DTB_CACHE_DIR: tempDir(), DTB_SHIPPED_DIR: shipped};
    const out = join(tempDir("dtb-out-"), "c.csv");
    const r = await dtb(["panel", "--out", out], e2);
    expect(r.code).toBe(1);
    const last = r.stderr.trim().split("\n").at(-1)!;
    expect(last).toMatch(new RegExp(`^dtb panel: no sound data for dstri: ${shipped}/dstri\\.csv: 49 rows instead of the 2838 recorded.*dtb data fetch --source dstri`));
    expect(existsSync(out)).toBe(false);
  });
});
