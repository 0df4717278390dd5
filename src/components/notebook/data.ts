/**
 * The notebook's tables. `panel` is read from the site's Arrow file straight into a Frame, so text
 * and models on the panel work before DuckDB exists. DuckDB-wasm (src/lib/duckdb.ts) is imported and
 * started on the first SQL cell (or first model on a SQL result); it then receives panel, dstri, wdi
 * and exports, and — once the SQL tables are in — external access is switched off and locked, so
 * SQL from a shared link cannot read files or URLs (no request leaves the site).
 */
import {FileAttachment} from "observablehq:stdlib";
import type {Frame} from "../../lib/engine/types.js";
import {UserError} from "../../lib/errors.js";
import {panelBytes, panelDownloads} from "../../lib/browser/panel.js";
import {parseArrow} from "../../lib/table/arrow.js";
import {checkSqlCell} from "../../lib/notebook/sql.js";

type DuckModule = typeof import("../../lib/duckdb.js");

const SOURCES: Record<string, () => Promise<ArrayBuffer>> = {
  // Literal paths with the method chained: Framework finds, hashes and serves the files.
  dstri: () => FileAttachment("../../data/notebook/dstri.arrow").arrayBuffer(),
  wdi: () => FileAttachment("../../data/notebook/wdi.arrow").arrayBuffer(),
  exports: () => FileAttachment("../../data/notebook/exports.arrow").arrayBuffer()
};

/** The CSV files the exported R script reads (links; nothing is fetched until the reader clicks). */
export function rScriptFiles(): Array<{name: string; href: string}> {
  return [
    {name: "panel.csv", href: panelDownloads().csv},
    {name: "dstri.csv", href: FileAttachment("../../data/notebook/dstri.csv").href},
    {name: "wdi.csv", href: FileAttachment("../../data/notebook/wdi.csv").href},
    {name: "exports.csv", href: FileAttachment("../../data/notebook/exports.csv").href}
  ];
}

export interface SqlResult {
  name: string;
  count: number;
  columns: Array<{name: string; type: string}>;
  /** Display rows: DuckDB's own text for exact types (DECIMAL, BIGINT, DATE, LIST ...), numbers for doubles. */
  rows: Array<Record<string, unknown>>;
  summary: Array<Record<string, unknown>>;
  ms: number;
}

/** Rows fetched for display (the count is exact; sorting applies to these rows). */
export const DISPLAY_ROWS = 500;

const quoteId = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Types that JavaScript numbers, booleans or strings hold exactly; every other type is shown as DuckDB's text. */
const PLAIN = /^(DOUBLE|FLOAT|REAL|INTEGER|SMALLINT|TINYINT|UTINYINT|USMALLINT|UINTEGER|BOOLEAN|VARCHAR)$/;
/** Types the engine reads as numbers (wide integers and DECIMAL through DOUBLE: models and charts need doubles). */
const NUMERIC = /^(DOUBLE|FLOAT|REAL|INTEGER|SMALLINT|TINYINT|UTINYINT|USMALLINT|UINTEGER|BOOLEAN|BIGINT|UBIGINT|HUGEINT|UHUGEINT|DECIMAL.*)$/;

/**
 * The SELECT list that shows a table exactly: doubles stay numbers (JavaScript prints them in the shortest
 * round-trip form), every other non-plain type becomes DuckDB's own text (DECIMAL with its scale, BIGINT and
 * HUGEINT digit for digit, DATE and TIMESTAMP in ISO form, INTERVAL, LIST and STRUCT as DuckDB writes them).
 */
export function exactSelect(columns: Array<{name: string; type: string}>): string {
  return columns.map((c) => (PLAIN.test(c.type) ? quoteId(c.name) : `CAST(${quoteId(c.name)} AS VARCHAR) AS ${quoteId(c.name)}`)).join(", ");
}

