/**
 * Recursive-descent parser of the model language (grammar below; fixest syntax). Every error is one
 * line naming what was found and its 1-based character position, e.g.
 * `formula: unexpected ')' at character 18`.
 *
 *   model   := ('feols' | 'fepois') '(' formula args ')' | formula args
 *   args    := (',' ('data' '=' name | 'vcov' '=' vcov))*
 *   formula := atom '~' rhs ('|' fe ('+' fe)*)?
 *   rhs     := prod ('+' prod)*
 *   prod    := factor ((':' | '*') factor)*          a*b = a + b + a:b (fixest / R)
 *   factor  := name | 'log' '(' name ')' | 'l' '(' name ',' int ')' | 'i' '(' name (',' 'ref' '=' value)? ')'
 *   fe      := name ('^' name)*
 *   vcov    := "iid" | "hetero" | iid | hetero | '~' fe ('+' fe)* | "DK" | "NW" | "DK(L)" | "NW(L)" | (DK | NW) ('(' int ')')?
 */
import type {Atom, ModelAst, Term, VcovAst} from "./ast.js";
import {atomName, comboName, termName} from "./ast.js";
import {describeToken, formulaError, tokenize, type Token} from "./tokens.js";

const FUNCTIONS = ["log", "l", "i"];
const MAX_LAG = 100;

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.at];
  }
  next(): Token {
    const t = this.tokens[this.at];
    if (t.kind !== "end") this.at++;
    return t;
  }
  isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === "op" && t.text === text;
  }
  unexpected(t: Token = this.peek(), expected?: string): never {
    throw formulaError(`unexpected ${describeToken(t)}${expected ? ` (expected ${expected})` : ""}`, t.pos);
  }
  expectOp(text: string, what?: string): Token {
    if (!this.isOp(text)) this.unexpected(this.peek(), what ?? `'${text}'`);
    return this.next();
  }
  name(what: string): Token {
    const t = this.peek();
    if (t.kind !== "name") this.unexpected(t, what);
    return this.next();
  }

  model(): ModelAst {
    const first = this.peek();
    const second = this.tokens[this.at + 1];
    let wrapped = false;
    let estimator: "ols" | "ppml" = "ols";
    if (first.kind === "name" && second?.kind === "op" && second.text === "(" && !FUNCTIONS.includes(first.text)) {
      if (first.text !== "feols" && first.text !== "fepois") throw formulaError(`unknown estimator '${first.text}' (feols or fepois)`, first.pos);
      if (first.text === "fepois") estimator = "ppml";
      this.next();
      this.next();
      wrapped = true;
    }
    const f = this.formula();
    let data: string | null = null;
    let vcov: VcovAst | null = null;
    while (this.isOp(",")) {
      this.next();
      const key = this.name("an argument name (data or vcov)");
      this.expectOp("=", `'=' after ${key.text}`);
      if (key.text === "data") {
        if (data !== null) throw formulaError("argument 'data' given twice", key.pos);
        data = this.name("a table name after 'data ='").text;
      } else if (key.text === "vcov") {
        if (vcov !== null) throw formulaError("argument 'vcov' given twice", key.pos);
        vcov = this.vcov();
      } else {
        throw formulaError(`unknown argument '${key.text}' (allowed: data, vcov)`, key.pos);
      }
    }
    if (wrapped) this.expectOp(")", "',' or ')'");
    const end = this.peek();
    if (end.kind !== "end") this.unexpected(end);
    return {...f, data, vcov, text: "", ...(estimator === "ppml" ? {estimator} : {})};
  }

  formula(): Omit<ModelAst, "data" | "vcov" | "text"> {
    if (this.isOp("~")) throw formulaError("missing dependent variable before '~'", this.peek().pos);
    const y = this.atom();
    this.expectOp("~", "'~'");
    const terms: Term[] = [];
    const seen = new Map<string, number>();
    const add = (t: Term, pos: number) => {
      const key = t.kind === "i" ? `i(${t.name})` : termName(t);
      if (seen.has(key)) throw formulaError(`term '${key}' appears twice`, pos);
      seen.set(key, pos);
      terms.push(t);
    };
    for (;;) {
      const pos = this.peek().pos;
      for (const t of this.product()) add(t, pos);
      if (!this.isOp("+")) break;
      this.next();
    }
    const fe: string[][] = [];
    if (this.isOp("|")) {
      this.next();
      const seenFe = new Set<string>();
      for (;;) {
        const pos = this.peek().pos;
        const combo = this.combo();
        const key = comboName(combo);
        if (seenFe.has(key)) throw formulaError(`fixed effect '${key}' appears twice`, pos);
        seenFe.add(key);
        fe.push(combo);
        if (!this.isOp("+")) break;
        this.next();
      }
    }
    const yName = atomName(y);
    for (const t of terms) {
      if (t.kind !== "i" && termName(t) === yName) throw formulaError(`the dependent variable '${yName}' is also a regressor`, seen.get(yName)!);
    }
    return {y, terms, fe};
  }

  /** `a:b:c`, or `a*b` expanded to a + b + a:b (in that order, as R's model.matrix). */
  product(): Term[] {
    const start = this.peek();
    const first = this.factor();
    const factors: Term[] = [first];
    let star = false;
    while (this.isOp(":") || this.isOp("*")) {
      const op = this.next();
      if (op.text === "*") star = true;
      factors.push(this.factor());
    }
    if (factors.length === 1) return [first];
    const atoms = factors.map((f, j) => {
      if (f.kind !== "atom") throw formulaError("i() cannot be part of an interaction (write the interaction of numeric columns)", j === 0 ? start.pos : start.pos);
      return f.atom;
    });
    const product: Term = {kind: "product", parts: atoms};
    if (!star) return [product];
    if (atoms.length !== 2) throw formulaError("'*' is supported between two terms only", start.pos);
    return [factors[0], factors[1], product];
  }

  factor(): Term {
    const t = this.peek();
    if (t.kind === "name" && t.text === "i" && this.tokens[this.at + 1]?.text === "(") {
      this.next();
      this.next();
      const v = this.name("a column name inside i()");
      let ref: string | number | null = null;
      if (this.isOp(",")) {
        this.next();
        const key = this.name("'ref'");
        if (key.text !== "ref") throw formulaError(`unknown argument '${key.text}' of i() (allowed: ref)`, key.pos);
        this.expectOp("=");
        const val = this.next();
        if (val.kind === "number") ref = Number(val.text);
        else if (val.kind === "string" || val.kind === "name") ref = val.text;
        else this.unexpected(val, "a reference level");
      }
      this.expectOp(")", "')'");
      return {kind: "i", name: v.text, ref};
    }
    return {kind: "atom", atom: this.atom()};
  }

  atom(): Atom {
    const t = this.peek();
    if (t.kind !== "name") this.unexpected(t, "a column name");
    this.next();
    const call = this.isOp("(");
    if (!call) return {kind: "col", name: t.text};
    if (t.text === "log") {
      this.next();
      const v = this.name("a column name inside log()");
      this.expectOp(")", "')'");
      return {kind: "log", name: v.text};
    }
    if (t.text === "l") {
      this.next();
      const v = this.name("a column name inside l()");
      this.expectOp(",", "',' and the lag order, e.g. l(x, 1)");
      const k = this.next();
      const n = Number(k.text);
      if (k.kind !== "number" || !Number.isInteger(n) || n < 1 || n > MAX_LAG) {
        throw formulaError(`the lag order must be an integer from 1 to ${MAX_LAG}, got ${describeToken(k)}`, k.pos);
      }
      this.expectOp(")", "')'");
      return {kind: "lag", name: v.text, k: n, label: `l(${v.text},${n})`};
    }
    if (t.text === "i") throw formulaError("i() is a regressor of its own: it cannot be transformed or be the dependent variable", t.pos);
    throw formulaError(`unknown function '${t.text}' (allowed: log, l, i)`, t.pos);
  }

  combo(): string[] {
    const parts = [this.name("a fixed-effect column").text];
    while (this.isOp("^")) {
      this.next();
      parts.push(this.name("a column after '^'").text);
    }
    return parts;
  }

  vcov(): VcovAst {
    const t = this.peek();
    if (t.kind === "string" || t.kind === "name") {
      this.next();
      const v = t.text.toLowerCase();
      if (v === "iid") return {type: "iid"};
      if (v === "hetero" || v === "hc1") return {type: "hetero"};
      // fixest's panel HAC names: "DK", "NW", "DK(2)" (string) or DK(2) / NW (bare).
      const hac = /^(dk|nw|driscoll_kraay|newey_west)(?:\((\d+)\))?$/.exec(v);
      if (hac) {
        const type = hac[1] === "dk" || hac[1] === "driscoll_kraay" ? "driscoll_kraay" : "newey_west";
        let lag = hac[2] === undefined ? undefined : Number(hac[2]);
        if (t.kind === "name" && this.isOp("(")) {
          this.next();
          const num = this.peek();
          if (num.kind !== "number" || !/^\d+$/.test(num.text)) this.unexpected(num, "a whole-number lag");
          this.next();
          lag = Number(num.text);
          this.expectOp(")", "')' after the lag");
        }
        if (lag !== undefined && lag < 1) throw formulaError(`the ${type === "driscoll_kraay" ? "DK" : "NW"} lag must be >= 1`, t.pos);
        return lag === undefined ? {type} : {type, lag};
      }
      throw formulaError(`unknown vcov ${describeToken(t)} (allowed: "iid", "hetero", ~cluster, "DK", "NW", DK(2), NW(1))`, t.pos);
    }
    this.expectOp("~", `"iid", "hetero" or ~cluster`);
    const cluster: string[][] = [];
    for (;;) {
      cluster.push(this.combo());
      if (!this.isOp("+")) break;
      this.next();
    }
    if (cluster.length > 4) throw formulaError("at most 4 clustering dimensions are supported", t.pos);
    return {type: "cluster", cluster};
  }
}

