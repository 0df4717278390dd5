/**
 * The explorer's line for a wild cluster bootstrap result: p-value, 95% interval by test inversion, draws and
 * clusters, in the page's language.
 */
import {el} from "../format.js";
import type {BootstrapResult} from "../../lib/engine/types.js";
import {fmt} from "../../lib/explorer/export.js";
import {tx} from "./text.js";

/** Example: bootstrapLine({p_value: 0.87, ci95: [-1.07, 1.03], reps_used: 9999, n_clusters: 42, ...}). */
export function bootstrapLine(b: BootstrapResult): HTMLElement {
  const box = el("div", {className: "ex-boot-result"});
  box.dataset.testid = "bootstrap";
  box.dataset.p = String(b.p_value);
  const draws = b.enumerated ? `2^${b.n_clusters} = ${b.reps_used.toLocaleString("en-US")}` : b.reps_used.toLocaleString("en-US");
  box.append(
    el("p", {className: "ex-boot-title", text: tx("bootTitle")}),
    el(
      "p",
      {className: "ex-boot-numbers"},
      el("span", {text: `${tx("bootP")}: `}),
      el("strong", {className: "ex-boot-p", text: fmt(b.p_value)}),
      el("span", {text: ` · ${tx("bootCi")}: [${fmt(b.ci95[0])}, ${fmt(b.ci95[1])}] · ${draws} ${tx("bootDraws")} · ${b.n_clusters} ${tx("bootClusters")}`})
    )
  );
  return box;
}
