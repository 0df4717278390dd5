/** The site's one CSV writer: RFC 4180 round trip and OWASP formula neutralisation, on hostile text. */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {csvCell, csvRow, csvText} from "../../../src/lib/csv/write.ts";
import {parseCsv} from "../../../src/lib/customs/csv.ts";

describe("csv writer", () => {
  it("neutralises formula cells (OWASP) and keeps numbers as numbers", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("+1+cmd")).toBe("'+1+cmd");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe(`"'\rx"`);
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell("-0.2500**")).toBe("-0.2500**");
    expect(csvCell("1e-5")).toBe("1e-5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(NaN)).toBe("");
    expect(csvCell(9007199254740993n)).toBe("9007199254740993");
    expect(csvRow(["a,b", 'q"', null])).toBe('"a,b","q""",');
    expect(csvText([["x"], [1]])).toBe("x\n1\n");
  });

  it("property: every cell reads back as itself (or with one leading ') and never starts a formula", () => {
    const hostile = fc.string({unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ",", "'", "a", "1", ".", "(", ")", " ", "中")});
    fc.assert(
      fc.property(fc.array(fc.array(hostile, {minLength: 1, maxLength: 4}), {minLength: 1, maxLength: 5}), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => Array.from({length: width}, (_, i) => r[i] ?? ""));
        // A constant first column keeps a row of empty cells from being an empty line.
        const text = csvRow(["k", ...table[0].map((_, j) => `c${j}`)]) + "\n" + table.map((r) => csvRow(["k", ...r])).join("\n") + "\n";
        const back = parseCsv(text).records.map((r) => r.slice(1));
        for (let i = 0; i < table.length; i++) {
          for (let j = 0; j < width; j++) {
            const got = back[i][j];
            const want = table[i][j];
            expect(got === want || got === `'${want}`).toBe(true);
            if (got !== "" && /^[=+\-@\t\r]/.test(got)) expect(got).toMatch(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\**$/);
          }
        }
      }),
      {numRuns: 300}
    );
  });
});
