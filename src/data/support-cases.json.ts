// Framework data loader -> /data/support-cases.json: data/support/cases.json, checked against the catalogue
// schema together with the other file (cases link to measures), so an invalid catalogue fails the build.
import {readFileSync} from "node:fs";
import {validateCatalogue} from "../lib/support/schema.ts";
import {writeStdout} from "../../loaders/stdout.ts";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../data/support/${name}.json`, import.meta.url), "utf8"));
const measures = read("measures");
const cases = read("cases");
const problems = validateCatalogue(measures, cases);
if (problems.length) {
  process.stderr.write(`data/support is invalid:\n${problems.join("\n")}\n`);
  process.exit(1);
}
await writeStdout(JSON.stringify(cases) + "\n");
