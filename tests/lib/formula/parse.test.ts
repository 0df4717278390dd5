/** The model language parser: every construct, every error (message and character position). */
import {describe, expect, it} from "vitest";
import {parseModel, parseVcov, vcovText} from "../../../src/lib/formula/parse.ts";
import {tokenize} from "../../../src/lib/formula/tokens.ts";
import {UserError} from "../../../src/lib/errors.ts";

function error(text: string): string {
  try {
    parseModel(text);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${text}`);
}

describe("tokenize", () => {
  it("names with dots and digits, numbers, strings, backticks, operators, positions", () => {
    const t = tokenize("L2.x ~ `my col` + 'iid' 1.5");
    expect(t.map((k) => [k.kind, k.text, k.pos])).toEqual([
      ["name", "L2.x", 1],
      ["op", "~", 6],
      ["name", "my col", 8],
      ["op", "+", 17],
      ["string", "iid", 19],
      ["number", "1.5", 25],
      ["end", "", 28]
    ]);
  });
  it("rejects unknown characters and unterminated quotes with positions", () => {
    expect(() => tokenize("y ~ x $ z")).toThrow("formula: unexpected character \"$\" at character 7");
    expect(() => tokenize("y ~ `x")).toThrow("formula: unterminated backtick name starting at character 5");
    expect(() => tokenize("y ~ x, vcov = \"iid")).toThrow("formula: unterminated string starting at character 15");
    expect(() => tokenize("y ~ ``")).toThrow("formula: empty name at character 5");
    expect(() => tokenize("y ~ g::a")).toThrow("formula: unexpected '::' (write i(var) for one dummy per level) at character 6");
    expect(() => tokenize("y ~ " + "x + ".repeat(1200) + "x")).toThrow(/longer than 4000 characters/);
  });
});

describe("parseModel: constructs", () => {
  it("plain regressors", () => {
    const m = parseModel("y ~ x1 + x2");
    expect(m.y).toEqual({kind: "col", name: "y"});
    expect(m.terms).toEqual([{kind: "atom", atom: {kind: "col", name: "x1"}}, {kind: "atom", atom: {kind: "col", name: "x2"}}]);
    expect(m.fe).toEqual([]);
    expect(m.vcov).toBeNull();
    expect(m.data).toBeNull();
    expect(m.text).toBe("y ~ x1 + x2");
  });
  it("interaction, log, lag, engine lag name, i() with and without ref", () => {
    const m = parseModel("log(y) ~ x1:x2 + log(x3) + l(x, 2) + L.z + i(g) + i(h, ref = \"b\") + i(k, ref = 3)");
    expect(m.y).toEqual({kind: "log", name: "y"});
    expect(m.terms).toEqual([
      {kind: "product", parts: [{kind: "col", name: "x1"}, {kind: "col", name: "x2"}]},
      {kind: "atom", atom: {kind: "log", name: "x3"}},
      {kind: "atom", atom: {kind: "lag", name: "x", k: 2, label: "l(x,2)"}},
      {kind: "atom", atom: {kind: "col", name: "L.z"}},
      {kind: "i", name: "g", ref: null},
      {kind: "i", name: "h", ref: "b"},
      {kind: "i", name: "k", ref: 3}
    ]);
    expect(m.text).toBe('log(y) ~ x1:x2 + log(x3) + l(x,2) + L.z + i(g) + i(h, ref = "b") + i(k, ref = 3)');
  });
  it("a*b expands to a + b + a:b; three-way products; products of transformed atoms", () => {
    expect(parseModel("y ~ a*b").text).toBe("y ~ a + b + a:b");
    expect(parseModel("y ~ a:b:c").text).toBe("y ~ a:b:c");
    expect(parseModel("y ~ log(a):l(b,1)").text).toBe("y ~ log(a):l(b,1)");
  });
  it("fixed effects, combinations", () => {
    const m = parseModel("y ~ x | fe1 + fe2 + fe1^fe2");
    expect(m.fe).toEqual([["fe1"], ["fe2"], ["fe1", "fe2"]]);
    expect(m.text).toBe("y ~ x | fe1 + fe2 + fe1^fe2");
  });
  it("feols(...) with data and vcov in either order; bare formula with arguments", () => {
    const a = parseModel("feols(lnexport_cn ~ dstri + lngdp + l(dstri, 1) | iso3 + year, data = q1, vcov = ~iso3)");
    expect(a.data).toBe("q1");
    expect(a.vcov).toEqual({type: "cluster", cluster: [["iso3"]]});
    const b = parseModel("feols(y ~ x, vcov = \"hetero\", data = panel)");
    expect(b.vcov).toEqual({type: "hetero"});
    expect(b.data).toBe("panel");
    expect(parseModel("y ~ x, vcov = 'iid'").vcov).toEqual({type: "iid"});
    expect(parseModel("y ~ x, vcov = iid").vcov).toEqual({type: "iid"});
    expect(parseModel("y ~ x | a, vcov = ~a + b^c").vcov).toEqual({type: "cluster", cluster: [["a"], ["b", "c"]]});
  });
  it("whitespace and newlines are free", () => {
    expect(parseModel("  feols( y~x\n | a ,\n data=q )  ").text).toBe("y ~ x | a");
  });
  it("parseVcov and vcovText", () => {
    expect(parseVcov("~c1 + c2")).toEqual({type: "cluster", cluster: [["c1"], ["c2"]]});
    expect(parseVcov("hetero")).toEqual({type: "hetero"});
    expect(parseVcov('"iid"')).toEqual({type: "iid"});
    expect(vcovText(parseVcov("~a^b + c"))).toBe("~a^b + c");
    expect(vcovText(null)).toBeNull();
    expect(() => parseVcov("~c1 c2")).toThrow("formula: unexpected 'c2' at character 5");
  });
});

