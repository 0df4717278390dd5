/** Which cells re-run when a SQL cell's result changes. */
import {describe, expect, it} from "vitest";
import type {Cell} from "../../../src/lib/notebook/cells.ts";
import {dependents, tablesRead} from "../../../src/lib/notebook/dataflow.ts";

const cells: Cell[] = [
  {type: "sql", name: "q1", sql: "SELECT * FROM panel WHERE year > 2015"},
  {type: "text", md: "q1"},
  {type: "sql", name: "q2", sql: "SELECT iso3, avg(dstri) AS d FROM q1 GROUP BY 1 -- not q3\n"},
  {type: "sql", name: "q3", sql: "SELECT 'q1' AS s FROM panel"},
  {type: "chart", table: "q2", mark: "dot", x: "d", y: "d", color: "", facet: ""},
  {type: "model", models: "feols(lnexport_cn ~ dstri | iso3, data = q1)\ny ~ x"},
  {type: "chart", table: "panel", mark: "dot", x: "dstri", y: "lnexport_cn", color: "", facet: ""}
];

describe("dataflow", () => {
  it("reads the tables a cell names (not in strings or comments)", () => {
    const known = new Set(["q1", "q2", "q3", "panel"]);
    expect([...tablesRead(cells[2], known)].sort()).toEqual(["q1"]);
    expect([...tablesRead(cells[3], known)]).toEqual(["panel"]);
    expect([...tablesRead(cells[5], known)].sort()).toEqual(["panel", "q1"]);
  });
  it("re-runs the dependents of a changed SQL cell in order, transitively", () => {
    expect(dependents(cells, 0)).toEqual([2, 4, 5]);
    expect(dependents(cells, 2)).toEqual([4]);
    expect(dependents(cells, 3)).toEqual([]);
    expect(dependents(cells, 4)).toEqual([]);
  });
});
