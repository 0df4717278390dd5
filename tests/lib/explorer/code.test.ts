import {describe, expect, it} from "vitest";
import {dtbCode, pythonCode, rCode, stataCode} from "../../../src/lib/explorer/code.js";
import {defaultState, type ExplorerState} from "../../../src/lib/explorer/state.js";

const base = defaultState();
const lagged: ExplorerState = {...base, lag: 1, drop2020: true, group: "oecd", exclude: ["USA"], fe: "none", se: "hc1", from: 2014};
const gmm: ExplorerState = {...base, estimator: "gmm-diff", lag: 1, drop2020: true};

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
    expect(stataCode(base)).toBe(head + "reghdfe lnexport_cn dstri lngdp lnpopu lngov urban, absorb(cid year) vce(cluster cid)\n");
    expect(stataCode(lagged)).toBe(
      head + 'reghdfe lnexport_cn L.dstri lngdp lnpopu lngov urban if year >= 2014 & year != 2020 & oecd == "true" & !inlist(iso3, "USA"), noabsorb vce(robust)\n'
    );
    expect(stataCode({...gmm, estimator: "gmm-sys", lag: 2, drop2020: false})).toBe(
      head + "xtabond2 lnexport_cn L.lnexport_cn L2.dstri lngdp lnpopu lngov urban i.year, " +
        "gmm(lnexport_cn, laglimits(2 99) collapse) iv(L2.dstri lngdp lnpopu lngov urban i.year) twostep robust\n"
    );
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
