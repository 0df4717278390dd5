/**
 * The pinned models (issue #21): up to six explorer views kept side by side. In the URL they live in the hash,
 * `#pin=<state>|<state>`, each state the explorer's own query string (explorer/state.ts serializeState) URL-encoded,
 * so the explorer's query parser never sees them and a copied link restores the same comparison. Pure and
 * browser-safe; parsing never throws (bad entries are listed in `ignored`).
 */
import {parseState, serializeState, type ExplorerState} from "../explorer/state.js";

export const MAX_PINS = 6;

/** Same model = same query string (serializeState writes every choice). */
export const pinKey = (s: ExplorerState): string => serializeState(s);

/**
 * The pins of a URL hash ("#pin=..." or "pin=..."); other hash parts are ignored.
 * @example parsePins("#pin=" + encodeURIComponent("fe=none")).pins[0].fe // "none"
 */
export function parsePins(hash: string): {pins: ExplorerState[]; ignored: string[]} {
  const m = /(?:^#?|&)pin=([^&]*)/.exec(hash);
  if (!m) return {pins: [], ignored: []};
  const pins: ExplorerState[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const part of m[1].split("|")) {
    if (!part) continue;
    let query: string;
    try {
      query = decodeURIComponent(part);
    } catch {
      ignored.push(part.slice(0, 60));
      continue;
    }
    const {state, ignored: bad} = parseState(query);
    if (bad.length) {
      ignored.push(query.slice(0, 60));
      continue;
    }
    const key = pinKey(state);
    if (seen.has(key)) continue;
    if (pins.length >= MAX_PINS) {
      ignored.push(query.slice(0, 60));
      continue;
    }
    seen.add(key);
    pins.push(state);
  }
  return {pins, ignored};
}

/** The hash for a pinned set ("" when empty). */
export function pinsHash(pins: readonly ExplorerState[]): string {
  return pins.length ? `#pin=${pins.map((s) => encodeURIComponent(pinKey(s))).join("|")}` : "";
}

/** Adds a model (no duplicates; refused past MAX_PINS). Returns the new list and whether it was added. */
export function addPin(pins: readonly ExplorerState[], s: ExplorerState): {pins: ExplorerState[]; added: boolean; full: boolean} {
  if (pins.some((p) => pinKey(p) === pinKey(s))) return {pins: [...pins], added: false, full: false};
  if (pins.length >= MAX_PINS) return {pins: [...pins], added: false, full: true};
  return {pins: [...pins, s], added: true, full: false};
}
