/**
 * The sample behind the estimate: counts (partner-years, countries, years) and a partner x year grid that
 * shows, for every cell of the panel, whether it is in the sample, left out by the sample choices, or
 * missing a variable. All text goes through textContent / Plot's text marks.
 */
import * as Plot from "@observablehq/plot";
import {el} from "../format.js";
import type {Frame} from "../../lib/engine/types.js";
import type {SampleSummary} from "../../lib/explorer/sample.js";
import {sampleFilter, type ExplorerState} from "../../lib/explorer/state.js";
import {tx} from "./text.js";

export function sampleView(frame: Frame, s: ExplorerState, sample: SampleSummary, names: Map<string, string>, width: number): HTMLElement {
  const iso = frame.columns.iso3 as Array<string | null>;
  const year = frame.columns.year as Float64Array;
  const oecd = frame.columns.oecd as Float64Array | undefined;
  const inSample = new Set(sample.rows);
  const pass = sampleFilter(s);
  const statusIn = tx("inSample");
  const statusOut = tx("filtered");
  const statusNa = tx("missingData");
  const cells: Array<{iso3: string; year: number; status: string}> = [];
  for (let i = 0; i < frame.nrows; i++) {
    if (!iso[i]) continue;
    const status = inSample.has(i) ? statusIn : pass({iso3: iso[i]!, year: year[i], oecd: oecd ? oecd[i] : 0}) ? statusNa : statusOut;
    cells.push({iso3: iso[i]!, year: year[i], status});
  }
  // Rows are labelled by ISO3, so they are sorted by ISO3 (names sort differently in each language).
  const countries = [...new Set(cells.map((c) => c.iso3))].sort();
  const years = sample.years;
  const summary = el("p", {className: "ex-sample-summary"});
  const n = el("strong", {text: String(sample.rows.length)});
  n.dataset.value = String(sample.rows.length);
  n.className = "ex-sample-n";
  const k = el("strong", {text: String(sample.countries.length)});
  k.className = "ex-sample-k";
  summary.append(n, ` ${tx("obs")}, `, k, ` ${tx("countries")}, `, el("strong", {text: years.length ? `${years[0]}–${years[years.length - 1]}` : "–"}));
  const list = el("p", {className: "ex-sample-list mono", text: sample.countries.join(" ")});
  const grid = Plot.plot({
    width: Math.max(320, Math.min(width, 640)),
    // One row per partner, tall enough that the partner codes never touch (12 px text on a phone; issue 19).
    height: 24 + 8 + (width < 560 ? 15 : 14) * countries.length,
    marginLeft: 44,
    marginTop: 24,
    marginBottom: 8,
    padding: 0.08,
    x: {type: "band", label: null, axis: "top", tickFormat: (y: number) => (y % (width < 560 ? 4 : 2) === 0 ? String(y) : "")},
    y: {domain: countries, label: null, tickSize: 0},
    color: {domain: [statusIn, statusOut, statusNa], range: ["#2563eb", "#d1d5db", "#fca5a5"], legend: true},
    style: {fontSize: width < 560 ? "12px" : "11px"},
    marks: [Plot.cell(cells, {x: "year", y: "iso3", fill: "status", title: (d) => `${names.get(d.iso3) ?? d.iso3} ${d.year}: ${d.status}`})]
  });
  const box = el("div", {className: "ex-sample"}, summary, grid, list);
  if (s.estimator !== "ols") box.append(el("p", {className: "ex-hint", text: tx("gmmSample")}));
  return box;
}
