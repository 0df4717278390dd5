/** The list of lessons (index page and the "next lesson" link), in both languages. */
import {pick, withLang} from "../../lib/i18n.js";

export const LESSONS = [
  {path: "fixed-effects", en: "1. Why fixed effects", zh: "1. 为什么要用固定效应", lab: "fe"},
  {path: "demeaning", en: "2. What demeaning does", zh: "2. 去均值做了什么", lab: null},
  {path: "standard-errors", en: "3. Standard errors", zh: "3. 标准误", lab: "cluster"},
  {path: "dynamic-panels", en: "4. Dynamic panels", zh: "4. 动态面板", lab: "nickell"},
  {path: "coefficients", en: "5. Reading a coefficient", zh: "5. 如何解读系数", lab: null},
  {path: "forking-paths", en: "6. Forking paths", zh: "6. 分岔小径", lab: null},
  {path: "gravity", en: "7. Logs or levels: log-OLS and PPML", zh: "7. 取对数还是用水平值：对数OLS与PPML", lab: "gravity"}
] as const;

export function lessonList(): HTMLElement {
  const ol = document.createElement("ol");
  ol.className = "cl-lessons";
  ol.setAttribute("data-testid", "lessons");
  for (const l of LESSONS) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = withLang(`./${l.path}`);
    a.textContent = pick(l).replace(/^\d\. /, "");
    li.append(a);
    if (l.lab) {
      const s = document.createElement("span");
      s.className = "muted";
      s.textContent = pick({en: ` (lab: ${l.lab})`, zh: `（实验：${l.lab}）`});
      li.append(s);
    }
    ol.append(li);
  }
  return ol;
}

/** "Next: ..." at the end of a lesson. */
export function nextLesson(path: string): HTMLElement {
  const i = LESSONS.findIndex((l) => l.path === path);
  const p = document.createElement("p");
  p.className = "cl-next";
  const next = LESSONS[i + 1];
  const a = document.createElement("a");
  a.href = withLang(next ? `./${next.path}` : "./");
  a.textContent = next ? pick({en: `Next lesson: ${next.en.slice(3)} →`, zh: `下一课：${next.zh.slice(3)} →`}) : pick({en: "Back to the classroom", zh: "返回课堂首页"});
  p.append(a);
  return p;
}
