/**
 * The lessons' exercises: each draws its own numbers from the student's generator (createRng(seed), seed =
 * hash of the name), so answers differ between students and a teacher regenerates any student's numbers by
 * typing the name. Answers are computed, never stored; the page checks a typed answer with `tolerance`.
 */
import {estimate} from "../engine/estimate.js";
import {criticalValue} from "../engine/tdist.js";
import type {Frame} from "../engine/types.js";
import {createRng, type Rng} from "../random/rng.js";
import {gravityOlsMean, nickellBias, pooledBiasFeLimit} from "./theory.js";

type Text = {en: string; zh: string};
export interface Exercise {
  question: Text;
  /** The numbers in the student's question (the class sheet lists them). */
  params: Record<string, number>;
  answer: number;
  tolerance: number;
  digits: number;
}

/** What some exercises need besides the seed: the open panel (lesson 2 estimates on it). */
export interface ExerciseContext {
  frame?: Frame;
}

/** A value on a grid: lo + step * k, k uniform on 0..n-1 (exact decimals for the question text). */
const pickGrid = (rng: Rng, lo: number, step: number, n: number) => Math.round((lo + step * rng.int(n)) * 1000) / 1000;

export const EXERCISES: Record<string, (rng: Rng, ctx?: ExerciseContext) => Exercise> = {
  /** Lesson 1: the large-N pooled bias corr / (1 + corr^2) for the student's corr. */
  "fixed-effects": (rng) => {
    const corr = pickGrid(rng, 0.2, 0.1, 14);
    return {
      question: {
        en: `In the fe lab, set corr = ${corr}. With many partners, what is the bias of the pooled OLS slope (its probability limit minus beta; 3 decimals)? Then check your answer with the lab at N = 200.`,
        zh: `在 fe 实验中令 corr = ${corr}。伙伴国很多时，混合OLS的偏误是多少（保留3位小数）？再用 N = 200 的模拟验证你的答案。`
      },
      params: {corr},
      answer: pooledBiasFeLimit(corr),
      tolerance: 0.005,
      digits: 3
    };
  },
  /** Lesson 2: the two-way within slope on the open panel with the student's year left out (needs ctx.frame). */
  "demeaning": (rng, ctx) => {
    const year = 2014 + rng.int(7);
    if (!ctx?.frame) throw new Error("the demeaning exercise needs the panel");
    const fitted = estimate(ctx.frame, {id: "iso3", time: "year", y: "lnexport_cn", x: ["dstri"], fe: ["iso3", "year"], vcov: {cluster: ["iso3"]}, exclude: {year: [year]}});
    return {
      question: {
        en: `Leave out the year ${year} with the selector above and go to step 5. What is the within slope (3 decimals)?`,
        zh: `用上方选择框剔除 ${year} 年，并进入第5步。组内斜率是多少（保留3位小数）？`
      },
      params: {year},
      answer: fitted.coef[fitted.terms.indexOf("dstri")],
      tolerance: 0.0005,
      digits: 3
    };
  },
  /** Lesson 3: the critical value of the clustered 95% interval with G partners: t_{0.975, G-1}. */
  "standard-errors": (rng) => {
    const G = 5 + rng.int(38);
    return {
      question: {
        en: `With clustered standard errors and ${G} partners, which critical value replaces 1.96 in the 95% interval (the engine uses fixest's t with G − 1 degrees of freedom)? Give 3 decimals.`,
        zh: `使用聚类标准误、伙伴国数为 ${G} 时，95%置信区间中代替1.96的临界值是多少（引擎采用 fixest 的做法，t 分布自由度为 G − 1）？保留3位小数。`
      },
      params: {G},
      answer: criticalValue(G - 1),
      tolerance: 0.002,
      digits: 3
    };
  },
  /** Lesson 4: Nickell's large-N bias for the student's T and rho. */
  "dynamic-panels": (rng) => {
    const T = 4 + rng.int(12);
    const rho = pickGrid(rng, 0.1, 0.1, 8);
    return {
      question: {
        en: `With T = ${T} years in the regression and rho = ${rho}, what is the Nickell bias of the within estimator for many partners? Give 3 decimals, then compare with the nickell lab at N = 200.`,
        zh: `回归中有 T = ${T} 年、rho = ${rho} 时，伙伴国很多情况下组内估计量的 Nickell 偏误是多少？保留3位小数，再与 N = 200 的 nickell 实验比较。`
      },
      params: {T, rho},
      answer: nickellBias(rho, T),
      tolerance: 0.002,
      digits: 3
    };
  },
  /** Lesson 5: percent effect 100 (exp(b delta) - 1) of the student's b and delta. */
  "coefficients": (rng) => {
    const b = -pickGrid(rng, 0.1, 0.05, 12);
    const delta = pickGrid(rng, 0.1, 0.05, 10);
    return {
      question: {
        en: `A coefficient of ${b} on the DSTRI, and a partner whose DSTRI rises by ${delta}. By what percent do its imports from China change? (1 decimal)`,
        zh: `DSTRI 的系数为 ${b}，某伙伴国的 DSTRI 上升 ${delta}。其自中国进口变动百分之几？（保留1位小数）`
      },
      params: {b, delta},
      answer: 100 * (Math.exp(b * delta) - 1),
      tolerance: 0.05,
      digits: 2
    };
  },
  /** Lesson 6: number of specifications of a student-specific garden of choices. */
  "forking-paths": (rng) => {
    const m = 2 + rng.int(5);
    const l = 1 + rng.int(3);
    const c = 2 + rng.int(3);
    const f = 2 + rng.int(2);
    const v = 2 + rng.int(2);
    const s = 2 + rng.int(3);
    return {
      question: {
        en: `An analyst can pick one of ${m} DSTRI measures, ${l} timings (lags), ${c} sets of controls, ${f} fixed-effect structures, ${v} variance estimators and ${s} samples. How many specifications are there?`,
        zh: `研究者可以从 ${m} 个DSTRI指标、${l} 种时滞、${c} 组控制变量、${f} 种固定效应结构、${v} 种方差估计方法和 ${s} 种样本中各选一个。共有多少个设定？`
      },
      params: {measures: m, timings: l, controls: c, fixed_effects: f, variances: v, samples: s},
      answer: m * l * c * f * v * s,
      tolerance: 0,
      digits: 0
    };
  },
  /** Lesson 7: the mean of the log-OLS slope under the student's heteroskedasticity, beta - s1/2. */
  "gravity": (rng) => {
    const beta = pickGrid(rng, 0.5, 0.1, 11);
    const s1 = pickGrid(rng, 0.2, 0.1, 15);
    return {
      question: {
        en: `In the gravity lab, set beta = ${beta} and s1 = ${s1} (keep s0). Around which value is the log-OLS slope centred, at any N? Give 3 decimals, then check it with the lab.`,
        zh: `在 gravity 实验中令 beta = ${beta}、s1 = ${s1}（s0 不变）。无论 N 多大，对数OLS斜率的均值是多少？保留3位小数，再用实验验证。`
      },
      params: {beta, s1},
      answer: gravityOlsMean(beta, s1),
      tolerance: 0.002,
      digits: 3
    };
  }
};

/** Lessons that have an exercise, in lesson order. */
export const EXERCISE_LESSONS = ["fixed-effects", "demeaning", "standard-errors", "dynamic-panels", "coefficients", "forking-paths", "gravity"];

/** A student's exercise of a lesson: the same numbers wherever it is computed (worker, sheet, tests). */
export function exerciseFor(lesson: string, seed: number, ctx?: ExerciseContext): Exercise {
  const make = EXERCISES[lesson];
  if (!make) throw new Error(`no exercise for lesson '${lesson}'`);
  return make(createRng(seed), ctx);
}
