/**
 * The partners the demeaning steps highlight: 3-5 iso3 codes from the URL (`partners=USA,DEU,JPN`), or a default
 * set of large economies present in the panel; and the picker (five selects, "none" allowed for the last two)
 * through which the teacher or the student chooses them.
 */
import {pick} from "../../lib/i18n.js";

export const PARTNER_COLORS = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e"];
const DEFAULT = ["USA", "DEU", "JPN", "IND"];
const MIN = 3;
const MAX = 5;

/** Valid, distinct codes from the URL (3-5 of them), else the default set (topped up from the panel's codes). */
export function pickPartners(raw: string | null, codes: string[]): string[] {
  const given = [...new Set((raw ?? "").split(",").map((c) => c.trim().toUpperCase()).filter((c) => codes.includes(c)))].slice(0, MAX);
  if (given.length >= MIN) return given;
  const out = DEFAULT.filter((c) => codes.includes(c));
  for (const c of codes) if (out.length < 4 && !out.includes(c)) out.push(c);
  return out;
}

export function partnerPicker(codes: string[], names: Map<string, string>, initial: string[], onChange: (p: string[]) => void): HTMLElement {
  const box = document.createElement("fieldset");
  box.className = "cl-partners cl-controls";
  box.setAttribute("data-testid", "demean-partners");
  const legend = document.createElement("legend");
  legend.textContent = pick({en: "Follow these partners (3 to 5)", zh: "跟踪这些伙伴国（3至5个）"});
  box.append(legend);
  const selects: HTMLSelectElement[] = [];
  for (let k = 0; k < MAX; k++) {
    const sel = document.createElement("select");
    sel.name = `partner${k + 1}`;
    sel.setAttribute("aria-label", pick({en: `Partner ${k + 1}`, zh: `伙伴国 ${k + 1}`}));
    if (k >= MIN) {
      const none = document.createElement("option");
      none.value = "";
      none.textContent = pick({en: "none", zh: "无"});
      sel.append(none);
    }
    for (const c of codes) {
      const o = document.createElement("option");
      o.value = c;
      o.textContent = `${names.get(c) ?? c} (${c})`;
      sel.append(o);
    }
    sel.value = initial[k] ?? "";
    sel.addEventListener("change", () => {
      const chosen = [...new Set(selects.map((s) => s.value).filter(Boolean))];
      recolour();
      if (chosen.length >= MIN) onChange(chosen);
    });
    selects.push(sel);
    box.append(sel);
  }
  // Each select's stripe is its partner's colour in the chart: the k-th distinct choice takes colour k.
  function recolour() {
    const seen: string[] = [];
    for (const s of selects) {
      const i = s.value && !seen.includes(s.value) ? seen.push(s.value) - 1 : -1;
      s.style.borderLeft = `6px solid ${i >= 0 ? PARTNER_COLORS[i] : "transparent"}`;
    }
  }
  recolour();
  return box;
}
