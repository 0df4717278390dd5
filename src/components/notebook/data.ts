/**
 * The notebook's tables. `panel` is read from the site's Arrow file straight into a Frame, so text
 * and models on the panel work before DuckDB exists. DuckDB-wasm (src/lib/duckdb.ts) is imported and
 * started on the first SQL cell (or first model on a SQL result); it then receives panel, dstri, wdi
 * and exports, and — once the SQL tables are in — external access is switched off and locked, so
 * SQL from a shared link cannot read files or URLs (no request leaves the site).
 */
import {tableToIPC, type Table} from "apache-arrow";
import {FileAttachment} from "observablehq:stdlib";
import type {Frame} from "../../lib/engine/types.js";
import {UserError} from "../../lib/errors.js";
import {panelBytes, panelDownloads} from "../../lib/browser/panel.js";
import {parseArrow} from "../../lib/table/arrow.js";

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
  rows: Array<Record<string, unknown>>;
  summary: Array<Record<string, unknown>>;
  ms: number;
}

/** Rows fetched for display (the count is exact; sorting applies to these rows). */
export const DISPLAY_ROWS = 500;

const quoteId = (s: string) => `"${s.replace(/"/g, '""')}"`;

export class NotebookData {
  private panel: Promise<Frame> | null = null;
  private duck: Promise<DuckModule> | null = null;
  private frames = new Map<string, Promise<Frame>>();
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

  /** DuckDB with the built-in tables, started once. */
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

  /** Runs a SQL cell: `CREATE OR REPLACE TABLE name AS <sql>`, then its count, types, rows and summary. */
  async runSql(name: string, sql: string): Promise<SqlResult> {
    const t0 = performance.now();
    const body = sql.trim().replace(/;+\s*$/, "");
    if (body === "") throw new UserError("the SQL cell is empty");
    const duck = await this.duckdb();
    this.frames.delete(name);
    await duck.query(`CREATE OR REPLACE TABLE ${quoteId(name)} AS ${body}`);
    const [{n}] = await duck.query<{n: number}>(`SELECT count(*)::DOUBLE AS n FROM ${quoteId(name)}`);
    const columns = (await duck.query<{column_name: string; column_type: string}>(`DESCRIBE ${quoteId(name)}`)).map((c) => ({name: c.column_name, type: c.column_type}));
    const rows = await duck.query(`SELECT * FROM ${quoteId(name)} LIMIT ${DISPLAY_ROWS}`);
    let summary: Array<Record<string, unknown>> = [];
    if (columns.length > 0 && n > 0) summary = await duck.query(`SUMMARIZE ${quoteId(name)}`);
    return {name, count: n, columns, rows, summary, ms: performance.now() - t0};
  }

  /** A table as a Frame for the engine (panel without DuckDB; others from DuckDB, DECIMAL cast to DOUBLE). */
  frame(name: string): Promise<Frame> {
    if (name === "panel") return this.panelFrame();
    let f = this.frames.get(name);
    if (!f) {
      f = (async () => {
        const duck = await this.duckdb();
        const db = await duck.getDuckDB();
        const conn = await db.connect();
        try {
          const exists = await conn.query(`SELECT count(*)::INT AS n FROM information_schema.tables WHERE table_name = '${name.replace(/'/g, "''")}'`);
          if (Number(exists.toArray()[0].n) === 0) throw new UserError(`no table named '${name}' (run the SQL cell that makes it first)`);
          const cols = (await conn.query(`DESCRIBE ${quoteId(name)}`)).toArray().map((r) => r.toJSON() as {column_name: string; column_type: string});
          const select = cols
            .map((c) => (/^(DECIMAL|HUGEINT|UBIGINT|BIGINT)/.test(c.column_type) ? `CAST(${quoteId(c.column_name)} AS DOUBLE) AS ${quoteId(c.column_name)}` : quoteId(c.column_name)))
            .join(", ");
          const table = (await conn.query(`SELECT ${select} FROM ${quoteId(name)}`)) as unknown as Table;
          return parseArrow(tableToIPC(table, "stream"), name).frame;
        } finally {
          await conn.close();
        }
      })();
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
  }

  /** Names and row counts of the tables in DuckDB (for the tables panel). */
  async tables(): Promise<Array<{name: string; rows: number; columns: number}>> {
    if (!this.duckStarted) return [];
    const duck = await this.duckdb();
    return duck.query(
      "SELECT table_name AS name, estimated_size::DOUBLE AS rows, column_count::DOUBLE AS columns FROM duckdb_tables() ORDER BY table_name"
    );
  }
}
