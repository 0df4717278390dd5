/**
 * The DuckDB reader (loaders/duck-read) against the JS readers (src/lib/table) on every file of the test
 * corpus (tests/fixtures), the hostile corpus (tests/hostile/corpus.ts), the CSV reader's own cases
 * (tests/lib/table/csv.test.ts) and the cases where DuckDB's CSV rules differ from ours: same columns in
 * the same order, same types, same values bit for bit (NaN = missing), same text, same first non-numeric
 * cell and line, or the same one-line error. Each case also says whether DuckDB read it or declined it
 * (then the JS reader did), so that a reader that always declines cannot pass.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {readerFor, readTable} from "../../loaders/read-table.ts";
import {factorize} from "../../src/lib/engine/frame.ts";
import type {ParsedTable} from "../../src/lib/table/types.ts";
import {CUSTOMS_CASES, DEGENERATE_CSV} from "../hostile/corpus.ts";

const dir = mkdtempSync(join(tmpdir(), "duck-read-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const ROOT = resolve(import.meta.dirname, "../..");

type Outcome = {table: ParsedTable} | {error: string};

async function outcome(path: string, duckdb: boolean): Promise<Outcome> {
  try {
    return {table: await readTable(path, await readerFor(path), {duckdb})};
  } catch (error) {
    return {error: (error as Error).message};
  }
}

/** Fails with the first difference; returns whether DuckDB read the file itself. */
async function expectSame(path: string): Promise<boolean> {
  const {lastFallbackReason} = await import("../../loaders/duck-read/read.ts");
  const js = await outcome(path, false);
  const duck = await outcome(path, true);
  const declined = lastFallbackReason() !== "";
  if ("error" in js) {
    expect(duck).toEqual(js);
    return !declined;
  }
  expect("table" in duck, "error" in duck ? duck.error : "").toBe(true);
  const a = (duck as {table: ParsedTable}).table;
  const b = js.table;
  expect(a.frame.nrows).toBe(b.frame.nrows);
  expect(Object.keys(a.frame.columns)).toEqual(Object.keys(b.frame.columns));
  for (const [name, col] of Object.entries(b.frame.columns)) {
    const got = a.frame.columns[name];
    expect(got.constructor, name).toBe(col.constructor);
    if (col instanceof Float64Array) {
      const g = got as Float64Array;
      for (let i = 0; i < col.length; i++) if (!Object.is(g[i], col[i])) expect([name, i, g[i]]).toEqual([name, i, col[i]]);
    } else {
      expect(got, name).toEqual(col);
      // Codes handed to the engine are the ones factorize computes from the strings.
      const f = factorize(got);
      const ref = factorize(Array.from(col));
      expect(Array.from(f.codes)).toEqual(Array.from(ref.codes));
      expect(f.levels).toEqual(ref.levels);
    }
  }
  expect(Object.keys(a.notNumeric).sort()).toEqual(Object.keys(b.notNumeric).sort());
  for (const [name, nn] of Object.entries(b.notNumeric)) expect({where: a.notNumeric[name].where, value: a.notNumeric[name].value}, name).toEqual(nn);
  expect(a.source).toBe(b.source);
  return !declined;
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(csv|parquet)$/i.test(entry)) out.push(path);
  }
  return out;
}

describe("DuckDB reader = JS reader on the test corpus (tests/fixtures)", () => {
  const files = filesUnder(resolve(ROOT, "tests/fixtures"));
  it("finds the corpus", () => expect(files.length).toBeGreaterThan(5));
  for (const path of files) {
    it(path.slice(ROOT.length + 1), async () => {
      expect(await expectSame(path)).toBe(true); // plain project files: DuckDB reads them itself
    });
  }
});

describe("DuckDB reader = JS reader on the hostile corpus (tests/hostile/corpus.ts)", () => {
  for (const c of CUSTOMS_CASES) {
    it(`${c.id}: ${c.what}`, async () => {
      await expectSame(write(`hostile-${c.name}`, c.bytes()));
    });
  }
  it("the degenerate-model panel", async () => {
    expect(await expectSame(write("degenerate.csv", DEGENERATE_CSV))).toBe(true);
  });
});

/** An id of 1-25 bytes for k (distinct for distinct k): ASCII, with "é" or "北" now and then, " NA " for k = 4,500. */
function manyIds(k: number): string {
  if (k === 4_500) return " NA ";
  const base = `${k}_${"abcdefghijklmnopqrstuvwx".slice(0, k % 21)}`;
  return k % 13 === 0 ? `é${base}` : k % 17 === 0 ? `北${base}` : base;
}

