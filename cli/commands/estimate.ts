/**
 * `dtb estimate --data FILE --spec SPEC` -- estimate one model and print the Result as JSON.
 * `dtb estimate --data FILE --formula "y ~ x + l(x,1) | fe1 + fe1^fe2" [--vcov "~c1"] [--id ID --time TIME]`
 * -- the same model written in fixest syntax (src/lib/formula), same JSON; terms named as fixest.
 * --id/--time declare the panel for lags (default iso3, year); --vcov overrides the formula's vcov (also fixest's
 * "DK", "DK(2)", "NW", "NW(1)": Driscoll-Kraay over --time, Newey-West within --id); --estimator ppml estimates
 * Poisson PPML (as `fepois(...)` in the formula).
 *
 * FILE: .csv, .parquet, .arrow/.feather/.ipc (src/lib/table). SPEC: a JSON file, or the JSON itself
 * when the argument starts with `{` (shell-quoted). Output keys, in this order: terms, coef, se,
 * tstat, pvalue, df_t, nobs, n_groups, r2, r2_within, vcov, notes, timing_ms {read, estimate},
 * then hansen, ar1, ar2, n_instruments (GMM), warnings ([{code, terms?, message, message_zh}], see
 * src/lib/engine/warnings.ts) and any other Result keys. NaN/±Inf print as null.
 * timing_ms.read = reading + parsing the data file; timing_ms.estimate = everything after the data
 * is in memory (numeric checks, sample construction, estimation).
 * Every input problem is a UserError: one line, exit code 1 (printed by cli/main.ts).
 */
import {readFile} from "node:fs/promises";
import {performance} from "node:perf_hooks";
import {readerFor, readTable} from "../../loaders/read-table.ts";
import type {Result, Spec} from "../../src/lib/engine/types.ts";
import {UserError} from "../../src/lib/errors.ts";
import {parseJsonStrict} from "../../src/lib/json/strict.ts";
import {numericColumnsOfSpec, requireNumeric} from "../../src/lib/table/numeric.ts";

const USAGE = "usage: dtb estimate --data FILE (--spec SPEC.json|'{...}' | --formula \"y ~ x | fe\" [--estimator ols|ppml] [--vcov ~c1|hetero|DK|DK(2)|NW|NW(1)] [--id ID --time TIME])";
const FIRST_KEYS = ["terms", "coef", "se", "tstat", "pvalue", "df_t", "nobs", "n_groups", "r2", "r2_within", "vcov", "notes"];
const GMM_KEYS = ["hansen", "ar1", "ar2", "n_instruments", "warnings"];

export async function run(args: string[]): Promise<void> {
  const options = parseArgs(args);
  if (options.help) {
    process.stdout.write(USAGE + "\n");
    return;
  }
  const formula = options.formula ? await formulaInput(options) : null;
  const spec = formula ? null : await readSpec(options.spec);
  // Modules are loaded before the clock starts: the timings measure work on the data only.
  const reader = await readerFor(options.data);
  const {estimate} = await import("../../src/lib/engine/estimate.ts");

  const t0 = performance.now();
  // A formula reads only the columns it names (no time or memory spent on the others); if a name is not
  // in the file, the model is run again on every column so that the error lists them all.
  const columns = formula ? namesIn([options.formula, options.vcov, options.id || "iso3", options.time || "year"]) : undefined;
  let table = await readTable(options.data, reader, {columns});
  let t1 = performance.now();
  let result: Result;
  if (formula) {
    const run = () => {
      requireNumeric(table, formula.numeric);
      const compiled = formula.compile(table.frame);
      return estimate(compiled.frame, compiled.spec);
    };
    try {
      result = run();
    } catch (error) {
      if (!(error instanceof UserError && / not found in the data; available columns/.test(error.message))) throw error;
      table = await readTable(options.data, reader);
      t1 = performance.now();
      result = run();
    }
  } else {
    requireNumeric(table, numericColumnsOfSpec(spec!));
    result = estimate(table.frame, spec!);
  }
  const t2 = performance.now();

  const output = orderResult(result, {read: round3(t1 - t0), estimate: round3(t2 - t1)});
  process.stdout.write(formatJson(output) + "\n");
}

/**
 * Every name a formula could use as a column: identifiers (dots and underscores included, as R's) and
 * `backquoted` names. Function names (log, i, l, sw, ...) come along too; the reader keeps those the file has.
 * @example namesIn(["y ~ log(x) | `firm id`"]) // ["y", "log", "x", "firm id"]
 */
