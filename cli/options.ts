/**
 * One rule for every `dtb` verb: an option given twice is refused (issue #13: `dtb panel --out a --out b`
 * used to write only b, silently). Checked in cli/main.ts before the verb parses its own arguments, so a new
 * verb gets it for free. A value is never mistaken for an option: the token after an option that takes a
 * value (`--out --x`) is skipped only when the option has no `=value` part and is not a known flag.
 */
import {UserError} from "../src/lib/errors.js";

/** Flags that take no value (the token after them is another argument). */
const FLAGS = new Set(["--help", "-h", "--debug", "--emit-sql", "--quiet", "--leave-one-out"]);
/** Options meant to be given several times (`dtb simulate --param N=20 --param rho_e=0.5`). */
const REPEATABLE = new Set(["--param"]);
/** Short aliases of long options. */
const ALIASES: Record<string, string> = {"-o": "--out"};

/**
 * Throws UserError when a long option (or its alias) appears twice.
 * Example: `refuseRepeatedOptions(["--out", "a", "--out", "b"])` throws `option --out given twice ("a", then "b"): give it once`.
 */
export function refuseRepeatedOptions(args: string[]): void {
  const seen = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    const m = /^(--[A-Za-z][\w-]*|-o)(?:=(.*))?$/s.exec(token);
    if (!m || FLAGS.has(m[1])) continue;
    const name = ALIASES[m[1]] ?? m[1];
    let value = m[2];
    if (value === undefined && i + 1 < args.length) value = args[++i];
    if (REPEATABLE.has(name)) continue;
    const before = seen.get(name);
    if (before !== undefined) throw new UserError(`option ${name} given twice (${JSON.stringify(before)}, then ${JSON.stringify(value ?? "")}): give it once`);
    seen.set(name, value ?? "");
  }
}
