import {UserError} from "../../src/lib/errors.ts";

export async function run(_args: string[]): Promise<void> {
  throw new UserError("the 'replicate' command is not available yet");
}