export function namesIn(texts: string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/`([^`]*)`|([A-Za-z_.][A-Za-z0-9_.]*)/g)) names.add(m[1] ?? m[2]);
  }
  return [...names];
}

interface Options {
  data: string;
  spec: string;
  formula: string;
  vcov: string;
  id: string;
  time: string;
  estimator: string;
  help: boolean;
}

/** Parses `--formula` (and `--vcov`) before any data is read, so syntax errors come first. */
async function formulaInput(options: Options) {
  const {parseModel, parseVcov} = await import("../../src/lib/formula/parse.ts");
  const {compileModel} = await import("../../src/lib/formula/compile.ts");
  const {numericColumnsOfModel} = await import("../../src/lib/formula/columns.ts");
  const parsed = parseModel(options.formula);
  if (options.estimator && options.estimator !== "ols" && options.estimator !== "ppml") throw new UserError(`--estimator must be ols or ppml; got "${options.estimator}"`);
  if (options.estimator === "ols" && parsed.estimator === "ppml") throw new UserError("--estimator ols contradicts fepois(...) in --formula");
  const model = options.estimator === "ppml" ? {...parsed, estimator: "ppml" as const} : parsed;
  if (model.data !== null) throw new UserError(`--formula: 'data = ${model.data}' is for notebooks; the CLI reads --data FILE`);
  const vcov = options.vcov ? parseVcov(options.vcov) : null;
  const panel = {id: options.id || "iso3", time: options.time || "year"};
  return {
    numeric: numericColumnsOfModel(model, panel),
    compile: (frame: import("../../src/lib/engine/types.ts").Frame) => compileModel(model, frame, panel, vcov)
  };
}

/**
 * `--data FILE --spec SPEC` (also `--data=FILE`), in any order, each once.
 * @example parseArgs(["--data", "p.csv", "--spec={}"]) // {data: "p.csv", spec: "{}", help: false}
 */
function parseArgs(args: string[]): Options {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") return {data: "", spec: "", formula: "", vcov: "", id: "", time: "", estimator: "", help: true};
    const m = /^--(data|spec|formula|vcov|id|time|estimator)(?:=(.*))?$/s.exec(arg);
    if (!m) {
      if (arg.startsWith("-")) throw new UserError(`unknown option "${arg}" (${USAGE})`);
      throw new UserError(`unexpected argument "${arg}" (${USAGE})`);
    }
    const name = m[1];
    let value = m[2];
    if (value === undefined) {
      value = args[++i];
      if (value === undefined) throw new UserError(`option --${name} needs a value (${USAGE})`);
    }
    if (name in values) throw new UserError(`option --${name} given twice`);
    values[name] = value;
  }
  if (!values.data) throw new UserError(`missing --data FILE (${USAGE})`);
  if (values.spec !== undefined && values.formula !== undefined) throw new UserError("give either --spec or --formula, not both");
  if (!values.spec && !values.formula) throw new UserError(`missing --spec SPEC or --formula FORMULA (${USAGE})`);
  for (const name of ["vcov", "id", "time", "estimator"]) {
    if (values[name] !== undefined && values.formula === undefined) throw new UserError(`option --${name} goes with --formula (a --spec names its own ${name})`);
  }
  return {data: values.data, spec: values.spec ?? "", formula: values.formula ?? "", vcov: values.vcov ?? "", id: values.id ?? "", time: values.time ?? "", estimator: values.estimator ?? "", help: false};
}

/** Reads the spec (inline JSON if it starts with `{`, else a file) and checks it is a JSON object. */
export async function readSpec(arg: string): Promise<Spec> {
  const inline = arg.trimStart().startsWith("{");
  const label = inline ? "inline spec" : `spec file ${arg}`;
  let text = arg;
  if (!inline) {
    try {
      text = await readFile(arg, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new UserError(`${label}: no such file`);
      if (code === "EISDIR") throw new UserError(`${label}: is a directory, not a JSON file`);
      throw new UserError(`${label}: cannot read the file (${code ?? String(error)})`);
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  // Strict JSON (src/lib/json/strict.ts): repeated keys and too-deep nesting are refused with line and column.
  const spec = parseJsonStrict(text, label);
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new UserError(`${label}: the spec must be a JSON object like {"id": ..., "time": ..., "y": ..., "x": [...]}`);
  }
  return spec as Spec;
}

/** The Result with the documented key order and the timings inserted after `notes`. */
function orderResult(result: Result, timing: {read: number; estimate: number}): Record<string, unknown> {
  const source = result as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of FIRST_KEYS) out[key] = source[key] ?? null;
  out.timing_ms = timing;
  for (const key of GMM_KEYS) if (source[key] !== undefined) out[key] = source[key];
  for (const [key, value] of Object.entries(source)) if (!(key in out)) out[key] = value;
  return out;
}

/**
 * JSON with 2-space indentation, but arrays of numbers/strings on one line (so a vcov matrix
 * reads as one row per line). Same values as JSON.stringify (NaN/±Inf -> null, 17 significant
 * digits where needed).
 * @example formatJson({a: [1, 2], b: {c: null}}) // '{\n  "a": [1, 2],\n  "b": {\n    "c": null\n  }\n}'
 */
export function formatJson(value: unknown, indent = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) return "[" + value.map((v) => JSON.stringify(v) ?? "null").join(", ") + "]";
    return "[\n" + value.map((v) => inner + formatJson(v, inner)).join(",\n") + "\n" + indent + "]";
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return "{\n" + entries.map(([k, v]) => inner + JSON.stringify(k) + ": " + formatJson(v, inner)).join(",\n") + "\n" + indent + "}";
}

function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
