// The committed @stdlib bundle is exactly what scripts/vendor-stdlib.mjs makes from node_modules (no drift, no
// hand edits), and its functions agree with the packages themselves.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {describe, expect, it} from "vitest";
// @ts-expect-error plain JavaScript without type declarations.
import {bundleStdlib, OUT} from "../../scripts/vendor-stdlib.mjs";
import {chisqCdf, normalCdf, tQuantile, tcdf} from "../../src/lib/vendor/stdlib-dists.js";

const require = createRequire(import.meta.url);

describe("src/lib/vendor/stdlib-dists.js", () => {
  it("equals a fresh bundle and has no imports (one request in the browser)", async () => {
    const committed = readFileSync(OUT, "utf8");
    expect(committed).toBe(await bundleStdlib());
    expect(committed).not.toMatch(/\bimport\s*[{*\w("']|require\(/);
  });

  it("gives the packages' own values", () => {
    const pkg = {
      tcdf: require("@stdlib/stats-base-dists-t-cdf"),
      tq: require("@stdlib/stats-base-dists-t-quantile"),
      ncdf: require("@stdlib/stats-base-dists-normal-cdf"),
      chi: require("@stdlib/stats-base-dists-chisquare-cdf")
    };
    for (const [x, v] of [[-2.5, 3], [0.3, 17], [1.96, 293], [4.2, 41]]) {
      expect(tcdf(x, v)).toBe(pkg.tcdf(x, v));
      expect(chisqCdf(Math.abs(x), v)).toBe(pkg.chi(Math.abs(x), v));
      expect(normalCdf(x, 0, 1)).toBe(pkg.ncdf(x, 0, 1));
    }
    for (const [p, v] of [[0.975, 41], [0.95, 6], [0.995, 293]]) expect(tQuantile(p, v)).toBe(pkg.tq(p, v));
  });
});
