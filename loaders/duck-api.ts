/**
 * DuckDB's Node API, imported lazily by the readers and writers that need it (`await import("./duck-api.js")`).
 * Through this module rather than directly: the CLI bundle carries @duckdb/node-api's CommonJS inside
 * (scripts/build-cli.mjs), and a bundled CommonJS module imported with `import()` exposes only `default`;
 * a static re-export keeps the named exports.
 */
export {DuckDBInstance} from "@duckdb/node-api";
