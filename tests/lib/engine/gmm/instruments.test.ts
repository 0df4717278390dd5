import {describe, expect, it} from "vitest";
import {diffGmmInstruments, levelGmmInstruments} from "../../../../src/lib/engine/gmm/instruments.js";

describe("diffGmmInstruments (plm makegmm)", () => {
  const y = [1, 2, 3, 4, 5];
  it("all lags: block-diagonal, levels ascending within each period", () => {
    // T = 5, TL1 = 2: rows for periods 3, 4, 5 use y1 | y1,y2 | y1,y2,y3
    expect(diffGmmInstruments(y, 2, 2, 99, false).to2DArray()).toEqual([
      [1, 0, 0, 0, 0, 0],
      [0, 1, 2, 0, 0, 0],
      [0, 0, 0, 1, 2, 3]
    ]);
  });
  it("collapsed: one column per lag distance (2, 3, 4)", () => {
    expect(diffGmmInstruments(y, 2, 2, 99, true).to2DArray()).toEqual([
      [1, 0, 0],
      [2, 1, 0],
      [3, 2, 1]
    ]);
  });
  it("a finite last lag truncates the window", () => {
    // lags 2..3: period 5 uses y2, y3 only
    expect(diffGmmInstruments(y, 2, 2, 3, false).to2DArray()).toEqual([
      [1, 0, 0, 0, 0],
      [0, 1, 2, 0, 0],
      [0, 0, 0, 2, 3]
    ]);
    expect(diffGmmInstruments(y, 2, 2, 3, true).to2DArray()).toEqual([
      [1, 0],
      [2, 1],
      [3, 2]
    ]);
  });
  it("keeps missing values as NaN (zero-filled later)", () => {
    expect(diffGmmInstruments([NaN, 2, 3, 4], 2, 2, 99, true).get(0, 0)).toBeNaN();
  });
});

describe("levelGmmInstruments (plm makeW2)", () => {
  const y = [1, 2, 4, 7, 11];
  it("TL2 = 1: zero first row, then Δy_{t-1} on a diagonal", () => {
    expect(levelGmmInstruments(y, 1, false).to2DArray()).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 3]
    ]);
  });
  it("collapsed: one column", () => {
    expect(levelGmmInstruments(y, 1, true).to2DArray()).toEqual([[0], [1], [2], [3]]);
  });
  it("TL2 = 2: no leading zero row", () => {
    expect(levelGmmInstruments(y, 2, true).to2DArray()).toEqual([[1], [2], [3]]);
  });
});
