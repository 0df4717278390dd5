/**
 * Worker entry: read and check one customs file off the main thread (the customs page and the explorer's
 * customs input), with progress. Bundled by src/workers/customs.js.ts (loaders/bundle-worker.ts).
 */
import {serveTasks} from "../lib/worker/serve.js";
import {checkCustomsTask, type CustomsTask} from "../lib/customs/task.js";

serveTasks<CustomsTask, unknown>((task, progress) => checkCustomsTask(task, progress));
