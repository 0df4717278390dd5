/**
 * `dtb data fetch [--source dstri|wdi|exports]`: refresh the data cache from the official APIs (all three sources
 * by default); the only `dtb` command that uses the network. Under DTB_OFFLINE=1 it refuses. For each source it
 * says what changed (rows added and gone, values revised) and whether the series now comes from another origin
 * than before (e.g. UN Comtrade replacing the shipped IMF DOTS exports): a refresh replaces a series whole, never
 * mixing two origins in one series. A source whose download fails keeps its last good cache; the command then
 * fails with one line per failed source (the first on the error line, all on stderr).
 *
 * `dtb data snapshot --out DIR`: write the small snapshot shipped with the code (loaders/snapshot.ts) from the
 * cache (or whatever the resolution order gives), replacing DIR atomically.
 */
import {UserError} from "../../src/lib/errors.js";
import {currentTable, refreshSourceTable} from "../../loaders/resolve.js";
import {SOURCE_NAMES, type SourceName} from "../../loaders/sources/index.js";
import {isOffline} from "../../loaders/config.js";
import {diffTables} from "../../loaders/diff.js";
import {writeSnapshot} from "../../loaders/snapshot.js";
import type {Provenance} from "../../loaders/cache.js";
import type {TidyTable} from "../../loaders/tidy.js";

const USAGE = "usage: dtb data fetch [--source dstri|wdi|exports] | dtb data snapshot --out DIR";

export type DataArgs = {sub: "fetch"; sources: SourceName[]} | {sub: "snapshot"; out: string};

/** Parse the arguments of `dtb data`. Example: `parseDataArgs(["fetch", "--source", "wdi"])` -> `{sub: "fetch", sources: ["wdi"]}`. */
export function parseDataArgs(args: string[]): DataArgs {
  const [sub, ...rest] = args;
  if (sub === "snapshot") return {sub, out: parseSnapshotArgs(rest)};
  if (sub !== "fetch") throw new UserError(sub ? `unknown subcommand "${sub}" (${USAGE})` : USAGE);
  let sources: SourceName[] | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = a === "--source" ? rest[++i] : a.startsWith("--source=") ? a.slice(9) : undefined;
    if (a !== "--source" && !a.startsWith("--source=")) throw new UserError(`unknown argument "${a}" (${USAGE})`);
    if (!value || !(SOURCE_NAMES as string[]).includes(value)) {
      throw new UserError(`--source must be one of ${SOURCE_NAMES.join(", ")}${value ? ` (got "${value}")` : ""}`);
    }
    if (sources) throw new UserError(`--source given twice ("${sources[0]}" and "${value}"); fetch one source or all`);
    sources = [value as SourceName];
  }
  return {sub: "fetch", sources: sources ?? [...SOURCE_NAMES]};
}

function parseSnapshotArgs(rest: string[]): string {
  let out: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = a === "--out" ? rest[++i] : a.startsWith("--out=") ? a.slice(6) : undefined;
    if (value === undefined) throw new UserError(`unknown argument "${a}" (${USAGE})`);
    if (!value) throw new UserError("--out needs a folder, e.g. --out data/snapshot");
    if (out !== null) throw new UserError(`--out given twice ("${out}" and "${value}")`);
    out = value;
  }
  if (out === null) throw new UserError(`dtb data snapshot needs --out DIR (${USAGE})`);
  return out;
}

const n = (x: number) => x.toLocaleString("en-US");

/** Where a provenance record's data came from, in words. Example: "IMF DOTS ... (shipped snapshot)". */
function originOf(p: Provenance): string {
  const how = p.method === "cache" ? p.cached_from : p.method;
  const where = p.snapshot === "shipped" ? "shipped snapshot" : p.snapshot === "DTB_SNAPSHOT_DIR" ? "DTB_SNAPSHOT_DIR" : how;
  return `${p.origin ?? "unknown origin"} (${where})`;
}

/** One report line for a refreshed source: rows, changes, and a change of origin when there is one. */
export function changeReport(name: SourceName, before: {table: TidyTable; provenance: Provenance} | null, after: {table: TidyTable; provenance: Provenance}, ms: number): string {
  const d = diffTables(before?.table ?? null, after.table);
  const p = after.provenance;
  let line = `${name}: ${n(p.rows)} rows from ${p.origin} (${p.url}) in ${Math.round(ms)} ms; ` +
    (before ? `${n(d.added)} rows added, ${n(d.removed)} gone, ${n(d.revised)} values revised, ${n(d.unchanged)} unchanged` : "no earlier data to compare");
  if (d.examples.length) line += ` (e.g. ${d.examples.join("; ")})`;
  if (before && before.provenance.origin !== p.origin) {
    line += `; ORIGIN CHANGED: was ${originOf(before.provenance)}, now ${p.origin} (live) for the whole series; the Data page shows which is in use`;
  }
  return line;
}

export async function run(args: string[]): Promise<void> {
  const parsed = parseDataArgs(args);
  if (parsed.sub === "snapshot") {
    const m = await writeSnapshot(parsed.out);
    for (const f of m.files) process.stderr.write(`dtb data: ${parsed.out}/${f.file}: ${n(f.rows)} rows (of ${n(f.upstream?.rows ?? 0)} upstream), sha256 ${f.sha256.slice(0, 12)}…\n`);
    return;
  }
  const {sources} = parsed;
  if (isOffline()) {
    throw new UserError("refusing to fetch: DTB_OFFLINE=1 forbids live downloads (unset it on a machine with a network)");
  }
  const failures: string[] = [];
  for (const name of sources) {
    const started = performance.now();
    const before = await currentTable(name);
    try {
      const after = await refreshSourceTable(name);
      process.stderr.write(`dtb data: ${changeReport(name, before, after, performance.now() - started)}\n`);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      failures.push(msg);
      if (sources.length > 1) process.stderr.write(`dtb data: ${msg}\n`);
    }
  }
  if (failures.length) {
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more failed source${failures.length > 2 ? "s" : ""})` : "";
    throw new UserError(`${failures[0]}${more}`);
  }
}
