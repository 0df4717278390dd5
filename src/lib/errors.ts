/**
 * An error caused by the user's input (a file, a spec, a URL parameter), as opposed to a bug.
 * Its message is one plain line that says what was wrong and where; the CLI prints it without a
 * stack trace, and pages show it in place of the result.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
