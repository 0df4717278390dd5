/**
 * Classroom modes, read from the URL once per page: `?teacher=1` shows answers and discussion notes
 * (elements with class `cl-teacher-only`, in the reader's language only); without it those elements are removed
 * from the page, so a student's page holds none of them. `?embed=1` keeps only the lesson's main figure and its
 * controls (class `cl-main`), under the lesson's title and a link back to the full lesson, for an iframe.
 */
import {pick, withLang} from "../../lib/i18n.js";
import {modes} from "../../lib/simulate/url-state.js";

export function classroomMode(): {teacher: boolean; embed: boolean} {
  const m = modes(location.search);
  document.documentElement.classList.toggle("cl-teacher", m.teacher);
  document.documentElement.classList.toggle("cl-embed", m.embed);
  if (!m.teacher) Array.from(document.querySelectorAll(".cl-teacher-only")).forEach((el) => el.remove());
  if (m.embed) embedHeader();
  return m;
}

/** The embed view's title line: the lesson's title in the reader's language and a link to the full lesson. */
function embedHeader(): void {
  const main = document.getElementById("observablehq-main");
  if (!main || main.querySelector(".cl-embed-head")) return;
  const zh = document.documentElement.lang === "zh-CN";
  const h1 = main.querySelector(zh ? ".lang-zh h1" : ".lang-en h1");
  const head = document.createElement("div");
  head.className = "cl-embed-head cl-main";
  head.setAttribute("data-testid", "embed-head");
  const title = document.createElement("strong");
  title.textContent = h1?.textContent?.trim() || document.title;
  const u = new URL(location.href);
  u.searchParams.delete("embed");
  const a = document.createElement("a");
  a.href = withLang(u.pathname + (u.search ? u.search : ""));
  a.target = "_top";
  a.textContent = pick({en: "Open the full lesson →", zh: "打开完整课程 →"});
  head.append(title, " · ", a);
  main.prepend(head);
}

/** The banner of teacher mode (empty element otherwise). */
export function teacherBanner(teacher: boolean): HTMLElement {
  const div = document.createElement("div");
  if (!teacher) return div;
  div.className = "cl-teacher-banner";
  div.setAttribute("role", "note");
  div.textContent = pick({
    en: "Teacher mode: answers and discussion notes are shown. Type a student's name in the box below to see that student's numbers, or make a class sheet for a whole roster. Remove teacher=1 from the address to hide them.",
    zh: "教师模式：显示答案与讨论要点。在下方输入框中输入学生姓名即可查看该学生的题目数字，也可为整个班级生成题目清单。从地址中删除 teacher=1 即可隐藏。"
  });
  const a = document.createElement("a");
  a.href = withLang("./sheet?teacher=1");
  a.textContent = pick({en: " Class sheet →", zh: " 班级题目清单 →"});
  div.append(a);
  return div;
}
