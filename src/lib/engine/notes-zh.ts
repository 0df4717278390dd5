/**
 * The engine's notes (estimate-ols.ts, gmm/index.ts, collinearity.ts) in Chinese, for pages shown in Chinese
 * (issue #12). The engine writes English, as the CLI and fixest do; each template mirrors one note there, and
 * a note without a template comes back unchanged (tests/lib/engine/notes-zh.test.ts produces each note from
 * the engine and checks it has a translation).
 */
const RULES: Array<[RegExp, (...m: string[]) => string]> = [
  [/^(\d+) fixed-effect singletons? (?:were|was) removed\.$/, (n) => `删除了 ${n} 个固定效应单例观测（只出现一次的组）。`],
  [/^The fixed-effects demeaning did not reach full convergence\.$/, () => "固定效应去均值迭代未完全收敛。"],
  [/^The variable '(.*)' has been removed because of collinearity\.$/, (v) => `变量“${v}”因共线性被删除。`],
  [/^The variance matrix had negative values on its diagonal and was replaced by its positive semi-definite part \(Cameron, Gelbach and Miller 2011\)\.$/,
    () => "方差矩阵对角线上出现负值，已按 Cameron、Gelbach 和 Miller（2011）的做法以其半正定部分代替。"],
  [/^The fixed effects have (\d+) redundancies \(disconnected design\); nparams assumes one, as fixest does by default\.$/,
    (k) => `固定效应之间有 ${k} 个冗余（设计不连通）；参数个数按 fixest 的默认做法只扣除一个。`],
  [/^first-step weight matrix singular: Moore-Penrose pseudo-inverse used \(as plm pgmm\)$/, () => "第一步权重矩阵奇异：改用 Moore-Penrose 广义逆（与 plm 的 pgmm 相同）"],
  [/^second-step weight matrix singular: Moore-Penrose pseudo-inverse used \(as plm pgmm\)$/, () => "第二步权重矩阵奇异：改用 Moore-Penrose 广义逆（与 plm 的 pgmm 相同）"],
  [/^Windmeijer correction: inverse of the second-step weight matrix taken as a Moore-Penrose pseudo-inverse \(as plm vcovHC\.pgmm\)$/,
    () => "Windmeijer 校正：第二步权重矩阵的逆取 Moore-Penrose 广义逆（与 plm 的 vcovHC.pgmm 相同）"],
  [/^(\d+) instruments for (\d+) individuals: the Hansen test is weakened by instrument proliferation \(consider collapse\)$/,
    (k, n) => `${n} 个个体用了 ${k} 个工具变量：工具变量过多会削弱 Hansen 检验（可考虑 collapse 压缩工具变量）`],
  [/^time effects (.*) dropped: no usable observation in those periods \(plm pgmm would stop with a singular matrix\)$/,
    (t) => `时间效应 ${t} 被删除：这些时期没有可用观测（plm 的 pgmm 会因矩阵奇异而停止）`],
  [/^spec\.fe ignored for GMM: individual effects are removed by the transformation$/, () => "GMM 不使用 spec.fe：个体效应已由差分变换消去"],
  [/^spec\.vcov ignored for GMM: standard errors are Windmeijer-corrected two-step$/, () => "GMM 不使用 spec.vcov：标准误为 Windmeijer 校正的两步法标准误"],
  // Why a specification could not be estimated (estimate-ols.ts errors; the multiverse lists them, issue 19).
  [/^all regressors \((.*)\) are collinear with the fixed effects or constant$/, (x) => `全部解释变量（${x}）与固定效应或常数项共线`],
  [/^the regressors are collinear \(singular cross-product matrix\)$/, () => "解释变量之间共线（叉积矩阵奇异）"],
  [/^too few observations: (\d+) rows for (\d+) coefficients?(.*) \(need more rows than parameters\)$/, (m, k) => `观测太少：${m} 行数据要估计 ${k} 个系数及固定效应（观测数须多于参数个数）`],
  [/^no observation left after exclusions and removal of rows with missing (.*)$/, (v) => `排除样本并删除 ${v} 缺失的行之后，没有剩余观测`],
  [/^vcov cluster '(.*)' has only (\d+) cluster in the estimation sample; clustering needs at least 2$/, (c, n) => `聚类变量“${c}”在估计样本中只有 ${n} 个聚类；聚类至少需要 2 个`],
  [/^the outcome '(.*)' is constant \((.*)\) in all (\d+) rows of the estimation sample: there is no variation to explain$/, (y, v, n) => `被解释变量“${y}”在估计样本的全部 ${n} 行中都是常数（${v}）：没有可解释的变化`],
  [/^the outcome '(.*)' has no variation within the fixed effects \((.*)\): they explain it exactly, so no coefficient can be estimated$/, (y, fe) => `被解释变量“${y}”在固定效应（${fe}）之内没有变化：固定效应已完全解释它，无法估计任何系数`],
  [/^not estimated$/, () => "未估计"],
  [/^not estimable in this bootstrap draw$/, () => "在这次自助抽样中无法估计"],
  [/^GMM is not re-estimated in bootstrap draws$/, () => "自助抽样中不重新估计 GMM"],
  // PPML (ppml.ts).
  [/^(\d+) observations? (?:were|was) removed because of fixed effects whose outcome is always 0 \(fixest fixef\.rm = "perfect"\)\.$/,
    (n) => `删除了 ${n} 个观测：其所在固定效应组的被解释变量全为 0（与 fixest 的 fixef.rm = "perfect" 相同）。`],
  [/^(\d+) observations? (?:were|was) removed because separated by the regressors \(outcome 0 where a combination of regressors makes the estimate infinite; Correia, Guimarães & Zylkin 2021, as ppmlhdfe\)\.$/,
    (n) => `删除了 ${n} 个被解释变量为 0 且被解释变量组合“分离”的观测（否则估计值趋于无穷；Correia、Guimarães 和 Zylkin 2021，与 ppmlhdfe 相同）。`],
  [/^The PPML iterations did not converge within 200 iterations; the estimates are the last ones\.$/, () => "PPML 迭代在 200 次内未收敛；所示为最后一次迭代的估计值。"]
];

/**
 * Several engine notes joined by spaces (the multiverse joins a spec's notes): each sentence translated.
 * Example: `engineNotesZh("not estimated")` -> `未估计`.
 */
export function engineNotesZh(text: string): string {
  const whole = engineNoteZh(text);
  if (whole !== text) return whole;
  return text.split(/(?<=\.) (?=[A-Z0-9])/).map(engineNoteZh).join("");
}

/** An engine note in Chinese; unknown notes come back unchanged. Example: `engineNoteZh("2 fixed-effect singletons were removed.")` -> `删除了 2 个固定效应单例观测（只出现一次的组）。`. */
export function engineNoteZh(note: string): string {
  for (const [re, zh] of RULES) {
    const m = re.exec(note);
    if (m) return zh(...m.slice(1));
  }
  return note;
}
