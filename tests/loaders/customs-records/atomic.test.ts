/** Atomic output: a full disk leaves neither the target nor a temp file, and says so in one line. */
import {existsSync, readdirSync, readFileSync, writeFileSync as realWrite} from "node:fs";
import {join} from "node:path";
import {describe, expect, it, vi} from "vitest";
import {tmp} from "./helpers.js";

let diskFull = false;
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  return {
    ...fs,
    writeFileSync: (path: Parameters<typeof fs.writeFileSync>[0], data: Parameters<typeof fs.writeFileSync>[1]) => {
      if (diskFull) {
        fs.writeFileSync(path, String(data).slice(0, 10)); // a partial write, then the failure
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), {code: "ENOSPC"});
      }
      return fs.writeFileSync(path, data);
    }
  };
});

const {writeAtomic} = await import("../../../loaders/customs-records/aggregate.js");

describe("writeAtomic", () => {
  it("writes the whole file, or nothing (and keeps an existing file intact)", () => {
    const dir = tmp();
    const out = join(dir, "customs.csv");
    writeAtomic(out, "region,partner_iso3,year,exports_usd\nzj,USA,2019,1\n");
    expect(readFileSync(out, "utf8")).toContain("zj,USA,2019,1");
    diskFull = true;
    expect(() => writeAtomic(out, "region,partner_iso3,year,exports_usd\nzj,USA,2019,2\n")).toThrow(/^disk full while writing .*customs\.csv; nothing was written$/);
    expect(() => writeAtomic(join(dir, "new.csv"), "x")).toThrow(/disk full/);
    diskFull = false;
    expect(readFileSync(out, "utf8")).toContain("zj,USA,2019,1");
    expect(existsSync(join(dir, "new.csv"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["customs.csv"]);
    realWrite(join(dir, "ok"), "");
  });
});
