/**
 * "Pin" for a model shown outside the explorer (a Replication column, the multiverse's selected specification):
 * adds its explorer view to the shared pinned set and says where to compare them.
 */
import {el} from "../format.js";
import {pick, withLang} from "../../lib/i18n.js";
import {MAX_PINS} from "../../lib/compare/pins.js";
import {serializeState, type ExplorerState} from "../../lib/explorer/state.js";
import {pinFromElsewhere} from "./pin-store.js";

/** A "Pin" button and its status line; `what` names the model for screen readers. */
export function pinButton(state: ExplorerState, what: string): HTMLElement {
  const button = el("button", {className: "pin-button", text: pick({en: "Pin to compare", zh: "固定以便对比"})});
  button.type = "button";
  button.setAttribute("aria-label", `${pick({en: "Pin to compare", zh: "固定以便对比"})}: ${what}`);
  const status = el("span", {className: "pin-status"});
  status.setAttribute("role", "status");
  button.addEventListener("click", () => {
    const r = pinFromElsewhere(state);
    const link = el("a", {text: pick({en: `compare the ${r.count} pinned models in the explorer →`, zh: `在模型探索中对比已固定的 ${r.count} 个模型 →`})});
    link.href = withLang(`./explorer?${serializeState(state)}`) + r.hash;
    const head = r.full
      ? pick({en: `Already ${MAX_PINS} pinned (the most): remove one in the explorer first; `, zh: `已固定 ${MAX_PINS} 个（上限）：请先在模型探索中移除一个；`})
      : r.added ? pick({en: "Pinned; ", zh: "已固定；"}) : pick({en: "Already pinned; ", zh: "已经固定过；"});
    status.replaceChildren(head, link);
  });
  return el("span", {className: "pin-control"}, button, " ", status);
}
