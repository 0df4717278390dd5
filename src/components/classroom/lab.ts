/**
 * A Monte Carlo lab in the page: a slider per parameter (names as `dtb simulate --param`), replications and
 * seed, a "predict first" box, Run and Cancel. The run goes to the worker pool in small batches
 * (lab-runner.ts); the table, histograms and running mean are redrawn as batches arrive, with the time left.
 * The final table equals `dtb simulate` for the same seed (the command is shown). Before a run estimated over
 * 10 s (cost.ts) the page says how long and asks. Settings at which every replication would fail are refused
 * at the slider (feasible.ts, the same rule as the CLI); link values that could not be used are listed in a
 * note above the controls. Nothing runs before Run, so a student commits a prediction first.
 */
import {pick} from "../../lib/i18n.js";
import {ASK_ABOVE_MS, estimateRunMs, formatDuration} from "../../lib/simulate/cost.js";
import {infeasible} from "../../lib/simulate/feasible.js";
import {LAB_DEFS, MAX_REPS, type LabName} from "../../lib/simulate/labs.js";
import {mergeDraws, summarizeLab, type LabResult} from "../../lib/simulate/run.js";
import {readLabState, writeLabState, type LabState} from "../../lib/simulate/url-state.js";
import {runBatches, type Arrived} from "./lab-runner.js";
import {runningMeanPlot, samplingPlot} from "./lab-plot.js";
import {resultsTable} from "./lab-table.js";
import {linkNotes, predictBox, type Prediction} from "./lab-parts.js";
import {paramLabel} from "./labels.js";
import {labPool} from "./pools.js";
import type {StudentBox} from "./student.js";

const CLASS_RANGE: Record<string, [number, number]> = {N: [2, 200], T: [2, 20], beta: [-2, 2], corr: [-2, 2]};
const GRAVITY_RANGE: Record<string, [number, number]> = {N: [20, 5000]};

function sliderRange(lab: LabName, name: string, min: number, max: number, value: number): [number, number] {
  const [a, b] = (lab === "gravity" ? GRAVITY_RANGE : CLASS_RANGE)[name] ?? [min, max];
  return [Math.max(min, Math.min(a, value)), Math.min(max, Math.max(b, value))];
}

export interface LabOptions {
  workerUrl: string;
  /** The student box: its seed replaces the URL's seed (read-only), following the name as it is typed. */
  student?: StudentBox;
  /** Theory line under the table for the current parameters. */
  theory?: (s: LabState) => string | null;
  /** Show the theory line to students too (default: teacher mode only, as it may give an exercise away). */
  theoryForAll?: boolean;
  teacher?: boolean;
  /** What the student predicts before Run (one estimator's mean, or a coverage in %). */
  predict?: Prediction;
}

