/**
 * The customs reader's problem messages (validate.ts, read.ts, columns.ts, csv.ts) in Chinese, for the pages
 * shown in Chinese and the problems CSV downloaded from them (issue #12). The reader itself writes English
 * (the CLI and the logs stay English); each template here mirrors one message there, and a message without a
 * template is returned unchanged (tests/lib/customs/message-zh.test.ts runs every message the reader can
 * produce through this, so a new message without a translation fails a test).
 */
const DELIM_ZH: Record<string, string> = {comma: "逗号", semicolon: "分号", tab: "制表符", "vertical bar": "竖线"};

const RULES: Array<[RegExp, (...m: string[]) => string]> = [
  [/^column "(.*)" appears twice$/, (c) => `列“${c}”出现了两次`],
  [/^missing column "(.*)"$/, (c) => `缺少列“${c}”`],
  [/^unexpected column "(.*)" \(allowed: (.*)\)$/, (c, a) => `多余的列“${c}”（允许的列：${a}）`],
  [/^missing region code$/, () => "缺少地区代码"],
  [/^region "(.*)" must be a short lowercase code such as zj or wz$/, (r) => `地区“${r}”须为简短的小写代码，如 zj 或 wz`],
  [/^region "(.*)" would overwrite the panel's column (\S+)(?: \((.*)\))?; use another code$/, (r, c, w) =>
    `地区“${r}”会覆盖面板中已有的列 ${c}${w ? `（${w === "China's own exports" ? "中国全国出口" : w}）` : ""}，请换一个代码`],
  [/^missing partner ISO3 code$/, () => "缺少伙伴的 ISO3 代码"],
  [/^"(.*)" is not an ISO 3166-1 alpha-3 country code \(write it in capitals: (\S+)\)$/, (p, u) => `“${p}”不是 ISO 3166-1 三字母国家代码（请用大写：${u}）`],
  [/^"(.*)" is not an ISO 3166-1 alpha-3 country code$/, (p) => `“${p}”不是 ISO 3166-1 三字母国家代码`],
  [/^missing year$/, () => "缺少年份"],
  [/^year "(.*)" is not a 4-digit integer year$/, (y) => `年份“${y}”不是四位整数年份`],
  [/^missing value \(leave the row out instead\)$/, () => "缺少出口额（没有数值时请删去该行）"],
  [/^"(.*)" is not a number \(no thousands separators; use \. for decimals\)$/, (v) => `“${v}”不是数字（不要用千位分隔符，小数点用“.”）`],
  [/^"(.*)" is not a number$/, (v) => `“${v}”不是数字`],
  [/^"(.*)" is not a finite number$/, (v) => `“${v}”不是有限数值`],
  [/^negative exports (.*)$/, (v) => `出口额为负：${v}`],
  [/^duplicate of line (\d+) \(same region, partner_iso3 and year\)$/, (l) => `与第 ${l} 行重复（地区、伙伴和年份相同）`],
  [/^expected (\d+) fields, found (\d+) \(this line is separated by (.+?)s, the header by (.+?)s\)$/, (e, f, a, b) =>
    `应有 ${e} 个字段，实有 ${f} 个（本行用${DELIM_ZH[a] ?? a}分隔，表头用${DELIM_ZH[b] ?? b}分隔）`],
  [/^expected (\d+) fields, found (\d+)$/, (e, f) => `应有 ${e} 个字段，实有 ${f} 个`],
  [/^the header "(.*)" is one column: the file seems separated by spaces; use commas$/s, (h) => `表头“${h}”只有一列：文件似乎用空格分隔，请改用逗号`],
  [/^a quoted field is never closed$/, () => "有一个带引号的字段没有闭合"],
  [/^empty file \(expected a header row\)$/, () => "文件为空（应有表头行）"]
];

/** A customs problem message in Chinese; unknown messages come back unchanged. Example: `customsMessageZh('missing column "year"')` -> `缺少列“year”`. */
export function customsMessageZh(message: string): string {
  for (const [re, zh] of RULES) {
    const m = re.exec(message);
    if (m) return zh(...m.slice(1));
  }
  return message;
}
