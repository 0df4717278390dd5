/**
 * `dtb data fetch [--source dstri|wdi|exports]`: refresh the data cache from the official APIs (all three sources
 * by default). Under DTB_OFFLINE=1 it refuses. A source whose download fails keeps its last good cache; the command
 * then fails with one line per failed source (the first on the error line, all on stderr).
 */
import {UserError} from "../../src/lib/errors.js";
import {refreshSource} from "../../loaders/resolve.js";
import {SOURCE_NAMES, type SourceName} from "../../loaders/sources/index.js";
import {isOffline} from "../../loaders/config.js";

const USAGE = "usage: dtb data fetch [--source dstri|wdi|exports]";

/** Parse the arguments of `dtb data`. Example: `parseDataArgs(["fetch", "--source", "wdi"])` -> `{sources: ["wdi"]}`. */
export function parseDataArgs(args: string[]): {sources: SourceName[]} {
  const [sub, ...rest] = args;
  if (sub !== "fetch") throw new UserError(sub ? `unknown subcommand "${sub}" (${USAGE})` : USAGE);
  let sources: SourceName[] = [...SOURCE_NAMES];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = a === "--source" ? rest[++i] : a.startsWith("--source=") ? a.slice(9) : undefined;
    if (a !== "--source" && !a.startsWith("--source=")) throw new UserError(`unknown argument "${a}" (${USAGE})`);
    if (!value || !(SOURCE_NAMES as string[]).includes(value)) {
      throw new UserError(`--source must be one of ${SOURCE_NAMES.join(", ")}${value ? ` (got "${value}")` : ""}`);
    }
    sources = [value as SourceName];
  }
  return {sources};
}

export async function run(args: string[]): Promise<void> {
  const {sources} = parseDataArgs(args);
  if (isOffline()) {
    throw new UserError("refusing to fetch: DTB_OFFLINE=1 forbids live downloads (unset it on a machine with a network)");
  }
  const failures: string[] = [];
  for (const name of sources) {
    const started = performance.now();
    try {
      const p = await refreshSource(name);
      process.stderr.write(`dtb data: ${name}: ${p.rows} rows from ${p.url} in ${Math.round(performance.now() - started)} ms\n`);
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
