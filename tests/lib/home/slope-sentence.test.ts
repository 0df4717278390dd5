/** The home page's slope sentence: numbers equal R's lm/confint; wording follows the interval. */
import {describe, expect, it} from "vitest";
import {slopeInterval, slopeSentence} from "../../../src/lib/home/slope-sentence.js";

describe("slopeInterval", () => {
  it("equals R: lm(y ~ x) and confint on a small example", () => {
    // R 4.2: x <- c(0, .02, -.04, .1, .05, 0, .03); y <- c(.1, .3, -.2, .15, .4, .05, -.1); m <- lm(y ~ x)
    const s = slopeInterval([0, 0.02, -0.04, 0.1, 0.05, 0, 0.03], [0.1, 0.3, -0.2, 0.15, 0.4, 0.05, -0.1]);
    expect(s.slope).toBeCloseTo(2.55474452554745, 12);
    expect(s.se).toBeCloseTo(1.79109968370577, 12);
    expect(s.lo).toBeCloseTo(-2.04942378720054, 9);
    expect(s.hi).toBeCloseTo(7.15891283829543, 9);
  });
});

describe("slopeSentence", () => {
  const pts = (d: number[], y: number[]) => ({from: 2014, to: 2020, points: d.map((x, i) => ({iso3: `P${i}`, country: `P${i}`, country_zh: null, from: 2014, to: 2020, dDstri: x, dLnExport: y[i]}))});
  it("an interval spanning zero reads as imprecise, never weak, in both languages", () => {
    const s = slopeSentence(pts([0, 0.02, -0.04, 0.1, 0.05, 0, 0.03], [0.1, 0.3, -0.2, 0.15, 0.4, 0.05, -0.1]))!;
    expect(s.en).toContain("an imprecise estimate, which holds both no effect and sizeable ones");
    expect(s.en).not.toMatch(/weak/);
    expect(s.zh).not.toMatch(/很弱/);
    expect(s.zh).toContain("不精确的估计");
    expect(s.en).toMatch(/95% interval −\d+% to \+\d+%, 7 partners/);
  });
  it("an interval that excludes zero states the estimate without the imprecision clause", () => {
    const s = slopeSentence(pts([0, 0.1, 0.2, 0.3, 0.4], [0, -0.11, -0.19, -0.31, -0.4]))!;
    expect(s.en).not.toContain("imprecise");
    expect(s.en).toMatch(/change by −\d+%/);
  });
  it("no sentence when the slope cannot be computed", () => {
    expect(slopeSentence(pts([0.1, 0.1, 0.1], [1, 2, 3]))).toBeNull();
  });
});
