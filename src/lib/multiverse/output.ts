/**
 * The multiverse as records (OUT.json of `dtb multiverse`, the page's CSV and JSON downloads): one record per
 * specification with its complete `dtb estimate` spec, the key term and its numbers, and the reason when it
 * failed. Shared by the CLI and the page, so both write the same files.
 */
import {csvCell} from "../csv/write.js";
import type {Spec} from "../engine/types.js";
import type {BatchResult} from "./batch.js";
import {optionLabels, specOf, type Combos, type Grid} from "./grid.js";

export interface SpecRecord {
  spec: Spec;
  key_term: string;
  coef: number | null;
  se: number | null;
  tstat: number | null;
  pvalue: number | null;
  nobs: number | null;
  ok: boolean;
  error: string | null;
  notes: string | null;
  /** GMM only: AR(2) p-value, Hansen J p-value, number of instruments. */
  ar2_p?: number | null;
  hansen_p?: number | null;
  n_instruments?: number | null;
}

const num = (v: number) => (Number.isFinite(v) ? v : null);

/** Record of specification i. */
export function record(g: Grid, c: Combos, r: BatchResult, i: number): SpecRecord {
  const {spec, keyTerm} = specOf(g, c, i);
  const ok = r.ok[i] === 1;
  const note = r.notes.get(i) ?? null;
  const rec: SpecRecord = {
    spec,
    key_term: keyTerm,
    coef: ok ? num(r.coef[i]) : null,
    se: ok ? num(r.se[i]) : null,
    tstat: ok ? num(r.tstat[i]) : null,
    pvalue: ok ? num(r.pvalue[i]) : null,
    nobs: ok ? r.nobs[i] : null,
    ok,
    error: ok ? null : note ?? "not estimated",
    notes: ok ? note : null
  };
  const gm = r.gmm.get(i);
  if (gm) Object.assign(rec, {ar2_p: num(gm.ar2_p), hansen_p: num(gm.hansen_p), n_instruments: num(gm.n_instruments)});
  return rec;
}


/**
 * CSV: one row per specification, the choices as columns (y, key, lag, controls, fe, vcov, sample,
 * estimator), then key_term, coef, se, tstat, pvalue, nobs, ok, error, and the spec as JSON; with `ident` (the page,
 * issue 24) also changing_partners (partners whose key term moves in the estimation sample) and defensible (0/1).
 */
export function toCsv(g: Grid, c: Combos, r: BatchResult, which?: ArrayLike<number>, ident?: {changers: ArrayLike<number>; defensible: ArrayLike<number>}): string {
  const labels = optionLabels(g);
  const head = ["y", "key", "lag", "controls", "fe", "vcov", "sample", "estimator", "key_term", "coef", "se", "tstat", "pvalue", "nobs", "ok", "error", "spec", ...(ident ? ["changing_partners", "defensible"] : [])];
  const lines = [head.join(",")];
  const idx = which ?? Array.from({length: c.n}, (_, i) => i);
  for (let a = 0; a < idx.length; a++) {
    const i = idx[a];
    const rec = record(g, c, r, i);
    lines.push(
      [
        labels.y[c.idx.y[i]],
        labels.key[c.idx.key[i]],
        g.lags[c.idx.lag[i]],
        labels.controls[c.idx.controls[i]],
        labels.fe[c.idx.fe[i]],
        labels.vcov[c.idx.vcov[i]],
        labels.sample[c.idx.sample[i]],
        g.estimators[c.idx.estimator[i]],
        rec.key_term,
        rec.coef,
        rec.se,
        rec.tstat,
        rec.pvalue,
        rec.nobs,
        rec.ok,
        rec.error ?? rec.notes,
        JSON.stringify(rec.spec),
        ...(ident ? [ident.changers[i], ident.defensible[i]] : [])
      ]
        .map(csvCell)
        .join(",")
    );
  }
  return lines.join("\n") + "\n";
}
