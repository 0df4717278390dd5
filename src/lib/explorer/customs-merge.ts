/**
 * The explorer's merge of a user's customs rows into the panel rows: the one customs merge
 * (src/lib/customs/merge.ts, shared with the loaders and the customs page), re-exported where the explorer
 * has always imported it.
 */
export {mergeCustomsRows} from "../customs/merge.js";
