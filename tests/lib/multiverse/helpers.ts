/**
 * Folders for the multiverse tests: the reference fixtures live in `../shared` beside the repository (absent on a
 * bare clone: those tests are skipped, see helpers/shared.ts); the study panel is built from the data snapshot the
 * data tests use (../shared's when there, else the snapshot shipped in data/snapshot).
 */
import {readFileSync} from "node:fs";
import path from "node:path";
import {buildPanel} from "../../../loaders/build.js";
import type {Frame} from "../../../src/lib/engine/types.ts";
import type {PartnerInfo} from "../../../src/lib/explorer/state.ts";
import {parseCsv, REPO_ROOT} from "../../helpers/fixtures.ts";
import {SHARED_DIR, SHARED_FIXTURE_DIR} from "../../helpers/shared.ts";
import {isolatedEnv, SHIPPED} from "../../loaders/helpers.ts";

/** The data snapshot: ../shared's full snapshot when there, else the one shipped in the repository. */
export const SNAPSHOT_DIR = SHARED_DIR ? path.join(SHARED_DIR, "data", "snapshot") : SHIPPED;

export const fixturePath = (name: string) => path.join(SHARED_FIXTURE_DIR, name);
export const fixtureFrame = (name: string): Frame => parseCsv(readFileSync(fixturePath(`${name}.csv`), "utf8"));

/** The study panel built from the snapshot (as `dtb panel`), and its partners. */
export async function studyPanel(): Promise<{frame: Frame; partners: PartnerInfo[]}> {
  isolatedEnv({DTB_SNAPSHOT_DIR: SNAPSHOT_DIR});
  const frame = (await buildPanel()).frame;
  const iso = frame.columns.iso3 as string[];
  const oecd = frame.columns.oecd as Float64Array;
  return {frame, partners: [...new Map(iso.map((s, i) => [s, {iso3: s, oecd: oecd[i] === 1}])).values()]};
}
