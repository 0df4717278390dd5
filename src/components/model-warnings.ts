/**
 * The alert shown above a model's table when the engine says it should not be read as it stands (issue #21):
 * role="alert", a plain headline, then each warning in the reader's language with what to do instead. One
 * component for the explorer, the replication tables, the notebook and the multiverse's selected specification.
 * Empty (and hidden) when there is no warning, so callers can always place it.
 */
import {el} from "./format.js";
import {pick} from "../lib/i18n.js";
import type {ModelWarning} from "../lib/engine/types.js";

/**
 * `warnings`: the engine's; `title`: which model, when the page shows several (e.g. "Table 7 (2)").
 * Example: `modelWarningsAlert(result.warnings ?? [])`.
 */
export function modelWarningsAlert(warnings: readonly ModelWarning[], title?: string): HTMLElement {
  const box = el("div", {className: "model-warnings"});
  if (!warnings.length) {
    box.hidden = true;
    return box;
  }
  box.setAttribute("role", "alert");
  box.dataset.codes = warnings.map((w) => w.code).join(" ");
  const head = pick({en: "Do not read this model as it stands", zh: "请勿照原样解读此模型"});
  box.append(
    el("p", {className: "model-warnings-head"}, el("strong", {text: title ? `${title}: ${head}` : head})),
    el("ul", {}, ...warnings.map((w) => {
      const li = el("li", {text: pick({en: w.message, zh: w.message_zh})});
      li.dataset.code = w.code;
      return li;
    }))
  );
  return box;
}
