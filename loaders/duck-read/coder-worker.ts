/**
 * A text column's dictionary coding run in a worker thread, so that it overlaps the number columns'
 * copying on this thread: on a shuffled 1M-row file every row's lookup misses the cache (~50-90 ms), and
 * once DuckDB has parsed the file a core is idle. The coding is text-table.ts, the kernel TextCoder runs
 * on this thread (columns.ts): the worker's source is built from those functions' own text. Tests read
 * every CSV case both ways.
 *
 * This thread copies each chunk's 16-byte strings (DuckDB's string_t: length, then 12 inline bytes) into a
 * shared ring; a null row gets length -1, a string longer than 12 bytes (not inline) length -2 and the
 * number of that string among the distinct long strings met so far (decoded and numbered here). The
 * worker writes codes into a shared array and counts the cells' `_` (csv.ts); at the end it hands over
 * its hash table (the keys in code order are taken from it when the levels are made, levels.ts), the keys
 * of the first 64 codes and the code of each long string's number. The worker is plain JavaScript run with
 * `eval` (no file to find once the CLI is bundled). Measured on the 1M-row firm files (machine shared,
 * medians): Parquet ~310 -> ~260 ms, CSV ~487 -> ~450 ms.
 */
import {MessageChannel, type MessagePort, Worker} from "node:worker_threads";
import {batchRecords, type Coder, LongStrings, vectorRecords} from "./columns.js";
import {KeyedLevels} from "./levels.js";
import {textKeys, workerKernelSource} from "./text-table.js";

/** Rows in the ring: 1 MB, a few chunks (or a quarter of the batch copier's rows) ahead of the worker. */
const RING_ROWS = 1 << 16;
/** Longest wait for the worker before giving up (the reader then declines the file to the JS reader). */
const STALL_MS = 20_000;

// ctl slots: rows posted, rows coded, an event counter the worker waits on, finished flag, error flag.
const POSTED = 0;
const DONE = 1;
const SEQ = 2;
const FIN = 3;
const FAILED = 4;

const WORKER_SOURCE = workerKernelSource() + String.raw`
const {workerData, parentPort, receiveMessageOnPort} = require("node:worker_threads");
const {port, boot: bootBuffer} = workerData;
const boot = new Int32Array(bootBuffer);
let ctl, ring, ringRows, codes;
/**
 * The reading thread's number columns (Int32 views of shared buffers) and the next row whose page is not
 * made yet. While it waits for rows, this thread makes their pages ahead of the reading thread's
 * position with a compare-exchange of 0 for 0 on one int32 a page: it never changes a value, even one
 * written at that moment, but makes the page as a write would.
 */
let faults = [];
let faultRow = 0;
function makePages(posted) {
  if (faultRow < posted + 4096) faultRow = posted + 4096;
  const to = faultRow + (1 << 14);
  let made = false;
  for (const col of faults) {
    const end = Math.min(to * 2, col.length);
    for (let k = faultRow * 2; k < end; k += 1024) Atomics.compareExchange(col, k, 0, 0);
    if (faultRow * 2 < col.length) made = true;
  }
  faultRow = to;
  return made;
}
/** The coding state (text-table.ts, the kernel the reading thread's TextCoder runs too). */
let st = null;
/** Takes the messages that have arrived: a bigger codes array. */
function drain() {
  let m;
  while ((m = receiveMessageOnPort(port))) if (m.message.type === "codes") codes = new Int32Array(m.message.buffer);
}
/** Codes rows from..to-1 of the ring (row i at slot i % ringRows), a run of slots at a time. */
function codeRows(from, to) {
  while (from < to) {
    const at = from % ringRows;
    const end = Math.min(to, from + ringRows - at);
    kernel.codeTextRecords(st, ring, at, codes, from, end);
    from = end;
  }
}
// The buffers arrive once a column is given to this thread (it may start before the file is parsed):
// boot[0] becomes 1 (a message waits on the port) or 2 (not needed).
while (Atomics.load(boot, 0) === 0) Atomics.wait(boot, 0, 0, 1000);
if (Atomics.load(boot, 0) === 1) {
  const init = receiveMessageOnPort(port).message;
  ctl = new Int32Array(init.ctl);
  ring = new Int32Array(init.ring);
  ringRows = ring.length >> 2;
  codes = new Int32Array(init.codes);
  st = kernel.newTextTable(codes.length);
  faults = init.faults.map((b) => new Int32Array(b));
  run();
}
function run() {
try {
  let done = 0;
  for (;;) {
    const seq = Atomics.load(ctl, ${SEQ});
    const posted = Atomics.load(ctl, ${POSTED});
    if (posted > done) {
      drain(); // a bigger codes array is sent before the rows that need it
      codeRows(done, posted);
      done = posted;
      Atomics.store(ctl, ${DONE}, done);
      Atomics.notify(ctl, ${DONE});
      continue;
    }
    if (Atomics.load(ctl, ${FIN}) === 1) break;
    if (faults.length && makePages(posted)) continue;
    Atomics.wait(ctl, ${SEQ}, seq, 1000);
  }
  // The table itself is handed over (moved, not copied): the keys in code order are taken from it only
  // when the column's levels are made (levels.ts), the first ones now.
  const first = kernel.firstTextKeys(st);
  parentPort.postMessage({count: st.count, table: st.table.buffer, first: first.buffer, long: st.longPairs, underscores: st.underscores, longRows: st.longRows}, [st.table.buffer, first.buffer]);
} catch (error) {
  Atomics.store(ctl, ${FAILED}, 1);
  Atomics.notify(ctl, ${DONE});
  parentPort.postMessage({error: String(error && error.message || error)});
}
port.close();
}
`;

