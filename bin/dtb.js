#!/usr/bin/env node
// The `dtb` command. The CLI is written in TypeScript (the same modules the site uses);
// tsx's loader lets Node run it without a build step.
import {register} from "tsx/esm/api";
register();
const {main} = await import("../cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
