/**
 * Markdown text cells, rendered with `marked` and then sanitised by an allowlist walk: only plain
 * formatting elements survive, every attribute is dropped except a checked `href` on links (http,
 * https, mailto or in-page `#`), and images become their alt text (an image would make a request to
 * another host). The Markdown itself is parsed as written (CommonMark + GFM: quotes, autolinks, code spans
 * and blocks render right); raw HTML is disabled in the renderer — an HTML block or inline tag is written
 * out as text — so `<script>` or `onerror=` shows as text. The HTML is parsed inside a <template>, whose
 * content is inert (no script runs, no resource loads) while it is checked.
 */
import {Marked} from "marked";

const markdown = new Marked({
  async: false,
  gfm: true,
  renderer: {
    // Raw HTML in the text is shown as text, never passed through.
    html: ({text}) => escapeHtml(text)
  }
});

const ALLOWED = new Set([
  "P", "BR", "HR", "H1", "H2", "H3", "H4", "H5", "H6", "STRONG", "EM", "DEL", "CODE", "PRE", "BLOCKQUOTE",
  "UL", "OL", "LI", "A", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "SPAN"
]);

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function safeHref(href: string): string | null {
  const h = href.trim();
  if (h.startsWith("#")) return h;
  try {
    const u = new URL(h);
    return ["http:", "https:", "mailto:"].includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

function clean(node: Node, doc: Document): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return doc.createTextNode(node.textContent ?? "");
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (tag === "IMG") return doc.createTextNode(el.getAttribute("alt") ?? "");
  const kids = Array.from(el.childNodes).map((c) => clean(c, doc)).filter((c): c is Node => c !== null);
  if (!ALLOWED.has(tag)) {
    const frag = doc.createDocumentFragment();
    kids.forEach((k) => frag.append(k));
    return frag;
  }
  const out = doc.createElement(tag.toLowerCase());
  if (tag === "A") {
    const href = safeHref(el.getAttribute("href") ?? "");
    if (href) {
      out.setAttribute("href", href);
      if (!href.startsWith("#")) out.setAttribute("rel", "noopener noreferrer nofollow");
    }
  }
  if ((tag === "TH" || tag === "TD") && /^(left|right|center)$/.test(el.getAttribute("align") ?? "")) out.setAttribute("align", el.getAttribute("align")!);
  kids.forEach((k) => out.append(k));
  return out;
}

/** Renders Markdown to a sanitised element. Example: `renderMarkdown("**x** <script>")`. */
export function renderMarkdown(md: string): HTMLElement {
  const html = markdown.parse(md) as string;
  const template = document.createElement("template");
  template.innerHTML = html;
  const box = document.createElement("div");
  box.className = "nb-md";
  for (const child of Array.from(template.content.childNodes)) {
    const c = clean(child, document);
    if (c) box.append(c);
  }
  return box;
}
