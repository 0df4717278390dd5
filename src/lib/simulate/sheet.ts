/**
 * The class sheet: from a roster (one name per line) every student's seed and, per lesson, the numbers in their
 * exercise and its correct answer, computed by the same `exerciseFor` the classroom worker uses, so a student
 * who types their name gets exactly these numbers. The CSV neutralises formula cells (a name such as
 * "=HYPERLINK(...)" opens as text: OWASP CSV injection) and quotes what needs quoting.
 * Example: `sheetCsv(classSheet(parseRoster("Li Wei\nAna"), {frame}))`.
 */
import {EXERCISE_LESSONS, exerciseFor, type ExerciseContext} from "./exercises.js";
import {studentSeed} from "./url-state.js";

export interface SheetEntry {
  lesson: string;
  params: Record<string, number>;
  answer: number;
  tolerance: number;
  digits: number;
}

export interface SheetRow {
  name: string;
  seed: number;
  exercises: SheetEntry[];
}

/** Names, one per line: trimmed, empty lines dropped, at most 80 characters each (as the name box), duplicates once. */
export function parseRoster(text: string): {names: string[]; duplicates: string[]} {
  const names: string[] = [];
  const duplicates: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const name = line.trim().slice(0, 80).trim();
    if (!name) continue;
    if (names.includes(name)) duplicates.push(name);
    else names.push(name);
  }
  return {names, duplicates};
}

/** Every student's exercises (lessons whose exercise needs the panel are left out when `ctx.frame` is absent). */
export function classSheet(names: string[], ctx: ExerciseContext = {}, lessons = EXERCISE_LESSONS): SheetRow[] {
  const use = lessons.filter((l) => l !== "demeaning" || ctx.frame);
  return names.map((name) => {
    const seed = studentSeed(name);
    return {
      name,
      seed,
      exercises: use.map((lesson) => {
        const e = exerciseFor(lesson, seed, ctx);
        return {lesson, params: e.params, answer: e.answer, tolerance: e.tolerance, digits: e.digits};
      })
    };
  });
}

/** A CSV cell: text starting with = + - @ tab or CR gets a leading ' (opens as text); quoted when needed. */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per student and lesson: name, seed, lesson, parameters ("k=v; ..."), answer (full precision), tolerance. */
export function sheetCsv(rows: SheetRow[]): string {
  const lines = ["name,seed,lesson,parameters,answer,tolerance"];
  for (const r of rows)
    for (const e of r.exercises) {
      const params = Object.entries(e.params).map(([k, v]) => `${k}=${v}`).join("; ");
      lines.push([csvCell(r.name), String(r.seed), e.lesson, csvCell(params), String(e.answer), String(e.tolerance)].join(","));
    }
  return lines.join("\n") + "\n";
}
