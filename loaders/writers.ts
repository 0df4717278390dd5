/**
 * Writers for the panel Frame: CSV text, Arrow IPC stream bytes, Parquet bytes. Column types follow
 * `panelColumnKind`: iso3/country/country_zh Utf8, year Int32, oecd Boolean, everything else Float64 with
 * missing values as nulls (NaN in the Frame).
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector} from "apache-arrow";
import type {Frame} from "../src/lib/engine/types.js";
import {csvField} from "../src/lib/customs/csv.js";
import {panelColumnKind, type ColumnKind} from "./panel.js";

type KindOf = (name: string) => ColumnKind;

function cellText(value: number | string | null, kind: ColumnKind): string {
  if (value === null || (typeof value === "number" && !Number.isFinite(value))) return "";
  if (kind === "bool") return value ? "true" : "false";
  return typeof value === "number" ? String(value) : csvField(value);
}

/**
 * The Frame as CSV text: header, one line per row, LF, missing = empty field, booleans `true`/`false`,
 * numbers in JavaScript's shortest round-trip form (so a reader gets the same doubles back).
 * Example: `frameToCsv(frame).split("\n")[0]` -> `iso3,country,country_zh,year,oecd,dstri,...`.
 */
export function frameToCsv(frame: Frame, kindOf: KindOf = panelColumnKind): string {
  const names = Object.keys(frame.columns);
  const lines = [names.join(",")];
  for (let i = 0; i < frame.nrows; i++) {
    lines.push(names.map((n) => cellText(frame.columns[n][i] as number | string | null, kindOf(n))).join(","));
  }
  return lines.join("\n") + "\n";
}

/** The Frame as an apache-arrow Table with the types above. */
export function frameToArrowTable(frame: Frame, kindOf: KindOf = panelColumnKind): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, col] of Object.entries(frame.columns)) {
    const kind = kindOf(name);
    const values = Array.from(col as ArrayLike<number | string | null>, (v) =>
      v === null || (typeof v === "number" && Number.isNaN(v)) ? null : v
    );
    if (kind === "text") vectors[name] = vectorFromArray(values as Array<string | null>, new Utf8());
    else if (kind === "int") vectors[name] = vectorFromArray(values as Array<number | null>, new Int32());
    else if (kind === "bool") vectors[name] = vectorFromArray(values.map((v) => (v === null ? null : v === 1)), new Bool());
    else vectors[name] = vectorFromArray(values as Array<number | null>, new Float64());
  }
  return new Table(vectors);
}

/**
 * The Frame as Arrow IPC **stream** bytes (not the file format): DuckDB-wasm's `insertArrowFromIPCStream` takes
 * the stream format as is (given the file format it silently inserts nothing), and apache-arrow's
 * `tableFromIPC` reads it too.
 */
export function frameToArrowStream(frame: Frame, kindOf: KindOf = panelColumnKind): Uint8Array {
  return tableToIPC(frameToArrowTable(frame, kindOf), "stream");
}

/**
 * The Frame as Parquet bytes, written by DuckDB (`@duckdb/node-api`): the CSV goes to a temp folder, DuckDB reads it
 * with explicit column types and `COPY ... TO ... (FORMAT parquet, COMPRESSION snappy)` writes the file, whose bytes
 * are returned. Snappy, not zstd, so that hyparquet (no extra codecs) and any Parquet reader can read it.
 */
export async function frameToParquet(frame: Frame, kindOf: KindOf = panelColumnKind): Promise<Uint8Array> {
  const {DuckDBInstance} = await import("./duck-api.js");
  const dir = mkdtempSync(join(tmpdir(), "dtb-parquet-"));
  try {
    const csvPath = join(dir, "panel.csv");
    const outPath = join(dir, "panel.parquet");
    writeFileSync(csvPath, frameToCsv(frame, kindOf));
    const sqlType = {text: "VARCHAR", int: "INTEGER", bool: "BOOLEAN", float: "DOUBLE"};
    const cols = Object.keys(frame.columns)
      .map((n) => `'${n.replace(/'/g, "''")}': '${sqlType[kindOf(n)]}'`)
      .join(", ");
    const quote = (p: string) => `'${p.replace(/'/g, "''")}'`;
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      await connection.run(
        `COPY (SELECT * FROM read_csv(${quote(csvPath)}, header = true, delim = ',', quote = '"', columns = {${cols}})) ` +
          `TO ${quote(outPath)} (FORMAT parquet, COMPRESSION snappy)`
      );
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    return new Uint8Array(readFileSync(outPath));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
