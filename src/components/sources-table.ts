/**
 * Data-page table: one row per source from data/provenance.json (`{generated_at, panel, sources: [...]}`):
 * source and citation, licence, retrieval time, rows, how it was obtained, SHA-256. Built with textContent
 * only: provenance text is data, never markup.
 */
import {L, el} from "./format.js";

export interface Provenance {
  source: string;
  url?: string;
  retrieved_at?: string;
  rows?: number;
  sha256?: string;
  method?: string;
  licence?: string;
  citation?: string;
  origin?: string;
  cached_from?: string;
  [k: string]: unknown;
}

export interface ProvenanceFile {
  generated_at?: string;
  sources: Provenance[];
  [k: string]: unknown;
}

/** Mark a cell of machine words (method names, paths) as English on the Chinese page. */
function langEn<T extends HTMLElement>(node: T): T {
  if (L("en", "zh") === "zh") node.lang = "en";
  return node;
}

export function sourcesTable(provenance: ProvenanceFile | Provenance[]): HTMLElement {
  const list = Array.isArray(provenance) ? provenance : provenance?.sources;
  if (!Array.isArray(list) || !list.length) throw new Error("Sources table: provenance.json has no `sources` list");
  const table = el("table", {className: "sources"});
  const head = el("tr", {}, ...[L("Source", "来源"), L("Licence", "许可"), L("Retrieved", "获取日期"), L("Rows", "行数"), L("How", "方式"), "SHA-256"].map((h, i) => el("th", {className: i === 3 ? "num" : "", text: h})));
  table.append(el("thead", {}, head));
  const body = el("tbody");
  for (const p of list) {
    const name = el("td");
    const title = el("strong", {text: String(p.source)});
    if (p.url && /^https?:\/\//.test(p.url)) {
      const a = el("a", {}, title);
      a.href = p.url;
      a.rel = "noopener";
      name.append(a);
    } else name.append(title);
    if (p.citation) name.append(el("div", {className: "muted", text: p.citation}));
    if (p.origin) name.append(el("div", {className: "muted", text: p.origin}));
    // Citations of English-language sources stay in their own language (as in a Chinese reference list), marked
    // as English so that screen readers and fonts get them right.
    if (L("en", "zh") === "zh") name.lang = "en";
    const sha = el("td", {className: "mono", text: p.sha256 ? `${String(p.sha256).slice(0, 12)}…` : "–"});
    if (p.sha256) sha.title = String(p.sha256);
    body.append(el("tr", {},
      name,
      el("td", {text: p.licence ? L(p.licence, p.licence.replace(/free reuse with attribution/gi, "注明出处即可自由使用")) : "–"}),
      el("td", {text: p.retrieved_at ? String(p.retrieved_at).slice(0, 10) : "–"}),
      el("td", {className: "num", text: p.rows != null ? Number(p.rows).toLocaleString("en-US") : "–"}),
      langEn(el("td", {text: p.method ? `${p.method}${p.cached_from ? ` (${p.cached_from})` : ""}` : "–"})),
      sha
    ));
  }
  table.append(body);
  return el("div", {className: "table-wrap"}, table);
}
