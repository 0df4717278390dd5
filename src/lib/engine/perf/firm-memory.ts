/**
 * Child process of the firm-scale benchmark: reads the panel's input columns (Float64, FIRM_COLUMNS
 * order) from a binary file, notes its RSS, estimates once and prints {rss0, peak, input} (bytes) as JSON.
 * Usage: node --import tsx firm-memory.ts FILE NROWS
 */
import {closeSync, openSync, readSync} from "node:fs";
import {estimate} from "../estimate.js";
import {FIRM_COLUMNS, FIRM_SPEC} from "./firm-suite.js";

const [file, nText] = process.argv.slice(2);
const n = Number(nText);
const fd = openSync(file, "r");
const columns: Record<string, Float64Array> = {};
let pos = 0;
for (const c of FIRM_COLUMNS) {
  const a = new Float64Array(n);
  readSync(fd, new Uint8Array(a.buffer), 0, a.byteLength, pos);
  pos += a.byteLength;
  columns[c] = a;
}
closeSync(fd);
const input = FIRM_COLUMNS.length * n * 8;
const rss0 = process.memoryUsage().rss;
estimate({nrows: n, columns}, FIRM_SPEC);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({rss0, peak, input}));
