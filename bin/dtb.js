#!/usr/bin/env node
// The `dtb` command. The CLI is written in TypeScript (the same modules the site uses). It runs from the
// plain-JavaScript bundle in .dtb-cli/ (scripts/build-cli.mjs, built by npm install) while every source file
// it was built from is unchanged; otherwise tsx's loader compiles the TypeScript as it is imported.
import {readFileSync, statSync} from "node:fs";

async function loadMain() {
  const root = new URL("../", import.meta.url);
  try {
    const inputs = JSON.parse(readFileSync(new URL(".dtb-cli/inputs.json", root), "utf8"));
    for (const [file, mtime] of Object.entries(inputs)) if (statSync(new URL(file, root)).mtimeMs !== mtime) throw new Error("stale");
    return (await import(new URL(".dtb-cli/main.mjs", root).href)).main;
  } catch {
    const {register} = await import("tsx/esm/api");
    register();
    return (await import("../cli/main.ts")).main;
  }
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
