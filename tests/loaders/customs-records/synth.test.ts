/** Synthetic records: deterministic by seed, the record schema, and the intended shape. */
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {synthesize} from "../../../loaders/customs-records/synth.js";
import {RECORD_COLUMN_NAMES} from "../../../loaders/customs-records/schema.js";
import {isIso3Code} from "../../../src/lib/customs/validate.js";
import {tmp} from "./helpers.js";

describe("dtb customs synth", () => {
  it("same seed, same records; another seed, other records", async () => {
    const [a] = await synthesize({rows: 3000, seed: 5, out: tmp(), format: "csv"});
    const [b] = await synthesize({rows: 3000, seed: 5, out: tmp(), format: "csv"});
    const [c] = await synthesize({rows: 3000, seed: 6, out: tmp(), format: "csv"});
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    expect(readFileSync(a, "utf8")).not.toBe(readFileSync(c, "utf8"));
  });

  it("schema and shape: valid codes, heavy tails, small parcels, dominant partners, entry and exit", async () => {
    const [f] = await synthesize({rows: 20000, seed: 9, out: tmp(), format: "csv"});
    const lines = readFileSync(f, "utf8").trim().split("\n");
    expect(lines[0].split(",")).toEqual(RECORD_COLUMN_NAMES);
    const recs = lines.slice(1).map((l) => l.split(","));
    expect(recs.length).toBe(20000);
    for (const r of recs.slice(0, 500)) {
      expect(Number(r[1])).toBeGreaterThanOrEqual(1);
      expect(Number(r[1])).toBeLessThanOrEqual(12);
      expect(r[3]).toMatch(/^\d{6}$/);
      expect(isIso3Code(r[4])).toBe(true);
      expect(r[5]).toMatch(/^\d{8}$/);
      expect(r[6]).toMatch(/^\d{4}$/);
    }
    const median = (x: number[]) => x.sort((p, q) => p - q)[x.length >> 1];
    const parcels = recs.filter((r) => r[6] === "9610").map((r) => Number(r[7]));
    const general = recs.filter((r) => r[6] === "0110").map((r) => Number(r[7]));
    expect(parcels.length).toBeGreaterThan(2000); // many parcels ...
    expect(median(parcels)).toBeLessThan(200); // ... of small value
    expect(median(general)).toBeGreaterThan(10000);
    // Heavy tail: the top 1% of records carry a large share of the value.
    const values = recs.map((r) => Number(r[7])).sort((p, q) => q - p);
    const total = values.reduce((s, v) => s + v, 0);
    expect(values.slice(0, 200).reduce((s, v) => s + v, 0) / total).toBeGreaterThan(0.2);
    // A few partners dominate: the first (USA) has more records than the last 30 together.
    const count = (p: string) => recs.filter((r) => r[4] === p).length;
    expect(count("USA")).toBeGreaterThan(recs.length * 0.1);
    // Firms enter and leave: some firms are not present in the first or the last year.
    const years = new Map<string, Set<number>>();
    for (const r of recs) (years.get(r[2]) ?? years.set(r[2], new Set()).get(r[2])!).add(Number(r[0]));
    const big = [...years.values()].filter((s) => s.size >= 3);
    expect(big.some((s) => !s.has(2015))).toBe(true);
    expect(big.some((s) => !s.has(2024))).toBe(true);
  });

  it("Parquet parts appear complete (no temp file left)", async () => {
    const dir = tmp();
    const files = await synthesize({rows: 2500, seed: 1, out: dir, partRows: 1000});
    expect(files.map((p) => p.split("/").pop())).toEqual(["part-0000.parquet", "part-0001.parquet", "part-0002.parquet"]);
    const {readdirSync} = await import("node:fs");
    expect(readdirSync(dir).sort()).toEqual(["part-0000.parquet", "part-0001.parquet", "part-0002.parquet"]);
  });
});
