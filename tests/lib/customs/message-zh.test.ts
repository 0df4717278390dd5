/** Every problem the customs reader produces has a Chinese version (src/lib/customs/message-zh.ts). */
import {describe, expect, it} from "vitest";
import {readCustomsText} from "../../../src/lib/customs/read.js";
import {regionCollision} from "../../../src/lib/customs/columns.js";
import {customsMessageZh} from "../../../src/lib/customs/message-zh.js";

/** True when the text still reads as English (three or more Latin words in a row outside quotes). */
const english = (s: string) => /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/.test(s.replace(/“[^”]*”/g, "").replace(/"[^"]*"/g, ""));

describe("customs messages in Chinese", () => {
  it("translates every row problem of a file with one mistake of each kind", () => {
    const text = [
      "region,partner_iso3,year,exports_usd",
      "ZJ,usa,19,abc", // bad region, lowercase ISO3, bad year, not a number
      ",,,", // every cell missing
      "zj,XXX,2019,1e999", // unknown ISO3, infinite value
      "zj,USA,2019,-5", // negative
      "zj,USA,2019,\"1,000\"", // thousands separator
      "zj,USA,2019,5", // fine
      "zj,USA,2019,6", // duplicate of the line above
      "zj;USA;2019;7", // other separator
      "zj,USA,2019" // too few fields
    ].join("\n");
    const r = readCustomsText(text);
    const messages = r.problems.map((p) => p.message);
    expect(messages.length).toBeGreaterThanOrEqual(12);
    for (const m of messages) {
      const zh = customsMessageZh(m);
      expect(zh, m).not.toBe(m);
      expect(english(zh), zh).toBe(false);
    }
  });
  it("translates header problems, an unclosed quote, an empty file and a region collision", () => {
    const messages = [
      ...readCustomsText("region,partner_iso3,partner_iso3,extra\nzj,USA,USA,1").problems.map((p) => p.message),
      ...readCustomsText("region partner year value\nzj USA 2019 5").problems.map((p) => p.message),
      ...readCustomsText("region,partner_iso3,year,exports_usd\nzj,\"USA,2019,5\n").problems.map((p) => p.message),
      ...readCustomsText("").problems.map((p) => p.message),
      regionCollision("cn")!
    ];
    expect(messages.length).toBeGreaterThanOrEqual(6);
    for (const m of messages) {
      const zh = customsMessageZh(m);
      expect(zh, m).not.toBe(m);
      expect(english(zh), zh).toBe(false);
    }
    expect(customsMessageZh(regionCollision("cn")!)).toBe("地区“cn”会覆盖面板中已有的列 exports_cn_usd（中国全国出口），请换一个代码");
  });
  it("keeps the values quoted in the message and leaves unknown messages alone", () => {
    expect(customsMessageZh('"usa" is not an ISO 3166-1 alpha-3 country code (write it in capitals: USA)')).toBe("“usa”不是 ISO 3166-1 三字母国家代码（请用大写：USA）");
    expect(customsMessageZh("duplicate of line 7 (same region, partner_iso3 and year)")).toBe("与第 7 行重复（地区、伙伴和年份相同）");
    expect(customsMessageZh("something new")).toBe("something new");
  });
});