/** The SELECT list for the engine: numbers as DOUBLE, text and everything else as text (dates in ISO form). */
function frameSelect(columns: Array<{name: string; type: string}>): string {
  return columns
    .map((c) => {
      if (c.type === "VARCHAR" || /^(DOUBLE|FLOAT|REAL|INTEGER|SMALLINT|TINYINT|UTINYINT|USMALLINT|UINTEGER|BOOLEAN)$/.test(c.type)) return quoteId(c.name);
      return NUMERIC.test(c.type) ? `CAST(${quoteId(c.name)} AS DOUBLE) AS ${quoteId(c.name)}` : `CAST(${quoteId(c.name)} AS VARCHAR) AS ${quoteId(c.name)}`;
    })
    .join(", ");
}

/** Raised when the reader cancels a running SQL cell. */
export class Cancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "AbortError";
  }
}

export class NotebookData {
  private panel: Promise<Frame> | null = null;
  private duck: Promise<DuckModule> | null = null;
  private frames = new Map<string, Promise<Frame>>();
  private ipc = new Map<string, Promise<Uint8Array>>();
  /** Milliseconds since navigation start at each DuckDB start-up step (reported by the browser test). */
  marks: Record<string, number> = {};
  /** Set when a customs file has been loaded (table `customs`). */
  customsLoaded = false;
  /** Called once DuckDB is ready (the page shows the tables panel then). */
  onDuckReady: (() => void) | null = null;

  panelFrame(): Promise<Frame> {
    return (this.panel ??= panelBytes().then((b) => parseArrow(b, "panel.arrow").frame));
  }

  get duckStarted(): boolean {
    return this.duck !== null;
  }

  /** DuckDB with the built-in tables, started once (on a SQL cell's first focus, at idle, or on first use). */
  duckdb(): Promise<DuckModule> {
    return (this.duck ??= (async () => {
      this.marks.duckStart = performance.now();
      const mod = await import("../../lib/duckdb.js");
      // Fetch the source tables while DuckDB compiles its wasm.
      const sources = Object.entries(SOURCES).map(([name, load]) => [name, load()] as const);
      await mod.getDuckDB();
      this.marks.duckInstantiated = performance.now();
      // DuckDB takes ownership of (detaches) the buffer it is given: give it a copy, the Frame reads the original.
      await mod.loadArrowStream("panel", (await panelBytes()).slice());
      for (const [name, bytes] of sources) await mod.loadArrowStream(name, new Uint8Array(await bytes));
      this.marks.tablesLoaded = performance.now();
      await mod.query("SET enable_external_access = false");
      await mod.query("SET lock_configuration = true");
      this.onDuckReady?.();
      return mod;
    })());
  }

  /**
   * Runs a SQL cell's query (checked: one query, no change to a built-in table) as
   * `CREATE OR REPLACE TABLE name AS <query>`, then its count, types, exact rows and summary.
   * `cancel` receives a function that interrupts DuckDB (its pending-query cancel); the promise then
   * rejects with `Cancelled`.
   */
  async runSql(name: string, sql: string, onCancel?: (cancel: () => void) => void): Promise<SqlResult> {
    const t0 = performance.now();
    const body = checkSqlCell(sql);
    const duck = await this.duckdb();
    this.frames.delete(name);
    this.ipc.delete(name);
    const db = await duck.getDuckDB();
    const conn = await db.connect();
    let cancelled = false;
    onCancel?.(() => {
      cancelled = true;
      void conn.cancelSent().catch(() => {});
    });
    try {
      // send() runs the query as a pending query that DuckDB-wasm polls, so cancelSent() can interrupt it.
      await conn.send(`CREATE OR REPLACE TABLE ${quoteId(name)} AS ${body}`, true);
    } catch (e) {
      if (cancelled) throw new Cancelled();
      throw e;
    } finally {
      await conn.close().catch(() => {});
    }
    if (cancelled) throw new Cancelled();
    const [{n}] = await duck.query<{n: number}>(`SELECT count(*)::DOUBLE AS n FROM ${quoteId(name)}`);
    const columns = (await duck.query<{column_name: string; column_type: string}>(`DESCRIBE ${quoteId(name)}`)).map((c) => ({name: c.column_name, type: c.column_type}));
    const rows = columns.length ? await duck.query(`SELECT ${exactSelect(columns)} FROM ${quoteId(name)} LIMIT ${DISPLAY_ROWS}`) : [];
    let summary: Array<Record<string, unknown>> = [];
    if (columns.length > 0 && n > 0) summary = await duck.query(`SUMMARIZE ${quoteId(name)}`);
    return {name, count: n, columns, rows, summary, ms: performance.now() - t0};
  }

