/**
 * Bytes -> text for customs files, browser-safe. A file is first recognised by its leading bytes (so an Excel
 * workbook or a Parquet file renamed `.csv` is named for what it is instead of showing its bytes as a column
 * name), then decoded with the encoding its bytes show:
 *   - a byte-order mark: UTF-8 (EF BB BF), UTF-16 LE (FF FE) or UTF-16 BE (FE FF);
 *   - no mark but every other byte zero in the first KB: UTF-16 LE or BE without a mark (ASCII text written
 *     as UTF-16 is half NUL bytes, at odd offsets for LE and even offsets for BE);
 *   - otherwise UTF-8, strictly; bytes that are not UTF-8 but are valid GB18030 (what Chinese Excel writes
 *     for "CSV") are decoded as GB18030 and said so.
 * Magic numbers: Parquet "PAR1" (Apache Parquet format spec), xlsx/zip "PK\x03\x04" (PKWARE APPNOTE 4.3.7),
 * xls/OLE2 D0 CF 11 E0 A1 B1 1A E1 (MS-CFB 2.2), gzip 1F 8B (RFC 1952), PDF "%PDF".
 */

export type BinaryKind = "parquet" | "xlsx" | "xls" | "gzip" | "pdf" | "binary";
export type TextEncoding = "utf-8" | "utf-8 (BOM)" | "utf-16le" | "utf-16be" | "gb18030";

/** What the leading bytes say the file is. Example: `sniff(new TextEncoder().encode("PAR1..."))` -> "parquet". */
export function sniff(bytes: Uint8Array): BinaryKind | "text" {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x41, 0x52, 0x31)) return "parquet";
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "xlsx";
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return "xls";
  if (starts(0x1f, 0x8b)) return "gzip";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "pdf";
  if (utf16Order(bytes)) return "text";
  // Text never holds NUL or many C0 control bytes (other than tab, CR, LF, FF).
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return "binary";
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.05 ? "binary" : "text";
}

/** "le" / "be" when the bytes are UTF-16 (by mark, or by the NUL pattern of mostly-ASCII text), else null. */
function utf16Order(bytes: Uint8Array): "le" | "be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "be";
  const n = Math.min(bytes.length & ~1, 1024);
  if (n < 4) return null;
  let zeroEven = 0, zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const half = n / 2;
  if (zeroOdd > 0.9 * half && zeroEven < 0.1 * half) return "le";
  if (zeroEven > 0.9 * half && zeroOdd < 0.1 * half) return "be";
  return null;
}

/** Plain-language name of a binary kind, for messages ("an Excel workbook (.xlsx)"). */
export const BINARY_NAMES: Record<BinaryKind, {en: string; zh: string}> = {
  parquet: {en: "a Parquet file", zh: "Parquet 文件"},
  xlsx: {en: "an Excel workbook (.xlsx) or another zip archive", zh: "Excel 工作簿（.xlsx）或其他 zip 压缩包"},
  xls: {en: "an Excel 97-2003 workbook (.xls)", zh: "Excel 97-2003 工作簿（.xls）"},
  gzip: {en: "a gzip-compressed file", zh: "gzip 压缩文件"},
  pdf: {en: "a PDF document", zh: "PDF 文档"},
  binary: {en: "a binary file, not text", zh: "二进制文件，不是文本"}
};

/**
 * Decode text bytes, saying which encoding was used. Throws nothing: undecodable bytes (neither UTF-8 nor
 * GB18030) are decoded as UTF-8 with U+FFFD, and `lossy` is true.
 * Example: `decodeText(Uint8Array.of(0xff, 0xfe, 0x61, 0))` -> `{text: "a", encoding: "utf-16le", lossy: false}`.
 */
export function decodeText(bytes: Uint8Array): {text: string; encoding: TextEncoding; lossy: boolean} {
  const order = utf16Order(bytes);
  if (order) {
    const bom = (order === "le" && bytes[0] === 0xff && bytes[1] === 0xfe) || (order === "be" && bytes[0] === 0xfe && bytes[1] === 0xff);
    const body = bom ? bytes.subarray(2) : bytes;
    return {text: new TextDecoder(order === "le" ? "utf-16le" : "utf-16be").decode(body), encoding: order === "le" ? "utf-16le" : "utf-16be", lossy: false};
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return {text: new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(body), encoding: bom ? "utf-8 (BOM)" : "utf-8", lossy: false};
  } catch {
    try {
      return {text: new TextDecoder("gb18030", {fatal: true}).decode(body), encoding: "gb18030", lossy: false};
    } catch {
      return {text: new TextDecoder("utf-8", {ignoreBOM: true}).decode(body), encoding: "utf-8", lossy: true};
    }
  }
}
