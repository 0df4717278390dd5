/**
 * Checking a tidy file against its record (#13: a verified cache): the sha256 and the row count written when the
 * file was stored. A file cut short, edited or replaced no longer matches, so a reader never builds a shorter
 * panel without a word. The checks are cheap (one hash of a few hundred KB) and run on every read.
 */
import {createHash} from "node:crypto";

/** sha256 of a text (UTF-8) or bytes, hex. */
export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

export interface Expected {
  rows: number;
  sha256: string;
}

/** Data rows of a tidy CSV text (lines after the header, ignoring a final newline); a plain count for messages. */
export function countRows(text: string): number {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return Math.max(0, lines.length - 1);
}

/**
 * Compare `text` with its record. Returns null when it matches, else a short reason, e.g.
 * `50 lines instead of 2838 rows and a different sha256`. Example: `mismatch("a\n1\n", {rows: 1, sha256: sha256("a\n1\n")})` -> null.
 */
export function mismatch(text: string, expected: Expected): string | null {
  if (sha256(text) === expected.sha256) return null;
  const rows = countRows(text);
  return rows === expected.rows
    ? `its sha256 differs from the record (${expected.rows} rows as recorded, but edited)`
    : `${rows} rows instead of the ${expected.rows} recorded, and a different sha256`;
}
