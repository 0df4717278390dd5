/** A fixture CSV (tests/fixtures) as a Frame: the named columns as text, the others numeric ("NA" or empty = NaN). */
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {Frame} from "../../../src/lib/engine/types.js";

const FIX = resolve(dirname(fileURLToPath(import.meta.url)), "../../fixtures");

export function readCsvFrame(name: string, text: Set<string>): Frame {
  const lines = readFileSync(resolve(FIX, name), "utf8").trim().split("\n");
  const header = lines[0].split(",").map((h) => h.replace(/"/g, ""));
  const rows = lines.slice(1).map((l) => l.split(",").map((c) => c.replace(/"/g, "")));
  const columns: Frame["columns"] = {};
  header.forEach((h, j) => {
    columns[h] = text.has(h) ? rows.map((r) => r[j]) : Float64Array.from(rows, (r) => (r[j] === "NA" || r[j] === "" ? NaN : Number(r[j])));
  });
  return {nrows: rows.length, columns};
}

