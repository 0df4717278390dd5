/**
 * Node-only companion of paper.ts: the paper's tables read from data/paper/tables.json and validated,
 * for `dtb replicate` and the tests.
 */
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {PaperTables} from "../paper/schema.js";

const TABLES = resolve(import.meta.dirname, "..", "..", "..", "data", "paper", "tables.json");

export function readPaperTables(path = TABLES): PaperTables {
  return PaperTables.parse(JSON.parse(readFileSync(path, "utf8")));
}
