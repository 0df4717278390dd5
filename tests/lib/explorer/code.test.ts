import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {dtbCode, pythonCode, rCode, stataCode} from "../../../src/lib/explorer/code.js";
import {defaultState, parseState, type ExplorerState} from "../../../src/lib/explorer/state.js";

const base = defaultState();
const lagged: ExplorerState = {...base, lag: 1, drop2020: true, group: "oecd", exclude: ["USA"], fe: "none", se: "hc1", from: 2014};
const gmm: ExplorerState = {...base, estimator: "gmm-diff", lag: 1, drop2020: true};
const head0 = () => "import delimited panel.csv, clear\nencode iso3, generate(cid)\nxtset cid year\n";

describe("code generators", () => {
  it("R: fixest baseline, lag + subset, pgmm", () => {
    expect(rCode(base)).toBe(
      'library(fixest)\ndf <- read.csv("panel.csv")\n' +
        "m <- feols(lnexport_cn ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year, data = df, vcov = ~iso3)\nsummary(m)\n"
    );
    expect(rCode(lagged)).toBe(
      'library(fixest)\ndf <- read.csv("panel.csv")\n' +
        "m <- feols(lnexport_cn ~ l(dstri, 1) + lngdp + lnpopu + lngov + urban, data = df, panel.id = ~iso3 + year, " +
        'subset = ~ year >= 2014 & year != 2020 & oecd & !(iso3 %in% c("USA")), vcov = "hetero")\nsummary(m)\n'
    );
    expect(rCode({...base, se: "twoway", fe: "year"})).toContain("| year, data = df, vcov = ~iso3 + year)");
    expect(rCode(gmm)).toBe(
      'library(plm)\ndf <- read.csv("panel.csv")\ndf <- subset(df, year != 2020)\n' +
        'pdf <- pdata.frame(df, index = c("iso3", "year"))\n' +
        "m <- pgmm(lnexport_cn ~ lag(lnexport_cn, 1) + lag(dstri, 1) + lngdp + lnpopu + lngov + urban | lag(lnexport_cn, 2:99),\n" +
        '          data = pdf, effect = "twoways", model = "twosteps",\n' +
        '          transformation = "d", collapse = TRUE)\nsummary(m, robust = TRUE)\n'
    );
  });

  it("Stata: reghdfe and xtabond2", () => {
    const head = "import delimited panel.csv, clear\nencode iso3, generate(cid)\nxtset cid year\n";
    const reghdfe = "* needs reghdfe (ssc install reghdfe; with ftools)\n";
    expect(stataCode(base)).toBe(reghdfe + head + "reghdfe lnexport_cn dstri lngdp lnpopu lngov urban, absorb(cid year) vce(cluster cid)\n");
    expect(stataCode(lagged)).toBe(
      reghdfe + head + 'reghdfe lnexport_cn L.dstri lngdp lnpopu lngov urban if year >= 2014 & year != 2020 & oecd == "true" & !inlist(iso3, "USA"), noabsorb vce(robust)\n'
    );
    expect(stataCode({...gmm, estimator: "gmm-sys", lag: 2, drop2020: false})).toBe(
      "* needs xtabond2 (ssc install xtabond2)\n" + head + "xtabond2 lnexport_cn L.lnexport_cn L2.dstri lngdp lnpopu lngov urban i.year, " +
        "gmm(lnexport_cn, laglimits(2 99) collapse) iv(L2.dstri lngdp lnpopu lngov urban i.year) twostep robust\n"
    );
  });

  it("Stata: Driscoll-Kraay / Newey-West by ivreghdfe (bandwidth = fixest's lag + 1), PPML by ppmlhdfe, the wild bootstrap by boottest", () => {
    const dk = stataCode({...base, se: "dk", drop2020: true});
    expect(dk).toContain("* needs reghdfe and ivreghdfe (ssc install reghdfe; ssc install ivreghdfe; with ivreg2, ranktest, ftools)\n");
    expect(dk).toContain(
      "quietly reghdfe lnexport_cn dstri lngdp lnpopu lngov urban if year != 2020, absorb(cid year)\nquietly tabulate year if e(sample)\nlocal bw = floor(r(r)^(1/4)) + 1\n" +
        "ivreghdfe lnexport_cn dstri lngdp lnpopu lngov urban if year != 2020, absorb(cid year) dkraay(`bw')\n"
    );
    expect(stataCode({...base, se: "nw", fe: "none", lag: 1})).toContain("ivreghdfe lnexport_cn L.dstri lngdp lnpopu lngov urban, robust bw(`bw')\n");
    expect(stataCode({...base, se: "nw"})).toContain('Newey-West (within partner) errors as fixest\'s vcov = "NW"');
    expect(stataCode({...base, estimator: "ppml"})).toBe(
      "* needs ppmlhdfe (ssc install ppmlhdfe; with reghdfe and ftools)\n" + head0() + "ppmlhdfe exports_cn_usd dstri lngdp lnpopu lngov urban, absorb(cid year) vce(cluster cid)\n"
    );
    const ppmlDk = stataCode({...base, estimator: "ppml", se: "dk"});
    expect(ppmlDk).toContain("* ppmlhdfe has no Driscoll-Kraay option: robust errors below;");
    expect(ppmlDk).toContain("ppmlhdfe exports_cn_usd dstri lngdp lnpopu lngov urban, absorb(cid year) vce(robust)\n");
    const boot = stataCode({...base, boot: true, lag: 2});
    expect(boot.startsWith("* needs reghdfe and boottest (ssc install reghdfe; ssc install boottest; with ftools)\n")).toBe(true);
    expect(boot.endsWith("reghdfe lnexport_cn L2.dstri lngdp lnpopu lngov urban, absorb(cid year) vce(cluster cid)\nboottest L2.dstri, cluster(cid) reps(9999) weighttype(rademacher) seed(1) nograph\n")).toBe(true);
    expect(rCode({...base, boot: true, lag: 1})).toContain('set.seed(1)\ndqrng::dqset.seed(1)\nb <- boottest(m, param = "l(dstri, 1)", clustid = ~iso3, B = 9999, type = "rademacher", impose_null = TRUE)\nsummary(b)\n');
    // PPML has no wild bootstrap (OLS only), so no boottest line.
    expect(stataCode({...base, boot: true, estimator: "ppml"})).not.toContain("boottest");
  });

  it("Python: pyfixest with a calendar lag, and a note for GMM", () => {
    expect(pythonCode(base)).toBe(
      'import pandas as pd\nimport pyfixest as pf\n\ndf = pd.read_csv("panel.csv")\n' +
        'fit = pf.feols("lnexport_cn ~ dstri + lngdp + lnpopu + lngov + urban | iso3 + year", data=df, vcov={"CRV1": "iso3"})\nfit.summary()\n'
    );
    expect(pythonCode(lagged)).toBe(
      'import pandas as pd\nimport pyfixest as pf\n\ndf = pd.read_csv("panel.csv")\n' +
        'lag = df[["iso3", "year", "dstri"]].assign(year=df.year + 1).rename(columns={"dstri": "L1_dstri"})\n' +
        'df = df.merge(lag, on=["iso3", "year"], how="left")\n' +
        'df = df[(df.year >= 2014) & (df.year != 2020) & (df.oecd) & (~df.iso3.isin(["USA"]))]\n' +
        'fit = pf.feols("lnexport_cn ~ L1_dstri + lngdp + lnpopu + lngov + urban", data=df, vcov="hetero")\nfit.summary()\n'
    );
    expect(pythonCode({...base, se: "twoway", controls: []})).toContain('vcov={"CRV1": "iso3+year"}');
    const g = pythonCode(gmm);
    expect(g).not.toContain("pyfixest as pf");
    expect(g).toContain("# pyfixest has no Arellano-Bond");
  });

  it("dtb: the spec as a heredoc", () => {
    expect(dtbCode('{"y": "a"}')).toBe(`cat > spec.json <<'JSON'\n{"y": "a"}\nJSON\nnode bin/dtb.js estimate --data panel.csv --spec spec.json\n`);
  });
});

