/**
 * The parsed model (what `parseModel` returns). Term names follow fixest's coefficient names:
 * `x`, `log(x)`, `l(x,1)` (engine spelling `L.x` / `L2.x` is kept as written), `x1:x2`, and for
 * `i(g)` one coefficient per level but the reference, named `g::level`.
 */

/** A numeric building block: a column, its logarithm, or its lag k within the panel id. */
export type Atom =
  | {kind: "col"; name: string}
  | {kind: "log"; name: string}
  | {kind: "lag"; name: string; k: number; /** as written: "l(x,1)" or "L.x" */ label: string};

/** One right-hand-side term. `i` expands to several coefficients. */
export type Term =
  | {kind: "atom"; atom: Atom}
  | {kind: "product"; parts: Atom[]}
  | {kind: "i"; name: string; ref: string | number | null};

export type VcovAst =
  | {type: "iid"}
  | {type: "hetero"}
  | {type: "cluster"; cluster: string[][]}
  /** fixest's "DK" / "NW" (panel HAC; lag default floor(T^(1/4))), e.g. `vcov = "DK"`, `vcov = NW(1)`. */
  | {type: "driscoll_kraay" | "newey_west"; lag?: number};

export interface ModelAst {
  /** The dependent variable (a column or its log). */
  y: Atom;
  terms: Term[];
  /** Fixed effects; each is one column or a combination `a^b` (list of columns). */
  fe: string[][];
  vcov: VcovAst | null;
  /** `data = name` (notebook: the table the model reads), or null. */
  data: string | null;
  /** The model as written (canonical spacing), for tables and exports. */
  text: string;
  /** `fepois(...)`: Poisson PPML (engine estimator "ppml"); absent or "ols" for `feols(...)` and a bare formula. */
  estimator?: "ols" | "ppml";
}

/** fixest's name of an atom: `x`, `log(x)`, `l(x,1)` / `L.x`. */
export function atomName(a: Atom): string {
  if (a.kind === "col") return a.name;
  if (a.kind === "log") return `log(${a.name})`;
  return a.label;
}

/** fixest's name of a non-`i` term, e.g. `x1:log(x2)`. */
export function termName(t: Exclude<Term, {kind: "i"}>): string {
  return t.kind === "atom" ? atomName(t.atom) : t.parts.map(atomName).join(":");
}

/** Name of a fixed effect or cluster combination: `fe1^fe2`. */
export function comboName(parts: string[]): string {
  return parts.join("^");
}
