/**
 * The size of DuckDB's streaming buffer for a read (read.ts sets it, csv.ts reasons with it): rows DuckDB may
 * produce ahead of the conversion. 128 MB holds the whole result of a 1M-row firm file (see read.ts).
 */
const DEFAULT_MB = 128;
let mb = DEFAULT_MB;

/** Tests: a smaller buffer, so that a small file's result outgrows it (null: the default). */
export function setStreamBufferMb(size: number | null): void {
  mb = size ?? DEFAULT_MB;
}

export function streamBufferMb(): number {
  return mb;
}

export function streamBufferBytes(): number {
  return mb * 1024 * 1024;
}
