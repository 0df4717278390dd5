/**
 * The size of DuckDB's streaming buffer for a CSV read (read.ts sets it, csv.ts reasons with it): rows DuckDB
 * may produce ahead of the conversion. 128 MB holds the whole result of a 1M-row firm file (see read.ts).
 * A Parquet read uses a small buffer of its own (PARQUET_STREAM_BUFFER_KB, see read.ts).
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

/**
 * A Parquet read's streaming buffer, in KB: chunks are copied while they are still in the cache, and the text
 * worker codes rows while DuckDB decodes the next ones (read.ts, "Parquet: one DuckDB thread").
 */
export const PARQUET_STREAM_BUFFER_KB = 4096;
