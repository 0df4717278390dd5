/**
 * The support-system catalogue (data/support/measures.json and cases.json), read and checked against the catalogue
 * schema together (cases link to measures), so that an invalid catalogue fails the build. Used by
 * src/data/support-{measures,cases}.json.ts.
 */
import {readFileSync} from "node:fs";
import {validateCatalogue} from "../src/lib/support/schema.ts";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../data/support/${name}.json`, import.meta.url), "utf8"));

/** Both files as parsed JSON; on any schema problem, prints them and exits with status 1. */
export function readSupportCatalogue(): {measures: unknown; cases: unknown} {
  const measures = read("measures");
  const cases = read("cases");
  const problems = validateCatalogue(measures, cases);
  if (problems.length) {
    process.stderr.write(`data/support is invalid:\n${problems.join("\n")}\n`);
    process.exit(1);
  }
  return {measures, cases};
}
