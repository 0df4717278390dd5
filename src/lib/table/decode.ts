/**
 * Turning file bytes into text, refusing what is clearly not a text file.
 */
import {UserError} from "../errors.js";

/**
 * Decodes UTF-8 bytes to a string, dropping a leading byte-order mark.
 * A NUL byte (never present in a text CSV, always in Parquet/Arrow/zip/xlsx) or an invalid UTF-8
 * sequence (e.g. a Latin-1 export) is a UserError naming the file and the line it occurs on.
 *
 * @example decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "a.csv") // "a"
 */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UserError(`${source}: binary file, not text (NUL byte at line ${lineAt(bytes, nul)}); expected a UTF-8 CSV`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: false}).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new UserError(`${source}: not valid UTF-8 text (line ${lineAt(bytes, bad)}); save the file as UTF-8`);
  }
  // TextDecoder with ignoreBOM: false already strips a BOM; keep this for strings handed in directly.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line number of byte offset `at`. */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629), or bytes.length. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let need = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
