/**
 * Where the pinned models live between pages: localStorage (so Replication, the multiverse and the explorer share
 * one set), mirrored in the explorer's URL hash (lib/compare/pins.ts) so that a copied link restores it.
 */
import {addPin, parsePins, pinsHash} from "../../lib/compare/pins.js";
import type {ExplorerState} from "../../lib/explorer/state.js";

const KEY = "dtb:compare:pins";

/** The stored pins ([] when storage is blocked or holds nothing valid). */
export function loadPins(): ExplorerState[] {
  try {
    return parsePins(localStorage.getItem(KEY) ?? "").pins;
  } catch {
    return [];
  }
}

export function savePins(pins: readonly ExplorerState[]): void {
  try {
    localStorage.setItem(KEY, pinsHash(pins));
  } catch {
    // Storage blocked (private mode, quota): the pins still live in the URL.
  }
}

/** Pins one more model from another page; returns the outcome for a status line. */
export function pinFromElsewhere(s: ExplorerState): {count: number; added: boolean; full: boolean; hash: string} {
  const r = addPin(loadPins(), s);
  if (r.added) savePins(r.pins);
  return {count: r.pins.length, added: r.added, full: r.full, hash: pinsHash(r.pins)};
}
