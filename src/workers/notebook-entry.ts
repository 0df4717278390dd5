/**
 * The notebook's Web Worker: runs a model cell (src/lib/notebook/models.ts) off the page's thread, so a
 * large model never freezes the page and Cancel can stop it (the pool terminates the worker).
 * Bundled by src/workers/notebook.js.ts. A "ping" task only answers (warms the worker up).
 */
import {runModels, type ModelOutcome, type ModelTask} from "../lib/notebook/models.js";
import {serveTasks} from "../lib/worker/serve.js";

serveTasks<ModelTask | {type: "ping"}, ModelOutcome[] | null>((task, progress) => (task.type === "ping" ? null : runModels(task, progress)));
