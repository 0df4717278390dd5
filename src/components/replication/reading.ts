/**
 * The plain-language reading of one table: how our key coefficient compares with the paper's (sign,
 * size in standard-deviation units, significance, sample), as computed by readDifference().
 */
import type {Reading} from "../../lib/replication/compare.js";
import {el} from "../format.js";

export function readingBox(title: string, reading: Reading): HTMLElement {
  const box = el("div", {className: "reading"}, el("h3", {text: title}));
  box.dataset.sign = reading.sign;
  box.dataset.significance = reading.significance;
  const ul = el("ul");
  for (const s of reading.sentences) ul.append(el("li", {text: s}));
  box.append(ul);
  return box;
}