// [label, content, DuckDB reads it itself (true) or declines it to the JS reader (false)]
const CSV_CASES: Array<[string, string | Uint8Array, boolean]> = [
  ["missing tokens", 'id,t,y\n"A",1,2.5\n"A",2,NA\nB,3,.\nB,4,NaN\nC,5,\n', true],
  ["BOM, CRLF, quoted fields, blanks around a number", '\uFEFF"id","year","y"\r\n"A","2008", 1.5 \r\n"B",2009,"-2e-3"\r\n', true],
  ["BOM and CRLF, unquoted header", "\uFEFFid,year,y\r\nA,2008, 1.5 \r\nB,2009,-2e-3\r\n", true],
  ["quotes inside quotes, newline in a field; text on line 5", 'name,v\n"say ""hi"", ok",1\n"two\nlines",2\nx,oops\n', true],
  ["blank line and no final newline", "a,b\n1,2\n\n3,4", true],
  ["text after a blank line (line numbers shift)", "a,b\n1,2\n\n3,x\n", true],
  ["empty and NA cells", "a,b\n1,\n2,NA\n", true],
  ["header only", "a,b\n", true],
  ["missing tokens with blanks around them", "a,b,c\n1, NA ,x\n2,.,\n3,NaN , y \n", true],
  ["quoted empty and quoted NA", 'a,b\n1,""\n2,"NA"\n3,z\n', true],
  ["numbers DuckDB reads but we do not: nan, underscores, hex", "a,b,c\nnan,1_000,0x10\n1,2,3\n", true],
  ["+.5 and 1.e5 and 1e-400 and -0", "a,b,c,d\n+.5,1.e5,1e-400,-0\n", true],
  ["text after 30,000 numbers", "a,b\n" + Array.from({length: 30_000}, (_, i) => `${i},${i % 7}`).join("\n") + "\nabc,1\n", true],
  ["a quoted numeric id", 'id,y\n"007",1\n"8",2\n', true],
  ["lone CR line ends", "a,b\r1,x\r2,y\r", true],
  ["mixed line ends: LF header, CRLF rows (DuckDB refuses them)", "a,b\n1,x\r\n2,y\r\n", false],
  ["quoted header names with numbers and quotes", '"2",b,"c ""q""","1"\n1,2,3,4\n', true],
  ["one column with a blank line", "a\n1\n\n2\n", false],
  ["a quote followed by a blank", 'a,b\n1,"x" \n', false],
  ["a lone quote inside a field", 'a,b\n1,a"b\n', true],
  ["non-ASCII text ids and a long id", "id,y\n北京_1,1\nZürich,2\nabcdefghijklmnopqrstuvwxyz,3\nabcdefghijklmnopqrstuvwxyz,4\n北京_1,5\n", true],
  ["ids of 0-12 bytes, inline in DuckDB", "id,y\nx,1\nxx,2\nxxxx,3\nxxxxx,4\nxxxxxxxx,5\nxxxxxxxxx,6\nxxxxxxxxxxxx,7\nxxxxxxxxxxxxx,8\nxx,9\nx,10\n", true],
  ["numbers column all missing", "a,b\n1,\n2,NA\n", true],
  ["long rows in the first megabyte, short ones after (the row estimate falls short; arrays grow)", "a,b\n" + Array.from({length: 1_100}, (_, i) => `${i},${"x".repeat(1_000)}${i % 3}`).join("\n") + "\n" + Array.from({length: 200_000}, (_, i) => `${i},y${i % 5}`).join("\n") + "\n", true],
  ["9,000 distinct ids of 1-25 bytes (some non-ASCII, some missing) over 12,000 rows and several chunks", "id,y\n" + Array.from({length: 12_000}, (_, i) => `${manyIds(i % 9_000)},${i}`).join("\n") + "\n", true],
  ["a hash at the start of a row", "a,b\n1,x\n#c,y\n", true],
  // DuckDB reads "1_000" as 1000 in a number column (its cast allows digit separators); the JS reader keeps it as
  // text. 60,000 rows (~460 KB): past DuckDB's 20,480-row sample and the reader's own 256 KB sample (sample.ts).
  ["a digit separator (1_000) in a number column after 60,000 rows", "a,b\n" + Array.from({length: 60_000}, (_, i) => `${i},${i % 7}`).join("\n") + "\n1_000,x\n2,y\n", false],
  ["a quoted 1_000 in a number column after 60,000 rows", "a,b\n" + Array.from({length: 60_000}, (_, i) => `${i},${i % 7}`).join("\n") + '\n"1_000",x\n', false],
  // Inf on the first row of a column that turns to text later: the first rows do not parse by the JS rule, so
  // DuckDB's sniffer types the columns; the digit separator is still caught.
  ["a digit separator after 60,000 rows, columns typed by DuckDB's sniffer", "a,b,c\n" + Array.from({length: 60_000}, (_, i) => `${i},${i % 7},${i ? i : "Inf"}`).join("\n") + "\n1_000,x,z\n", false],
  ["the same file without the digit separator (DuckDB's sniffer types the columns)", "a,b,c\n" + Array.from({length: 60_000}, (_, i) => `${i},${i % 7},${i ? i : "Inf"}`).join("\n") + "\n1,x,z\n", true],
  ["text in a column after the first 64 KB of numbers (read again as text)", "a,b\n" + Array.from({length: 60_000}, (_, i) => `${i},${i % 7}`).join("\n") + "\nn/a,x\n", true],
  ["digit separators in a text column (ids like 4008_12) and in the header", "a_1,pair,y\n" + Array.from({length: 60_000}, (_, i) => `${i},${i % 97}_${i % 5},${i / 8}`).join("\n") + "\n7,1_000,3\n", true],
  ["ids like 4008_12 that start after the first rows", "a,pair,y\n" + Array.from({length: 60_000}, (_, i) => `${i},${i < 40_000 ? `p${i % 97}` : `${i % 97}_${i % 5}`},${i / 8}`).join("\n") + "\n", true],
  // Missing tokens first met after the first 64 KB (DuckDB is then given only "" as a missing token, sample.ts):
  // a number column stops and is read again as text, a text column keeps the token as a string; both end as the
  // JS rule reads them.
  ...(["NA", "NaN", ".", " NA ", '"NA"', ""] as const).map((token): [string, string, boolean] => [
    `missing token ${JSON.stringify(token)} in a number and a text column after 60,000 rows`,
    "a,b,c\n" + Array.from({length: 60_000}, (_, i) => `${i},${i % 7},k${i % 11}`).join("\n") + `\n${token},3,${token}\n4,${token},z\n`,
    true
  ]),
  ["the missing tokens in the first rows and again after 60,000 rows", "a,b\n1,NA\n" + Array.from({length: 60_000}, (_, i) => `${i},${i % 7}`).join("\n") + "\n.,NaN\n", true],
  ["a semicolon file", "a;b\n1;2\n", true],
  ["a text column whose first cell is Inf", "a,b\nInf,x\nabc,y\n", true],
  // The JS reader's errors (tests/lib/table/csv.test.ts), now through readTable.
  ["empty file", "", false],
  ["duplicate header", "a,b,a\n1,2,3\n", false],
  ["empty header name", "a,,c\n1,2,3\n", false],
  ["ragged row", "a,b\n1,2\n3\n4,5\n", false],
  ["too many fields", "a,b\r\n1,2\r\n3,4,5\r\n", false],
  ["every row too long", "a,b\n1,2,3\n4,5,6\n", false],
  ["unclosed quote", 'a,b\n1,"2\n3,4\n', false],
  ["text after quote", 'a,b\n1,"2"x\n', false],
  ["Inf", "a,b\n1,2\n3,Inf\n", false],
  ["-Infinity", "a,b\n1,-Infinity\n", false],
  ["overflow", "a\n1e999\n", false],
  ["NUL byte", new Uint8Array([0x61, 0x0a, 0x31, 0x00, 0x32]), false],
  ["NUL byte in a text cell", new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0x78, 0x00, 0x79, 0x0a]), false],
  ["invalid UTF-8", new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xe9, 0x0a]), false]
];

