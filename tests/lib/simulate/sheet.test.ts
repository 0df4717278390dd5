// The class sheet: a roster gives each student the seed and numbers their own page computes (exerciseFor,
// the worker's function); the CSV neutralises formula cells for any name (property test on hostile names).
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import type {Frame} from "../../../src/lib/engine/types.js";
import {estimate} from "../../../src/lib/engine/estimate.js";
import {exerciseFor, EXERCISE_LESSONS} from "../../../src/lib/simulate/exercises.js";
import {classSheet, csvCell, parseRoster, sheetCsv} from "../../../src/lib/simulate/sheet.js";
import {studentSeed} from "../../../src/lib/simulate/url-state.js";
import {handleExercise} from "../../../src/workers/simulate-entry.js";
import {createRng} from "../../../src/lib/random/rng.js";

/** A small panel with the open panel's column names: 12 partners x 2014..2020. */
function panel(): Frame {
  const rng = createRng(3);
  const iso3: string[] = [];
  const year: number[] = [];
  const y: number[] = [];
  const x: number[] = [];
  for (let i = 0; i < 12; i++)
    for (let t = 2014; t <= 2020; t++) {
      iso3.push(`P${i}`);
      year.push(t);
      const xi = rng.normal();
      x.push(xi);
      y.push(0.3 * xi + i + rng.normal());
    }
  return {nrows: iso3.length, columns: {iso3, year: Float64Array.from(year), lnexport_cn: Float64Array.from(y), dstri: Float64Array.from(x)}} as unknown as Frame;
}

describe("roster", () => {
  it("trims, drops empty lines, keeps each name once", () => {
    expect(parseRoster("  Li Wei \r\n\nAna Souza\nLi Wei\n")).toEqual({names: ["Li Wei", "Ana Souza"], duplicates: ["Li Wei"]});
  });
});

describe("class sheet", () => {
  const frame = panel();
  const rows = classSheet(["Li Wei", "Ana Souza"], {frame});
  it("each student: the seed of the name box and the worker's numbers, every lesson", () => {
    expect(rows[0].seed).toBe(studentSeed("Li Wei"));
    expect(rows[0].exercises.map((e) => e.lesson)).toEqual(EXERCISE_LESSONS);
    for (const r of rows)
      for (const e of r.exercises) {
        const w = handleExercise({kind: "exercise", lesson: e.lesson, seed: studentSeed(r.name), teacher: true, frame});
        expect(w.answer).toBe(e.answer);
        for (const [k, v] of Object.entries(e.params)) expect(w.question.en).toContain(String(v));
        expect(e.params).toEqual(exerciseFor(e.lesson, r.seed, {frame}).params);
      }
  });
  it("lesson 2's answer is the engine's two-way slope without the student's year", () => {
    const e = rows[1].exercises.find((x) => x.lesson === "demeaning")!;
    const r = estimate(frame, {id: "iso3", time: "year", y: "lnexport_cn", x: ["dstri"], fe: ["iso3", "year"], exclude: {year: [e.params.year]}});
    expect(e.answer).toBe(r.coef[0]);
  });
  it("the worker's reply to a student holds no answer; a teacher's does", () => {
    const student = handleExercise({kind: "exercise", lesson: "fixed-effects", seed: 9, typed: "0.1", teacher: false});
    expect(student.answer).toBeUndefined();
    expect(JSON.stringify(student)).not.toContain(String(exerciseFor("fixed-effects", 9).answer));
    expect(["right", "wrong"]).toContain(student.result);
    const right = handleExercise({kind: "exercise", lesson: "fixed-effects", seed: 9, typed: exerciseFor("fixed-effects", 9).answer.toFixed(4), teacher: false});
    expect(right.result).toBe("right");
  });
  it("CSV: header, full-precision answers, one row per student and lesson", () => {
    const csv = sheetCsv(rows);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("name,seed,lesson,parameters,answer,tolerance");
    expect(lines).toHaveLength(1 + 2 * EXERCISE_LESSONS.length);
    expect(lines[1]).toBe(`Li Wei,${rows[0].seed},fixed-effects,corr=${rows[0].exercises[0].params.corr},${rows[0].exercises[0].answer},0.005`);
  });
  it("hostile names never start a formula cell and never break a row", () => {
    fc.assert(
      fc.property(fc.string({minLength: 1, maxLength: 30}), (name) => {
        const cell = csvCell(name);
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        // Unquoting gives back the name (with the ' guard when it was needed).
        const unq = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(unq === name || unq === `'${name}`).toBe(true);
        if (/[",\r\n]/.test(unq)) expect(cell.startsWith('"')).toBe(true);
      })
    );
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
  });
});
