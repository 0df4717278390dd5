/**
 * Download links for the panel. The URLs are Framework FileAttachment URLs (hashed files in dist);
 * the `download` attribute gives the saved file a readable name.
 */
import {el} from "./format.js";

export function downloads(files: Array<{href: string; name: string; label: string; note?: string}>): HTMLElement {
  const ul = el("ul", {className: "downloads"});
  for (const f of files) {
    const a = el("a", {text: f.label});
    a.href = f.href;
    a.download = f.name;
    ul.append(el("li", {}, a, ...(f.note ? [el("span", {className: "muted", text: ` — ${f.note}`})] : [])));
  }
  return ul;
}
