/**
 * Lesson state <-> URL query, so that a teacher can put a prepared view on a slide: lab parameters by their
 * names (N, T, beta, corr, rho_x, rho_e, rho), `reps`, `seed`, `student` (a name whose hash is the seed),
 * `step` (lesson 2), plus the modes `teacher=1` and `embed=1`. Invalid values fall back to defaults (a link
 * must always open); the pure functions take and return search strings so they are testable in Node.
 */
import {hashSeed} from "../random/rng.js";
import {LAB_DEFS, MAX_REPS, type LabName, type Params} from "./labs.js";

export interface LabState {
  params: Params;
  reps: number;
  seed: number;
  student: string;
}

/** The seed of a student's name: the FNV-1a hash createRng(name) uses, so createRng(name) = createRng(seed). */
export function studentSeed(name: string): number {
  return hashSeed(name.trim());
}

/** Reads a lab's state from a search string; anything missing or invalid takes its default. */
export function readLabState(lab: LabName, search: string): LabState {
  const q = new URLSearchParams(search);
  const def = LAB_DEFS[lab];
  const params: Params = {};
  for (const p of def.params) {
    const raw = q.get(p.name);
    const v = raw === null || raw.trim() === "" ? NaN : Number(raw);
    params[p.name] = Number.isFinite(v) && v >= p.min && v <= p.max && (!p.integer || Number.isInteger(v)) ? v : p.default;
  }
  const reps = Number(q.get("reps"));
  const student = (q.get("student") ?? "").trim().slice(0, 80);
  const seedRaw = q.get("seed");
  const seed = student ? studentSeed(student) : seedRaw !== null && /^\d{1,15}$/.test(seedRaw) ? Number(seedRaw) : 1;
  return {params, reps: Number.isInteger(reps) && reps >= 1 && reps <= MAX_REPS ? reps : def.defaultReps, seed, student};
}

/** Writes the state into a search string, keeping other keys (lang, teacher, embed, step). */
export function writeLabState(lab: LabName, search: string, s: LabState): string {
  const q = new URLSearchParams(search);
  for (const p of LAB_DEFS[lab].params) q.set(p.name, String(s.params[p.name]));
  q.set("reps", String(s.reps));
  if (s.student) {
    q.set("student", s.student);
    q.delete("seed");
  } else {
    q.delete("student");
    q.set("seed", String(s.seed));
  }
  return "?" + q.toString();
}

/** `?teacher=1` / `?embed=1`. */
export function modes(search: string): {teacher: boolean; embed: boolean} {
  const q = new URLSearchParams(search);
  return {teacher: q.get("teacher") === "1", embed: q.get("embed") === "1"};
}