  /** Every row of a result table in its exact form (for the CSV download). */
  async exactRows(name: string, columns: Array<{name: string; type: string}>): Promise<Array<Record<string, unknown>>> {
    const duck = await this.duckdb();
    return duck.query(`SELECT ${exactSelect(columns)} FROM ${quoteId(name)}`);
  }

  /** A table as Arrow IPC stream bytes for the model worker (numbers as DOUBLE, other types as text). */
  tableBytes(name: string): Promise<Uint8Array> {
    if (name === "panel") return panelBytes().then((b) => b.slice());
    let p = this.ipc.get(name);
    if (!p) {
      p = (async () => {
        const duck = await this.duckdb();
        const db = await duck.getDuckDB();
        const conn = await db.connect();
        try {
          const exists = await conn.query(`SELECT count(*)::INT AS n FROM information_schema.tables WHERE table_name = '${name.replace(/'/g, "''")}'`);
          if (Number(exists.toArray()[0].n) === 0) throw new UserError(`no table named '${name}' (run the SQL cell that makes it first)`);
          const cols = (await conn.query(`DESCRIBE ${quoteId(name)}`)).toArray().map((r) => r.toJSON() as {column_name: string; column_type: string});
          // DuckDB's own Arrow IPC bytes, never decoded on the page: a 100,000-row table goes to the model worker
          // as is (decoding and re-encoding it here took a few hundred ms of the page's thread).
          const sql = `SELECT ${frameSelect(cols.map((c) => ({name: c.column_name, type: c.column_type})))} FROM ${quoteId(name)}`;
          return await conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql));
        } finally {
          await conn.close();
        }
      })();
      this.ipc.set(name, p);
      p.catch(() => this.ipc.delete(name));
    }
    return p;
  }

  /** A table as a Frame (charts): panel without DuckDB; others from DuckDB. */
  frame(name: string): Promise<Frame> {
    if (name === "panel") return this.panelFrame();
    let f = this.frames.get(name);
    if (!f) {
      f = this.tableBytes(name).then((b) => parseArrow(b, name).frame);
      this.frames.set(name, f);
      f.catch(() => this.frames.delete(name));
    }
    return f;
  }

  /** Loads checked customs rows as table `customs` (region, partner_iso3, year, exports_usd). */
  async loadCustoms(bytes: Uint8Array): Promise<void> {
    const duck = await this.duckdb();
    await duck.loadArrowStream("customs", bytes);
    this.customsLoaded = true;
    this.frames.delete("customs");
    this.ipc.delete("customs");
  }

  /** Names and row counts of the tables in DuckDB (for the tables panel). */
  async tables(): Promise<Array<{name: string; rows: number; columns: number}>> {
    if (!this.duckStarted) return [];
    const duck = await this.duckdb();
    return duck.query(
      "SELECT table_name AS name, estimated_size::DOUBLE AS rows, column_count::DOUBLE AS columns FROM duckdb_tables() ORDER BY table_name"
    );
  }

  /** Column names of every table (for completion in the editors). */
  async catalogue(): Promise<Record<string, string[]>> {
    if (!this.duckStarted) return {panel: Object.keys((await this.panelFrame()).columns)};
    const duck = await this.duckdb();
    const rows = await duck.query<{t: string; c: string}>("SELECT table_name AS t, column_name AS c FROM duckdb_columns() ORDER BY table_name, column_index");
    const out: Record<string, string[]> = {};
    for (const r of rows) (out[r.t] ??= []).push(r.c);
    return out;
  }
}
