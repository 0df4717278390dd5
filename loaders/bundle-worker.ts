/**
 * Bundle a Web Worker entry (TypeScript that may import src/lib/...) into one self-contained ES module, for a
 * Framework data loader to print: Framework does not bundle `new Worker(new URL(...))` itself
 * (../shared/notes/toolchain.md). Use from `src/workers/<name>.js.ts`:
 *
 *   import {bundleWorker} from "../../loaders/bundle-worker.ts";
 *   process.stdout.write(await bundleWorker("src/workers/multiverse-entry.ts"));
 *
 * and in the page: `createPool({url: await FileAttachment("workers/multiverse.js").url()})`.
 * esbuild comes with Framework; no network, no third-party request at run time.
 */
import {build} from "esbuild";
import {resolve} from "node:path";

export async function bundleWorker(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "error"
  });
  return result.outputFiles[0].text;
}
