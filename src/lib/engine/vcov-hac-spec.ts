/**
 * Spelling of the panel HAC variances in a spec, fixest's names: "driscoll_kraay" / "DK" / "DK(2)" /
 * {"driscoll_kraay": {"lag": 2}}, and "newey_west" / "NW" / "NW(1)" / {"newey_west": {"lag": 1}}.
 */
import {UserError} from "../errors.js";

export type HacChoice = {type: "driscoll_kraay"; lag?: number} | {type: "newey_west"; lag?: number};

function lagOf(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw new UserError(`${where}: the lag must be a whole number >= 1; got ${JSON.stringify(value)}`);
  return value;
}

/**
 * The HAC choice a vcov value names, or null when it names none. Example: "DK(2)" -> {type: "driscoll_kraay", lag: 2}.
 */
export function parseHacVcov(v: unknown): HacChoice | null {
  if (typeof v === "string") {
    const m = /^\s*(DK|NW|driscoll_kraay|newey_west)\s*(?:\(\s*([^)]*?)\s*\))?\s*$/i.exec(v);
    if (!m) return null;
    const type = /^(dk|driscoll_kraay)$/i.test(m[1]) ? "driscoll_kraay" : "newey_west";
    if (m[2] === undefined || m[2] === "") return {type};
    const lag = Number(m[2]);
    return {type, lag: lagOf(Number.isFinite(lag) && /^\d+$/.test(m[2]) ? lag : m[2], `spec.vcov ${JSON.stringify(v)}`)};
  }
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const keys = Object.keys(v);
    if (keys.length !== 1 || !["driscoll_kraay", "newey_west"].includes(keys[0])) return null;
    const type = keys[0] as HacChoice["type"];
    const inner = (v as Record<string, unknown>)[type];
    if (typeof inner !== "object" || inner === null || Array.isArray(inner)) throw new UserError(`spec.vcov.${type} must be an object such as {"lag": 2}`);
    const extra = Object.keys(inner).filter((k) => k !== "lag");
    if (extra.length > 0) throw new UserError(`spec.vcov.${type}: unknown key ${extra.map((k) => `'${k}'`).join(", ")} (allowed: lag)`);
    return {type, lag: lagOf((inner as {lag?: unknown}).lag, `spec.vcov.${type}.lag`)};
  }
  return null;
}
