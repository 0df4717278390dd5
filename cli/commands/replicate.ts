/**
 * `dtb replicate --out FILE [--se cluster|hetero|iid]`: estimate every model of the study's Tables 4-7 on the
 * open panel and write one JSON file:
 *
 *   {generated, panel: {rows, columns, years, outcomes, regions, sources, customs},
 *    models: [{id, table, label, paper_id, outcome, spec, result} | {..., spec, error}]}
 *
 * One model set per outcome in the panel: always lnexport_cn (China, open data), plus lnexport_<region> for
 * every customs region supplied (data/customs). `spec` is exactly what `dtb estimate --spec` takes and
 * `result` is what `dtb estimate` prints for it on `dtb panel --out p.csv` (timings aside), so every number
 * can be re-run. A model the engine cannot estimate (e.g. GMM) gets `error` instead of `result`; the other
 * models are still written.
 */
import {resolve} from "node:path";
import {buildPanel} from "../../loaders/build.ts";
import {writeFileAtomic} from "../../loaders/cache.ts";
import {outcomesIn, runOne, SE_TYPES, vcovFor, type SeType} from "../../src/lib/replication/compute.ts";
import {replicationModels} from "../../src/lib/replication/models.ts";
import {UserError} from "../../src/lib/errors.ts";

const USAGE = "usage: dtb replicate --out FILE.json [--se cluster|hetero|iid]";

export function parseReplicateArgs(args: string[]): {out: string; se: SeType} {
  let out: string | undefined;
  let se: SeType = "cluster";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--(out|se)(?:=(.*))?$/.exec(a);
    if (!m) throw new UserError(`unknown argument "${a}" (${USAGE})`);
    const value = m[2] ?? args[++i];
    if (!value) throw new UserError(`--${m[1]} needs a value (${USAGE})`);
    if (m[1] === "out") out = value;
    else if ((SE_TYPES as string[]).includes(value)) se = value as SeType;
    else throw new UserError(`--se must be one of ${SE_TYPES.join(", ")}, not "${value}"`);
  }
  if (!out) throw new UserError(`missing --out FILE (${USAGE})`);
  return {out, se};
}

export async function run(args: string[]): Promise<void> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE + "\n");
    return;
  }
  const {out, se} = parseReplicateArgs(args);
  const started = performance.now();
  const built = await buildPanel();
  const columns = Object.keys(built.frame.columns);
  const outcomes = outcomesIn(columns);
  const models = [];
  let failed = 0;
  for (const outcome of outcomes) {
    for (const model of replicationModels(outcome, vcovFor(se), built.frame)) {
      const r = runOne(built.frame, model);
      const head = {id: model.id, table: model.table, label: model.label, paper_id: model.paper_id, outcome: outcome.column, spec: model.spec};
      if (r.error !== null) failed++;
      models.push(r.error === null ? {...head, result: r.result} : {...head, error: r.error});
    }
  }
  const doc = {
    generated: new Date().toISOString(),
    panel: {
      rows: built.frame.nrows,
      columns,
      years: built.years,
      outcomes: outcomes.map((o) => o.column),
      regions: built.regions,
      sources: built.sources,
      customs: built.customs
    },
    se,
    models
  };
  // JSON.stringify writes NaN as null, as `dtb estimate` does.
  try {
    writeFileAtomic(resolve(out), JSON.stringify(doc, null, 2) + "\n");
  } catch (e) {
    throw new UserError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  process.stderr.write(
    `dtb replicate: wrote ${out} (${models.length} models for ${outcomes.map((o) => o.column).join(", ")}; ` +
      `${failed} could not be estimated; ${se} SE) in ${Math.round(performance.now() - started)} ms\n`
  );
}
