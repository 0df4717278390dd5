// Customs files merge into the panel as exports_<region>_usd / lnexport_<region>; bad files fail with file and line.
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeEach, describe, expect, it} from "vitest";
import {buildPanel} from "../../loaders/build.js";
import {customsFiles, readCustoms} from "../../loaders/sources/customs.js";
import {isolatedEnv, tempDir} from "./helpers.js";

let dir = "";
beforeEach(() => {
  isolatedEnv();
  dir = tempDir("dtb-customs-");
  process.env.DTB_CUSTOMS_DIR = dir;
});

describe("customs files", () => {
  it("ignore template.csv and _drafts", () => {
    writeFileSync(join(dir, "template.csv"), "region,partner_iso3,year,exports_usd\n");
    writeFileSync(join(dir, "_draft.csv"), "garbage\n");
    writeFileSync(join(dir, "zj.csv"), "region,partner_iso3,year,exports_usd\nzj,USA,2019,5\n");
    expect(customsFiles(dir).map((f) => f.split("/").pop())).toEqual(["zj.csv"]);
  });

  it("merge into the panel as exports_zj_usd and lnexport_zj", async () => {
    writeFileSync(join(dir, "zhejiang.csv"), "region,partner_iso3,year,exports_usd\nzj,USA,2019,81234000000\nzj,DEU,2020,0\nzj,CHN,2019,7\nzj,BRA,2030,9\n");
    const {frame, regions, customs} = await buildPanel();
    expect(regions).toEqual(["zj"]);
    expect(customs[0]).toMatchObject({rows: 4, regions: ["zj"]});
    const iso3 = frame.columns.iso3 as string[];
    const year = frame.columns.year as Float64Array;
    const ex = frame.columns.exports_zj_usd as Float64Array;
    const ln = frame.columns.lnexport_zj as Float64Array;
    const at = (c: string, y: number) => iso3.findIndex((v, i) => v === c && year[i] === y);
    expect(ex[at("USA", 2019)]).toBe(81234000000);
    expect(ln[at("USA", 2019)]).toBe(Math.log(81234000000));
    expect(ex[at("DEU", 2020)]).toBe(0);
    expect(Number.isNaN(ln[at("DEU", 2020)])).toBe(true);
    expect(Array.from(ex).filter(Number.isFinite)).toHaveLength(2); // CHN and 2030 are outside the panel
    expect(Object.keys(frame.columns).slice(-2)).toEqual(["exports_zj_usd", "lnexport_zj"]);
  });

  it("a bad file stops the build with file, line, column and the count of other problems", async () => {
    writeFileSync(join(dir, "wz.csv"), "region,partner_iso3,year,exports_usd\nwz,USA,2019,1\nwz,USA,2019,2\nwz,FRA,2019,-1\n");
    await expect(buildPanel()).rejects.toThrow(/wz\.csv line 3, column year: duplicate of line 2 .*\(and 1 more problem in this file\)$/);
  });

  it("the same key in two files is an error", async () => {
    writeFileSync(join(dir, "a.csv"), "region,partner_iso3,year,exports_usd\nzj,USA,2019,1\n");
    writeFileSync(join(dir, "b.csv"), "region,partner_iso3,year,exports_usd\nzj,USA,2019,1\n");
    await expect(readCustoms(dir)).rejects.toThrow(/b\.csv: zj,USA,2019 is also in .*a\.csv/);
  });
});
