/**
 * `dtb event-study --data FILE --spec SPEC --term dstri --leads 3 --lags 2 [--leave-one-out]`: the event study of
 * src/lib/engine/event-study.ts (distributed lags with binned endpoints, Schmidheiny & Siegloch 2023) printed as
 * JSON: event_time, coef, se, ci95 (reference -1 at 0), the pre-trend test and the underlying model. SPEC is the
 * model without the treatment (its x are the controls, possibly []); its fe must include its id.
 * Every input problem is one line and exit code 1 (cli/main.ts).
 */
import {readerFor, readTable} from "../../loaders/read-table.ts";
import {UserError} from "../../src/lib/errors.ts";
import {numericColumnsOfSpec, requireNumeric} from "../../src/lib/table/numeric.ts";
import {formatJson, readSpec} from "./estimate.ts";

const USAGE = "usage: dtb event-study --data FILE --spec SPEC.json|'{...}' --term COLUMN --leads F --lags L [--leave-one-out]";

interface Options {
  data: string;
  spec: string;
  term: string;
  leads: number;
  lags: number;
  leaveOneOut: boolean;
}

function wholeNumber(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UserError(`--${name} must be a whole number; got "${text}"`);
  return Number(text);
}

export function parseArgs(args: string[]): Options | null {
  const values: Record<string, string> = {};
  let leaveOneOut = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") return null;
    if (arg === "--leave-one-out") {
      leaveOneOut = true;
      continue;
    }
    const m = /^--(data|spec|term|leads|lags)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new UserError(`${arg.startsWith("-") ? "unknown option" : "unexpected argument"} "${arg}" (${USAGE})`);
    const value = m[2] ?? args[++i];
    if (value === undefined) throw new UserError(`option --${m[1]} needs a value (${USAGE})`);
    values[m[1]] = value;
  }
  for (const k of ["data", "spec", "term", "leads", "lags"]) if (!values[k]) throw new UserError(`missing --${k} (${USAGE})`);
  return {data: values.data, spec: values.spec, term: values.term, leads: wholeNumber("leads", values.leads), lags: wholeNumber("lags", values.lags), leaveOneOut};
}

export async function run(args: string[]): Promise<void> {
  const options = parseArgs(args);
  if (!options) {
    process.stdout.write(USAGE + "\n");
    return;
  }
  const spec = await readSpec(options.spec);
  const reader = await readerFor(options.data);
  const {eventStudy} = await import("../../src/lib/engine/event-study.ts");
  const table = await readTable(options.data, reader);
  requireNumeric(table, [...numericColumnsOfSpec(spec), options.term]);
  const es = eventStudy(table.frame, spec, {term: options.term, leads: options.leads, lags: options.lags, leave_one_out: options.leaveOneOut});
  const {model, ...rest} = es;
  process.stdout.write(formatJson({...rest, model: {terms: model.terms, coef: model.coef, se: model.se, nobs: model.nobs, n_groups: model.n_groups, df_t: model.df_t, notes: model.notes}}) + "\n");
}
