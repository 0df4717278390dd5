// Exercises: the same name gives the same numbers, different names different ones; answers check both ways.
import {describe, expect, it} from "vitest";
import {createRng} from "../../../src/lib/random/rng.js";
import {checkAnswer, parseAnswer} from "../../../src/lib/simulate/exercise.js";
import {EXERCISES} from "../../../src/lib/simulate/exercises.js";
import {nickellBias, pooledBiasFeLimit} from "../../../src/lib/simulate/theory.js";
import {readLabState, studentSeed, writeLabState} from "../../../src/lib/simulate/url-state.js";

describe("exercises", () => {
  it("a name gives its own, reproducible numbers", () => {
    for (const [lesson, make] of Object.entries(EXERCISES)) {
      if (lesson === "demeaning") continue; // needs the panel: tests/lib/simulate/sheet.test.ts
      expect(make(createRng("Li Wei"))).toEqual(make(createRng(studentSeed("Li Wei"))));
    }
    const a = EXERCISES["dynamic-panels"](createRng("Li Wei"));
    const many = new Set(["Ana", "Bo", "Chen", "Dara", "Eve", "Femi"].map((n) => EXERCISES["dynamic-panels"](createRng(n)).answer));
    expect(many.size).toBeGreaterThan(3);
    expect(a.question.en).toMatch(/T = \d+/);
  });
  it("answers are the theory's", () => {
    const e = EXERCISES["fixed-effects"](createRng(5));
    const corr = Number(/corr = (\d+(?:\.\d+)?)/.exec(e.question.en)![1]);
    expect(e.answer).toBe(pooledBiasFeLimit(corr));
    expect(e.params).toEqual({corr});
    const g = EXERCISES["gravity"](createRng(5));
    expect(g.question.en).toContain(`beta = ${g.params.beta} and s1 = ${g.params.s1}`);
    expect(g.answer).toBe(g.params.beta - g.params.s1 / 2);
    const d = EXERCISES["dynamic-panels"](createRng(5));
    const [, T, rho] = /T = (\d+) years in the regression and rho = ([\d.]+)/.exec(d.question.en)!;
    expect(d.answer).toBe(nickellBias(Number(rho), Number(T)));
  });
  it("checks right, wrong and invalid answers", () => {
    expect(checkAnswer("0.488", 0.4878, 0.005)).toBe("right");
    expect(checkAnswer("−0,21", -0.2103, 0.002)).toBe("right");
    expect(checkAnswer("0.3", 0.4878, 0.005)).toBe("wrong");
    expect(checkAnswer("about half", 0.5, 0.1)).toBe("invalid");
    expect(parseAnswer("-12.5%")).toBe(-12.5);
  });
});

describe("URL state", () => {
  it("round-trips and ignores bad values", () => {
    const s = readLabState("cluster", "?N=10&rho_x=0.5&reps=300&seed=77&lang=zh");
    expect(s).toEqual({params: {N: 10, T: 7, beta: 0, rho_x: 0.5, rho_e: 0.8}, reps: 300, seed: 77, student: ""});
    expect(readLabState("gravity", "?N=2000&s1=0.5").params).toEqual({N: 2000, beta0: 0, beta: 1, s0: 0.5, s1: 0.5});
    expect(readLabState("cluster", writeLabState("cluster", "?lang=zh", s))).toEqual(s);
    expect(writeLabState("cluster", "?lang=zh&teacher=1", s)).toContain("lang=zh");
    expect(readLabState("cluster", "?N=-4&rho_e=7&reps=abc").params).toEqual({N: 42, T: 7, beta: 0, rho_x: 0.8, rho_e: 0.8});
    expect(readLabState("fe", "?student=Li%20Wei").seed).toBe(studentSeed("Li Wei"));
  });
});
