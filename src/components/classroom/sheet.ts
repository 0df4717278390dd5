/**
 * The class sheet (teacher): paste a roster, one name per line, and get a printable table and a CSV with each
 * student's seed and, per lesson, the numbers in their exercise and its answer (src/lib/simulate/sheet.ts, the
 * function the classroom worker uses, so a student who types their name gets exactly these numbers). The
 * roster stays in this page: it is not put in the address or stored.
 */
import type {Frame} from "../../lib/engine/types.js";
import {pick} from "../../lib/i18n.js";
import {classSheet, parseRoster, sheetCsv, type SheetRow} from "../../lib/simulate/sheet.js";
import {LESSONS} from "./lessons.js";

const lessonTitle = (path: string) => {
  const l = LESSONS.find((x) => x.path === path);
  return l ? pick(l) : path;
};

export function sheetPanel(frame: Frame): HTMLElement {
  const root = document.createElement("div");
  root.className = "cl-sheet";
  root.setAttribute("data-testid", "class-sheet");
  const form = document.createElement("form");
  form.className = "cl-controls cl-roster";
  const label = document.createElement("label");
  const span = document.createElement("span");
  span.textContent = pick({en: "Roster: one name or student number per line", zh: "名单：每行一个姓名或学号"});
  const area = document.createElement("textarea");
  area.name = "roster";
  area.rows = 8;
  area.cols = 40;
  area.spellcheck = false;
  label.append(span, area);
  const make = document.createElement("button");
  make.type = "submit";
  make.textContent = pick({en: "Make the sheet", zh: "生成清单"});
  form.append(label, make);
  const status = document.createElement("p");
  status.className = "cl-status";
  status.setAttribute("role", "status");
  status.setAttribute("data-testid", "sheet-status");
  const download = document.createElement("p");
  const out = document.createElement("div");
  out.className = "cl-table-wrap";
  root.append(form, status, download, out);
  let url: string | null = null;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const {names, duplicates} = parseRoster(area.value);
    if (names.length === 0) {
      status.textContent = pick({en: "The roster is empty: paste one name per line.", zh: "名单为空：请每行粘贴一个姓名。"});
      out.replaceChildren();
      download.replaceChildren();
      return;
    }
    const rows = classSheet(names, {frame});
    status.textContent =
      pick({en: `${names.length} students, ${rows[0].exercises.length} exercises each.`, zh: `共 ${names.length} 名学生，每人 ${rows[0].exercises.length} 道练习。`}) +
      (duplicates.length ? pick({en: ` Listed once: ${duplicates.join(", ")} (repeated in the roster).`, zh: ` 名单中重复、只列一次：${duplicates.join("、")}。`}) : "");
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob(["\ufeff" + sheetCsv(rows)], {type: "text/csv;charset=utf-8"}));
    const a = document.createElement("a");
    a.href = url;
    a.download = "class-sheet.csv";
    a.setAttribute("data-testid", "sheet-csv");
    a.textContent = pick({en: "Download the sheet as CSV", zh: "下载清单（CSV）"});
    download.replaceChildren(a);
    out.replaceChildren(sheetTable(rows));
  });
  return root;
}

function sheetTable(rows: SheetRow[]): HTMLElement {
  const table = document.createElement("table");
  table.className = "cl-results cl-sheet-table";
  table.setAttribute("data-testid", "sheet-table");
  const head = document.createElement("tr");
  for (const c of [pick({en: "Student", zh: "学生"}), pick({en: "Seed", zh: "随机种子"}), pick({en: "Lesson", zh: "课程"}), pick({en: "Numbers in the question", zh: "题目中的数字"}), pick({en: "Answer", zh: "答案"})]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    head.append(th);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  table.append(thead);
  // One tbody per student, kept on one printed page (classroom.css).
  for (const r of rows) {
    const tbody = document.createElement("tbody");
    table.append(tbody);
    r.exercises.forEach((e, i) => {
      const tr = document.createElement("tr");
      tr.dataset.student = r.name;
      tr.dataset.lesson = e.lesson;
      if (i === 0) {
        const name = document.createElement("th");
        name.scope = "rowgroup";
        name.rowSpan = r.exercises.length;
        name.textContent = r.name;
        const seed = document.createElement("td");
        seed.rowSpan = r.exercises.length;
        seed.textContent = String(r.seed);
        tr.append(name, seed);
      }
      const lesson = document.createElement("td");
      lesson.textContent = lessonTitle(e.lesson);
      const params = document.createElement("td");
      params.textContent = Object.entries(e.params).map(([k, v]) => `${k} = ${v}`).join(", ");
      const ans = document.createElement("td");
      ans.dataset.value = String(e.answer);
      ans.textContent = `${e.answer.toFixed(e.digits)} (±${e.tolerance})`;
      tr.append(lesson, params, ans);
      tbody.append(tr);
    });
  }
  return table;
}
