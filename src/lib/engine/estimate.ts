/**
 * `estimate(frame, spec)`: the engine's single entry point. OLS / fixed effects are estimated here
 * (estimate-ols.ts, fixest conventions); `estimator: "gmm-diff" | "gmm-sys"` is delegated to the GMM
 * module (plm pgmm conventions).
 */
import {estimateGmm} from "./gmm/index.js";
import {estimateOls} from "./estimate-ols.js";
import {estimatePpml} from "./ppml.js";
import {attachBootstrap} from "./wild-bootstrap.js";
import {validateSpec} from "./spec.js";
import type {Frame, Result, Spec} from "./types.js";

/**
 * Validates the spec (UserError on bad input) and estimates it.
 * Example: `estimate(frame, {id: "country", time: "year", y: "y", x: ["dstri", "lngdp"],
 * fe: ["country", "year"], vcov: {cluster: ["country"]}, exclude: {year: [2020]}})`.
 */
export function estimate(frame: Frame, spec: Spec): Result {
  const norm = validateSpec(spec);
  if (norm.estimator === "ols") return norm.bootstrap ? attachBootstrap(frame, spec) : estimateOls(frame, spec);
  if (norm.estimator === "ppml") return estimatePpml(frame, spec);
  return estimateGmm(frame, spec);
}
