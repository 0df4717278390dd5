// Framework data loader -> paper-tables.json beside this file: the study's printed Tables 1-7 from
// data/paper/tables.json (outside the site root, so pages cannot attach it directly), checked against the
// schema at build time so that a bad transcription fails the build instead of a page.
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {PaperTables} from "../paper/schema.js";
import {REPO_ROOT} from "../../../loaders/config.js";
import {writeStdout} from "../../../loaders/stdout.js";

const tables = PaperTables.parse(JSON.parse(readFileSync(resolve(REPO_ROOT, "data", "paper", "tables.json"), "utf8")));
await writeStdout(JSON.stringify(tables) + "\n");
