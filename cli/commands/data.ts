import {UserError} from "../../src/lib/errors.ts";

export async function run(_args: string[]): Promise<void> {
  throw new UserError("the 'data' command is not available yet");
}
