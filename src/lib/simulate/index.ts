/** Public API of the classroom's Monte Carlo engine. */
export {LABS, LAB_DEFS, MAX_REPS, labDef, defaultParams, parseParams, parseReps, parseSeed, type LabName, type LabDef, type ParamDef, type Params} from "./labs.js";
export {repSeeds, simulateReps, mergeDraws, summarizeLab, runLab, type LabDraws, type LabResult} from "./run.js";
export {summarize, type Draws, type Summary} from "./summary.js";
export {pooledBiasFe, pooledBiasFeLimit, nickellBias} from "./theory.js";
export {fitSlope, VCOVS, FAILURE_TEXT, type VcovName, type FitFailure} from "./fit.js";
export {infeasible, estimatorDf} from "./feasible.js";
export {estimateRunMs, formatDuration, msPerRep, ASK_ABOVE_MS} from "./cost.js";
export {gravityOlsMean} from "./theory.js";
