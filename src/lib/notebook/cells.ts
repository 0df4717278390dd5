/**
 * The notebook model: what a link or a file holds (cells and names; never results). Everything that
 * comes from outside (a URL, a file) goes through `validateNotebook`, which accepts only this exact
 * shape: known keys, known cell types, bounded lengths, table names that are plain SQL identifiers.
 * Anything else is refused with one line saying what and where (`notebook: cells[2].sql must be text`).
 */
import {UserError} from "../errors.js";

export type Mark = "dot" | "line" | "bar";
export const MARKS: readonly Mark[] = ["dot", "line", "bar"];

export interface SqlCell {
  type: "sql";
  /** The result's table name, usable by later cells (`q1`, `q2`, ... by default). */
  name: string;
  sql: string;
}
export interface ModelCell {
  type: "model";
  /** One model per line (`feols(...)` or a bare formula); all of them form one side-by-side table. */
  models: string;
}
export interface ChartCell {
  type: "chart";
  table: string;
  mark: Mark;
  x: string;
  y: string;
  /** Colour and facet columns; "" = none. */
  color: string;
  facet: string;
}
export interface TextCell {
  type: "text";
  md: string;
}
export type Cell = SqlCell | ModelCell | ChartCell | TextCell;

export interface Notebook {
  /** Format version of the encoding. */
  v: 1;
  /** The panel declaration used by l() lags: id and time columns (default iso3, year). */
  panel: {id: string; time: string};
  cells: Cell[];
}

/** The format version this page writes. Older versions are upgraded on read (see UPGRADES). */
export const NOTEBOOK_VERSION = 1;

/**
 * Upgrades from each older format version to the next, so that every link and file ever made keeps
 * opening: when the format changes, bump NOTEBOOK_VERSION and add `UPGRADES[old] = (nb) => newer`.
 * (Version 1 is the first; there is nothing to upgrade from yet.)
 */
const UPGRADES: Record<number, (nb: Record<string, unknown>) => Record<string, unknown>> = {};

/** A notebook of any known version, upgraded step by step to the current one. */
export function upgradeNotebook(input: unknown): Record<string, unknown> {
  if (!isObject(input)) fail("must be an object");
  let nb = input;
  const v = nb.v;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) fail(`unsupported version ${JSON.stringify(v)?.slice(0, 20)} (versions are 1, 2, ...)`);
  if (v > NOTEBOOK_VERSION) fail(`version ${v} was made by a newer version of this site (this page reads versions 1 to ${NOTEBOOK_VERSION})`);
  for (let from = v; from < NOTEBOOK_VERSION; from++) nb = {...UPGRADES[from](nb), v: from + 1};
  return nb;
}

/** Tables the page provides; a SQL cell may not take their names. */
export const BUILTIN_TABLES = ["panel", "dstri", "wdi", "exports", "customs"] as const;

export const LIMITS = {cells: 40, text: 20000, name: 63, column: 128};

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

const KEYS: Record<Cell["type"], string[]> = {
  sql: ["type", "name", "sql"],
  model: ["type", "models"],
  chart: ["type", "table", "mark", "x", "y", "color", "facet"],
  text: ["type", "md"]
};

function fail(message: string): never {
  throw new UserError(`notebook: ${message}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function onlyKeys(o: Record<string, unknown>, allowed: string[], where: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${where} has an unknown key ${JSON.stringify(k.slice(0, 40))}`);
}

function text(v: unknown, where: string, max: number): string {
  if (typeof v !== "string") fail(`${where} must be text`);
  if (v.length > max) fail(`${where} is longer than ${max} characters`);
  return v;
}

/** A table name: an SQL identifier (so it can be quoted safely and shown as is). */
export function checkTableName(v: unknown, where: string): string {
  const s = text(v, where, LIMITS.name);
  if (!IDENT.test(s)) fail(`${where} ${JSON.stringify(s)} is not a table name (letters, digits and _, not starting with a digit)`);
  return s;
}

/**
 * Checks an untrusted value and returns a fresh Notebook built only from the checked fields.
 * Example: `validateNotebook(JSON.parse(text))`.
 */
export function validateNotebook(raw: unknown): Notebook {
  const input = upgradeNotebook(raw);
  onlyKeys(input, ["v", "panel", "cells"], "the notebook");
  if (!isObject(input.panel)) fail("panel must be {id, time}");
  onlyKeys(input.panel, ["id", "time"], "panel");
  const panel = {id: text(input.panel.id, "panel.id", LIMITS.column), time: text(input.panel.time, "panel.time", LIMITS.column)};
  if (panel.id === "" || panel.time === "") fail("panel.id and panel.time must name columns");
  if (!Array.isArray(input.cells)) fail("cells must be a list");
  if (input.cells.length > LIMITS.cells) fail(`has ${input.cells.length} cells (at most ${LIMITS.cells})`);
  const names = new Set<string>();
  const cells = input.cells.map((c, i): Cell => {
    const where = `cells[${i}]`;
    if (!isObject(c)) fail(`${where} must be an object`);
    const type = c.type;
    // Own keys only: "toString" or "constructor" are in every object's prototype chain, not cell types.
    if (typeof type !== "string" || !Object.prototype.hasOwnProperty.call(KEYS, type)) fail(`${where}.type must be one of sql, model, chart, text`);
    onlyKeys(c, KEYS[type as Cell["type"]], where);
    switch (type as Cell["type"]) {
      case "sql": {
        const name = checkTableName(c.name, `${where}.name`);
        if ((BUILTIN_TABLES as readonly string[]).includes(name)) fail(`${where}.name "${name}" is a built-in table`);
        if (names.has(name)) fail(`${where}.name "${name}" is used by an earlier cell`);
        names.add(name);
        return {type: "sql", name, sql: text(c.sql, `${where}.sql`, LIMITS.text)};
      }
      case "model":
        return {type: "model", models: text(c.models, `${where}.models`, LIMITS.text)};
      case "chart": {
        const mark = c.mark;
        if (!MARKS.includes(mark as Mark)) fail(`${where}.mark must be one of ${MARKS.join(", ")}`);
        return {
          type: "chart",
          table: checkTableName(c.table, `${where}.table`),
          mark: mark as Mark,
          x: text(c.x, `${where}.x`, LIMITS.column),
          y: text(c.y, `${where}.y`, LIMITS.column),
          color: text(c.color, `${where}.color`, LIMITS.column),
          facet: text(c.facet, `${where}.facet`, LIMITS.column)
        };
      }
      default:
        return {type: "text", md: text(c.md, `${where}.md`, LIMITS.text)};
    }
  });
  return {v: 1, panel, cells};
}

/** The next free default result name: q1, q2, ... */
export function nextTableName(cells: Cell[]): string {
  const used = new Set(cells.flatMap((c) => (c.type === "sql" ? [c.name] : [])));
  for (let i = 1; ; i++) if (!used.has(`q${i}`)) return `q${i}`;
}

/** A new empty cell of the given type (names and defaults filled). */
export function newCell(type: Cell["type"], cells: Cell[]): Cell {
  if (type === "sql") return {type, name: nextTableName(cells), sql: "SELECT * FROM panel LIMIT 10"};
  if (type === "model") return {type, models: "feols(lnexport_cn ~ dstri + lngdp | iso3 + year, vcov = ~iso3)"};
  if (type === "chart") return {type, table: "panel", mark: "dot", x: "dstri", y: "lnexport_cn", color: "", facet: ""};
  return {type, md: ""};
}

/** The model lines of a model cell (blank lines and `#` comments skipped). */
export function modelLines(cell: ModelCell): string[] {
  return cell.models.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}
