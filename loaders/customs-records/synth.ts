/**
 * Synthetic customs transaction records (the schema of schema.ts) for tests, benchmarks and teaching:
 * real records are confidential. SYNTHETIC: every number is drawn from the project's seeded RNG
 * (src/lib/random/rng.ts), so a seed gives the same records in any run.
 *
 * Shape (chosen to look like customs microdata, not calibrated to any real data set):
 *  - firms: sizes Pareto (alpha 1.1), so a few firms make most of the value; each firm has one region
 *    code (70% in Zhejiang, a quarter of those in Wenzhou; the rest in Shanghai, Jiangsu, Guangdong),
 *    an entry and an exit year (firms enter and leave), a few HS products;
 *  - partners: Zipf weights (exponent 1.2) over 60 economies, so a few partners dominate;
 *  - customs modes: a third of the firms sell cross-border e-commerce (mostly 9610 parcels: many small
 *    records, lognormal around US$ 60), the others mostly general trade 0110 (lognormal around
 *    US$ 20,000 scaled by firm size), with some 9710, 9810, 1210 and processing trade 0214.
 * Records are written in parts (CSV text generated here, converted to Parquet by DuckDB part by part, so
 * memory stays bounded whatever the number of rows).
 */
import {mkdirSync, openSync, closeSync, writeSync, rmSync, renameSync} from "node:fs";
import {join} from "node:path";
import {createRng, type Rng} from "../../src/lib/random/rng.js";
import {openDuck} from "./duckdb.js";
import {lit} from "./sql.js";
import {RECORD_COLUMNS, RECORD_COLUMN_NAMES} from "./schema.js";

export const SYNTH_PARTNERS = [
  "USA", "JPN", "KOR", "DEU", "GBR", "NLD", "FRA", "AUS", "CAN", "RUS", "IND", "VNM", "THA", "MYS", "SGP", "IDN", "PHL",
  "ITA", "ESP", "BRA", "MEX", "ARE", "SAU", "TUR", "POL", "BEL", "CHL", "ZAF", "NGA", "EGY", "ISR", "SWE", "CHE", "AUT",
  "DNK", "NOR", "FIN", "IRL", "PRT", "GRC", "CZE", "HUN", "ROU", "UKR", "KAZ", "PAK", "BGD", "LKA", "NZL", "ARG", "COL",
  "PER", "KEN", "MAR", "QAT", "KWT", "OMN", "IRN", "MMR", "KHM"
];
const CITIES_ZJ = ["3301", "3302", "3303", "3304", "3305", "3306", "3307", "3308", "3309", "3310", "3311"];
const OTHER = ["3101", "3201", "3205", "4401", "4403", "4419"];
const HS2 = ["39", "42", "61", "62", "63", "64", "73", "84", "85", "87", "90", "94", "95", "96"];
export const SYNTH_YEARS: [number, number] = [2015, 2024];

interface Firm {
  id: string;
  region: string;
  entry: number;
  exit: number;
  size: number;
  cbec: boolean;
  products: string[];
}

