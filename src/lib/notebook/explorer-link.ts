/**
 * "Open in the explorer": the explorer state of a notebook model, when the explorer can show that model —
 * on `panel`, y = lnexport_cn (or a customs lnexport_*), one DSTRI measure (or its lag 1 or 2 with the panel
 * declared as iso3 × year) plus any of the explorer's controls, fixed effects none / iso3 / year / both, and
 * standard errors iid, hetero, ~iso3 (fixest's default with iso3 first) or ~iso3 + year. Anything else: null.
 */
import type {ModelAst} from "../formula/ast.js";
import {CONTROL_VARS, KEY_VARS, defaultState, type ControlVar, type ExplorerState, type FeChoice, type KeyVar, type LagChoice, type SeChoice} from "../explorer/state.js";
import {parseLag} from "../engine/lag.js";

export function explorerState(m: ModelAst, panel: {id: string; time: string}): ExplorerState | null {
  if ((m.data ?? "panel") !== "panel" || (m.estimator ?? "ols") !== "ols") return null;
  if (m.y.kind !== "col" || !/^lnexport_[a-z][a-z0-9_]*$/.test(m.y.name) || parseLag(m.y.name)) return null;
  let key: KeyVar | null = null;
  let lag: LagChoice = 0;
  const controls: ControlVar[] = [];
  for (const t of m.terms) {
    if (t.kind !== "atom") return null;
    const a = t.atom;
    const written = a.kind === "col" ? parseLag(a.name) : null;
    const name = a.kind === "lag" ? a.name : written ? written.base : a.kind === "col" ? a.name : null;
    const k = a.kind === "lag" ? a.k : written ? written.k : 0;
    if (name === null || a.kind === "log") return null;
    if ((KEY_VARS as readonly string[]).includes(name) && key === null) {
      if (k !== 0 && (panel.id !== "iso3" || panel.time !== "year" || k > 2 || k < 0)) return null;
      key = name as KeyVar;
      lag = k as LagChoice;
    } else if ((CONTROL_VARS as readonly string[]).includes(name) && k === 0 && !controls.includes(name as ControlVar)) controls.push(name as ControlVar);
    else return null;
  }
  if (key === null) return null;
  const fe = m.fe.map((p) => p.join("^")).join("+");
  const feChoice: FeChoice | undefined = ({"": "none", iso3: "country", year: "year", "iso3+year": "both", "year+iso3": "both"} as Record<string, FeChoice>)[fe];
  if (!feChoice) return null;
  let se: SeChoice;
  const v = m.vcov;
  if (v === null) {
    if (m.fe.length === 0) se = "iid";
    else if (m.fe[0].join("^") === "iso3") se = "country";
    else return null;
  } else if (v.type === "iid") se = "iid";
  else if (v.type === "hetero") se = "hc1";
  else if (v.type === "cluster") {
    const c = v.cluster.map((p) => p.join("^")).sort().join("+");
    if (c === "iso3") se = "country";
    else if (c === "iso3+year") se = "twoway";
    else return null;
  } else {
    // Driscoll-Kraay / Newey-West: the explorer offers them at the default lag only.
    if (v.lag !== undefined) return null;
    se = v.type === "driscoll_kraay" ? "dk" : "nw";
  }
  return {...defaultState(), y: m.y.name, x: key, controls: CONTROL_VARS.filter((c) => controls.includes(c)), fe: feChoice, se, lag};
}
