import {describe, expect, it} from "vitest";
import {
  UI, countryName, currentLang, hrefWithLang, htmlLang, isExternalOrFile, langFromSearch, parseLang, pick, resolveLang, t, withLang
} from "../../src/lib/i18n.js";

describe("language choice", () => {
  it("parses language codes leniently", () => {
    expect(parseLang("zh")).toBe("zh");
    expect(parseLang("zh-CN")).toBe("zh");
    expect(parseLang(" ZH_cn ")).toBe("zh");
    expect(parseLang("en-GB")).toBe("en");
    expect(parseLang("fr")).toBeNull();
    expect(parseLang("")).toBeNull();
    expect(parseLang(null)).toBeNull();
  });

  it("reads ?lang= from a search string with or without '?'", () => {
    expect(langFromSearch("?lang=zh")).toBe("zh");
    expect(langFromSearch("a=1&lang=en&b=2")).toBe("en");
    expect(langFromSearch("?lang=xx")).toBeNull();
    expect(langFromSearch("")).toBeNull();
  });

  it("prefers the URL, then the stored choice, then English", () => {
    expect(resolveLang("?lang=zh", "en")).toBe("zh");
    expect(resolveLang("?lang=en", "zh")).toBe("en");
    expect(resolveLang("", "zh")).toBe("zh");
    expect(resolveLang("?lang=klingon", "zh")).toBe("zh");
    expect(resolveLang("", "garbage")).toBe("en");
    expect(resolveLang("", null)).toBe("en");
  });

  it("maps to the html lang attribute", () => {
    expect(htmlLang("zh")).toBe("zh-CN");
    expect(htmlLang("en")).toBe("en");
  });

  it("is English in Node (no location, no storage)", () => {
    expect(currentLang()).toBe("en");
    expect(pick({en: 1, zh: 2})).toBe(1);
    expect(t("download")).toBe("Download");
    expect(countryName({country: "India", country_zh: "印度"})).toBe("India");
  });
});

describe("UI labels", () => {
  it("has both languages for every key, Chinese in Chinese", () => {
    for (const [key, v] of Object.entries(UI)) {
      expect(v.en.trim(), key).not.toBe("");
      expect(v.zh, key).toMatch(/\p{Script=Han}/u);
      expect(v.en, key).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describe("links keep the language", () => {
  it("adds lang, keeping the relative form, other parameters and the hash", () => {
    expect(hrefWithLang("./data", "zh")).toBe("./data?lang=zh");
    expect(hrefWithLang("/support?level=government&area=ipr#cases", "zh")).toBe("/support?level=government&area=ipr&lang=zh#cases");
    expect(hrefWithLang("./explorer?lang=en&m=1", "zh")).toBe("./explorer?lang=zh&m=1");
    expect(hrefWithLang("./", "en")).toBe("./?lang=en");
    expect(hrefWithLang("?q=x", "zh")).toBe("?q=x&lang=zh");
    expect(hrefWithLang("page.html", "zh")).toBe("page.html?lang=zh");
  });

  it("leaves external links, fragments and files alone", () => {
    for (const href of [
      "https://www.oecd.org/", "//example.com/x", "mailto:a@b.c", "#top", "", "./_file/data/panel.abc.csv",
      "./data/panel.parquet", "/_import/x.js", "/_npm/d3/x"
    ]) {
      expect(isExternalOrFile(href), href).toBe(true);
      expect(hrefWithLang(href, "zh")).toBe(href);
    }
  });

  it("withLang uses the current language", () => {
    expect(withLang("./mechanism")).toBe("./mechanism?lang=en");
  });
});
