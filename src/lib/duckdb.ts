/**
 * DuckDB-wasm for the pages that query data in the browser.
 *
 * Why this shape:
 * - Only the `eh` (exception-handling) bundle is used: every current browser supports it, and shipping one
 *   bundle keeps dist small. The 34 MB `.wasm` and its worker are served by the site itself:
 *   `import.meta.resolve` on the package paths makes Framework copy both into dist, so no CDN is involved.
 * - Framework rewrites the worker as an ES module, hence `{type: "module"}`.
 * - Extension autoload/autoinstall are turned off: otherwise a `read_parquet` (or a JSON cast) would try to
 *   fetch an extension from extensions.duckdb.org, which the site must never contact.
 * - One instance per page, created lazily by the first caller, so pages that never query pay nothing.
 */
import * as duckdb from "@duckdb/duckdb-wasm";

const WASM_URL = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm");
const WORKER_URL = import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js");

let instance: Promise<duckdb.AsyncDuckDB> | undefined;

/** The page's DuckDB instance, started on first use. */
export function getDuckDB(): Promise<duckdb.AsyncDuckDB> {
  return (instance ??= start());
}

async function start(): Promise<duckdb.AsyncDuckDB> {
  const worker = new Worker(new URL(WORKER_URL, location.href), {type: "module"});
  // Log only warnings and errors from DuckDB itself; its info chatter is not useful on a page.
  const logger = new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING);
  const db = new duckdb.AsyncDuckDB(logger, worker);
  await db.instantiate(new URL(WASM_URL, location.href).href);
  await db.open({query: {castBigIntToDouble: true}});
  const conn = await db.connect();
  try {
    await conn.query("SET autoinstall_known_extensions = false");
    await conn.query("SET autoload_known_extensions = false");
  } finally {
    await conn.close();
  }
  return db;
}

/** Run one SQL statement on a fresh connection and return the rows as plain objects. */
export async function query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const db = await getDuckDB();
  const conn = await db.connect();
  try {
    const table = await conn.query(sql);
    return table.toArray().map((row) => row.toJSON() as T);
  } finally {
    await conn.close();
  }
}

/** Load an Arrow IPC *stream* (the format of data/panel.arrow) into a table named `name`, replacing it. */
export async function loadArrowStream(name: string, bytes: Uint8Array): Promise<void> {
  const db = await getDuckDB();
  const conn = await db.connect();
  try {
    await conn.query(`DROP TABLE IF EXISTS "${name}"`);
    await conn.insertArrowFromIPCStream(bytes, {name, create: true});
  } finally {
    await conn.close();
  }
}

export type {AsyncDuckDB} from "@duckdb/duckdb-wasm";
