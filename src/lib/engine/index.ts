/** Public API of the estimation engine. */
export {estimate} from "./estimate.js";
export {estimateOls} from "./estimate-ols.js";
export {validateSpec, SPEC_KEYS, type NormalizedSpec} from "./spec.js";
export {demean, demeanIterative, demeanTwoExact, type FeDim} from "./demean.js";
export {parseLag, lagColumn} from "./lag.js";
export {pvalueT, pvalueNormal} from "./tdist.js";
export {fitStats} from "./fit.js";
export {factorize, numericColumn, getColumn} from "./frame.js";
export type {Frame, Spec, Result, Column, VcovSpec} from "./types.js";
