/**
 * "Your name or student number": the seed of the lesson's exercise and labs. The same name always gives the
 * same seed (FNV-1a hash, as createRng(name) uses), so a teacher can regenerate any student's numbers; the
 * name is kept in the URL (`student=`). It applies as it is typed (an "input" event on the box per keystroke);
 * the exercise and the labs listen to the box and update in place, so nothing the student typed is cleared.
 * value = {student, seed}.
 */
import {pick} from "../../lib/i18n.js";
import {readLabState, studentSeed} from "../../lib/simulate/url-state.js";

export interface StudentValue {
  student: string;
  seed: number;
}

export type StudentBox = HTMLElement & {value: StudentValue};

export function studentBox(): StudentBox {
  const q = new URLSearchParams(location.search);
  const initial = readLabState("fe", location.search);
  const form = document.createElement("form") as unknown as StudentBox;
  form.className = "cl-student";
  form.setAttribute("data-testid", "student-box");
  form.addEventListener("submit", (e) => e.preventDefault());
  const label = document.createElement("label");
  const span = document.createElement("span");
  span.textContent = pick({en: "Your name or student number", zh: "姓名或学号"});
  const input = document.createElement("input");
  input.type = "text";
  input.name = "student";
  input.autocomplete = "off";
  input.maxLength = 80;
  input.value = q.get("student") ?? "";
  label.append(span, input);
  const out = document.createElement("output");
  out.className = "cl-seed";
  out.setAttribute("data-testid", "student-seed");
  form.append(label, out);
  const update = (fire: boolean) => {
    const student = input.value.trim();
    const seed = student ? studentSeed(student) : initial.seed;
    form.value = {student, seed};
    out.textContent = pick({en: `Your seed: ${seed}`, zh: `你的随机种子：${seed}`});
    out.setAttribute("data-value", String(seed));
    const u = new URLSearchParams(location.search);
    if (student) {
      u.set("student", student);
      u.delete("seed");
    } else u.delete("student");
    history.replaceState(history.state, "", "?" + u.toString() + location.hash);
    if (fire) form.dispatchEvent(new CustomEvent("student", {detail: form.value}));
  };
  // The input's own "input" event bubbles to the form; the components listen to "student", fired once per change.
  input.addEventListener("input", () => update(true));
  update(false);
  return form;
}
