/**
 * The replication page's event study (src/lib/replication/event-study.ts): the spec it hands the engine, the rows the
 * chart draws and the reading's numbers, all taken from the engine's eventStudy on the open panel.
 */
import {beforeAll, describe, expect, it} from "vitest";
import {buildPanel} from "../../../loaders/build.ts";
import {eventStudy, type EventStudyResult} from "../../../src/lib/engine/event-study.ts";
import {eventReading, eventRows, eventStudyTask, leaveOneOutRange} from "../../../src/lib/replication/event-study.ts";

const CN = {column: "lnexport_cn", region: "cn", label: "China"};
let r: EventStudyResult;

beforeAll(async () => {
  const {frame} = await buildPanel();
  const task = eventStudyTask(CN);
  r = eventStudy(frame, task.spec, task.es);
});

describe("replication event study", () => {
  it("runs Table 4 (2)'s controls and effects with 3 leads and 2 lags, leave-one-out on", () => {
    const task = eventStudyTask(CN);
    expect(task.spec.x).toEqual(["lngdp", "lnpopu", "lngov", "urban"]);
    expect(task.spec.fe).toEqual(["iso3", "year"]);
    expect(task.es).toEqual({term: "dstri", leads: 3, lags: 2, leave_one_out: true});
    expect(r.event_time).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(r.leave_one_out!.length).toBe(r.model.n_groups);
  });

  it("draws every estimate with its interval and every leave-one-out coefficient", () => {
    const rows = eventRows(r);
    const est = rows.filter((d) => d.kind === "estimate");
    expect(est.map((d) => d.j)).toEqual([-3, -2, 0, 1, 2]);
    est.forEach((d) => {
      const k = r.event_time.indexOf(d.j);
      expect([d.coef, d.lo, d.hi]).toEqual([r.coef[k], r.ci95[k][0], r.ci95[k][1]]);
    });
    expect(rows.filter((d) => d.kind === "reference")).toEqual([{j: -1, coef: 0, lo: 0, hi: 0, kind: "reference"}]);
    const looCount = r.leave_one_out!.reduce((n, o) => n + o.coef.filter((c, k) => c !== null && Number.isFinite(c) && r.event_time[k] !== -1).length, 0);
    expect(rows.filter((d) => d.kind === "loo").length).toBe(looCount);
  });

  it("reads the pre-trend test, the year of change per 0.02 step and the leave-one-out range from the numbers", () => {
    const text = eventReading(r).join(" ");
    expect(text).toContain(`F(${r.pretrend.df1}, ${r.pretrend.df2}) = ${r.pretrend.f.toFixed(2)}, p = ${r.pretrend.p_f.toFixed(3)}`);
    const k0 = r.event_time.indexOf(0);
    expect(text).toContain(`${(r.coef[k0] * 0.02).toFixed(4)} per 0.02 step`);
    const loo = leaveOneOutRange(r, 0)!;
    const vals = r.leave_one_out!.map((o) => o.coef[k0]).filter((c): c is number => c !== null);
    expect(loo.min).toBe(Math.min(...vals));
    expect(loo.max).toBe(Math.max(...vals));
    expect(text).toContain(`ranges from ${loo.min.toFixed(2)} to ${loo.max.toFixed(2)}`);
    const post = [0, 1, 2].map((j) => r.ci95[r.event_time.indexOf(j)]);
    if (post.every(([lo, hi]) => lo <= 0 && hi >= 0)) expect(text).toContain("Every interval after a change includes zero");
    if (r.pretrend.p_f >= 0.05) expect(text).toContain("a large p is not proof of parallel trends");
  });
});
