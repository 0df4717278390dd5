/** Which notebook models open in the explorer, and with which state. */
import {describe, expect, it} from "vitest";
import {parseModel} from "../../../src/lib/formula/parse.ts";
import {serializeState} from "../../../src/lib/explorer/state.ts";
import {explorerState} from "../../../src/lib/notebook/explorer-link.ts";

const P = {id: "iso3", time: "year"};
const s = (f: string) => explorerState(parseModel(f), P);

describe("explorer link", () => {
  it("maps the explorer's models", () => {
    expect(serializeState(s("feols(lnexport_cn ~ dstri + lngdp + lnpopu | iso3 + year, vcov = ~iso3)")!)).toBe(
      "y=lnexport_cn&x=dstri&ctrl=lngdp,lnpopu&fe=both&se=country&yr=2008-2024&d2020=0&grp=all&lag=0&est=ols"
    );
    expect(s("lnexport_cn ~ l(dstri_ipr, 1) + urban | iso3 + year, vcov = ~iso3 + year")).toMatchObject({x: "dstri_ipr", lag: 1, se: "twoway", controls: ["urban"]});
    expect(s("lnexport_cn ~ dstri, vcov = \"hetero\"")).toMatchObject({fe: "none", se: "hc1", controls: []});
  });
  it("refuses what the explorer cannot show", () => {
    expect(s("lnexport_cn ~ dstri:lngdp | iso3")).toBeNull();
    expect(s("feols(lnexport_cn ~ dstri | iso3, data = q1)")).toBeNull();
    expect(s("lngdp ~ dstri | iso3")).toBeNull();
    expect(s("lnexport_cn ~ dstri | year")).toBeNull();
    expect(s("lnexport_cn ~ dstri + i(oecd) | iso3")).toBeNull();
    expect(explorerState(parseModel("lnexport_cn ~ l(dstri, 1) | iso3"), {id: "country", time: "year"})).toBeNull();
  });
});
