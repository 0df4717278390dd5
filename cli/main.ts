/**
 * `dtb` command dispatcher. Each subcommand lives in cli/commands/<name>.ts and exports
 * `run(args: string[]): Promise<void>`. Errors are one plain line on stderr and exit code 1;
 * `--debug` adds the stack trace.
 */
import {refuseRepeatedOptions} from "./options.ts";

const COMMANDS: Record<string, () => Promise<{run: (args: string[]) => Promise<void>}>> = {
  data: () => import("./commands/data.ts"),
  panel: () => import("./commands/panel.ts"),
  estimate: () => import("./commands/estimate.ts"),
  "event-study": () => import("./commands/event-study.ts"),
  replicate: () => import("./commands/replicate.ts"),
  customs: () => import("./commands/customs.ts"),
  simulate: () => import("./commands/simulate.ts"),
  multiverse: () => import("./commands/multiverse.ts")
};

const USAGE = `usage: dtb <command> [options]
  dtb data fetch [--source dstri|wdi|exports]   refresh the data cache from the official APIs (the only networked command)
  dtb data snapshot --out DIR                   write the small data snapshot shipped with the code
  dtb panel --out FILE                          write the analysis panel (.csv, .parquet, .arrow)
  dtb estimate --data FILE --spec SPEC.json     estimate a model and print JSON
  dtb estimate --data FILE --formula "y ~ x | fe" [--vcov ~c] [--id ID --time T]   same, fixest syntax
  dtb event-study --data FILE --spec SPEC.json --term X --leads F --lags L [--leave-one-out]   leads and lags of X, binned endpoints
  dtb replicate --out FILE                      estimate every model of the study's Tables 4-7
  dtb customs aggregate|panel|synth ...         customs transaction records -> customs file / firm panel (dtb customs for help)
  dtb simulate --lab LAB --reps R --seed S [--param NAME=VALUE ...] --out OUT.json   classroom Monte Carlo
  dtb multiverse --data FILE --grid GRID.json --out OUT.json [--null-draws N] [--seed S]
                                                every specification of a grid, with joint inference
options: --debug (show stack traces)`;

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((a) => a !== "--debug");
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE + "\n");
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`dtb: unknown command "${name}" (try: ${Object.keys(COMMANDS).join(", ")})\n`);
    return 2;
  }
  try {
    refuseRepeatedOptions(rest);
    const command = await load();
    await command.run(rest);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`dtb ${name}: ${message.split("\n")[0]}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(error.stack + "\n");
    return 1;
  }
}
