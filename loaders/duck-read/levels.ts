/**
 * A text column's distinct values as the coders leave them (text-table.ts): one 16-byte key per code (the
 * length, then an inline value's bytes, zero past the length; length -1: a value longer than 12 bytes, kept
 * as a JS string). Strings are made only when asked: the reader classifies a CSV column's values from the
 * key bytes where it can (`mayBeMissing`, `hasNul`), and a column's per-row array and its levels are
 * built when the column is first read (text.ts). On the 1M-row firm files (215k ids) making every level
 * costs ~15-30 ms, most of it the young-generation collections that copy 215k fresh strings.
 */

// ignoreBOM: a level or cell that starts with U+FEFF keeps it, as in the JS reader (which decodes the whole file once).
const decoder = new TextDecoder("utf-8", {ignoreBOM: true});

/**
 * Strings for `count` codes from their keys (16 bytes a code: length, then an inline level's bytes; a
 * negative length: a long level, taken from `long`). The keys are decoded in one call as Latin-1 (one
 * character per byte, every byte value) and each ASCII level is cut from that string; levels with a byte
 * >= 0x80 are decoded as UTF-8 one by one (bytes past the length are zero: masked when coded).
 */
export function levelsFromKeys(keys: Int32Array, count: number, long: Iterable<[string, number]>): string[] {
  const levels = new Array<string>(count);
  for (const [text, code] of long) levels[code] = text;
  const all = Buffer.from(keys.buffer, keys.byteOffset, Math.min(keys.byteLength, count * 16)).toString("latin1");
  const bytes = new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength);
  for (let c = 0; c < count; c++) {
    const k = c << 2;
    const len = keys[k];
    if (len < 0) continue;
    if (((keys[k + 1] | keys[k + 2] | keys[k + 3]) & 0x80808080) !== 0) levels[c] = decoder.decode(bytes.subarray((c << 4) + 4, (c << 4) + 4 + len));
    else levels[c] = all.substring((c << 4) + 4, (c << 4) + 4 + len);
  }
  return levels;
}

/**
 * The distinct values of a coded column, by code, made into strings one at a time or all at once. The keys
 * of every code may come later (`keys` a function, called once when a level past the first ones is asked
 * for): the coder then hands over its hash table, and scanning it for the keys in code order (~10-20 ms
 * for the 1M-row firm file's 215k ids) is paid only when the column is read, as the strings are. `first`:
 * the keys of the first codes (text-table.ts firstTextKeys), enough to name a Parquet column's first text
 * cell.
 */
export class KeyedLevels {
  private made: {keys: Int32Array; bytes: Uint8Array} | null;
  /** Makes every key (the coder's table is let go once it has). */
  private later: (() => Int32Array) | null;
  private readonly first: {keys: Int32Array; bytes: Uint8Array; count: number} | null;
  private readonly long = new Map<number, string>();
  private built: string[] | null = null;
  /** Levels made one at a time so far: past a few dozen, all are made at once (cheaper per level). */
  private single = 0;

  /** `long`: [string, code] of each value longer than 12 bytes. */
  constructor(keys: Int32Array | (() => Int32Array), readonly count: number, long: Iterable<[string, number]>, first?: Int32Array) {
    this.made = typeof keys === "function" ? null : {keys, bytes: bytesOf(keys)};
    this.later = typeof keys === "function" ? keys : null;
    this.first = first ? {keys: first, bytes: bytesOf(first), count: Math.min(count, first.length >> 2)} : null;
    for (const [text, code] of long) this.long.set(code, text);
  }

  /** The keys holding code `c`: the first codes' while the others are not needed. */
  private keysFor(c: number): {keys: Int32Array; bytes: Uint8Array} {
    if (this.made) return this.made;
    if (this.first && c < this.first.count) return this.first;
    const keys = this.later!();
    this.later = null;
    return (this.made = {keys, bytes: bytesOf(keys)});
  }

  /** Every level, by code (made once). */
  all(): string[] {
    return (this.built ??= levelsFromKeys(this.keysFor(this.count).keys, this.count, [...this.long].map(([code, text]) => [text, code] as [string, number])));
  }

  /** The level of code `c`. */
  at(c: number): string {
    if (this.built || ++this.single > 64) return this.all()[c];
    const {keys, bytes} = this.keysFor(c);
    const len = keys[c << 2];
    if (len < 0) return this.long.get(c)!;
    return decoder.decode(bytes.subarray((c << 4) + 4, (c << 4) + 4 + len));
  }

  /** True when level `c` holds a NUL character. */
  hasNul(c: number): boolean {
    const {keys, bytes} = this.keysFor(c);
    const len = keys[c << 2];
    if (len < 0) return this.long.get(c)!.includes("\0");
    for (let k = (c << 4) + 4, end = k + len; k < end; k++) if (bytes[k] === 0) return true;
    return false;
  }

  /**
   * False when level `c` cannot be a missing token (cells.ts: "", "NA", "NaN", "." after trimming, all
   * ASCII): more than 3 bytes whose first and last are ASCII and not blank, so trimming removes nothing
   * (every character String.prototype.trim removes is <= 0x20 or >= 0xa0, whose UTF-8 bytes are >= 0x80).
   * Sound on its own (false only for a level that is no missing token); it may say false where text.ts
   * mayBeMissing, which counts characters, says true ("aéb"), and true where that one says false (an
   * outer character >= 0x80): isMissingCell on `at` then decides.
   */
  mayBeMissing(c: number): boolean {
    const {keys, bytes} = this.keysFor(c);
    const len = keys[c << 2];
    if (len < 0) return true;
    if (len <= 3) return true;
    const first = bytes[(c << 4) + 4];
    const last = bytes[(c << 4) + 3 + len];
    return first <= 0x20 || first >= 0x80 || last <= 0x20 || last >= 0x80;
  }
}

function bytesOf(keys: Int32Array): Uint8Array {
  return new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength);
}