describe("code from hostile links", () => {
  // Any link: every explorer parameter with hostile values (quotes, newlines, Stata and R comment and macro syntax,
  // separators), beside good ones. Whatever parses, the code holds only the validated names.
  const UNITS = ['"', "'", "`", "\n", "\r", ";", "//", "/*", "///", "#", "$", "`x'", "\\", ",", " ", "USA", "lnexport_", "wz", "dk", "nw", "ppml", "1", "2014-2020", "中", "%0A", "&", "="];
  const hostile = fc.array(fc.constantFrom(...UNITS), {maxLength: 6}).map((a) => a.join(""));
  const param = fc.constantFrom("y", "x", "ctrl", "fe", "se", "yr", "d2020", "grp", "excl", "lag", "est", "boot");
  const good: Record<string, string[]> = {y: ["lnexport_cn", "lnexport_wz", "lnexport_a_very_long_customs_region_name"], se: ["dk", "nw", "country", "iid"], est: ["ppml", "ols", "gmm-sys"], boot: ["1"], excl: ["USA,JPN"], lag: ["2"], fe: ["none", "year"]};
  const link = fc.array(fc.oneof(fc.tuple(param, hostile), fc.constantFrom(...Object.entries(good).flatMap(([k, vs]) => vs.map((v) => [k, v] as [string, string])))), {maxLength: 8})
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"));
  const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

  it("property: Stata and R code are printable ASCII lines, quotes balanced, no command separators or comments outside comment lines", () => {
    const samples = fc.sample(link, {numRuns: 400, seed: 20261206});
    let long = 0;
    for (const search of samples) {
      const {state} = parseState(search);
      expect(NAME.test(state.y) && state.exclude.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
      for (const [lang, code] of [["stata", stataCode(state)], ["r", rCode(state)]] as const) {
        const where = `${lang} for ?${search}`;
        expect(code.endsWith("\n"), where).toBe(true);
        for (const line of code.slice(0, -1).split("\n")) {
          expect(/^[\x20-\x7e]*$/.test(line), `${where}: ${line}`).toBe(true);
          if (line.startsWith(lang === "stata" ? "*" : "#")) continue;
          expect((line.match(/"/g) ?? []).length % 2, `${where}: ${line}`).toBe(0);
          expect(/\/\/|\/\*|;|#/.test(line.replace(/"[^"]*"/g, '""')), `${where}: ${line}`).toBe(false);
          // Stata's macro quotes appear only in the bandwidth local.
          if (lang === "stata") expect(line.replace("`bw'", "").includes("`"), `${where}: ${line}`).toBe(false);
        }
      }
      if (state.y.length > 32 || (state.estimator === "ppml" && state.y.replace(/^lnexport_/, "exports_").length + 4 > 32)) {
        long++;
        expect(stataCode(state)).toMatch(/characters, which Stata cannot hold as a name/);
      }
    }
    expect(long).toBeGreaterThan(0);
  });
});