export function labPanel(lab: LabName, opts: LabOptions): HTMLElement & {value: LabResult | null} {
  const def = LAB_DEFS[lab];
  const state = readLabState(lab, location.search);
  const root = document.createElement("div") as unknown as HTMLElement & {value: LabResult | null};
  root.className = "cl-lab cl-main";
  root.value = null;
  root.dataset.state = "idle";
  root.setAttribute("data-testid", `lab-${lab}`);
  if (state.notes) root.append(linkNotes(state.notes));

  const form = document.createElement("form");
  form.className = "cl-controls";
  form.addEventListener("submit", (e) => e.preventDefault());
  const inputs: Record<string, HTMLInputElement> = {};
  for (const p of def.params) {
    const label = document.createElement("label");
    label.className = "cl-slider";
    const name = document.createElement("span");
    name.textContent = paramLabel(p.name, lab);
    const input = document.createElement("input");
    input.type = "range";
    input.name = p.name;
    // Sliders span a classroom range; a typed URL (or the CLI) may go further, up to the lab's limits.
    const [lo, hi] = sliderRange(lab, p.name, p.min, p.max, state.params[p.name]);
    input.min = String(lo);
    input.max = String(hi);
    input.step = String(p.step);
    input.value = String(state.params[p.name]);
    const out = document.createElement("output");
    out.textContent = input.value;
    input.addEventListener("input", () => {
      out.textContent = input.value;
      changed();
    });
    label.append(name, input, out);
    form.append(label);
    inputs[p.name] = input;
  }
  const num = (name: string, text: {en: string; zh: string}, value: number, min: number, max: number) => {
    const label = document.createElement("label");
    label.className = "cl-number";
    const span = document.createElement("span");
    span.textContent = pick(text);
    const input = document.createElement("input");
    input.type = "number";
    input.name = name;
    input.min = String(min);
    input.max = String(max);
    input.step = "1";
    input.value = String(value);
    input.addEventListener("input", () => changed());
    label.append(span, input);
    form.append(label);
    return input;
  };
  const repsInput = num("reps", {en: "replications", zh: "重复次数"}, state.reps, 1, MAX_REPS);
  const seedInput = num("seed", {en: "seed", zh: "随机种子"}, state.seed, 0, 2 ** 53 - 1);
  const followStudent = () => {
    if (!opts.student?.value.student) return;
    seedInput.value = String(opts.student.value.seed);
    seedInput.readOnly = true;
  };
  followStudent();
  opts.student?.addEventListener("student", () => {
    seedInput.readOnly = false;
    followStudent();
    changed();
  });
  const predict = opts.predict ? predictBox(opts.predict) : null;
  if (predict) form.append(predict.element);
  const runButton = document.createElement("button");
  runButton.type = "button";
  runButton.name = "run";
  runButton.textContent = pick({en: "Run", zh: "运行"});
  const cancelButton = document.createElement("button");
  cancelButton.type = "button";
  cancelButton.name = "cancel";
  cancelButton.textContent = pick({en: "Cancel", zh: "取消"});
  cancelButton.disabled = true;
  form.append(runButton, cancelButton);

  const refused = document.createElement("p");
  refused.className = "cl-refused";
  refused.setAttribute("role", "alert");
  refused.setAttribute("data-testid", "lab-refused");
  refused.hidden = true;
  const ask = document.createElement("div");
  ask.className = "cl-ask";
  ask.setAttribute("role", "alertdialog");
  ask.setAttribute("data-testid", "lab-ask");
  ask.hidden = true;
  const progress = document.createElement("progress");
  progress.max = 1;
  progress.value = 0;
  progress.setAttribute("aria-label", pick({en: "Simulation progress", zh: "模拟进度"}));
  const status = document.createElement("p");
  status.className = "cl-status";
  status.setAttribute("role", "status");
  status.setAttribute("data-testid", "lab-status");
  const command = document.createElement("p");
  command.className = "cl-command";
  const theory = document.createElement("p");
  theory.className = "cl-theory";
  theory.setAttribute("data-testid", "lab-theory");
  const compare = document.createElement("p");
  compare.className = "cl-theory";
  compare.setAttribute("data-testid", "lab-compare");
  const tableBox = document.createElement("div");
  tableBox.className = "cl-table-box";
  const plotBox = document.createElement("div");
  plotBox.className = "cl-lab-figures";
  root.append(form, refused, ask, progress, status, compare, tableBox, theory, plotBox, command);

  const current = (): LabState => {
    const params: Record<string, number> = {};
    for (const p of def.params) params[p.name] = Number(inputs[p.name].value);
    const reps = Math.min(MAX_REPS, Math.max(1, Math.round(Number(repsInput.value)) || def.defaultReps));
    const seed = Math.max(0, Math.round(Number(seedInput.value)) || 0);
    return {params, reps, seed, student: opts.student?.value.student ?? new URLSearchParams(location.search).get("student") ?? ""};
  };

  /** Settings changed: refuse a setting where every replication fails; otherwise say how long a run takes. */
  function changed(): boolean {
    const s = current();
    const why = infeasible(lab, s.params);
    refused.hidden = !why;
    refused.textContent = why ? pick({en: "Refused: ", zh: "无法运行：" }) + pick(why) : "";
    runButton.disabled = !!why || root.dataset.state === "running";
    root.dataset.refused = why ? "1" : "";
    ask.hidden = true;
    if (!why && root.dataset.state !== "running") {
      const ms = estimateRunMs(lab, s.params, s.reps, labPool(opts.workerUrl).size);
      status.textContent = pick({en: `Press Run: ${s.reps} replications, ${pick(formatDuration(ms))}.`, zh: `点击“运行”：${s.reps} 次重复，${pick(formatDuration(ms))}。`});
    }
    return !why;
  }

  let controller: AbortController | null = null;
  let currentGuess: number | null = null;
  cancelButton.addEventListener("click", () => controller?.abort());
  // Predict first: a student's first Run with an empty guess asks for one (a second Run goes ahead without).
  let prompted = false;
  runButton.addEventListener("click", () => {
    if (!changed()) return;
    if (predict && !opts.teacher && !prompted && !predict.hasGuess()) {
      prompted = true;
      status.textContent = pick({en: "Predict first: type your guess above, then press Run (or press Run again to go on without one).", zh: "请先预测：在上方输入你的猜测，再点击“运行”（或再次点击“运行”直接开始）。"});
      status.dataset.prompt = "1";
      predict.focus();
      return;
    }
    const s = current();
    const ms = estimateRunMs(lab, s.params, s.reps, labPool(opts.workerUrl).size);
    if (ms <= ASK_ABOVE_MS) return void execute(s, ms);
    // Long run: say how long and ask; offer the number of replications that fits in 10 s.
    const fit = Math.max(1, Math.floor((s.reps * ASK_ABOVE_MS) / ms));
    ask.replaceChildren();
    const p = document.createElement("p");
    p.textContent = pick({
      en: `This run is estimated to take ${pick(formatDuration(ms))} (${s.reps} replications). Run it anyway?`,
      zh: `预计本次运行需要${pick(formatDuration(ms))}（${s.reps} 次重复）。仍要运行吗？`
    });
    const yes = document.createElement("button");
    yes.type = "button";
    yes.name = "run-anyway";
    yes.textContent = pick({en: "Run anyway (Cancel stops it)", zh: "仍然运行（可随时取消）"});
    yes.addEventListener("click", () => {
      ask.hidden = true;
      void execute(s, ms);
    });
    const less = document.createElement("button");
    less.type = "button";
    less.name = "run-fewer";
    less.textContent = pick({en: `Run ${fit} replications instead (about 10 s)`, zh: `改为运行 ${fit} 次（约10秒）`});
    less.addEventListener("click", () => {
      ask.hidden = true;
      repsInput.value = String(fit);
      const s2 = current();
      void execute(s2, estimateRunMs(lab, s2.params, s2.reps, labPool(opts.workerUrl).size));
    });
    ask.append(p, yes, less);
    ask.hidden = false;
    yes.focus();
  });

  // The prefix merged so far, extended by the newly contiguous batches only (not re-merged from scratch).
  let merged: {draws: ReturnType<typeof mergeDraws>; chunks: number} | null = null;
  const prefixDraws = (a: Arrived) => {
    if (!merged || merged.chunks > a.prefix.length) merged = {draws: mergeDraws(a.prefix), chunks: a.prefix.length};
    else if (merged.chunks < a.prefix.length) merged = {draws: mergeDraws([merged.draws, ...a.prefix.slice(merged.chunks)]), chunks: a.prefix.length};
    return merged.draws;
  };
  const draw = (s: LabState, a: Arrived | null, finalDraws?: ReturnType<typeof mergeDraws>) => {
    const draws = finalDraws ?? prefixDraws(a!);
    const done = finalDraws ? s.reps : a!.prefixReps;
    const result = summarizeLab(lab, s.params, s.reps, s.seed, draws);
    tableBox.replaceChildren(resultsTable(result, done));
    const names = Object.keys(result.estimators);
    const width = Math.min(760, Math.max(300, root.clientWidth || 640));
    const g = currentGuess !== null && opts.predict?.what === "mean" ? {estimator: opts.predict.estimator, value: currentGuess} : undefined;
    plotBox.replaceChildren(samplingPlot(names, draws, result.truth, s.reps, width, g), runningMeanPlot(names, draws, result.truth, s.reps, width));
    return result;
  };

  const execute = async (s: LabState, estimateMs: number) => {
    controller?.abort();
    const ac = new AbortController();
    controller = ac;
    history.replaceState(history.state, "", writeLabState(lab, location.search, s) + location.hash);
    const guess = predict?.commit() ?? null;
    currentGuess = guess;
    root.dataset.state = "running";
    root.dataset.arrived = "0";
    merged = null;
    runButton.disabled = true;
    cancelButton.disabled = false;
    progress.value = 0;
    compare.textContent = "";
    status.textContent = pick({en: `Running… ${pick(formatDuration(estimateMs))} estimated.`, zh: `运行中……预计${pick(formatDuration(estimateMs))}。`});
    let nextDraw = 0;
    let arrived: Arrived | null = null;
    try {
      const all = await runBatches(labPool(opts.workerUrl), lab, s.params, s.reps, s.seed, ac.signal, (a) => {
        arrived = a;
        progress.value = a.done / s.reps;
        const left = (a.elapsedMs / a.done) * (s.reps - a.done);
        status.textContent = pick({
          en: `${a.done} of ${s.reps} replications in ${(a.elapsedMs / 1000).toFixed(1)} s; ${pick(formatDuration(left))} left.`,
          zh: `已完成 ${s.reps} 次中的 ${a.done} 次，用时 ${(a.elapsedMs / 1000).toFixed(1)} 秒；还需${pick(formatDuration(left))}。`
        });
        // Redraw the table and figures of the replications so far, at most every 300 ms and never more than a
        // fifth of the time (a redraw that took d ms waits 5 d), so the main thread stays free for Cancel.
        const now = performance.now();
        if (now >= nextDraw && a.prefixReps < s.reps) {
          draw(s, a);
          const took = performance.now() - now;
          nextDraw = performance.now() + Math.max(300, 5 * took);
          root.dataset.arrived = String(a.prefixReps);
        }
      });
      const ms = arrived ? (arrived as Arrived).elapsedMs : 0;
      const result = draw(s, null, all);
      progress.value = 1;
      root.dataset.state = "done";
      root.dataset.arrived = String(s.reps);
      root.dataset.elapsed = String(Math.max(1, Math.round(ms)));
      status.textContent = pick({
        en: `${s.reps} replications in ${(ms / 1000).toFixed(2)} s (seed ${s.seed}).`,
        zh: `${s.reps} 次重复，用时 ${(ms / 1000).toFixed(2)} 秒（随机种子 ${s.seed}）。`
      });
      const t = opts.teacher || opts.theoryForAll ? (opts.theory?.(s) ?? null) : null;
      theory.textContent = t ?? "";
      if (predict && guess !== null) compare.textContent = predict.verdict(guess, result);
      const args = Object.entries(s.params).map(([k, v]) => `--param ${k}=${v}`).join(" ");
      command.textContent = pick({en: "Same numbers from the command line: ", zh: "命令行中得到相同结果："}) + `dtb simulate --lab ${lab} --reps ${s.reps} --seed ${s.seed} ${args} --out ${lab}.json`;
      root.value = result;
      root.dispatchEvent(new Event("input", {bubbles: true}));
    } catch (error) {
      if (controller !== ac) return; // superseded by a newer run
      if ((error as Error).name === "AbortError") {
        root.dataset.state = "cancelled";
        const a = arrived as Arrived | null;
        status.textContent = pick({
          en: `Cancelled after ${a?.done ?? 0} of ${s.reps} replications; the figures show the first ${a?.prefixReps ?? 0}.`,
          zh: `已取消：${s.reps} 次中完成了 ${a?.done ?? 0} 次；图表显示前 ${a?.prefixReps ?? 0} 次。`
        });
        if (a) draw(s, a);
      } else {
        root.dataset.state = "error";
        status.textContent = pick({en: "The simulation failed: ", zh: "模拟失败："}) + (error as Error).message;
      }
    } finally {
      if (controller === ac) {
        cancelButton.disabled = true;
        predict?.release();
        changedAfterRun();
      }
    }
  };
  const changedAfterRun = () => {
    const why = infeasible(lab, current().params);
    runButton.disabled = !!why;
  };
  changed();
  if (state.notes) status.textContent = pick({en: "Some link values could not be used (see the note above). ", zh: "链接中有些数值无法使用（见上方说明）。"}) + status.textContent;
  return root;
}

