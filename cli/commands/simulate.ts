/**
 * `dtb simulate --lab fe|cluster|nickell|gravity --reps R --seed S [--param NAME=VALUE ...] --out OUT.json`: the
 * classroom's Monte Carlo (src/lib/simulate) in one thread; the same numbers as the page for the same seed,
 * lab and parameters. OUT.json = {lab, params, reps, seed, truth, estimators: {NAME: {mean, bias, sd, rmse,
 * mc_se, coverage?, rejection_rate?, n_ok, failed, failed_reasons?}}}; written atomically; a summary line goes to stderr.
 */
import {resolve} from "node:path";
import {writeFileAtomic} from "../../loaders/cache.js";
import {UserError} from "../../src/lib/errors.js";
import {labDef, parseParams, parseReps, parseSeed, runLab, type LabName} from "../../src/lib/simulate/index.js";
import {infeasible} from "../../src/lib/simulate/feasible.js";

const USAGE = "usage: dtb simulate --lab fe|cluster|nickell|gravity --reps R --seed S [--param NAME=VALUE ...] --out OUT.json";

export interface SimulateArgs {
  lab: LabName;
  reps: number;
  seed: number;
  params: Record<string, number>;
  out: string;
}

/** Parses the arguments; every problem is a one-line UserError. */
export function parseSimulateArgs(args: string[]): SimulateArgs {
  const raw: Record<string, string> = {};
  const given: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    let value: string | undefined;
    const eq = a.indexOf("=");
    if (a.startsWith("--") && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (!["--lab", "--reps", "--seed", "--param", "--out"].includes(a)) throw new UserError(`unknown argument "${args[i]}" (${USAGE})`);
    if (value === undefined) {
      value = args[++i];
      if (value === undefined || value.startsWith("--")) throw new UserError(`${a} needs a value (${USAGE})`);
    }
    if (a === "--param") {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(value);
      if (!m) throw new UserError(`--param ${value}: expected NAME=VALUE`);
      if (m[1] in given) throw new UserError(`--param ${m[1]} is given twice`);
      given[m[1]] = m[2];
    } else {
      if (a in raw) throw new UserError(`${a} is given twice`);
      raw[a] = value;
    }
  }
  for (const need of ["--lab", "--reps", "--seed", "--out"]) if (!(need in raw)) throw new UserError(`missing ${need} (${USAGE})`);
  const lab = labDef(raw["--lab"]).name;
  if (!/\.json$/i.test(raw["--out"])) throw new UserError(`--out ${raw["--out"]}: the output is JSON, give a .json file name`);
  const params = parseParams(lab, given);
  const refused = infeasible(lab, params);
  if (refused) throw new UserError(`lab ${lab}: ${refused.en}`);
  return {lab, reps: parseReps(raw["--reps"]), seed: parseSeed(raw["--seed"]), params, out: raw["--out"]};
}

export async function run(args: string[]): Promise<void> {
  const a = parseSimulateArgs(args);
  const started = performance.now();
  const {result} = runLab(a.lab, a.params, a.reps, a.seed);
  const ms = performance.now() - started;
  try {
    writeFileAtomic(resolve(a.out), JSON.stringify(result, null, 2) + "\n");
  } catch (e) {
    throw new UserError(`cannot write ${a.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  process.stderr.write(`dtb simulate: lab ${a.lab}, ${a.reps} replications, seed ${a.seed} in ${Math.round(ms)} ms -> ${a.out}\n`);
}
