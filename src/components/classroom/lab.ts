/**
 * A Monte Carlo lab in the page: a slider per parameter (names as `dtb simulate --param`), replications and
 * seed, a progress bar, the summary table (with Monte Carlo standard errors) and the sampling distributions.
 * Replications run in Web Workers (src/workers/simulate.js, src/lib/worker/pool.ts) in chunks merged in
 * replication order, so the table equals `dtb simulate` for the same seed (the command is shown). Every
 * setting is in the URL. A change re-runs the lab (the previous run is cancelled).
 */
import {pick} from "../../lib/i18n.js";
import {LAB_DEFS, type LabName} from "../../lib/simulate/labs.js";
import {mergeDraws, summarizeLab, type LabDraws, type LabResult} from "../../lib/simulate/run.js";
import {readLabState, writeLabState, type LabState} from "../../lib/simulate/url-state.js";
import {createPool, type Pool} from "../../lib/worker/pool.js";
import type {SimulateTask} from "../../workers/simulate-entry.js";
import {samplingPlot} from "./lab-plot.js";
import {paramLabel} from "./labels.js";
import {resultsTable} from "./lab-table.js";

let pool: Pool | null = null;

const CLASS_RANGE: Record<string, [number, number]> = {N: [2, 200], T: [2, 20], beta: [-2, 2], corr: [-2, 2]};

function sliderRange(name: string, min: number, max: number, value: number): [number, number] {
  const [a, b] = CLASS_RANGE[name] ?? [min, max];
  return [Math.max(min, Math.min(a, value)), Math.min(max, Math.max(b, value))];
}

export interface LabOptions {
  workerUrl: string;
  /** Seed from the student box (overrides the URL's seed). */
  seed?: number;
  /** Theory line under the table, e.g. the analytic pooled bias for the current parameters. */
  theory?: (s: LabState) => string | null;
}

export function labPanel(lab: LabName, opts: LabOptions): HTMLElement & {value: LabResult | null} {
  const def = LAB_DEFS[lab];
  const state = readLabState(lab, location.search);
  if (opts.seed !== undefined) state.seed = opts.seed;
  const root = document.createElement("div") as unknown as HTMLElement & {value: LabResult | null};
  root.className = "cl-lab cl-main";
  root.value = null;
  root.setAttribute("data-testid", `lab-${lab}`);

  const form = document.createElement("form");
  form.className = "cl-controls";
  form.addEventListener("submit", (e) => e.preventDefault());
  const inputs: Record<string, HTMLInputElement> = {};
  for (const p of def.params) {
    const label = document.createElement("label");
    label.className = "cl-slider";
    const name = document.createElement("span");
    name.textContent = paramLabel(p.name);
    const input = document.createElement("input");
    input.type = "range";
    input.name = p.name;
    // Sliders span a classroom range; a typed URL (or the CLI) may go further, up to the lab's limits.
    const [lo, hi] = sliderRange(p.name, p.min, p.max, state.params[p.name]);
    input.min = String(lo);
    input.max = String(hi);
    input.step = String(p.step);
    input.value = String(state.params[p.name]);
    const out = document.createElement("output");
    out.textContent = input.value;
    input.addEventListener("input", () => {
      out.textContent = input.value;
    });
    input.addEventListener("change", () => schedule());
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
    input.addEventListener("change", () => schedule());
    label.append(span, input);
    form.append(label);
    return input;
  };
  const repsInput = num("reps", {en: "replications", zh: "重复次数"}, state.reps, 1, 100000);
  const seedInput = num("seed", {en: "seed", zh: "随机种子"}, state.seed, 0, 2 ** 53 - 1);
  if (opts.seed !== undefined) seedInput.readOnly = true;
  const run = document.createElement("button");
  run.type = "button";
  run.textContent = pick({en: "Run again", zh: "重新运行"});
  run.addEventListener("click", () => schedule(0));
  form.append(run);

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
  const tableBox = document.createElement("div");
  tableBox.className = "cl-table-box";
  const plotBox = document.createElement("div");
  root.append(form, progress, status, tableBox, theory, plotBox, command);

  const current = (): LabState => {
    const params: Record<string, number> = {};
    for (const p of def.params) params[p.name] = Number(inputs[p.name].value);
    const reps = Math.min(100000, Math.max(1, Math.round(Number(repsInput.value)) || def.defaultReps));
    const seed = Math.max(0, Math.round(Number(seedInput.value)) || 0);
    return {params, reps, seed, student: new URLSearchParams(location.search).get("student") ?? ""};
  };

  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = (delay = 250) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void execute(), delay);
  };

  const execute = async () => {
    controller?.abort();
    const ac = new AbortController();
    controller = ac;
    const s = current();
    history.replaceState(history.state, "", writeLabState(lab, location.search, s) + location.hash);
    pool ??= createPool({url: opts.workerUrl});
    const chunks = Math.min(pool.size, s.reps);
    const tasks: SimulateTask[] = [];
    for (let c = 0; c < chunks; c++) {
      tasks.push({lab, params: s.params, reps: s.reps, seed: s.seed, from: Math.floor((c * s.reps) / chunks), to: Math.floor(((c + 1) * s.reps) / chunks)});
    }
    root.dataset.state = "running";
    progress.value = 0;
    status.textContent = pick({en: "Running…", zh: "运行中……"});
    const t0 = performance.now();
    try {
      const parts = await pool.map<SimulateTask, {draws: LabDraws; ms: number}>(tasks, {
        signal: ac.signal,
        onProgress: (p) => {
          progress.value = p.total > 0 ? p.done / p.total : 0;
        }
      });
      const ms = performance.now() - t0;
      const draws = mergeDraws(parts.map((p) => p.draws));
      const result = summarizeLab(lab, s.params, s.reps, s.seed, draws);
      progress.value = 1;
      root.dataset.state = "done";
      root.dataset.elapsed = String(Math.round(ms));
      status.textContent = pick({
        en: `${s.reps} replications in ${(ms / 1000).toFixed(2)} s (seed ${s.seed}).`,
        zh: `${s.reps} 次重复，用时 ${(ms / 1000).toFixed(2)} 秒（随机种子 ${s.seed}）。`
      });
      tableBox.replaceChildren(resultsTable(result));
      const t = opts.theory?.(s) ?? null;
      theory.textContent = t ?? "";
      plotBox.replaceChildren(samplingPlot(result, draws, Math.min(760, Math.max(300, root.clientWidth || 640))));
      const args = Object.entries(s.params).map(([k, v]) => `--param ${k}=${v}`).join(" ");
      command.textContent = pick({en: "Same numbers from the command line: ", zh: "命令行中得到相同结果：" }) + `dtb simulate --lab ${lab} --reps ${s.reps} --seed ${s.seed} ${args} --out ${lab}.json`;
      root.value = result;
      root.dispatchEvent(new Event("input", {bubbles: true}));
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      root.dataset.state = "error";
      status.textContent = pick({en: "The simulation failed: ", zh: "模拟失败：" }) + (error as Error).message;
    }
  };
  schedule(0);
  return root;
}