describe("parseModel: errors name the token and its position", () => {
  it.each([
    ["", "formula: empty formula at character 1"],
    ["y ~ x + lngdp | iso3)", "formula: unexpected ')' at character 21"],
    ["feols(y ~ x + log(z)))", "formula: unexpected ')' at character 22"],
    ["y ~ (x + z) ", "formula: unexpected '(' (expected a column name) at character 5"],
    ["~ x", "formula: missing dependent variable before '~' at character 1"],
    ["y x", "formula: unexpected 'x' (expected '~') at character 3"],
    ["y ~", "formula: unexpected end of input (expected a column name) at character 4"],
    ["y ~ x +", "formula: unexpected end of input (expected a column name) at character 8"],
    ["y ~ x |", "formula: unexpected end of input (expected a fixed-effect column) at character 8"],
    ["y ~ x | a^", "formula: unexpected end of input (expected a column after '^') at character 11"],
    ["y ~ exp(x)", "formula: unknown function 'exp' (allowed: log, l, i) at character 5"],
    ["lm(y ~ x)", "formula: unknown estimator 'lm' (feols or fepois) at character 1"],
    ["y ~ l(x)", "formula: unexpected ')' (expected ',' and the lag order, e.g. l(x, 1)) at character 8"],
    ["y ~ l(x, 0)", "formula: the lag order must be an integer from 1 to 100, got '0' at character 10"],
    ["y ~ l(x, 1.5)", "formula: the lag order must be an integer from 1 to 100, got '1.5' at character 10"],
    ["y ~ l(x, k)", "formula: the lag order must be an integer from 1 to 100, got 'k' at character 10"],
    ["y ~ log(x, 2)", "formula: unexpected ',' (expected ')') at character 10"],
    ["y ~ i(g, base = 1)", "formula: unknown argument 'base' of i() (allowed: ref) at character 10"],
    ["y ~ i(g, ref = )", "formula: unexpected ')' (expected a reference level) at character 16"],
    ["y ~ a:i(g)", "formula: i() cannot be part of an interaction (write the interaction of numeric columns) at character 5"],
    ["i(g) ~ x", "formula: i() is a regressor of its own: it cannot be transformed or be the dependent variable at character 1"],
    ["y ~ a*b*c", "formula: '*' is supported between two terms only at character 5"],
    ["y ~ x + z + x", "formula: term 'x' appears twice at character 13"],
    ["y ~ a*b + a:b", "formula: term 'a:b' appears twice at character 11"],
    ["y ~ x | a + a", "formula: fixed effect 'a' appears twice at character 13"],
    ["y ~ y + x", "formula: the dependent variable 'y' is also a regressor at character 5"],
    ["y ~ x, weights = w", "formula: unknown argument 'weights' (allowed: data, vcov) at character 8"],
    ["y ~ x, data = q1, data = q2", "formula: argument 'data' given twice at character 19"],
    ["y ~ x, vcov = 'iid', vcov = 'hetero'", "formula: argument 'vcov' given twice at character 22"],
    ["y ~ x, vcov = 'robust'", "formula: unknown vcov \"robust\" (allowed: \"iid\", \"hetero\", ~cluster, \"DK\", \"NW\", DK(2), NW(1)) at character 15"],
    ["y ~ x, vcov = ~a + b + c + d + e", "formula: at most 4 clustering dimensions are supported at character 15"],
    ["y ~ x, data = 'q1'", "formula: unexpected \"q1\" (expected a table name after 'data =') at character 15"],
    ["y ~ x, data q1", "formula: unexpected 'q1' (expected '=' after data) at character 13"],
    ["feols(y ~ x", "formula: unexpected end of input (expected ',' or ')') at character 12"],
    ["y ~ x = 1", "formula: unexpected '=' at character 7"]
  ])("%s", (text, message) => {
    expect(error(text)).toBe(message);
  });
});

describe("fepois and fixest's panel HAC vcov names", () => {
  it("fepois(...) sets the PPML estimator; feols and a bare formula do not", () => {
    expect(parseModel("fepois(y ~ x | a, vcov = ~a)").estimator).toBe("ppml");
    expect(parseModel("feols(y ~ x | a)").estimator).toBeUndefined();
    expect(parseModel("y ~ x").estimator).toBeUndefined();
  });
  it('vcov = "DK", DK(2), "NW(1)", NW and their text', () => {
    expect(parseModel('y ~ x, vcov = "DK"').vcov).toEqual({type: "driscoll_kraay"});
    expect(parseModel("y ~ x, vcov = DK(2)").vcov).toEqual({type: "driscoll_kraay", lag: 2});
    expect(parseModel('y ~ x, vcov = "NW(1)"').vcov).toEqual({type: "newey_west", lag: 1});
    expect(parseModel("y ~ x, vcov = NW").vcov).toEqual({type: "newey_west"});
    expect(vcovText({type: "driscoll_kraay"})).toBe('"DK"');
    expect(vcovText({type: "newey_west", lag: 1})).toBe("NW(1)");
    expect(() => parseModel("y ~ x, vcov = DK(0)")).toThrow(/DK lag must be >= 1/);
    expect(() => parseModel("y ~ x, vcov = DK(x)")).toThrow(/expected a whole-number lag/);
  });
});