/** Canonical text of a model (one space around operators), used as its label in tables and exports. */
export function modelText(m: Omit<ModelAst, "text">): string {
  const rhs = m.terms
    .map((t) => (t.kind === "i" ? `i(${t.name}${t.ref === null ? "" : `, ref = ${JSON.stringify(t.ref)}`})` : termName(t)))
    .join(" + ");
  const fe = m.fe.length > 0 ? " | " + m.fe.map(comboName).join(" + ") : "";
  return `${atomName(m.y)} ~ ${rhs}${fe}`;
}

/** The vcov as fixest syntax: `"iid"`, `"hetero"`, `~c1 + c2`, `"DK"`, `NW(1)`. */
export function vcovText(v: VcovAst | null): string | null {
  if (v === null) return null;
  if (v.type === "cluster") return "~" + v.cluster.map(comboName).join(" + ");
  if (v.type === "driscoll_kraay" || v.type === "newey_west") {
    const name = v.type === "driscoll_kraay" ? "DK" : "NW";
    return v.lag === undefined ? JSON.stringify(name) : `${name}(${v.lag})`;
  }
  return JSON.stringify(v.type);
}

/**
 * Parses a model: `feols(y ~ x | fe, data = q1, vcov = ~c)` or the bare formula with optional
 * `, data = ...` / `, vcov = ...`. Throws a one-line UserError with the character position.
 * Example: `parseModel("y ~ x + log(z) | country")`.
 */
export function parseModel(text: string): ModelAst {
  if (typeof text !== "string" || text.trim() === "") throw formulaError("empty formula", 1);
  const m = new Parser(tokenize(text)).model();
  return {...m, text: modelText(m)};
}

/** Parses a vcov on its own (the CLI's `--vcov "~c1 + c2"`, `--vcov hetero`). */
export function parseVcov(text: string): VcovAst {
  const p = new Parser(tokenize(text));
  const v = p.vcov();
  const end = p.peek();
  if (end.kind !== "end") p.unexpected(end);
  return v;
}
