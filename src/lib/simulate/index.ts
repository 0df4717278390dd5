/** Public API of the classroom's Monte Carlo engine. */
export {LABS, LAB_DEFS, MAX_REPS, labDef, defaultParams, parseParams, parseReps, parseSeed, type LabName, type LabDef, type ParamDef, type Params} from "./labs.js";
export {repSeeds, simulateReps, mergeDraws, summarizeLab, runLab, type LabDraws, type LabResult} from "./run.js";
export {summarize, type Draws, type Summary} from "./summary.js";
export {pooledBiasFe, pooledBiasFeLimit, nickellBias} from "./theory.js";
export {fitSlope, VCOVS, type VcovName} from "./fit.js";
