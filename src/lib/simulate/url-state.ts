/**
 * Lesson state <-> URL query, so that a teacher can put a prepared view on a slide: lab parameters by their
 * names (N, T, beta, corr, rho_x, rho_e, rho), `reps`, `seed`, `student` (a name whose hash is the seed),
 * `step` (lesson 2), plus the modes `teacher=1` and `embed=1`. Invalid values fall back to defaults (a link
 * must always open) and each is listed in `notes`, which the page shows (as the multiverse page does); the pure
 * functions take and return search strings so they are testable in Node.
 */
import {hashSeed} from "../random/rng.js";
import {LAB_DEFS, MAX_REPS, type LabName, type Params} from "./labs.js";

export interface LabState {
  params: Params;
  reps: number;
  seed: number;
  student: string;
  /** Link values that could not be used, each with the value used instead (shown on the page, never silent). */
  notes?: LinkNote[];
}

export interface LinkNote {
  key: string;
  given: string;
  used: number;
  why: {en: string; zh: string};
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
  const notes: LinkNote[] = [];
  const why = (v: number, min: number, max: number, integer: boolean): {en: string; zh: string} =>
    !Number.isFinite(v)
      ? {en: "not a number", zh: "不是数字"}
      : integer && !Number.isInteger(v)
        ? {en: "must be a whole number", zh: "必须是整数"}
        : {en: `outside ${min}…${max}`, zh: `超出 ${min}…${max}`};
  for (const p of def.params) {
    const raw = q.get(p.name);
    const v = raw === null || raw.trim() === "" ? NaN : Number(raw);
    const ok = Number.isFinite(v) && v >= p.min && v <= p.max && (!p.integer || Number.isInteger(v));
    params[p.name] = ok ? v : p.default;
    if (raw !== null && !ok) notes.push({key: p.name, given: raw.slice(0, 40), used: p.default, why: why(v, p.min, p.max, p.integer)});
  }
  const repsRaw = q.get("reps");
  const reps = Number(repsRaw);
  const repsOk = Number.isInteger(reps) && reps >= 1 && reps <= MAX_REPS;
  if (repsRaw !== null && !repsOk) notes.push({key: "reps", given: repsRaw.slice(0, 40), used: def.defaultReps, why: why(reps, 1, MAX_REPS, true)});
  const student = (q.get("student") ?? "").trim().slice(0, 80);
  const seedRaw = q.get("seed");
  const seedOk = seedRaw !== null && /^\d{1,15}$/.test(seedRaw);
  if (seedRaw !== null && !seedOk && !student) notes.push({key: "seed", given: seedRaw.slice(0, 40), used: 1, why: {en: "not a whole number of at most 15 digits", zh: "不是至多15位的非负整数"}});
  const seed = student ? studentSeed(student) : seedOk ? Number(seedRaw) : 1;
  const out: LabState = {params, reps: repsOk ? reps : def.defaultReps, seed, student};
  if (notes.length > 0) out.notes = notes;
  return out;
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
