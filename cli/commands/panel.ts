/**
 * `dtb panel --out FILE`: write the analysis panel (cache -> snapshot -> live, plus data/customs files) as CSV,
 * Parquet or Arrow IPC stream, chosen by the file's extension (.csv, .parquet, .arrow). The file is written
 * atomically; a summary line goes to stderr.
 */
import {resolve} from "node:path";
import {UserError} from "../../src/lib/errors.js";
import {buildPanel} from "../../loaders/build.js";
import {frameToArrowStream, frameToCsv, frameToParquet} from "../../loaders/writers.js";
import {writeFileAtomic} from "../../loaders/cache.js";

const USAGE = "usage: dtb panel --out FILE.csv|FILE.parquet|FILE.arrow";

/** Parse `--out FILE` (or `--out=FILE`); anything else is a UserError. */
export function parsePanelArgs(args: string[]): {out: string} {
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--out" || a === "-o") {
      out = args[++i];
      if (!out) throw new UserError(`--out needs a file name (${USAGE})`);
    } else if (a.startsWith("--out=")) out = a.slice(6);
    else throw new UserError(`unknown argument "${a}" (${USAGE})`);
  }
  if (!out) throw new UserError(`missing --out FILE (${USAGE})`);
  if (!/\.(csv|parquet|arrow)$/i.test(out)) {
    throw new UserError(`cannot tell the format of "${out}": use a .csv, .parquet or .arrow extension`);
  }
  return {out};
}

export async function run(args: string[]): Promise<void> {
  const {out} = parsePanelArgs(args);
  const started = performance.now();
  const built = await buildPanel();
  const ext = out.toLowerCase().split(".").pop();
  const bytes =
    ext === "csv" ? frameToCsv(built.frame) : ext === "arrow" ? frameToArrowStream(built.frame) : await frameToParquet(built.frame);
  try {
    writeFileAtomic(resolve(out), bytes);
  } catch (e) {
    throw new UserError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const how = built.sources.map((s) => `${s.source}=${s.method}${s.cached_from ? `(${s.cached_from})` : ""}`).join(", ");
  const regions = built.regions.length ? `; customs regions: ${built.regions.join(", ")}` : "";
  process.stderr.write(
    `dtb panel: wrote ${out} (${built.frame.nrows} rows, ${Object.keys(built.frame.columns).length} columns; ${how}${regions}) in ${Math.round(performance.now() - started)} ms\n`
  );
}
