/**
 * boottest(...) lines in model cells: parsed as fwildclusterboot's call, run by the engine's wild cluster bootstrap
 * on the model they name (the same numbers as `estimate()` with that `bootstrap` spec, bit for bit), one-line errors,
 * and the R export's fwildclusterboot call.
 */
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {estimate} from "../../../src/lib/engine/estimate.ts";
import {compileModel} from "../../../src/lib/formula/compile.ts";
import {parseModel} from "../../../src/lib/formula/parse.ts";
import {isBoottestLine, parseBoottest} from "../../../src/lib/notebook/boottest.ts";
import {etable} from "../../../src/lib/notebook/etable.ts";
import {runModels} from "../../../src/lib/notebook/models.ts";
import {notebookToQuarto} from "../../../src/lib/notebook/quarto.ts";
import {notebookToR} from "../../../src/lib/notebook/rscript.ts";
import {parseArrow} from "../../../src/lib/table/arrow.ts";
import {createRng} from "../../../src/lib/random/rng.ts";

const rng = createRng(7);
const G = 16, T = 6, n = G * T;
const arrays = {
  id: Array.from({length: n}, (_, i) => `c${Math.floor(i / T)}`),
  t: Float64Array.from({length: n}, (_, i) => 2000 + (i % T)),
  x: Float64Array.from({length: n}, () => rng.normal()),
  z: Float64Array.from({length: n}, () => rng.normal()),
  y: new Float64Array(n),
  ylev: new Float64Array(n)
};
arrays.y.forEach((_, i) => {
  arrays.y[i] = 0.3 * arrays.x[i] + arrays.z[i] + rng.normal();
  arrays.ylev[i] = Math.exp(arrays.y[i]);
});
const bytes = tableToIPC(tableFromArrays(arrays), "stream");
const panel = {id: "id", time: "t"};

