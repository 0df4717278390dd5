// Observable Framework configuration.
// - globalStylesheets: [] removes the default Google Fonts request (the site makes no third-party request);
//   style.css sets a system font stack.
// - head: an inline SVG icon, so the browser does not ask the server for a missing /favicon.ico.
// - pages: add new pages here, in reading order. Only list pages that exist: a link to a missing page
//   is a broken link.
import {existsSync, readFileSync} from "node:fs";

const icon =
  "data:image/svg+xml," +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#3b6fb6"/><path d="M3 12h2V7H3zm4 0h2V4H7zm4 0h2V9h-2z" fill="#fff"/></svg>`
  );

// English / Chinese (see src/lib/i18n.ts): the boot script runs in <head> before the page renders. NAMES_ZH gives
// the Chinese of the site title and of each page name (sidebar and tab title): add your page here too.
const NAMES_ZH: Record<string, string> = {
  "Digital trade barriers & e-commerce exports": "数字贸易壁垒与跨境电商出口",
  "Data": "数据",
  "Your customs data": "我的海关数据",
  "Support system": "支持体系",
  "Mechanism": "影响机制",
  "What if": "政策模拟",
  "Results": "回归结果",
  "Explorer": "模型探索",
  "Robustness": "稳健性检验",
  "Methods": "方法说明",
  "About": "关于本项目",
  "Replication": "复现",
  "Audit": "核查",
  "Classroom": "课堂",
  "Why fixed effects": "为什么要用固定效应",
  "What demeaning does": "去均值做了什么",
  "Standard errors": "标准误",
  "Dynamic panels": "动态面板",
  "Reading a coefficient": "如何解读系数",
  "Forking paths": "分岔小径",
  "Logs or levels": "取对数还是用水平值",
  "Class sheet": "班级题目清单",
  "Multiverse": "多重设定分析",
  "Page not found": "找不到页面",
  "Notebook": "笔记本"
};
const i18nBoot = readFileSync(new URL("./src/lib/i18n-boot.js", import.meta.url), "utf8").trim();
// Framework parses `head` as HTML: a closing script tag inside the script would end it early.
if (/<\/script/i.test(i18nBoot)) throw new Error("src/lib/i18n-boot.js must not contain a closing script tag");
const i18nHead = `<script>${i18nBoot}(${JSON.stringify(NAMES_ZH)});</script>`;
// Accessibility, phones and print (src/lib/a11y-boot.js): lets readers pinch-zoom (Framework's viewport meta says
// maximum-scale=1), makes scroll boxes keyboard-reachable, opens collapsed sections for print.
const a11yBoot = readFileSync(new URL("./src/lib/a11y-boot.js", import.meta.url), "utf8").trim();
if (/<\/script/i.test(a11yBoot)) throw new Error("src/lib/a11y-boot.js must not contain a closing script tag");
const a11yHead = `<script>${a11yBoot}();</script>`;
// Offline after one visit (src/lib/offline/register-boot.js): registers dist/sw.js, written after the build.
const swBoot = readFileSync(new URL("./src/lib/offline/register-boot.js", import.meta.url), "utf8").trim();
if (/<\/script/i.test(swBoot)) throw new Error("src/lib/offline/register-boot.js must not contain a closing script tag");
const swHead = `<script>${swBoot}();</script>`;

/**
 * Pages listed in the sidebar, in reading order. Several engineers add pages in parallel, so an entry whose
 * `src/<path>.md` does not exist yet is left out (with a warning) instead of breaking the build.
 */
function existing(pages: Array<{name: string; path: string}>) {
  return pages.filter((p) => {
    const file = new URL(`./src${p.path}${p.path.endsWith("/") ? "index" : ""}.md`, import.meta.url);
    if (existsSync(file)) return true;
    console.warn(`observablehq.config.ts: page ${p.path} is listed but ${file.pathname} does not exist; left out of the sidebar`);
    return false;
  });
}

export default {
  title: "Digital trade barriers & e-commerce exports",
  root: "src",
  output: "dist",
  globalStylesheets: [],
  style: "style.css",
  head: `<link rel="icon" href="${icon}">` + i18nHead + a11yHead + swHead,
  // Reading order: the data, the study's claims checked, then tools to probe them, then the policy side.
  pages: existing([
    {name: "Data", path: "/data"},
    {name: "Your customs data", path: "/customs"},
    {name: "Replication", path: "/replication"},
    {name: "Audit", path: "/audit"},
    {name: "Explorer", path: "/explorer"},
    {name: "Multiverse", path: "/multiverse"},
    {name: "Notebook", path: "/notebook"},
    {name: "What if", path: "/whatif"},
    {name: "Mechanism", path: "/mechanism"},
    {name: "Support system", path: "/support"}
  ]).concat(
    // Classroom (issue 9): a collapsible section of lessons; names translated through NAMES_ZH.
    existing([{name: "Classroom", path: "/classroom/"}]).length
      ? [{name: "Classroom", collapsible: true, open: false, pages: existing([
          {name: "Classroom", path: "/classroom/"},
          {name: "Why fixed effects", path: "/classroom/fixed-effects"},
          {name: "What demeaning does", path: "/classroom/demeaning"},
          {name: "Standard errors", path: "/classroom/standard-errors"},
          {name: "Dynamic panels", path: "/classroom/dynamic-panels"},
          {name: "Reading a coefficient", path: "/classroom/coefficients"},
          {name: "Forking paths", path: "/classroom/forking-paths"},
          {name: "Logs or levels", path: "/classroom/gravity"},
          {name: "Class sheet", path: "/classroom/sheet"}
        ])} as any]
      : []
  ),
  footer:
    '<span class="lang-zh">开放的复现研究。数据来源：经合组织数字服务贸易限制指数（OECD DSTRI，CC BY 4.0）；' +
    "世界银行世界发展指标（CC BY 4.0）；国际货币基金组织贸易方向统计（注明出处即可自由使用）。</span>" +
    '<span class="lang-en">' +
    "An open replication. Data: OECD Digital Services Trade Restrictiveness Index (CC BY 4.0); " +
    "World Bank World Development Indicators (CC BY 4.0); IMF Direction of Trade Statistics (free reuse with attribution).</span>",
  search: false,
  linkify: true
};