describe("DuckDB reader = JS reader on CSV edge cases", () => {
  CSV_CASES.forEach(([label, content, readByDuck], k) => {
    it(`${label} (${readByDuck ? "read by DuckDB" : "declined to the JS reader"})`, async () => {
      const path = write(`case-${k}.csv`, content);
      expect(await expectSame(path)).toBe(readByDuck);
    });
  });
  // The same cases with the first text column coded by a worker thread (coder-worker.ts), which large
  // files use: same codes, levels, missing cells and first text cell.
  describe("text coded by a worker", () => {
    beforeAll(async () => (await import("../../loaders/duck-read/collect.ts")).setWorkerMinRows(0));
    afterAll(async () => (await import("../../loaders/duck-read/collect.ts")).setWorkerMinRows(200_000));
    // Half the cases take a thread started before the file is parsed (as files of 8 MB or more do).
    let k = 0;
    beforeEach(async () => {
      if (k++ % 2 === 0) (await import("../../loaders/duck-read/coder-worker.ts")).prestartCoder();
    });
    CSV_CASES.forEach(([label, content, readByDuck], k) => {
      it(`${label} (${readByDuck ? "read by DuckDB" : "declined to the JS reader"})`, async () => {
        const path = write(`case-w-${k}.csv`, content);
        expect(await expectSame(path)).toBe(readByDuck);
      });
    });
    it("a firm panel in Parquet with text ids", async () => {
      const {DuckDBInstance} = await import("@duckdb/node-api");
      const instance = await DuckDBInstance.create(":memory:");
      const con = await instance.connect();
      const path = join(dir, "worker-firm.parquet");
      await con.run(`COPY (SELECT i % 97 AS firm, CASE WHEN i % 11 = 0 THEN NULL WHEN i % 13 = 0 THEN 'a long id of more than twelve bytes ' || (i % 7)::VARCHAR ELSE (i % 97)::VARCHAR || '_' || (i % 5)::VARCHAR END AS pair, i * 0.5 AS y FROM range(50000) t(i)) TO '${path}' (FORMAT parquet)`);
      con.closeSync();
      instance.closeSync();
      expect(await expectSame(path)).toBe(true);
    });
  });

  it("a text column's first non-numeric cell names its file line, through the JS reader when quotes move lines", async () => {
    const path = write("lines.csv", 'id,v\n"a\nb",1\nx,oops\n');
    const t = await readTable(path, await readerFor(path), {duckdb: true});
    expect(t.notNumeric.v).toEqual({where: "line 4", value: "oops"});
  });
});

