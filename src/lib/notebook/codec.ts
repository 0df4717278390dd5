/**
 * The notebook in a link: JSON -> deflate (raw, RFC 1951, via CompressionStream) -> base64url
 * (RFC 4648 §5, no padding), carried in the URL fragment `#nb=...` (a fragment never reaches a server).
 * Decoding is strict and bounded: the encoded text has a size limit and an alphabet check, the
 * inflated bytes are counted while they stream (a small link cannot inflate to megabytes), the
 * text must be valid UTF-8 and JSON, and the result must pass `validateNotebook`. Any failure is
 * one UserError line starting `notebook link:`; nothing in a link is ever executed or rendered
 * before it has passed all of this.
 */
import {UserError} from "../errors.js";
import {parseJsonStrict} from "../json/strict.js";
import {validateNotebook, type Notebook} from "./cells.js";

/** Longest accepted encoded notebook (characters after `#nb=`): ~24 kB keeps links shareable. */
export const MAX_ENCODED = 24000;
/** Largest accepted inflated JSON (bytes). */
export const MAX_JSON = 256 * 1024;

const B64URL = /^[A-Za-z0-9_-]*$/;

function bytesToBase64url(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64urlToBytes(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new UserError("notebook link: the encoded text is cut off (invalid base64url length)");
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new UserError("notebook link: the encoded text is not base64url");
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the write promise is observed so it never goes unhandled.
  writer.write(bytes as unknown as BufferSource).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new UserError(`notebook link: the notebook is larger than ${Math.round(limit / 1024)} kB once unpacked`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Encodes a (valid) notebook for `#nb=`. Example: `location.hash = "nb=" + await encodeNotebook(nb)`. */
export async function encodeNotebook(nb: Notebook): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(validateNotebook(nb)));
  const packed = await pipe(json, new CompressionStream("deflate-raw"), Infinity);
  const text = bytesToBase64url(packed);
  if (text.length > MAX_ENCODED) throw new UserError(`notebook link: the notebook is too large for a link (${text.length} characters, at most ${MAX_ENCODED}); download it as a file instead`);
  return text;
}

/** Decodes and validates the text after `#nb=`. Throws a one-line UserError on anything wrong. */
export async function decodeNotebook(text: string): Promise<Notebook> {
  if (typeof text !== "string" || text === "") throw new UserError("notebook link: empty");
  if (text.length > MAX_ENCODED) throw new UserError(`notebook link: too long (${text.length} characters, at most ${MAX_ENCODED})`);
  if (!B64URL.test(text)) throw new UserError("notebook link: the encoded text has characters outside base64url (A-Z a-z 0-9 - _)");
  const packed = base64urlToBytes(text);
  let json: Uint8Array;
  try {
    json = await pipe(packed, new DecompressionStream("deflate-raw"), MAX_JSON);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError("notebook link: the encoded text is damaged (it does not unpack)");
  }
  let str: string;
  try {
    str = new TextDecoder("utf-8", {fatal: true}).decode(json);
  } catch {
    throw new UserError("notebook link: the unpacked text is not UTF-8");
  }
  // Strict JSON: a key repeated in one object is refused with its position (JSON.parse keeps the last silently).
  const value = parseJsonStrict(str, "notebook link: the unpacked text");
  try {
    return validateNotebook(value);
  } catch (e) {
    throw new UserError(`notebook link: ${(e as Error).message.replace(/^notebook: /, "")}`);
  }
}

/** A notebook file (`.dtbnb.json`): the same JSON as a link, unpacked. */
export function notebookFileText(nb: Notebook): string {
  return JSON.stringify(validateNotebook(nb), null, 2) + "\n";
}

/** Reads a notebook file's text (size-limited, strict). */
export function readNotebookFile(text: string): Notebook {
  if (text.length > MAX_JSON) throw new UserError(`notebook file: larger than ${Math.round(MAX_JSON / 1024)} kB`);
  const value = parseJsonStrict(text, "notebook file");
  try {
    return validateNotebook(value);
  } catch (e) {
    throw new UserError(`notebook file: ${(e as Error).message.replace(/^notebook: /, "")}`);
  }
}
