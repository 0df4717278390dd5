/**
 * Data-page chart: world map of the overall DSTRI in one year. Outlines come from the site's own
 * `data/world-110m.json` (world-atlas TopoJSON with ISO3 ids, see src/data/world-110m.json.ts), so
 * the map needs no tile server or CDN. Countries the OECD does not cover are drawn in light grey.
 */
import * as Plot from "@observablehq/plot";
import {feature} from "topojson-client";
import type {PanelRow} from "../lib/browser/panel.js";
import {countryName} from "../lib/i18n.js";
import {DSTRI_RANGE, L, SOURCES, sourceLine} from "./format.js";

// The TopoJSON is typed loosely: its shape is checked where it is used.
type Topology = {type: "Topology"; objects: {countries: unknown}};

export function dstriMap(rows: PanelRow[], world: Topology, {width = 900, year}: {width?: number; year?: number} = {}): HTMLElement | SVGElement {
  if (world?.type !== "Topology" || !world.objects?.countries) throw new Error("DSTRI map: world-110m.json is not a TopoJSON topology with a `countries` object");
  const withDstri = rows.filter((r) => Number.isFinite(r.dstri));
  const y = year ?? Math.max(...withDstri.map((r) => r.year));
  const value = new Map(withDstri.filter((r) => r.year === y).map((r) => [r.iso3, r]));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const countries = (feature(world as any, world.objects.countries as any) as any).features as Array<{id: string | null; properties: {name: string}}>;
  const covered = countries.filter((f) => f.id && value.has(f.id));
  return Plot.plot({
    width,
    height: Math.round(width * 0.5),
    projection: "equal-earth",
    title: L(`Digital services trade restrictiveness, ${y}`, `数字服务贸易限制程度，${y}年`),
    subtitle: L(
      `Overall DSTRI of the ${value.size} economies the OECD index covers (0 = open, 1 = closed); grey: not covered.`,
      `OECD指数覆盖的${value.size}个经济体的总体DSTRI（0 = 开放，1 = 封闭）；灰色：未覆盖。`
    ),
    caption: sourceLine(SOURCES.dstri, L("outlines: Natural Earth via world-atlas", "国界轮廓：Natural Earth（world-atlas）")),
    color: {type: "linear", range: DSTRI_RANGE, domain: [0, Math.max(0.3, ...[...value.values()].map((r) => r.dstri))], legend: true, label: L(`DSTRI ${y} (index, 0–1)`, `${y}年DSTRI（指数，0–1）`)},
    marks: [
      Plot.geo(countries, {fill: "#e9e9e9", stroke: "white", strokeWidth: 0.4}),
      Plot.geo(covered, {
        fill: (f: {id: string}) => value.get(f.id)!.dstri,
        stroke: "white", strokeWidth: 0.5,
        channels: {[L("Country", "国家")]: (f: {id: string}) => countryName(value.get(f.id)!), DSTRI: (f: {id: string}) => value.get(f.id)!.dstri},
        tip: {format: {fill: false, DSTRI: ".2f"}}
      }),
      Plot.sphere({stroke: "currentColor", strokeOpacity: 0.3})
    ]
  });
}
