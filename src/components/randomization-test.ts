/**
 * "Identified by N partners": where fewer than FEW_CHANGERS partners' key regressor moves in the estimation sample,
 * clustered p-values are far too small (MacKinnon & Webb 2017), so the estimate is led by a randomization-inference
 * p-value (src/lib/engine/randomization.ts: whole partner series permuted, the model re-estimated with its own
 * variance). The test runs at once in a Web Worker (src/workers/randomization.js) with a progress bar and Cancel.
 * Used by the mechanism and multiverse pages (the explorer and what-if say the count in their own words).
 */
import type {Frame, RandomizationResult, Spec} from "../lib/engine/types.js";
import {pick} from "../lib/i18n.js";
import {createPool} from "../lib/worker/pool.js";
import {el, L} from "./format.js";

/** Fewer partners than this moving the key regressor: lead with the permutation test (as the what-if card). */
export const FEW_CHANGERS = 5;
/** Random permutations drawn on the pages (plus the identity): a p-value of 0.05 has a Monte Carlo SE of about 0.005. */
export const PAGE_REPS = 1999;

/** One line, both languages: "Identified by 3 of 42 partners". */
export function identifiedText(changing: number, partners: number | null): string {
  const of = partners == null ? "" : pick({en: ` of ${partners}`, zh: `（共 ${partners} 个）`});
  return pick({
    en: `Identified by ${changing}${of} partner${changing === 1 && partners == null ? "" : "s"}`,
    zh: `由 ${changing} 个伙伴国识别${of}`
  });
}

/**
 * The permutation test of `term` in `spec`, running in a worker when the element is created. `onDone` receives
 * the result (e.g. for a table cell). The element carries data-state = running | done | cancelled | error.
 */
export function randomizationTest(workerUrl: string, frame: Frame, spec: Spec, term: string, onDone?: (r: RandomizationResult) => void): HTMLElement {
  const box = el("div", {className: "ri-test"});
  box.dataset.state = "running";
  box.dataset.term = term;
  const line = el("p", {className: "ri-line"});
  line.setAttribute("aria-live", "polite");
  const bar = el("progress", {className: "ri-progress"});
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute("aria-label", L("Permutations done", "已完成的置换"));
  const cancel = el("button", {className: "ri-cancel", text: L("Cancel", "取消")});
  cancel.type = "button";
  const again = el("button", {className: "ri-run", text: L("Run the permutation test", "运行置换检验")});
  again.type = "button";
  again.hidden = true;
  box.append(line, el("div", {className: "ri-buttons"}, bar, cancel, again));
  let ctl: AbortController | null = null;
  const start = () => {
    const pool = createPool({url: workerUrl, size: 1});
    ctl = new AbortController();
    box.dataset.state = "running";
    cancel.disabled = false;
    again.hidden = true;
    bar.hidden = false;
    line.textContent = pick({en: `Permutation test of ${term}: running…`, zh: `${term} 的置换检验：计算中…`});
    pool
      .run<{frame: Frame; spec: Spec; inference: {type: "randomization"; term: string; reps: number; seed: number}}, {randomization: RandomizationResult; ms: number}>(
        {frame, spec, inference: {type: "randomization", term, reps: PAGE_REPS, seed: 1}},
        {
          signal: ctl.signal,
          onProgress: (p) => {
            bar.max = p.total;
            bar.value = p.done;
            line.textContent = pick({en: `Permutation test of ${term}: ${p.done} / ${p.total} draws`, zh: `${term} 的置换检验：${p.done} / ${p.total} 次抽取`});
          }
        }
      )
      .then(({randomization: r}) => {
        box.dataset.state = "done";
        box.dataset.p = String(r.p_value);
        bar.hidden = true;
        cancel.hidden = true;
        const how = r.enumerated
          ? pick({en: `all ${r.reps_used} permutations of the partners`, zh: `伙伴国的全部 ${r.reps_used} 种排列`})
          : pick({en: `${r.reps_used.toLocaleString("en")} permutations of whole partner series (seed 1)`, zh: `${r.reps_used} 次整体置换伙伴国序列（随机种子 1）`});
        line.replaceChildren(
          el("strong", {text: pick({en: `Permutation-test p = ${r.p_value.toFixed(3)}`, zh: `置换检验 p = ${r.p_value.toFixed(3)}`})}),
          pick({en: ` (share of ${how} whose |t| is at least the observed ${Math.abs(r.t).toFixed(2)}${r.failed ? `; ${r.failed} could not be estimated` : ""}).`, zh: `（${how}中 |t| 不小于实际值 ${Math.abs(r.t).toFixed(2)} 的比例${r.failed ? `；${r.failed} 次无法估计` : ""}）。`})
        );
        onDone?.(r);
      })
      .catch((e: Error) => {
        bar.hidden = true;
        cancel.disabled = true;
        again.hidden = false;
        if (e.name === "AbortError") {
          box.dataset.state = "cancelled";
          line.textContent = L("Permutation test cancelled.", "置换检验已取消。");
        } else {
          box.dataset.state = "error";
          line.textContent = `${L("Permutation test failed", "置换检验失败")}: ${e.message}`;
        }
      })
      .finally(() => pool.close());
  };
  cancel.addEventListener("click", () => ctl?.abort());
  again.addEventListener("click", start);
  start();
  return box;
}
