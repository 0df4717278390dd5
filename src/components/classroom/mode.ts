/**
 * Classroom modes, read from the URL once per page: `?teacher=1` shows answers and discussion notes
 * (elements with class `cl-teacher-only`), `?embed=1` keeps only the lesson's main figure and its controls
 * (the element with class `cl-main`), for an iframe in a course page. Both are classes on <html>, so the
 * rules live in classroom.css and nothing re-renders.
 */
import {pick} from "../../lib/i18n.js";
import {modes} from "../../lib/simulate/url-state.js";

export function classroomMode(): {teacher: boolean; embed: boolean} {
  const m = modes(location.search);
  document.documentElement.classList.toggle("cl-teacher", m.teacher);
  document.documentElement.classList.toggle("cl-embed", m.embed);
  return m;
}

/** The banner of teacher mode (empty element otherwise). */
export function teacherBanner(teacher: boolean): HTMLElement {
  const div = document.createElement("div");
  if (!teacher) return div;
  div.className = "cl-teacher-banner";
  div.setAttribute("role", "note");
  div.textContent = pick({
    en: "Teacher mode: answers and discussion notes are shown. Type a student's name in the box below to see that student's numbers. Remove teacher=1 from the address to hide them.",
    zh: "教师模式：显示答案与讨论要点。在下方输入框中输入学生姓名即可查看该学生的题目数字。从地址中删除 teacher=1 即可隐藏。"
  });
  return div;
}