describe("long strings in two text columns (worker and this thread), more than the copier's first heap per chunk", () => {
  beforeAll(async () => (await import("../../loaders/duck-read/collect.ts")).setWorkerMinRows(0));
  afterAll(async () => (await import("../../loaders/duck-read/collect.ts")).setWorkerMinRows(200_000));
  it("20,000 rows, ids of 30-60 bytes with nulls and repeats, read by DuckDB as the JS reader reads them", async () => {
    const lines = ["a,b,y"];
    for (let i = 0; i < 20_000; i++) {
      const a = i % 13 === 0 ? "" : `a long identifier number ${(i * 7) % 503} ${"x".repeat(i % 30)}`;
      const b = i % 17 === 0 ? "" : `ünïcödé label ${(i * 11) % 211} ${"y".repeat((i * 3) % 35)}`;
      lines.push(`${a},${b},${i / 4}`);
    }
    expect(await expectSame(write("long-two.csv", `${lines.join("\n")}\n`))).toBe(true);
  });
});

describe("a cell that starts with U+FEFF past the first line", () => {
  beforeAll(async () => (await import("../../loaders/duck-read/collect.ts")).setWorkerMinRows(0));
  afterAll(async () => (await import("../../loaders/duck-read/collect.ts")).setWorkerMinRows(200_000));
  it("keeps it, inline and long, in the worker's column and this thread's, as the JS reader does (DuckDB's reader dropped it)", async () => {
    const lines = ["a,b,y"];
    for (let i = 0; i < 3000; i++) lines.push(`${i % 3 === 0 ? "\ufeffid" : "id"}${i % 50},${i % 5 === 0 ? "\ufeffa label longer than twelve bytes " : "lbl"}${i % 40},${i}`);
    const path = write("bom-cells.csv", `${lines.join("\n")}\n`);
    expect(await expectSame(path)).toBe(true);
    const {frame} = await readTable(path, await readerFor(path), {duckdb: true});
    expect((frame.columns.a as string[])[0]).toBe("\ufeffid0");
    expect((frame.columns.b as string[])[0]).toBe("\ufeffa label longer than twelve bytes 0");
  });
  it("Parquet: the JS reader and DuckDB keep it, inline and long (hyparquet's decoder dropped it)", async () => {
    const path = await writeParquet("bom-cells", "SELECT CASE WHEN i % 3 = 0 THEN chr(65279) ELSE '' END || 'id' || (i % 50)::VARCHAR AS a, CASE WHEN i % 5 = 0 THEN chr(65279) || 'a label longer than twelve bytes ' ELSE 'lbl' END || (i % 40)::VARCHAR AS b, i AS y FROM range(3000) t(i)");
    expect(await expectSame(path)).toBe(true);
    for (const duckdb of [false, true]) {
      const {frame} = await readTable(path, await readerFor(path), {duckdb});
      expect((frame.columns.a as string[])[0]).toBe("\ufeffid0");
      expect((frame.columns.b as string[])[0]).toBe("\ufeffa label longer than twelve bytes 0");
    }
  });
});

describe("a wide file", () => {
  it("150 columns, numbers and text, 3,000 rows: read by DuckDB, the JS reader's frame", async () => {
    const header = Array.from({length: 150}, (_, j) => `c${j}`);
    const lines = [header.join(",")];
    for (let i = 0; i < 3000; i++) lines.push(header.map((_, j) => (j % 10 === 3 ? `id${(i * j) % 101}` : i % 17 === j % 17 ? "" : ((i * 31 + j) % 997) / 8)).join(","));
    expect(await expectSame(write("wide.csv", `${lines.join("\n")}\n`))).toBe(true);
  });
});

// DuckDB ends a result that failed while it was read as it ends a complete one. A failure met after `stream`
// returned (its buffer full: here 1 MB, ~20 chunks) once cut the file short with no word; now the batch
// copier reads DuckDB's error, and the chunk path counts the rows.
describe("a failure met after DuckDB's streaming buffer filled (1 MB buffer)", () => {
  beforeAll(async () => (await import("../../loaders/duck-read/read.ts")).setStreamBufferMb(1));
  afterAll(async () => (await import("../../loaders/duck-read/read.ts")).setStreamBufferMb(null));
  const rows = (n: number, last: string) => {
    const lines = ["id,pair,x,y"];
    // No "_" in the file: its count (the digit-separator check, csv.ts) would notice the short read by itself.
    for (let i = 0; i < n - 1; i++) lines.push(`${i},p${i % 977}x${i % 7},${(i * 0.37) % 11},${i % 13}`);
    lines.push(last);
    return `${lines.join("\n")}\n`;
  };
  it("a text cell in a number column on the last of 100,000 rows: the column is text, as the JS reader reads it", async () => {
    const path = write("late-text.csv", rows(100_000, "99999,p1x1,oops,3"));
    await expectSame(path);
    const t = await readTable(path, await readerFor(path), {duckdb: true});
    expect(t.frame.nrows).toBe(100_000);
    expect(t.notNumeric.x).toEqual({where: "line 100001", value: "oops"});
  });
  it("a row with a field too many on the last of 100,000 rows: the JS reader's error", async () => {
    const path = write("late-field.csv", rows(100_000, "99999,p1x1,2,3,4"));
    const js = await outcome(path, false);
    expect("error" in js).toBe(true);
    expect(await outcome(path, true)).toEqual(js);
  });
  it("100,000 rows with no failure are all read by DuckDB", async () => {
    const path = write("late-none.csv", rows(100_000, "99999,p1x1,2,3"));
    expect(await expectSame(path)).toBe(true);
  });
  it("Parquet of 100,000 rows is read whole by DuckDB", async () => {
    const path = await writeParquet("late-none", "SELECT i AS id, 'p' || (i % 977)::VARCHAR || 'x' || (i % 7)::VARCHAR AS pair, i * 0.37::DOUBLE AS x FROM range(100000) t(i)");
    expect(await expectSame(path)).toBe(true);
  });
});

