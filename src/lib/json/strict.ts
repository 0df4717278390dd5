/**
 * A strict JSON reader for user-written JSON (specs): RFC 8259 grammar, plus two refusals that JSON.parse
 * does not make: a key repeated within one object (JSON.parse silently keeps the last one, so half of a spec
 * could be ignored) and nesting deeper than `maxDepth` (a spec is a few levels deep; deeper input used to end
 * in "Maximum call stack size exceeded"). Every failure is one line with the line and column. Browser-safe.
 */
import {UserError} from "../errors.js";

export const MAX_JSON_DEPTH = 64;

/** 1-based line and column of offset `at`. */
export function lineColumn(text: string, at: number): {line: number; column: number} {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      start = i + 1;
    }
  }
  return {line, column: at - start + 1};
}

/**
 * Parse `text`; on failure throw UserError `<label> is not valid JSON: <why> at line L column C`.
 * Example: `parseJsonStrict('{"y": 1, "y": 2}', "spec")` throws `spec is not valid JSON: key "y" is repeated (first at line 1 column 2) at line 1 column 10`.
 */
export function parseJsonStrict(text: string, label = "the JSON", maxDepth = MAX_JSON_DEPTH): unknown {
  let i = 0;
  const fail = (why: string, at = i): never => {
    const {line, column} = lineColumn(text, at);
    throw new UserError(`${label} is not valid JSON: ${why} at line ${line} column ${column}`);
  };
  const unexpected = (): never => fail(i >= text.length ? "unexpected end of input" : `unexpected ${JSON.stringify(text[i])}`);
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };
  const string = (): string => {
    if (text[i] !== '"') unexpected();
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) fail("a string is never closed", start);
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20) fail("a control character inside a string");
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("a bad \\u escape");
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail("a bad escape");
      } else i++;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const number = (): number => {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const r = m.exec(text);
    if (!r) unexpected();
    i += r![0].length;
    return Number(r![0]);
  };
  const literal = (word: string, value: unknown) => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return unexpected();
  };
  const value = (depth: number): unknown => {
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      if (depth >= maxDepth) fail(`nesting deeper than ${maxDepth} levels`);
      i++;
      ws();
      if (c === "[") {
        const out: unknown[] = [];
        if (text[i] === "]") return i++, out;
        for (;;) {
          out.push(value(depth + 1));
          ws();
          if (text[i] === ",") i++;
          else if (text[i] === "]") return i++, out;
          else unexpected();
        }
      }
      const out: Record<string, unknown> = {};
      const where = new Map<string, number>();
      if (text[i] === "}") return i++, out;
      for (;;) {
        ws();
        const at = i;
        const key = string();
        const first = where.get(key);
        if (first !== undefined) {
          const f = lineColumn(text, first);
          fail(`key ${JSON.stringify(key)} is repeated (first at line ${f.line} column ${f.column})`, at);
        }
        where.set(key, at);
        ws();
        if (text[i] !== ":") unexpected();
        i++;
        // defineProperty: a key "__proto__" stays an ordinary own key, as with JSON.parse.
        Object.defineProperty(out, key, {value: value(depth + 1), enumerable: true, writable: true, configurable: true});
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return i++, out;
        else unexpected();
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true", true);
    if (c === "f") return literal("false", false);
    if (c === "n") return literal("null", null);
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    return unexpected();
  };
  const out = value(0);
  ws();
  if (i < text.length) unexpected();
  return out;
}
