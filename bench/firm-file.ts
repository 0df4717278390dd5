/**
 * A firm x partner x year panel file shaped like a real customs extract (the shape of issue 22): about
 * 50,000 firms per million rows, 60 partners, 15 years, each firm trading with a few partners over a
 * random run of years (unbalanced), rows in arbitrary order, a text pair id such as "18342_7", and
 * y = 0.5 x1 - 0.3 x2 + firm, partner and year effects + noise. Written as CSV (numbers at full
 * precision, ~75 bytes a row) and, when asked, as Parquet and Arrow through DuckDB.
 *
 * Deterministic for a given (rows, seed). Used by bench/e2e.ts; runnable alone:
 *   npx tsx bench/firm-file.ts 1000000 /tmp/firm.csv
 */
import {createWriteStream, existsSync, renameSync} from "node:fs";
import {createRng} from "../src/lib/random/rng.ts";

export interface FirmFile {
  csv: string;
  rows: number;
}

/** Writes `path` (CSV) with about `rows` rows; skips the work when the file already exists. */
export async function writeFirmCsv(path: string, rows: number, seed = 22): Promise<FirmFile> {
  if (existsSync(path)) return {csv: path, rows};
  const rng = createRng(seed);
  const nFirms = Math.max(10, Math.round(rows / 20));
  const nPartners = 60;
  const years = 15;
  const partnerFe = Float64Array.from({length: nPartners}, () => rng.normal());
  const yearFe = Float64Array.from({length: years}, () => 0.1 * rng.normal());
  // Rows first (firm, partner, year), then shuffled, then written.
  const firm = new Int32Array(rows);
  const partner = new Int32Array(rows);
  const year = new Int32Array(rows);
  let n = 0;
  let f = 0;
  while (n < rows) {
    const id = f % nFirms;
    f++;
    const links = 1 + rng.int(3);
    for (let l = 0; l < links && n < rows; l++) {
      const p = rng.int(nPartners);
      const start = rng.int(years);
      const span = 1 + rng.int(years - start);
      for (let t = start; t < start + span && n < rows; t++) {
        firm[n] = id;
        partner[n] = p;
        year[n] = 2005 + t;
        n++;
      }
    }
  }
  const order = Int32Array.from({length: rows}, (_, i) => i);
  for (let i = rows - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const firmFe = Float64Array.from({length: nFirms}, () => rng.normal());
  const tmp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("firm,partner,year,pair,y,x1,x2\n");
  let chunk = "";
  for (let k = 0; k < rows; k++) {
    const i = order[k];
    const x1 = rng.normal() + 0.3 * firmFe[firm[i]];
    const x2 = rng.normal();
    const y = 0.5 * x1 - 0.3 * x2 + firmFe[firm[i]] + partnerFe[partner[i]] + yearFe[year[i] - 2005] + rng.normal();
    chunk += `${firm[i]},${partner[i]},${year[i]},${firm[i]}_${partner[i]},${y},${x1},${x2}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(tmp, path);
  return {csv: path, rows};
}

/** Copies the CSV to Parquet (and Arrow IPC) with DuckDB, same columns and types. */
export async function convertFirmCsv(csv: string, parquet: string): Promise<void> {
  if (existsSync(parquet)) return;
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  await con.run(`COPY (SELECT * FROM read_csv(${q(csv)})) TO ${q(parquet + ".tmp")} (FORMAT parquet)`);
  con.closeSync();
  instance.closeSync();
  renameSync(parquet + ".tmp", parquet);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const path = process.argv[3] ?? `/tmp/firm-${rows}.csv`;
  await writeFirmCsv(path, rows);
  await convertFirmCsv(path, path.replace(/\.csv$/, ".parquet"));
  console.log(path);
}
