/**
 * Tiny DOM helpers for the hand-drawn SVG diagrams: element creation (never innerHTML) and text wrapping that
 * works for English (break at spaces) and Chinese (break anywhere, keeping punctuation off the line start).
 */
const NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes. */
export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * Splits `text` into lines of at most `max` units, where a Han character counts 2 units and any other
 * character 1 (a rough width model). English breaks at spaces; Chinese may break between any two characters.
 */
export function wrapText(text: string, max: number): string[] {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef][，。、；：）」”]?|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let cur = "";
  for (const tok of tokens) {
    if (cur && width((cur + tok).trimEnd()) > max) {
      lines.push(cur.trimEnd());
      cur = tok.trimStart();
    } else cur += tok;
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  return lines;
}

/** A <text> with one <tspan> per line, vertically centred on y. */
export function multilineText(lines: string[], x: number, y: number, lineHeight: number, attrs: Record<string, string | number> = {}): SVGTextElement {
  const text = svgEl("text", {x, y: y - ((lines.length - 1) * lineHeight) / 2, ...attrs});
  lines.forEach((line, i) => {
    const span = svgEl("tspan", {x, dy: i === 0 ? "0.35em" : lineHeight});
    // A space after a Latin line end keeps the accessible name equal to the visible words (axe label-content-name-mismatch).
    span.textContent = i < lines.length - 1 && !/[\u3000-\u9fff\uff00-\uffef]$/.test(line) ? line + " " : line;
    text.append(span);
  });
  return text;
}