describe("boottest lines: parsing", () => {
  it("reads fwildclusterboot's arguments, with its defaults (Rademacher) and ours (B 9999, seed 1)", () => {
    expect(isBoottestLine('  fwildclusterboot::boottest(m1, param = "x", clustid = ~id)')).toBe(true);
    expect(isBoottestLine("feols(y ~ x)")).toBe(false);
    expect(parseBoottest('boottest(m2, param = "l(x, 1)", clustid = ~id, B = 999, type = "webb", seed = 42)')).toEqual({model: 2, param: "l(x, 1)", clustid: "id", B: 999, type: "webb", seed: 42});
    expect(parseBoottest('fwildclusterboot::boottest(m1, clustid = "g", param = x)')).toEqual({model: 1, param: "x", clustid: "g", B: 9999, type: "rademacher", seed: 1});
  });

  it("refuses bad calls in one line naming the argument and where it is", () => {
    const err = (s: string) => {
      try {
        parseBoottest(s);
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    };
    expect(err('boottest(model1, param = "x", clustid = ~id)')).toBe("formula: boottest: the first argument must be a model of this cell, m1, m2, ... (got 'model1') at character 10");
    expect(err('boottest(m1, param = "x", clustid = ~id, B = 10)')).toBe("formula: boottest: B must be a whole number from 99 to 1,000,000, got '10' at character 46");
    expect(err('boottest(m1, param = "x", clustid = ~id, type = "mammen")')).toBe('formula: boottest: type must be "rademacher" or "webb", got "mammen" at character 49');
    expect(err('boottest(m1, param = "x", clustid = ~id, sign_level = 0.1)')).toBe("formula: boottest: unknown argument 'sign_level' (allowed: param, clustid, B, type, seed) at character 42");
    expect(err('boottest(m1, clustid = ~id)')).toBe('boottest: param is required (the coefficient to test, e.g. param = "dstri")');
    expect(err('boottest(m1, param = "x")')).toBe("boottest: clustid is required (one cluster column, e.g. clustid = ~iso3)");
    expect(err('boottest(m1, param = "x", clustid = ~id + t)')).toBe("formula: boottest: unexpected '+' (expected ',' or ')') at character 41");
    expect(err('boottest(m1, param = "x", clustid = ~id, seed = 1.5)')).toMatch(/^formula: boottest: seed must be a whole number from 0 to 2,147,483,647/);
    for (const s of ['boottest(m1, param = "x", clustid = ~id', 'boottest(m1, param = "x", clustid = ~id) + 1', "boottest(m1, param = 'x', param = 'z', clustid = ~id)"]) expect(err(s).split("\n")).toHaveLength(1);
  });
});

describe("boottest lines: running", () => {
  it("attaches the bootstrap to the model it names: the engine's result bit for bit; models keep their numbers (1), (2)", () => {
    const lines = ["feols(y ~ x + z | id, data = q1)", 'boottest(m2, param = "l(x, 1)", clustid = ~id, B = 999, type = "webb", seed = 3)', "feols(y ~ l(x, 1) + z | id + t, data = q1, vcov = ~id)", 'boottest(m1, param = "x", clustid = ~id)'];
    const out = runModels({type: "models", lines, panel, tables: {q1: bytes}});
    expect(out.map((o) => [o.line, o.ok])).toEqual([[0, true], [1, true]]);
    const frame = parseArrow(bytes, "q1").frame;
    const boots = [
      {line: lines[0], bootstrap: {type: "wild" as const, term: "x", cluster: "id", weights: "rademacher" as const, reps: 9999, seed: 1}},
      {line: lines[2], bootstrap: {type: "wild" as const, term: "l(x,1)", cluster: "id", weights: "webb" as const, reps: 999, seed: 3}}
    ];
    boots.forEach((b, k) => {
      const {frame: f, spec} = compileModel(parseModel(b.line), frame, panel);
      const direct = estimate(f, {...spec, bootstrap: b.bootstrap});
      expect(out[k].result!.bootstrap).toEqual(direct.bootstrap);
      expect(out[k].result!.coef).toEqual(direct.coef);
    });
    expect(out[0].result!.bootstrap!.enumerated).toBe(false); // 16 clusters: 9,999 draws
    expect(out[1].result!.bootstrap!.weights).toBe("webb");
    // The table's foot carries the bootstrap's p (with its term), interval and draws.
    const t = etable(out.map((o) => ({label: `(${o.line + 1})`, result: o.result!, fe: o.fe!, vcov: o.vcov!})));
    const foot = Object.fromEntries(t.footRows.map((r) => [r[0], r.slice(1)]));
    expect(foot["Wild bootstrap p"]).toEqual([`${out[0].result!.bootstrap!.p_value.toFixed(4)} (x)`, `${out[1].result!.bootstrap!.p_value.toFixed(4)} (l(x,1))`]);
    expect(foot["Wild bootstrap draws"]).toEqual(["9999 (Rademacher)", "999 (Webb)"]);
    const zh = etable(out.map((o) => ({label: `(${o.line + 1})`, result: o.result!, fe: o.fe!, vcov: o.vcov!})), 4, "zh");
    expect(zh.footRows.map((r) => r[0])).toContain("野聚类自助法 p 值");
  });

  it("one error line per bad boottest line; the models still run", () => {
    const lines = [
      "feols(y ~ x | id, data = q1)",
      "fepois(ylev ~ x | id, data = q1)",
      'boottest(m3, param = "x", clustid = ~id)',
      'boottest(m1, param = "w", clustid = ~id)',
      'boottest(m2, param = "x", clustid = ~id)',
      'boottest(m1, param = "x", clustid = ~id, B = 5)'
    ];
    const out = runModels({type: "models", lines, panel, tables: {q1: bytes}});
    const errors = out.filter((o) => !o.ok).map((o) => `${o.label ?? `(${o.line + 1})`} ${o.error}`);
    expect(errors).toEqual([
      "boottest (6) formula: boottest: B must be a whole number from 99 to 1,000,000, got '5' at character 46",
      "boottest (3) boottest: this cell has no model m3 (it has 2 model lines, m1 to m2)",
      'boottest (4) boottest: param "w" is not a coefficient of m1 (x)',
      "boottest (5) spec.bootstrap: the wild cluster bootstrap is available for OLS only (estimator is 'ppml')"
    ]);
    // Both models are estimated and shown, without a bootstrap.
    expect(out.filter((o) => o.ok).map((o) => [o.line, o.result!.bootstrap])).toEqual([[0, undefined], [1, undefined]]);
  });
});

describe("boottest lines: R and Quarto exports", () => {
  const nb = {
    v: 1 as const,
    panel: {id: "iso3", time: "year"},
    cells: [
      {type: "model" as const, models: "feols(y ~ x | iso3)"},
      {type: "model" as const, models: 'feols(lnexport_cn ~ l(dstri, 1) + `odd name` | iso3 + year, vcov = "DK")\nfepois(exports ~ dstri | iso3 + year, vcov = NW(2))\nboottest(m1, param = "l(dstri,1)", clustid = ~iso3, B = 9999, type = "rademacher", seed = 7)\nboottest(m1, param = "`odd name`", clustid = ~`iso 3`, type = "webb")\nboottest(m4, param = "x", clustid = ~iso3)'}
    ]
  };
  it("writes fwildclusterboot::boottest on the cell's model, seeded, with fixest's coefficient name", () => {
    const s = notebookToR(nb);
    expect(s).toContain('m2 <- feols(lnexport_cn ~ l(dstri, 1) + `odd name` | iso3 + year, data = get_table("panel"), panel.id = panel_id, vcov = "DK")');
    expect(s).toContain('m3 <- fepois(exports ~ dstri | iso3 + year, data = get_table("panel"), panel.id = panel_id, vcov = vcov_NW(lag = 2))');
    expect(s).toContain(
      'print(etable(m2, m3))\nset.seed(7)\ndqrng::dqset.seed(7)\nb1 <- fwildclusterboot::boottest(m2, param = "l(dstri, 1)", clustid = ~iso3, B = 9999, type = "rademacher")\nprint(summary(b1))\n' +
        'set.seed(1)\ndqrng::dqset.seed(1)\nb2 <- fwildclusterboot::boottest(m2, param = "`odd name`", clustid = ~`iso 3`, B = 9999, type = "webb")\nprint(summary(b2))\n' +
        '# not exported (this cell has no model m4): boottest(m4, param = "x", clustid = ~iso3)'
    );
    expect(s).toContain("fwildclusterboot for boottest lines");
    const q = notebookToQuarto(nb);
    expect(q).toContain('b1 <- fwildclusterboot::boottest(m2, param = "l(dstri, 1)", clustid = ~iso3, B = 9999, type = "rademacher")');
  });
});