function pick(rng: Rng, cum: Float64Array): number {
  const u = rng.uniform() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function firms(rng: Rng, n: number): Firm[] {
  const [y0, y1] = SYNTH_YEARS;
  return Array.from({length: n}, (_, i) => {
    const u = rng.uniform();
    const city = u < 0.175 ? "3303" : u < 0.7 ? CITIES_ZJ[rng.int(CITIES_ZJ.length)] : OTHER[rng.int(OTHER.length)];
    const region = city + String(1 + rng.int(12)).padStart(2, "0");
    const entry = rng.uniform() < 0.4 ? y0 : y0 + rng.int(y1 - y0 + 1);
    const exit = rng.uniform() < 0.5 ? y1 : entry + rng.int(y1 - entry + 1);
    const size = Math.min(1e4, (1 - rng.uniform()) ** (-1 / 1.1));
    const products = Array.from({length: 1 + rng.int(5)}, () => HS2[rng.int(HS2.length)] + String(rng.int(1e6)).padStart(6, "0"));
    return {id: `F${String(i + 1).padStart(7, "0")}`, region, entry, exit, size, cbec: rng.uniform() < 1 / 3, products};
  });
}

/** CSV text of `count` records (header included). */
function recordsCsv(rng: Rng, fs: Firm[], firmCum: Float64Array, partnerCum: Float64Array, count: number): string {
  const parts: string[] = ["year,month,firm_id,region_code,partner_iso3,hs_code,customs_mode,value_usd\n"];
  for (let r = 0; r < count; r++) {
    const f = fs[pick(rng, firmCum)];
    const year = f.entry + rng.int(f.exit - f.entry + 1);
    const month = 1 + rng.int(12);
    const partner = SYNTH_PARTNERS[pick(rng, partnerCum)];
    const hs = f.products[rng.int(f.products.length)];
    const u = rng.uniform();
    let mode: string;
    let value: number;
    if (f.cbec) {
      mode = u < 0.75 ? "9610" : u < 0.85 ? "9710" : u < 0.93 ? "9810" : u < 0.97 ? "1210" : "0110";
      value = mode === "9610" ? Math.exp(4.1 + 0.9 * rng.normal()) : Math.exp(8.5 + 1.2 * rng.normal()) * Math.sqrt(f.size);
    } else {
      mode = u < 0.86 ? "0110" : u < 0.9 ? "0214" : u < 0.94 ? "9710" : u < 0.97 ? "9810" : "1210";
      value = Math.exp(9.9 + 1.4 * rng.normal()) * Math.sqrt(f.size);
    }
    parts.push(`${year},${month},${f.id},${f.region},${partner},${hs},${mode},${Math.round(value * 100) / 100}\n`);
  }
  return parts.join("");
}

export interface SynthOptions {
  rows: number;
  seed: number | string;
  out: string;
  format?: "parquet" | "csv";
  /** Records per part file (default 5M). */
  partRows?: number;
  onPart?: (done: number, total: number) => void;
}

/** Writes DIR/part-NNNN.parquet (or .csv); returns the file paths. Each part appears only when complete. */
export async function synthesize(opts: SynthOptions): Promise<string[]> {
  const rng = createRng(opts.seed);
  const nFirms = Math.max(50, Math.round(opts.rows / 200));
  const fs = firms(rng.fork(), nFirms);
  const firmCum = new Float64Array(nFirms);
  fs.forEach((f, i) => (firmCum[i] = (i ? firmCum[i - 1] : 0) + Math.sqrt(f.size) * (f.cbec ? 3 : 1)));
  const partnerCum = new Float64Array(SYNTH_PARTNERS.length);
  SYNTH_PARTNERS.forEach((_, i) => (partnerCum[i] = (i ? partnerCum[i - 1] : 0) + 1 / (i + 1) ** 1.2));
  const format = opts.format ?? "parquet";
  const partRows = opts.partRows ?? 5_000_000;
  mkdirSync(opts.out, {recursive: true});
  const duck = format === "parquet" ? await openDuck({memoryLimit: "2GB"}) : null;
  const files: string[] = [];
  const draws = rng.fork();
  try {
    for (let done = 0, part = 0; done < opts.rows || part === 0; part++) {
      const count = Math.min(partRows, opts.rows - done);
      const name = `part-${String(part).padStart(4, "0")}`;
      const csvPath = join(opts.out, `.${name}.csv.tmp`);
      const fd = openSync(csvPath, "w");
      try {
        // Blocks of 100k records keep the strings small.
        for (let k = 0; k < count; k += 100_000) {
          const text = recordsCsv(draws, fs, firmCum, partnerCum, Math.min(100_000, count - k));
          writeSync(fd, k === 0 ? text : text.slice(text.indexOf("\n") + 1));
        }
        if (count === 0) writeSync(fd, "year,month,firm_id,region_code,partner_iso3,hs_code,customs_mode,value_usd\n");
      } finally {
        closeSync(fd);
      }
      const final = join(opts.out, `${name}.${format}`);
      if (duck) {
        const cols = RECORD_COLUMN_NAMES.map((c) => `'${c}': '${RECORD_COLUMNS[c]}'`).join(", ");
        const tmp = join(opts.out, `.${name}.parquet.tmp`);
        await duck.con.run(`COPY (SELECT * FROM read_csv(${lit(csvPath)}, header = true, columns = {${cols}})) TO ${lit(tmp)} (FORMAT parquet, COMPRESSION snappy)`);
        rmSync(csvPath);
        renameSync(tmp, final);
      } else renameSync(csvPath, final);
      files.push(final);
      done += count;
      opts.onPart?.(done, opts.rows);
      if (count === 0) break;
    }
  } finally {
    duck?.close();
  }
  return files;
}