/** What the worker sends back: its table, the first codes' keys, each long string's code and rows, the "_" of the inline cells. */
interface WorkerResult {
  count: number;
  table: ArrayBuffer;
  first: ArrayBuffer;
  long: Array<[number, number]>;
  underscores: number;
  longRows: Array<number | null>;
}

/** A started coder thread, waiting for its column. */
interface CoderThread {
  worker: Worker;
  port: MessagePort;
  boot: Int32Array;
  result: Promise<WorkerResult>;
}

function startCoderThread(): CoderThread {
  const {port1, port2} = new MessageChannel();
  const boot = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, {eval: true, workerData: {port: port2, boot: boot.buffer}, transferList: [port2]});
  worker.unref();
  const result = new Promise<WorkerResult>((resolve, reject) => {
    worker.once("message", (m) => (m.error ? reject(new Error(m.error)) : resolve(m)));
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("the coder worker stopped")));
  });
  result.catch(() => {}); // awaited in finish
  return {worker, port: port1, boot, result};
}

let spare: CoderThread | null = null;

/**
 * Starts a coder thread now, for the next WorkerTextCoder: a thread takes ~20-30 ms to start, which would
 * otherwise delay the first rows' coding (the reader calls this while DuckDB parses the file).
 */
export function prestartCoder(): void {
  spare ??= startCoderThread();
}

/** Stops the thread started by prestartCoder if no column took it. */
export function dropSpareCoder(): void {
  if (spare) {
    Atomics.store(spare.boot, 0, 2);
    Atomics.notify(spare.boot, 0);
    spare.port.close();
    void spare.worker.terminate();
    spare = null;
  }
}

/** TextCoder's interface, the coding done by a worker; `finish()` before reading codes or levels. */
export class WorkerTextCoder implements Coder {
  codes: Int32Array;
  private ctl = new Int32Array(new SharedArrayBuffer(8 * 4));
  private ring = new Int32Array(new SharedArrayBuffer(RING_ROWS * 16));
  private posted = 0;
  /** Distinct strings longer than 12 bytes, numbered in order of first appearance. */
  private long = new LongStrings();
  private worker: Worker;
  private port: MessagePort;
  private result: Promise<WorkerResult>;
  private made: KeyedLevels | null = null;
  private finished: {count: number; table: Int32Array; first: Int32Array; long: Array<[number, number]>} | null = null;
  /** After finish(): how many "_" the column's cells hold (as text.ts underscoresIn counts). */
  underscores = 0;

