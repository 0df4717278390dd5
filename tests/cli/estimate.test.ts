/**
 * End-to-end tests of `dtb estimate`: spawn `node bin/dtb.js estimate ...` (cwd = repo root) on
 * small temporary files and on the reference fixture. Spawning tsx costs ~1 s, so every case is
 * started up front (a few at a time) in beforeAll and the tests then inspect the outcomes.
 */
import {execFile} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {makeVector, Table, tableToIPC, Utf8, vectorFromArray} from "apache-arrow";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {HAVE_SHARED_REFERENCE} from "../helpers/shared.ts";
import {fixturePath, REPO_ROOT, relClose} from "../lib/table/fixture-helpers.js";

/** A model of the project's own fixture tests/fixtures/twoway_cluster.expected.json (scripts/reference/expected.R). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function ownModel(id: string): {spec: object; expected: any} {
  const doc = JSON.parse(readFileSync(join(REPO_ROOT, "tests", "fixtures", "twoway_cluster.expected.json"), "utf8"));
  const m = doc.models.find((x: {id: string}) => x.id === id);
  if (!m) throw new Error(`twoway_cluster.expected.json has no model ${id}`);
  return m;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function dtb(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["bin/dtb.js", "estimate", ...args], {cwd: REPO_ROOT, timeout: 60_000}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({code, stdout, stderr});
    });
  });
}

/** Runs the cases with at most `limit` processes at a time (the machine has 2 cores). */
async function runAll(cases: Record<string, string[]>, limit = 3): Promise<Record<string, Outcome>> {
  const names = Object.keys(cases);
  const out: Record<string, Outcome> = {};
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      out[name] = await dtb(cases[name]);
    }
  };
  await Promise.all(Array.from({length: limit}, worker));
  return out;
}

// A small deterministic panel: 4 countries x 6 years, y = 1 + 0.5 x - 0.3 z + noise.
const IDS = ["AAA", "BBB", "CCC", "DDD"];
const YEARS = [2010, 2011, 2012, 2013, 2014, 2015];
function panelRows(): Array<{id: string; year: number; y: number; x: number; z: number; g: string}> {
  const rows = [];
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  for (const [a, id] of IDS.entries()) {
    for (const year of YEARS) {
      const x = Math.round((a + rnd()) * 1e6) / 1e6;
      const z = Math.round((year - 2012 + rnd()) * 1e6) / 1e6;
      const y = Math.round((1 + 0.5 * x - 0.3 * z + 0.2 * rnd()) * 1e6) / 1e6;
      rows.push({id, year, y, x, z, g: a < 2 ? "north" : "south"});
    }
  }
  return rows;
}

const SPEC = {id: "id", time: "year", y: "y", x: ["x", "z"], vcov: "hetero"};
const FE_SPEC = {id: "id", time: "year", y: "y", x: ["x", "z"], fe: ["id"], vcov: {cluster: ["id"]}};

