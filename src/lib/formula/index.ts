/** The model language shared by the notebook and `dtb estimate --formula` (see parse.ts, compile.ts). */
export {parseModel, parseVcov, modelText, vcovText} from "./parse.js";
export {compileModel, type Compiled, type PanelDecl} from "./compile.js";
export {estimateFormula} from "./estimate.js";
export type {ModelAst, Term, Atom, VcovAst} from "./ast.js";