  /** `faults`: the reading thread's number columns, whose pages the worker makes while it waits (see the worker). */
  constructor(nrows: number, faults: SharedArrayBuffer[] = []) {
    this.codes = new Int32Array(new SharedArrayBuffer(Math.max(nrows, 1) * 4));
    const thread = spare ?? startCoderThread();
    spare = null;
    this.worker = thread.worker;
    this.port = thread.port;
    this.result = thread.result;
    this.port.postMessage({ctl: this.ctl.buffer, ring: this.ring.buffer, codes: this.codes.buffer, faults});
    Atomics.store(thread.boot, 0, 1);
    Atomics.notify(thread.boot, 0);
  }

  /** Room for `rows` rows: waits until the worker has coded every posted row, then hands it a bigger codes array. */
  reserve(rows: number, used: number): void {
    this.waitFor(this.posted);
    const wider = new Int32Array(new SharedArrayBuffer(rows * 4));
    wider.set(this.codes.subarray(0, used));
    this.codes = wider;
    this.port.postMessage({type: "codes", buffer: wider.buffer});
    this.bump();
  }

  /** Bytes of the long strings met, one count per row. */
  get longBytes(): number {
    return this.long.bytes;
  }

  /** The vector's `n` strings as rows offset..offset+n-1 (rows arrive in order). */
  add(vector: unknown, n: number, offset: number): void {
    this.post(vectorRecords(vector, n, this.long), n, offset);
  }

  /** Rows offset..offset+n-1 from the batch copier's records (batch.ts). */
  addRecords(words: Int32Array, n: number, offset: number, heap: Uint8Array): void {
    this.post(batchRecords(words, n, heap, this.long), n, offset);
  }

  /** Copies marked records into the ring for the worker, a quarter of the ring at a time. */
  private post(words: Int32Array, n: number, offset: number): void {
    if (offset !== this.posted) throw new Error("rows out of order");
    const step = RING_ROWS >> 2;
    for (let from = 0; from < n; from += step) {
      const m = Math.min(step, n - from);
      const row = offset + from;
      // Room in the ring: the worker must have coded all but RING_ROWS - m rows.
      this.waitFor(row + m - RING_ROWS);
      const at = row % RING_ROWS;
      const first = Math.min(m, RING_ROWS - at);
      this.ring.set(words.subarray(from * 4, (from + first) * 4), at << 2);
      if (first < m) this.ring.set(words.subarray((from + first) * 4, (from + m) * 4), 0);
      this.posted = row + m;
      Atomics.store(this.ctl, POSTED, this.posted);
      this.bump();
    }
  }

  /** Waits for the worker's last codes and keys. */
  async finish(): Promise<void> {
    Atomics.store(this.ctl, FIN, 1);
    this.bump();
    const r = await this.result;
    this.finished = {count: r.count, table: new Int32Array(r.table), first: new Int32Array(r.first), long: r.long};
    let total = r.underscores;
    r.longRows.forEach((rows, k) => {
      if (rows) for (let at = this.long.list[k].indexOf("_"); at >= 0; at = this.long.list[k].indexOf("_", at + 1)) total += rows;
    });
    this.underscores = total;
    this.port.close();
  }

  /** Stops the worker (a read given up half way). */
  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }

  get keyed(): KeyedLevels {
    if (!this.finished) throw new Error("levels before finish()");
    const {count, table, first, long} = this.finished;
    return (this.made ??= new KeyedLevels(() => textKeys({table, count, longPairs: long}), count, long.map(([k, code]) => [this.long.list[k], code] as [string, number]), first));
  }

  get levels(): string[] {
    return this.keyed.all();
  }

  private bump(): void {
    Atomics.add(this.ctl, SEQ, 1);
    Atomics.notify(this.ctl, SEQ);
  }

  /** Blocks until the worker has coded `rows` rows (or fails, or stalls). */
  private waitFor(rows: number): void {
    const start = Date.now();
    for (;;) {
      const done = Atomics.load(this.ctl, DONE);
      if (done >= rows) return;
      if (Atomics.load(this.ctl, FAILED)) throw new Error("the coder worker failed");
      if (Date.now() - start > STALL_MS) throw new Error("the coder worker stalled");
      Atomics.wait(this.ctl, DONE, done, 100);
    }
  }
}
