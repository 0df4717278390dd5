/**
 * Shared folders for the multiverse tests: the fixtures and the data snapshot live in `../shared` beside the
 * repository (the main checkout) or two levels up (a worktree under wt/<name>).
 */
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {buildPanel} from "../../../loaders/build.js";
import type {Frame} from "../../../src/lib/engine/types.ts";
import type {PartnerInfo} from "../../../src/lib/explorer/state.ts";
import {parseCsv, REPO_ROOT} from "../../helpers/fixtures.ts";
import {isolatedEnv} from "../../loaders/helpers.ts";

export function sharedDir(): string {
  for (const up of ["..", "../.."]) {
    const dir = path.resolve(REPO_ROOT, up, "shared");
    if (existsSync(path.join(dir, "reference"))) return dir;
  }
  throw new Error("../shared (reference fixtures and data snapshot) not found beside the repository");
}

export const fixturePath = (name: string) => path.join(sharedDir(), "reference", "fixtures", name);
export const fixtureFrame = (name: string): Frame => parseCsv(readFileSync(fixturePath(`${name}.csv`), "utf8"));

/** The study panel built from the snapshot (as `dtb panel`), and its partners. */
export async function studyPanel(): Promise<{frame: Frame; partners: PartnerInfo[]}> {
  isolatedEnv({DTB_SNAPSHOT_DIR: path.join(sharedDir(), "data", "snapshot")});
  const frame = (await buildPanel()).frame;
  const iso = frame.columns.iso3 as string[];
  const oecd = frame.columns.oecd as Float64Array;
  return {frame, partners: [...new Map(iso.map((s, i) => [s, {iso3: s, oecd: oecd[i] === 1}])).values()]};
}
