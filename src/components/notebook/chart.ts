/**
 * A quick chart of a table: x, y, colour, facet; dot, line or bar; drawn with Plot (from
 * node_modules). The figure carries a text alternative naming what is drawn and how many points.
 */
import * as Plot from "@observablehq/plot";
import type {Frame} from "../../lib/engine/types.js";
import {UserError} from "../../lib/errors.js";
import type {ChartCell} from "../../lib/notebook/cells.js";
import {el, L} from "../format.js";

const MAX_POINTS = 50000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
const PLAIN = new Intl.NumberFormat("en", {useGrouping: false, maximumFractionDigits: 6});

/** A tick label without digit grouping; text (a bar's category) as it is. */
export function plainNumber(v: unknown): string {
  return typeof v === "number" ? PLAIN.format(v) : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
}

/** Whole-number columns (years, counts) get whole-number ticks: no 2010.5 on a year axis. */
function integerTicks(values: unknown[], band: boolean): {ticks?: number[]} {
  if (band || values.length === 0 || !values.every((v) => typeof v === "number" && Number.isInteger(v))) return {};
  const nums = values as number[];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of nums) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  if (hi - lo > 60) return {};
  const step = Math.max(1, Math.ceil((hi - lo) / 10));
  const ticks: number[] = [];
  for (let t = lo; t <= hi; t += step) ticks.push(t);
  return {ticks};
}

function isIsoDates(column: ArrayLike<unknown>, n: number): boolean {
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) continue;
    if (typeof v !== "string" || !ISO_DATE.test(v)) return false;
    seen++;
  }
  return seen > 0;
}

export function chart(cell: ChartCell, frame: Frame, width: number): HTMLElement {
  for (const [role, name] of [["x", cell.x], ["y", cell.y], ["colour", cell.color], ["facet", cell.facet]] as const) {
    if (name !== "" && frame.columns[name] === undefined) {
      throw new UserError(`chart: ${role} column '${name}' is not in table ${cell.table} (columns: ${Object.keys(frame.columns).slice(0, 12).join(", ")})`);
    }
  }
  if (cell.x === "" || cell.y === "") throw new UserError("chart: choose an x and a y column");
  const n = Math.min(frame.nrows, MAX_POINTS);
  // DATE and TIMESTAMP columns arrive as ISO text (data.ts): drawn on a time axis.
  const dates = new Set([cell.x, cell.y].filter((name) => name !== "" && isIsoDates(frame.columns[name], n)));
  const value = (name: string, i: number) => {
    const v = frame.columns[name][i];
    if (typeof v === "number" && Number.isNaN(v)) return null;
    return dates.has(name) && typeof v === "string" ? new Date(v.length === 10 ? `${v}T00:00:00Z` : v.replace(" ", "T") + "Z") : v;
  };
  const data = Array.from({length: n}, (_, i) => ({
    x: value(cell.x, i),
    y: value(cell.y, i),
    c: cell.color ? value(cell.color, i) : null,
    f: cell.facet ? value(cell.facet, i) : null
  })).filter((d) => d.x !== null && d.y !== null);
  const color = cell.color ? {[cell.mark === "line" ? "stroke" : "fill"]: "c"} : {};
  const z = cell.mark === "line" && cell.color ? {z: "c"} : {};
  const mark =
    cell.mark === "line"
      ? Plot.line(data, {x: "x", y: "y", fx: cell.facet ? "f" : undefined, ...color, ...z, sort: "x"} as Plot.LineOptions)
      : cell.mark === "bar"
        ? Plot.barY(data, {x: "x", y: "y", fx: cell.facet ? "f" : undefined, ...color} as Plot.BarYOptions)
        : Plot.dot(data, {x: "x", y: "y", fx: cell.facet ? "f" : undefined, r: 2.5, ...color} as Plot.DotOptions);
  // A colour column with few distinct values (text, 0/1 flags, a handful of codes) is categorical.
  const colorType = cell.color && new Set(data.map((d) => d.c)).size <= 12 ? "categorical" : undefined;
  const plot = Plot.plot({
    width,
    height: 320,
    marginLeft: 56,
    // Numbers never get thousands separators (a year is 2014, not 2,014); dates are ISO (UTC).
    x: {label: cell.x, ...(dates.has(cell.x) ? {type: "utc"} : {tickFormat: plainNumber, ...integerTicks(data.map((d) => d.x), cell.mark === "bar")})},
    y: {label: cell.y, grid: true, ...(dates.has(cell.y) ? {type: "utc"} : {tickFormat: plainNumber, ...integerTicks(data.map((d) => d.y), false)})},
    color: cell.color ? {legend: true, label: cell.color, type: colorType} : undefined,
    fx: cell.facet ? {label: cell.facet} : undefined,
    marks: [mark]
  });
  const alt = L(
    `${cell.mark === "dot" ? "Scatter plot" : cell.mark === "line" ? "Line chart" : "Bar chart"} of ${cell.y} against ${cell.x} from table ${cell.table}, ${data.length} rows with both values${cell.color ? `, coloured by ${cell.color}` : ""}${cell.facet ? `, one panel per ${cell.facet}` : ""}.`,
    `表 ${cell.table} 中 ${cell.y} 对 ${cell.x} 的${cell.mark === "dot" ? "散点图" : cell.mark === "line" ? "折线图" : "柱状图"}，共 ${data.length} 行两者均有值${cell.color ? `，按 ${cell.color} 着色` : ""}${cell.facet ? `，按 ${cell.facet} 分面` : ""}。`
  );
  // The figure is one image with one text alternative: Plot's per-mark labels inside it would be
  // announced out of context (and aria-label on a plain <g> is not allowed).
  plot.querySelectorAll("[aria-label]").forEach((e) => e.removeAttribute("aria-label"));
  plot.setAttribute("role", "img");
  plot.setAttribute("aria-label", alt);
  return el("figure", {className: "nb-chart"}, plot, el("figcaption", {text: alt + (frame.nrows > MAX_POINTS ? L(` First ${MAX_POINTS} rows.`, ` 仅前 ${MAX_POINTS} 行。`) : "")}));
}