let dir = "";
let results: Record<string, Outcome> = {};
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dtb-estimate-"));
  const rows = panelRows();
  const plain = ["id,year,y,x,z,g", ...rows.map((r) => `${r.id},${r.year},${r.y},${r.x},${r.z},${r.g}`)].join("\n") + "\n";
  writeFileSync(file("plain.csv"), plain);
  // Same data: BOM, CRLF, every field quoted.
  const q = (v: unknown) => `"${String(v)}"`;
  const fancy = ["id,year,y,x,z,g".split(",").map(q).join(","), ...rows.map((r) => [r.id, r.year, r.y, r.x, r.z, r.g].map(q).join(","))];
  writeFileSync(file("fancy.csv"), "\uFEFF" + fancy.join("\r\n") + "\r\n");
  // Arrow (file format) with apache-arrow.
  const arrow = new Table({
    id: vectorFromArray(rows.map((r) => r.id), new Utf8()),
    year: makeVector(new Int32Array(rows.map((r) => r.year))),
    y: makeVector(Float64Array.from(rows, (r) => r.y)),
    x: makeVector(Float64Array.from(rows, (r) => r.x)),
    z: makeVector(Float64Array.from(rows, (r) => r.z)),
    g: vectorFromArray(rows.map((r) => r.g), new Utf8())
  });
  writeFileSync(file("panel.arrow"), tableToIPC(arrow, "file"));
  // Parquet with DuckDB (from the plain CSV, row order kept).
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  await con.run(
    `COPY (SELECT * FROM read_csv('${file("plain.csv")}', header = true, columns = {'id': 'VARCHAR', 'year': 'INTEGER', 'y': 'DOUBLE', 'x': 'DOUBLE', 'z': 'DOUBLE', 'g': 'VARCHAR'})) TO '${file("panel.parquet")}' (FORMAT parquet)`
  );
  con.closeSync();
  writeFileSync(file("spec.json"), JSON.stringify(SPEC));

  // Bad inputs.
  const lines = plain.split("\n");
  const withCell = (lineNo: number, col: number, value: string) =>
    lines.map((l, i) => (i === lineNo - 1 ? l.split(",").map((c, j) => (j === col ? value : c)).join(",") : l)).join("\n");
  writeFileSync(file("binary.csv"), Buffer.from([0x50, 0x41, 0x52, 0x31, 0x00, 0x01, 0x02, 0x0a]));
  writeFileSync(file("text.csv"), withCell(9, 3, "abc")); // x (column 4) on file line 9
  writeFileSync(file("inf.csv"), withCell(5, 2, "Inf")); // y on line 5
  writeFileSync(file("dup.csv"), plain + lines[3] + "\n"); // (AAA, 2012) twice
  writeFileSync(file("fractime.csv"), withCell(4, 1, "2011.5"));
  writeFileSync(file("allmissing.csv"), lines.map((l, i) => (i === 0 ? l + ",w" : l === "" ? l : l + ",NA")).join("\n"));
  writeFileSync(file("tiny.csv"), lines.slice(0, 4).join("\n") + "\n");
  writeFileSync(file("bad.json"), '{"id": "id",\n "y": "y" "x": ["x"]}');

  const data = (name: string) => ["--data", file(name)];
  const spec = (s: object) => ["--spec", JSON.stringify(s)];
  results = await runAll({
    plain: [...data("plain.csv"), "--spec", file("spec.json")],
    fancy: [...data("fancy.csv"), "--spec", file("spec.json")],
    arrow: [...data("panel.arrow"), "--spec", file("spec.json")],
    parquet: [...data("panel.parquet"), "--spec", file("spec.json")],
    fe: [...data("plain.csv"), ...spec(FE_SPEC)],
    ownFixture: ["--data", join(REPO_ROOT, "tests", "fixtures", "twoway_cluster.csv"), ...spec(ownModel("twfe_ctrl_cl2").spec)],
    ...(HAVE_SHARED_REFERENCE
      ? {
          fixture: [
            ...["--data", fixturePath("panel")],
            ...spec({id: "country", time: "year", y: "y", x: ["dstri", "lngdp", "lnpopu", "gov", "urban"], fe: ["country", "year"], vcov: {cluster: ["country"]}})
          ]
        }
      : {}),
    missingFile: [...data("nope.csv"), ...spec(SPEC)],
    binaryFile: [...data("binary.csv"), ...spec(SPEC)],
    unknownExtension: ["--data", file("spec.json"), ...spec(SPEC)],
    missingColumn: [...data("plain.csv"), ...spec({...SPEC, x: ["x", "gdp"]})],
    textInNumeric: [...data("text.csv"), ...spec(SPEC)],
    duplicateRows: [...data("dup.csv"), ...spec({...SPEC, x: ["L.x", "z"]})],
    duplicateRowsNoLag: [...data("dup.csv"), ...spec(SPEC)],
    infinite: [...data("inf.csv"), ...spec(SPEC)],
    nonIntegerTimeWithLags: [...data("fractime.csv"), ...spec({...SPEC, x: ["L.x", "z"]})],
    allMissing: [...data("allmissing.csv"), ...spec({...SPEC, x: ["x", "w"]})],
    oneCluster: [...data("plain.csv"), ...spec({...SPEC, vcov: {cluster: ["g"]}, exclude: {g: ["south"]}})],
    tooManyRegressors: [...data("tiny.csv"), ...spec({...SPEC, x: ["x", "z", "year"]})],
    unknownOption: [...data("plain.csv"), ...spec(SPEC), "--frobnicate"],
    badJson: [...data("plain.csv"), "--spec", file("bad.json")],
    badInlineJson: [...data("plain.csv"), "--spec", '{"id": "id", "x": [1,]}'],
    unknownSpecKey: [...data("plain.csv"), ...spec({...SPEC, colour: "red"})],
    missingSpec: [...data("plain.csv")]
  });
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

const parsed = (name: string) => {
  const r = results[name];
  expect(r.stderr, `${name} stderr`).toBe("");
  expect(r.code, `${name} exit code`).toBe(0);
  return JSON.parse(r.stdout);
};
const withoutTiming = (o: Record<string, unknown>) => {
  const {timing_ms, ...rest} = o;
  void timing_ms;
  return rest;
};

