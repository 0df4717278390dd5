/**
 * Lesson 1's event-study exercise (issue 24): fixed effects compare each partner with itself, which is only as good
 * as the assumption that, without the DSTRI's changes, exports would have moved in parallel. The student predicts
 * whether the pre-trend test rejects at 5%, then runs the replication page's event study (the same worker, the same
 * spec: lib/replication/event-study.ts) and reads it. Run stays disabled until a prediction is chosen, as in every
 * lab. Answers for the teacher are in the page's teacher-only notes.
 */
import {pick} from "../../lib/i18n.js";
import {eventStudyTask} from "../../lib/replication/event-study.js";
import type {Frame} from "../../lib/engine/types.js";
import {createPool} from "../../lib/worker/pool.js";
import {eventStudySection} from "../replication/event-study-section.js";
import {chartWidth} from "./labels.js";

export function eventExercise(frame: Frame, workerUrl: string): HTMLElement {
  const root = document.createElement("div");
  root.className = "cl-event cl-main";
  root.dataset.testid = "event-exercise";
  const form = document.createElement("fieldset");
  form.className = "cl-controls";
  const legend = document.createElement("legend");
  legend.textContent = pick({en: "Your prediction: does the pre-trend test reject parallel trends at 5%?", zh: "你的预测：事前趋势检验会在 5% 水平上拒绝平行趋势吗？"});
  form.append(legend);
  const options = [
    {value: "reject", label: {en: "yes, p < 0.05", zh: "会，p < 0.05"}},
    {value: "keep", label: {en: "no, p ≥ 0.05", zh: "不会，p ≥ 0.05"}}
  ];
  for (const o of options) {
    const l = document.createElement("label");
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "event-predict";
    input.value = o.value;
    input.addEventListener("change", () => (run.disabled = false));
    l.append(input, document.createTextNode(" " + pick(o.label)));
    form.append(l);
  }
  const run = document.createElement("button");
  run.type = "button";
  run.textContent = pick({en: "Run the event study", zh: "运行事件研究"});
  run.disabled = true;
  run.dataset.testid = "event-run";
  const verdict = document.createElement("p");
  verdict.className = "cl-theory";
  verdict.setAttribute("aria-live", "polite");
  const out = document.createElement("div");
  root.append(form, run, verdict, out);

  run.addEventListener("click", async () => {
    const predicted = root.querySelector<HTMLInputElement>("input[name=event-predict]:checked")?.value;
    if (!predicted) return;
    run.disabled = true;
    const width = chartWidth(root);
    out.replaceChildren(eventStudySection({status: "running"}, width));
    const pool = createPool({url: workerUrl, size: 1});
    try {
      const task = eventStudyTask({column: "lnexport_cn", region: "cn", label: "China"});
      const result = await pool.run<unknown, import("../../lib/engine/event-study.js").EventStudyResult>({kind: "event-study", frame, spec: task.spec, es: task.es});
      out.replaceChildren(eventStudySection({status: "done", result}, width));
      const p = result.pretrend.p_f;
      const rejected = p < 0.05;
      const right = (predicted === "reject") === rejected;
      verdict.dataset.correct = String(right);
      verdict.textContent = pick({
        en: `${right ? "Your prediction holds" : "Not what you predicted"}: p = ${p.toFixed(3)}, so the test ${rejected ? "rejects" : "does not reject"} parallel trends at 5%. Now answer: does a large p prove the trends were parallel? Look at the width of the lead intervals and at the faint ticks (one partner left out).`,
        zh: `${right ? "你的预测正确" : "与你的预测不同"}：p = ${p.toFixed(3)}，因此检验在 5% 水平上${rejected ? "拒绝" : "不拒绝"}平行趋势。请回答：p 值大能证明趋势平行吗？看看提前期区间的宽度，以及浅色短线（去掉一个伙伴后的估计）。`
      });
    } catch (e) {
      out.replaceChildren(eventStudySection({status: "error", message: e instanceof Error ? e.message : String(e)}, width));
    } finally {
      pool.close();
      run.disabled = false;
    }
  });
  return root;
}
