/**
 * The paper's printed tables and the open panel as an engine Frame, for the /replication and /audit pages.
 * The Frame is decoded from the same Arrow stream that `dtb panel --out p.arrow` writes, by the same reader
 * that `dtb estimate --data p.arrow` uses, so the page estimates on exactly the CLI's numbers.
 */
import {FileAttachment} from "observablehq:stdlib";
import type {Frame} from "../engine/types.js";
import type {PaperTables} from "../paper/schema.js";
import {parseArrow} from "../table/arrow.js";
import {panelBytes} from "../browser/panel.js";

let paper: Promise<PaperTables> | undefined;
let frame: Promise<Frame> | undefined;

/** data/paper/tables.json (validated at build time by paper-tables.json.ts). */
export function loadPaperTables(): Promise<PaperTables> {
  return (paper ??= FileAttachment("./paper-tables.json").json());
}

/** The panel as the engine's Frame. */
export function loadPanelFrame(): Promise<Frame> {
  return (frame ??= panelBytes().then((b) => parseArrow(b, "panel.arrow").frame));
}