describe("dtb estimate: valid input", () => {
  it("prints the Result with the documented keys in order, and timings", () => {
    const out = parsed("plain");
    expect(Object.keys(out).slice(0, 13)).toEqual([
      "terms", "coef", "se", "tstat", "pvalue", "df_t", "nobs", "n_groups", "r2", "r2_within", "vcov", "notes", "timing_ms"
    ]);
    expect(out.terms).toEqual(["(Intercept)", "x", "z"]);
    expect(out.nobs).toBe(24);
    expect(out.timing_ms.read).toBeGreaterThanOrEqual(0);
    expect(out.timing_ms.estimate).toBeGreaterThanOrEqual(0);
    expect(out.coef[1]).toBeGreaterThan(0.3); // true 0.5
    expect(out.coef[2]).toBeLessThan(-0.1); // true -0.3
  });

  it("CSV with BOM + CRLF + quoted fields gives identical output", () => {
    expect(withoutTiming(parsed("fancy"))).toEqual(withoutTiming(parsed("plain")));
  });

  for (const format of ["arrow", "parquet"]) {
    it(`${format} gives the same estimates as CSV`, () => {
      const a = parsed(format);
      const b = parsed("plain");
      expect(a.terms).toEqual(b.terms);
      expect(a.nobs).toBe(b.nobs);
      for (const key of ["coef", "se", "tstat", "pvalue"]) {
        a[key].forEach((v: number, j: number) => expect(relClose(v, b[key][j], 1e-12), `${key}[${j}]`).toBe(true));
      }
    });
  }

  it("repeated id-time pairs estimate when no lag is asked for", () => {
    expect(parsed("duplicateRowsNoLag").nobs).toBe(25);
  });

  it("one-way FE with clustered SE runs (no intercept reported)", () => {
    const out = parsed("fe");
    expect(out.terms).toEqual(["x", "z"]);
    expect(out.df_t).toBe(3); // G - 1 clusters
  });

  it("own fixture twoway_cluster.csv, twfe_ctrl clustered by country and year: coef, se and p to 1e-8", () => {
    const out = parsed("ownFixture");
    const want = ownModel("twfe_ctrl_cl2").expected;
    expect(out.terms).toEqual(want.terms);
    expect(out.nobs).toBe(want.nobs);
    expect(out.df_t).toBe(want.df_t);
    want.coef.forEach((b: number, j: number) => expect(relClose(out.coef[j], b), `coef ${want.terms[j]}: ${out.coef[j]} vs ${b}`).toBe(true));
    want.se.forEach((s: number, j: number) => expect(relClose(out.se[j], s), `se ${want.terms[j]}: ${out.se[j]} vs ${s}`).toBe(true));
    want.pvalue.forEach((p: number, j: number) => expect(relClose(out.pvalue[j], p, 1e-8 * (1 + want.tstat[j] ** 2)), `p ${want.terms[j]}`).toBe(true));
  });

  it.skipIf(!HAVE_SHARED_REFERENCE)("reference fixture panel.csv, twfe_ctrl clustered by country: coef and se to 1e-8 (skipped on a bare clone)", () => {
    const out = parsed("fixture");
    const want = JSON.parse(readFileSync(fixturePath("panel", ".expected.json"), "utf8")).models.twfe_ctrl;
    expect(out.terms).toEqual(want.terms);
    expect(out.nobs).toBe(want.sample.n_obs);
    expect(out.df_t).toBe(want.df_t.cluster);
    want.coef.forEach((b: number, j: number) => expect(relClose(out.coef[j], b), `coef ${want.terms[j]}: ${out.coef[j]} vs ${b}`).toBe(true));
    want.se.cluster.forEach((s: number, j: number) => expect(relClose(out.se[j], s), `se ${want.terms[j]}: ${out.se[j]} vs ${s}`).toBe(true));
    want.pvalue.cluster.forEach((p: number, j: number) => expect(relClose(out.pvalue[j], p), `p ${want.terms[j]}`).toBe(true));
  });
});

describe("dtb estimate: bad input -> exit 1, exactly one line on stderr, no stack trace", () => {
  const cases: Array<[string, RegExp]> = [
    ["missingFile", /nope\.csv: no such file/],
    ["binaryFile", /binary\.csv: binary file/],
    ["unknownExtension", /spec\.json: unknown file type "\.json"/],
    ["missingColumn", /gdp/],
    ["textInNumeric", /text\.csv: column "x" line 9: "abc" is not a number/],
    ["duplicateRows", /duplicate id-time pair; lags and GMM need unique id-time pairs/],
    ["infinite", /inf\.csv: column "y" line 5: infinite value "Inf"/],
    ["nonIntegerTimeWithLags", /integer/i],
    ["allMissing", /\bw\b/],
    ["oneCluster", /cluster/i],
    ["tooManyRegressors", /observation|regressor|parameter/i],
    ["unknownOption", /unknown option "--frobnicate"/],
    ["badJson", /spec file .*bad\.json is not valid JSON: .* at line 2 column 11/],
    ["badInlineJson", /inline spec is not valid JSON: .* at line 1 column 22/],
    ["unknownSpecKey", /colour/],
    ["missingSpec", /missing --spec/]
  ];
  for (const [name, pattern] of cases) {
    it(name, () => {
      const r = results[name];
      expect(r.code, `${name}: ${r.stderr}`).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.endsWith("\n")).toBe(true);
      const lines = r.stderr.slice(0, -1).split("\n");
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^dtb estimate: /);
      expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+|Error:|node:internal/);
      expect(lines[0]).toMatch(pattern);
    });
  }
});
