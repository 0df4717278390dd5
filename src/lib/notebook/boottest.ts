/**
 * The wild cluster bootstrap in a model cell, written as an R user writes it with fwildclusterboot:
 *
 *   boottest(m1, param = "dstri", clustid = ~iso3, B = 9999, type = "rademacher", seed = 1)
 *
 * `m1` is the cell's first model line (`m2` the second, ...: the table's columns (1), (2)); `param` names one of its
 * coefficients as fixest names it (`"dstri"`, `"l(dstri, 1)"`); `clustid` one cluster column (`~iso3` or `"iso3"`);
 * `B` the draws (99 to 1,000,000; default 9,999); `type` `"rademacher"` (default) or `"webb"`; `seed` a whole number
 * (default 1). `fwildclusterboot::boottest(...)` is accepted as well. The engine runs the restricted (null imposed)
 * bootstrap-t of `spec.bootstrap` (src/lib/engine/wild-bootstrap.ts, fwildclusterboot's default WCR, two-tailed);
 * with Rademacher weights and at most 12 clusters every sign vector is enumerated, as boottest does. For OLS only.
 * Every error is one line naming the argument and its character position.
 */
import {UserError} from "../errors.js";
import {describeToken, formulaError, tokenize, type Token} from "../formula/tokens.js";

export interface BoottestAst {
  /** 1-based number of the cell's model line it tests (`m1` -> 1). */
  model: number;
  /** The coefficient as written (compared without spaces with the model's term names). */
  param: string;
  clustid: string;
  B: number;
  type: "rademacher" | "webb";
  seed: number;
}

const PREFIX = /^\s*(?:fwildclusterboot\s*::\s*)?boottest\s*\(/;

/** True for a model cell's line that is a boottest(...) call rather than a model. */
export const isBoottestLine = (line: string): boolean => PREFIX.test(line);

const ARGS = ["param", "clustid", "B", "type", "seed"];

/** Parses one `boottest(...)` line. Example: `parseBoottest('boottest(m1, param = "dstri", clustid = ~iso3)')`. */
export function parseBoottest(line: string): BoottestAst {
  const m = PREFIX.exec(line);
  if (!m) throw new UserError("boottest: a line must start with boottest(");
  // Positions stay those of the line as written: the prefix becomes spaces and '('.
  const toks = tokenize(" ".repeat(m[0].length - 1) + "(" + line.slice(m[0].length));
  let at = 0;
  const peek = () => toks[at];
  const next = () => toks[at < toks.length - 1 ? at++ : at];
  const isOp = (t: Token, s: string) => t.kind === "op" && t.text === s;
  const expect = (s: string, what: string) => {
    const t = next();
    if (!isOp(t, s)) throw formulaError(`boottest: unexpected ${describeToken(t)} (expected ${what})`, t.pos);
  };
  expect("(", "'('");
  const obj = next();
  const mm = obj.kind === "name" ? /^m([1-9][0-9]{0,2})$/.exec(obj.text) : null;
  if (!mm) throw formulaError(`boottest: the first argument must be a model of this cell, m1, m2, ... (got ${describeToken(obj)})`, obj.pos);
  const seen = new Map<string, Token>();
  const values: Record<string, Token[]> = {};
  while (isOp(peek(), ",")) {
    next();
    const key = next();
    if (key.kind !== "name") throw formulaError(`boottest: unexpected ${describeToken(key)} (expected an argument name)`, key.pos);
    if (!ARGS.includes(key.text)) throw formulaError(`boottest: unknown argument '${key.text}' (allowed: ${ARGS.join(", ")})`, key.pos);
    if (seen.has(key.text)) throw formulaError(`boottest: argument '${key.text}' given twice`, key.pos);
    seen.set(key.text, key);
    expect("=", `'=' after ${key.text}`);
    const v: Token[] = [next()];
    if (isOp(v[0], "~")) v.push(next());
    values[key.text] = v;
  }
  expect(")", "',' or ')'");
  const end = peek();
  if (end.kind !== "end") throw formulaError(`boottest: unexpected ${describeToken(end)} after ')'`, end.pos);

  const one = (k: string): Token | undefined => values[k]?.[values[k].length - 1];
  const p = one("param");
  if (!p) throw new UserError('boottest: param is required (the coefficient to test, e.g. param = "dstri")');
  if (p.kind !== "string" && p.kind !== "name") throw formulaError(`boottest: param must be a coefficient name, got ${describeToken(p)}`, p.pos);
  const c = values.clustid;
  if (!c) throw new UserError("boottest: clustid is required (one cluster column, e.g. clustid = ~iso3)");
  const cv = c[c.length - 1];
  if (c.length === 2 ? cv.kind !== "name" : cv.kind !== "string" && cv.kind !== "name") throw formulaError(`boottest: clustid must be one column, ~name or "name", got ${describeToken(cv)}`, cv.pos);
  const whole = (k: string, lo: number, hi: number, dflt: number): number => {
    const t = one(k);
    if (!t) return dflt;
    const n = Number(t.text);
    if (t.kind !== "number" || !Number.isInteger(n) || n < lo || n > hi) throw formulaError(`boottest: ${k} must be a whole number from ${lo.toLocaleString("en-US")} to ${hi.toLocaleString("en-US")}, got ${describeToken(t)}`, t.pos);
    return n;
  };
  const B = whole("B", 99, 1_000_000, 9999);
  const seed = whole("seed", 0, 2_147_483_647, 1);
  const ty = one("type");
  let type: BoottestAst["type"] = "rademacher";
  if (ty) {
    if ((ty.kind !== "string" && ty.kind !== "name") || (ty.text !== "rademacher" && ty.text !== "webb")) throw formulaError(`boottest: type must be "rademacher" or "webb", got ${describeToken(ty)}`, ty.pos);
    type = ty.text;
  }
  return {model: Number(mm[1]), param: p.text, clustid: cv.text, B, type, seed};
}

/** The term of `terms` that `param` names (spaces and backticks ignored: fixest writes `l(x, 1)` and "`a b`", the engine `l(x,1)` and "a b"). */
export function boottestTerm(b: BoottestAst, terms: string[]): string {
  const key = (s: string) => s.replace(/[\s`]+/g, "");
  const hit = terms.find((t) => key(t) === key(b.param));
  if (hit === undefined) throw new UserError(`boottest: param "${b.param}" is not a coefficient of m${b.model} (${terms.join(", ")})`);
  return hit;
}