// A Parquet read streams through a small buffer of its own (read.ts, PARQUET_STREAM_BUFFER_KB), whatever the
// CSV buffer: a page DuckDB cannot read in the file's last row group fails long after `stream` returned.
describe("Parquet: a broken page in the last of 15 row groups (300,000 rows, text coded by the worker)", () => {
  it("DuckDB's failure is seen and the JS reader reads the file: no frame cut short", async () => {
    const {DuckDBInstance} = await import("@duckdb/node-api");
    const path = join(dir, "late-broken.parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    await con.run(`COPY (SELECT i AS id, (i % 5003)::VARCHAR || '_' || (i % 7)::VARCHAR AS pair, i * 0.37 AS x FROM range(300000) t(i)) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 20000)`);
    const meta = await con.runAndReadAll(`SELECT max(row_group_id), arg_max(data_page_offset, row_group_id) FROM parquet_metadata('${path}') WHERE path_in_schema = 'x'`);
    con.closeSync();
    instance.closeSync();
    const [groups, offset] = meta.getRows()[0].map(Number);
    expect(groups).toBe(14);
    const bytes = readFileSync(path);
    bytes.fill(0xff, offset, offset + 24); // the page header of x's last page
    writeFileSync(path, bytes);
    const {lastFallbackReason} = await import("../../loaders/duck-read/read.ts");
    const js = await outcome(path, false);
    const duck = await outcome(path, true);
    // The batch copier reads DuckDB's error; the chunk path (duck-read-chunks.test.ts) finds the rows short of the footer's count.
    expect(lastFallbackReason()).toMatch(/^DuckDB(: | ended the result early$)/);
    expect(duck).toEqual(js);
  });
});

/** Writes the rows of `select` to a Parquet file named after `label`. */
async function writeParquet(label: string, select: string): Promise<string> {
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const path = join(dir, `${label.replace(/\W+/g, "-")}.parquet`);
  await con.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
  con.closeSync();
  instance.closeSync();
  return path;
}

// Files of DuckDB's chunks (2,048 rows) in every shape the reader's copy loops meet: nulls on the first, last
// and neighbouring rows of a chunk and of the file, a last chunk that is not full, no rows, columns all null.
const PARQUET_CHUNK_CASES: Array<[string, string]> = [
  [
    "nulls on the first and last rows of every chunk, 5,000 rows (not a multiple of 2,048)",
    "SELECT CASE WHEN i % 2048 IN (0, 1, 2046, 2047) OR i = 4999 THEN NULL ELSE i * 0.25 END AS y, CASE WHEN i % 3 = 0 THEN NULL ELSE (i % 7)::BIGINT END AS k, CASE WHEN i % 2048 IN (0, 2047) OR i = 4999 THEN NULL ELSE (i % 97)::VARCHAR || '_' || (i % 5)::VARCHAR END AS pair FROM range(5000) t(i)"
  ],
  ["no rows", "SELECT 1.5::DOUBLE AS y, 2::BIGINT AS k, 'a' AS pair WHERE false"],
  ["columns all null over two chunks and a bit", "SELECT i::DOUBLE AS x, NULL::DOUBLE AS y, NULL::BIGINT AS k, NULL::VARCHAR AS pair FROM range(4100) t(i)"],
  ["exactly two chunks, the last row null", "SELECT CASE WHEN i = 4095 THEN NULL ELSE i::DOUBLE END AS y, CASE WHEN i = 4095 THEN NULL ELSE 'id_' || (i % 10)::VARCHAR END AS pair FROM range(4096) t(i)"]
];

describe("DuckDB reader = JS reader on Parquet", () => {
  const cases: Array<[string, string, boolean]> = [
    ["numbers, ints, booleans, decimals, text, nulls", "SELECT 1.5::DOUBLE AS d, 2::INTEGER AS i, 3::BIGINT AS b, true AS t, 1.25::DECIMAL(9,2) AS m, 'x' AS s, NULL::DOUBLE AS n UNION ALL SELECT 'NaN'::DOUBLE, NULL, -4, false, NULL, NULL, 2", true],
    ["strings that look like numbers stay text", "SELECT '1' AS s, 'NA' AS t UNION ALL SELECT '2', 'x'", true],
    [
      "decimals of every width, each the double nearest it (the JS reader once scaled 481 at scale 2 to 4.8100000000000005)",
      "SELECT (i * 0.37)::DECIMAL(9,2) AS d9, (i * -1.0001)::DECIMAL(18,4) AS d18, (i * 12345.6789012345)::DECIMAL(38,10) AS d38 FROM range(3000) t(i)",
      true
    ],
    ["a firm panel with text ids", "SELECT i % 97 AS firm, (i % 97)::VARCHAR || '_' || (i % 5)::VARCHAR AS pair, i * 0.5 AS y FROM range(5000) t(i)", true],
    ["an infinity (refused)", "SELECT 'Infinity'::DOUBLE AS d", false],
    ["a date column (JS reader's ISO text)", "SELECT DATE '2020-01-02' AS d, 1 AS y", false],
    ...PARQUET_CHUNK_CASES.map(([label, select]): [string, string, boolean] => [label, select, true])
  ];
  for (const [label, select, readByDuck] of cases) {
    it(label, async () => {
      expect(await expectSame(await writeParquet(label, select))).toBe(readByDuck);
    });
  }
  // The same chunk shapes with the first text column coded by a worker thread (coder-worker.ts).
  describe("text coded by a worker", () => {
    beforeAll(async () => (await import("../../loaders/duck-read/collect.ts")).setWorkerMinRows(0));
    afterAll(async () => (await import("../../loaders/duck-read/collect.ts")).setWorkerMinRows(200_000));
    for (const [label, select] of PARQUET_CHUNK_CASES) {
      it(label, async () => {
        expect(await expectSame(await writeParquet(`w-${label}`, select))).toBe(true);
      });
    }
  });
  it("not a Parquet file", async () => {
    expect(await expectSame(write("fake.parquet", "a,b\n1,2\n"))).toBe(false);
  });
});

describe("reading only the columns a model names", () => {
  const csv = "firm,pair,y,x,junk\n1,1_1,1.5,2,a\n2,2_1,2.5,3,b\n1,1_2,0.5,1,c\n";
  for (const duckdb of [true, false]) {
    it(`the same columns as a full read, in the file's order (${duckdb ? "DuckDB" : "JS reader"})`, async () => {
      const path = write(`cols-${duckdb}.csv`, csv);
      const full = await readTable(path, await readerFor(path), {duckdb});
      const some = await readTable(path, await readerFor(path), {duckdb, columns: ["y", "firm", "log", "no_such"]});
      expect(Object.keys(some.frame.columns)).toEqual(["firm", "y"]);
      expect(some.frame.columns.y).toEqual(full.frame.columns.y);
      expect(some.frame.columns.firm).toEqual(full.frame.columns.firm);
      expect(some.notNumeric).toEqual({});
    });
  }
  it("a digit separator in a column read as numbers is caught when the ids holding `_` are not read (their `_` counted)", async () => {
    const {lastFallbackReason} = await import("../../loaders/duck-read/read.ts");
    const rows = Array.from({length: 60_000}, (_, i) => `${i % 97}_${i % 5},${i},${i / 8}`);
    const cases: Array<[string, string, boolean]> = [
      ["ids only", "pair,x,y\n" + rows.join("\n") + "\n", true],
      ["1_000 in x after 60,000 rows", "pair,x,y\n" + rows.join("\n") + "\n1_2,1_000,3\n", false],
      ["1_000 in y, not read (counted as text by DuckDB)", "pair,x,y\n" + rows.join("\n") + "\n1_2,4,1_000\n", true],
      // Ids short in the first rows are counted from DuckDB's string records, longer ones by DuckDB.
      ["ids short at first, longer than 12 bytes later", "pair,x,y\n" + rows.map((r, i) => (i < 50_000 ? r : `long_id_number_${r}`)).join("\n") + "\n", true],
      ["ids longer than 12 bytes from the first row", "pair,x,y\n" + rows.map((r) => `long_id_number_${r}`).join("\n") + "\n", true],
      ["long ids, then 1_000 in x", "pair,x,y\n" + rows.map((r) => `long_id_number_${r}`).join("\n") + "\nlong_id_1_2,1_000,3\n", false]
    ];
    for (const [label, content, readByDuck] of cases) {
      const path = write(`cols-underscore-${label.replace(/\W+/g, "-")}.csv`, content);
      const js = await readTable(path, await readerFor(path), {duckdb: false, columns: ["x"]});
      const duck = await readTable(path, await readerFor(path), {duckdb: true, columns: ["x"]});
      expect(lastFallbackReason() === "", `${label}: ${lastFallbackReason()}`).toBe(readByDuck);
      expect(duck.frame.columns.x, label).toEqual(js.frame.columns.x);
      expect(duck.notNumeric, label).toEqual(js.notNumeric);
    }
  });
  it("refuses a row longer than the header even when its extra field is not read", async () => {
    const path = write("cols-long.csv", "a,b\n1,2,3\n4,5,6\n");
    await expect(readTable(path, await readerFor(path), {duckdb: true, columns: ["a"]})).rejects.toThrow(/line 2: 3 fields, but the header has 2/);
  });
  it("an infinity or text in a column the model does not name is no error, in every reader; in a named one it is", async () => {
    const csv = "firm,y,x,unused,label\n1,1.5,2,Inf,a\n2,2.5,3,1,b\n1,0.5,1,-inf,c\n";
    const path = write("cols-inf.csv", csv);
    const {DuckDBInstance} = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    const parquet = join(dir, "cols-inf.parquet");
    await con.run(`COPY (SELECT firm::DOUBLE AS firm, y::DOUBLE AS y, x::DOUBLE AS x, unused::DOUBLE AS unused FROM read_csv('${path}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    con.closeSync();
    instance.closeSync();
    const a = await import("apache-arrow");
    const arrow = write("cols-inf.arrow", a.tableToIPC(a.tableFromArrays({firm: Float64Array.of(1, 2, 1), y: Float64Array.of(1.5, 2.5, 0.5), unused: Float64Array.of(Infinity, 1, -Infinity)}), "file"));
    for (const file of [path, parquet, arrow]) {
      for (const duckdb of [true, false]) {
        const t = await readTable(file, await readerFor(file), {duckdb, columns: ["y", "firm"]});
        expect(Object.keys(t.frame.columns), `${file} ${duckdb}`).toEqual(["firm", "y"]);
        expect(Array.from(t.frame.columns.y as Float64Array)).toEqual([1.5, 2.5, 0.5]);
        await expect(readTable(file, await readerFor(file), {duckdb, columns: ["y", "unused"]}), `${file} ${duckdb}`).rejects.toThrow(/column "unused" (line 2|row 1): infinite value/);
      }
    }
  });
  it("dtb estimate: DuckDB failing to start on a file large enough to start a coder thread: the JS reader reads it and the command exits (it hung)", async () => {
    const {writeFirmCsv} = await import("../../bench/firm-file.ts");
    const big = join(dir, "firm-130k.csv");
    await writeFirmCsv(big, 130_000);
    expect(statSync(big).size).toBeGreaterThanOrEqual(8 << 20);
    // An invalid thread count: DuckDB's start fails after the coder thread was started.
    const r = spawnSync(process.execPath, ["bin/dtb.js", "estimate", "--data", big, "--formula", "y ~ x1 + x2 | firm + partner + year"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      env: {...process.env, DTB_READ_TRACE: "1", DTB_DUCKDB_THREADS: "not a number"}
    });
    expect(r.error, "the command did not exit").toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/the JS reader reads this file \(error: /);
    expect(r.stdout).toMatch(/x1/);
  });
  it("dtb estimate: an infinity in a column the formula does not use is accepted below and above 4 MB (JS reader, DuckDB), one in a used column refused by both with the same line", async () => {
    const {writeFirmCsv} = await import("../../bench/firm-file.ts");
    const big = join(dir, "firm-inf-60k.csv");
    await writeFirmCsv(big, 60_000);
    const lines = readFileSync(big, "utf8").split("\n");
    const withInf = (column: number, keep: number) =>
      lines.slice(0, keep).map((line, i) => (i === 5 ? line.split(",").map((v, j) => (j === column ? "Inf" : v)).join(",") : line)).join("\n") + "\n";
    // firm,partner,year,pair,y,x1,x2: x2 (6) is not in the formula, x1 (5) is.
    const cases = {
      smallUnused: write("firm-inf-small-unused.csv", withInf(6, 2_001)),
      bigUnused: write("firm-inf-big-unused.csv", withInf(6, lines.length)),
      smallUsed: write("firm-inf-small-used.csv", withInf(5, 2_001)),
      bigUsed: write("firm-inf-big-used.csv", withInf(5, lines.length))
    };
    expect(statSync(cases.smallUnused).size).toBeLessThan(4 << 20);
    expect(statSync(cases.bigUnused).size).toBeGreaterThanOrEqual(4 << 20);
    const run = (file: string) =>
      spawnSync(process.execPath, ["bin/dtb.js", "estimate", "--data", file, "--formula", "y ~ x1 | firm + partner + year"], {cwd: ROOT, encoding: "utf8", env: {...process.env, DTB_READ_TRACE: "1"}});
    for (const file of [cases.smallUnused, cases.bigUnused]) {
      const r = run(file);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe(""); // the big file read by DuckDB itself, with no fallback
      expect(JSON.parse(r.stdout).nobs).toBeGreaterThan(1_000);
    }
    for (const file of [cases.smallUsed, cases.bigUsed]) {
      const r = run(file);
      expect(r.status).toBe(1);
      // The big file: DuckDB declines it (DTB_READ_TRACE says so) and the JS reader names the cell.
      expect(r.stderr.split("\n").filter((l) => l.startsWith("dtb estimate: "))).toEqual([`dtb estimate: ${file}: column "x1" line 6: infinite value "Inf" (leave the cell empty or write NA for a missing value)`]);
    }
  }, 120_000);
  it("dtb estimate --formula naming a column the file lacks lists every column of the file", () => {
    const path = write("cols-missing.csv", csv);
    const r = spawnSync(process.execPath, ["bin/dtb.js", "estimate", "--data", path, "--formula", "y ~ z | firm"], {cwd: ROOT, encoding: "utf8"});
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/column 'z' .*not found in the data; available columns: firm, pair, y, x, junk\n$/);
  });
});

describe("dtb estimate on a file large enough for DuckDB (>= 4 MB)", () => {
  it("prints the same model as with the JS reader (DTB_READER=js), shuffled rows and text ids included", async () => {
    const {writeFirmCsv} = await import("../../bench/firm-file.ts");
    const path = join(dir, "firm-60k.csv");
    await writeFirmCsv(path, 60_000);
    expect(statSync(path).size).toBeGreaterThanOrEqual(4 << 20);
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ["bin/dtb.js", "estimate", "--data", path, "--formula", "y ~ x1 + x2 | firm + partner + year", "--vcov", "~pair"], {cwd: ROOT, encoding: "utf8", env: {...process.env, ...env}});
    const duck = run({DTB_READ_TRACE: "1"});
    const js = run({DTB_READER: "js"});
    expect(duck.status, duck.stderr).toBe(0);
    expect(duck.stderr).toBe(""); // DTB_READ_TRACE would name a fallback to the JS reader
    const strip = (s: string) => ({...JSON.parse(s), timing_ms: null});
    expect(strip(duck.stdout)).toEqual(strip(js.stdout));
    expect(JSON.parse(duck.stdout).nobs).toBe(60_000);
  }, 120_000);
});

describe("Arrow IPC read from its buffers = the browser's Arrow reader", () => {
  const arrowCases: Array<[string, () => Promise<Uint8Array>, boolean]> = [
    ["floats, ints, 64-bit ints beyond 2^53, nulls, -0, dictionary text with nulls", async () => {
      const a = await import("apache-arrow");
      const batch = (k: number) => new a.Table({
        d: a.vectorFromArray([1.5, null, -0, 2 ** 53 + k], new a.Float64()),
        i: a.vectorFromArray([1, 2, null, -4], new a.Int32()),
        b: a.vectorFromArray([1n, null, 2n ** 40n, -3n], new a.Int64()),
        s: a.vectorFromArray(k ? ["z", null, "12", "x"] : ["x", "y", null, "x"], new a.Dictionary(new a.Utf8(), new a.Int32()))
      });
      return a.tableToIPC(batch(1), "file");
    }, true],
    ["stream format; a dictionary column whose values all look like numbers", async () => {
      const a = await import("apache-arrow");
      return a.tableToIPC(new a.Table({s: a.vectorFromArray(["1", "2", "1"], new a.Dictionary(new a.Utf8(), new a.Int8())), y: a.vectorFromArray(Float32Array.from([1, 2, 3]))}), "stream");
    }, true],
    ["plain text and booleans (the browser's reader)", async () => {
      const a = await import("apache-arrow");
      return a.tableToIPC(new a.Table({s: a.vectorFromArray(["a", "b"]), t: a.vectorFromArray([true, false], new a.Bool())}), "file");
    }, false],
    ["an infinity (refused)", async () => {
      const a = await import("apache-arrow");
      return a.tableToIPC(a.tableFromArrays({x: Float64Array.from([1, Infinity])}), "file");
    }, false]
  ];
  for (const [label, make, fast] of arrowCases) {
    it(`${label} (${fast ? "buffers" : "browser's reader"})`, async () => {
      const bytes = await make();
      const path = write(`${label.replace(/\W+/g, "-").slice(0, 40)}.arrow`, bytes);
      const {readArrowFast} = await import("../../loaders/duck-read/arrow.ts");
      expect(readArrowFast(bytes, path) !== null).toBe(fast);
      await expectSame(path);
    });
  }
});

describe("DuckDB closed before the text worker's last rows (collect.ts `release`)", () => {
  async function collected(select: string): Promise<{released: number; built: unknown}> {
    const {DuckDBInstance} = await import("@duckdb/node-api");
    const {collect, setWorkerMinRows} = await import("../../loaders/duck-read/collect.ts");
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    setWorkerMinRows(0);
    let released = 0;
    try {
      const result = await con.stream(select);
      const names = result.columnNames();
      const built = await collect(result, names, "csv", 8, 1 << 20, {release: () => released++});
      return {released, built};
    } finally {
      setWorkerMinRows(200_000);
      con.closeSync();
      instance.closeSync();
    }
  }
  it("is called once on a result read whole by the batch copier, where no column is read again", async ({skip}) => {
    const {batchAddon} = await import("../../loaders/duck-read/batch.ts");
    if (!batchAddon()) skip("the native batch copier is not built here");
    const r = await collected("SELECT i::DOUBLE AS x, 'id' || (i % 7)::VARCHAR AS pair FROM range(5000) t(i)");
    expect(r.released).toBe(1);
    expect((r.built as {nrows: number}).nrows).toBe(5000);
  });
  it("is not called when a number column holds NaN or an infinity (it is read again, as text, on the same connection)", async ({skip}) => {
    const {batchAddon} = await import("../../loaders/duck-read/batch.ts");
    if (!batchAddon()) skip("the native batch copier is not built here");
    const r = await collected("SELECT CASE WHEN i = 4000 THEN 'inf'::DOUBLE ELSE i::DOUBLE END AS x, 'id' || (i % 7)::VARCHAR AS pair FROM range(5000) t(i)");
    expect(r.released).toBe(0);
    expect(r.built).toEqual({retry: ["x"]});
  });
});
