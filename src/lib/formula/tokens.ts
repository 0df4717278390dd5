/**
 * Tokenizer of the model language (fixest syntax: `feols(y ~ x1 + x1:x2 + log(x3) + l(x, 1) + i(g) |
 * fe1 + fe1^fe2, data = q1, vcov = ~c1)`). Every token carries its 1-based character position so
 * that every error can say where it is: `formula: unexpected ')' at character 18`.
 *
 * Names follow R: letters, digits, `_` and `.`, not starting with a digit (so `L.x` and `L2.x`, the
 * engine's lag names, are single names); `` `any text` `` quotes a column name with other characters.
 */
import {UserError} from "../errors.js";

export type TokenKind = "name" | "number" | "string" | "op" | "end";

export interface Token {
  kind: TokenKind;
  /** The name (without backticks), the number's text, the string's content, or the operator. */
  text: string;
  /** 1-based position of the token's first character in the input. */
  pos: number;
}

/** Single-character operators of the language. */
const OPS = new Set(["~", "+", "*", ":", "^", "|", "(", ")", ",", "="]);

/** The longest formula accepted (a notebook cell's model, not a program). */
export const MAX_FORMULA_LENGTH = 4000;

/** Describes a token for an error message: `')'`, `name 'x'`, `end of input`. */
export function describeToken(t: Token): string {
  if (t.kind === "end") return "end of input";
  if (t.kind === "name") return `'${t.text}'`;
  if (t.kind === "string") return `"${t.text}"`;
  return `'${t.text}'`;
}

/** `formula: <message> at character <pos>` as a UserError. */
export function formulaError(message: string, pos: number): UserError {
  return new UserError(`formula: ${message} at character ${pos}`);
}

/**
 * Splits `text` into tokens, ending with one `end` token.
 * Example: `tokenize("y ~ x")` -> name y @1, op ~ @3, name x @5, end @6.
 */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_FORMULA_LENGTH) throw new UserError(`formula: longer than ${MAX_FORMULA_LENGTH} characters`);
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const pos = i + 1;
    if (/[A-Za-z_.]/.test(c) && !(c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_.]/.test(text[j])) j++;
      out.push({kind: "name", text: text.slice(i, j), pos});
      i = j;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i))!;
      out.push({kind: "number", text: m[0], pos});
      i += m[0].length;
    } else if (c === "`" || c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw formulaError(`unterminated ${c === "`" ? "backtick name" : "string"} starting`, pos);
      const body = text.slice(i + 1, close);
      if (body === "") throw formulaError(`empty ${c === "`" ? "name" : "string"}`, pos);
      out.push({kind: c === "`" ? "name" : "string", text: body, pos});
      i = close + 1;
    } else if (c === ":" && text[i + 1] === ":") {
      throw formulaError("unexpected '::' (write i(var) for one dummy per level)", pos);
    } else if (OPS.has(c)) {
      out.push({kind: "op", text: c, pos});
      i++;
    } else {
      throw formulaError(`unexpected character ${JSON.stringify(c)}`, pos);
    }
  }
  out.push({kind: "end", text: "", pos: text.length + 1});
  return out;
}
