/** The notebook link codec and the strict validation of what a link or a file may hold. */
import {describe, expect, it} from "vitest";
import {decodeNotebook, encodeNotebook, MAX_ENCODED, notebookFileText, readNotebookFile} from "../../../src/lib/notebook/codec.ts";
import {newCell, nextTableName, validateNotebook, type Notebook} from "../../../src/lib/notebook/cells.ts";
import {STARTERS} from "../../../src/lib/notebook/starters.ts";
import {UserError} from "../../../src/lib/errors.ts";
import {V1_LINK_2026_12_06} from "./v1-link.ts";

const NB: Notebook = {
  v: 1,
  panel: {id: "iso3", time: "year"},
  cells: [
    {type: "text", md: "# Hello <b>world</b> 你好"},
    {type: "sql", name: "q1", sql: "SELECT * FROM panel WHERE year > 2015"},
    {type: "model", models: "feols(lnexport_cn ~ dstri | iso3, data = q1)"},
    {type: "chart", table: "q1", mark: "line", x: "year", y: "dstri", color: "iso3", facet: ""}
  ]
};

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}
async function deflate(text: string | Uint8Array): Promise<Uint8Array> {
  const data = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const s = new Blob([data as unknown as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(s).arrayBuffer());
}
async function rejects(p: Promise<unknown>, message: RegExp): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(UserError);
  await expect(p).rejects.toThrow(message);
}

describe("encode / decode", () => {
  it("round-trips, compactly, with only base64url characters", async () => {
    const text = await encodeNotebook(NB);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(JSON.stringify(NB).length);
    expect(await decodeNotebook(text)).toEqual(NB);
  });
  it("every starter round-trips", async () => {
    for (const s of STARTERS) expect(await decodeNotebook(await encodeNotebook(s.notebook))).toEqual(s.notebook);
  });
  it("file text round-trips", () => {
    expect(readNotebookFile(notebookFileText(NB))).toEqual(NB);
    expect(() => readNotebookFile("{")).toThrow("notebook file is not valid JSON: ");
    expect(() => readNotebookFile(JSON.stringify({...NB, v: 2}))).toThrow("notebook file: version 2 was made by a newer version of this site (this page reads versions 1 to 1)");
    expect(() => readNotebookFile('{"v": 1, "v": 1, "panel": {"id": "iso3", "time": "year"}, "cells": []}')).toThrow(
      'notebook file is not valid JSON: key "v" is repeated (first at line 1 column 2) at line 1 column 10'
    );
  });
  it("refuses a notebook too large for a link", async () => {
    const big: Notebook = {...NB, cells: Array.from({length: 30}, (_, i) => ({type: "text" as const, md: Array.from({length: 1500}, (_, j) => ((i * 7919 + j * 104729) % 1000003).toString(36)).join(" ").slice(0, 19000)}))};
    await rejects(encodeNotebook(big), /too large for a link/);
  });
});

describe("hostile links are refused with one line", () => {
  it("empty, oversized, wrong alphabet, truncated, not deflate", async () => {
    await rejects(decodeNotebook(""), /^notebook link: empty$/);
    await rejects(decodeNotebook("A".repeat(MAX_ENCODED + 1)), /too long/);
    await rejects(decodeNotebook("abc$def"), /characters outside base64url/);
    await rejects(decodeNotebook("<script>alert(1)</script>"), /characters outside base64url/);
    await rejects(decodeNotebook("a"), /cut off/);
    await rejects(decodeNotebook("AAAA_____zzz"), /damaged|not UTF-8|not valid JSON/);
    const good = await encodeNotebook(NB);
    await rejects(decodeNotebook(good.slice(0, good.length - 10)), /damaged|not valid JSON|not UTF-8|cut off/);
  });
  it("a small link that would inflate past the limit (zip bomb)", async () => {
    const bomb = b64url(await deflate(" ".repeat(5_000_000)));
    expect(bomb.length).toBeLessThan(MAX_ENCODED);
    await rejects(decodeNotebook(bomb), /larger than 256 kB once unpacked/);
  });
  it("invalid UTF-8, not JSON, wrong shape", async () => {
    await rejects(decodeNotebook(b64url(await deflate(Uint8Array.of(0xff, 0xfe, 0x7b)))), /not UTF-8/);
    await rejects(decodeNotebook(b64url(await deflate("{not json"))), /not valid JSON/);
    await rejects(decodeNotebook(b64url(await deflate("[1,2]"))), /^notebook link: must be an object$/);
    await rejects(decodeNotebook(b64url(await deflate(JSON.stringify({...NB, extra: 1})))), /unknown key "extra"/);
    await rejects(decodeNotebook(b64url(await deflate(JSON.stringify({...NB, cells: [{type: "html", html: "<script>"}]})))), /cells\[0\]\.type must be one of sql, model, chart, text/);
    await rejects(decodeNotebook(b64url(await deflate(JSON.stringify({...NB, cells: [{type: "text", md: "x", onload: "alert(1)"}]})))), /cells\[0\] has an unknown key "onload"/);
  });
});

describe("validateNotebook", () => {
  const bad = (cells: unknown[], message: string) => expect(() => validateNotebook({...NB, cells})).toThrow(`notebook: ${message}`);
  it.each<[unknown[], string]>([
    [[{type: "sql", name: "1q", sql: ""}], 'cells[0].name "1q" is not a table name (letters, digits and _, not starting with a digit)'],
    [[{type: "sql", name: 'q"; DROP', sql: ""}], 'cells[0].name "q\\"; DROP" is not a table name'],
    [[{type: "sql", name: "panel", sql: ""}], 'cells[0].name "panel" is a built-in table'],
    [[{type: "sql", name: "a", sql: ""}, {type: "sql", name: "a", sql: ""}], 'cells[1].name "a" is used by an earlier cell'],
    [[{type: "sql", name: "a", sql: 3}], "cells[0].sql must be text"],
    [[{type: "text", md: "x".repeat(20001)}], "cells[0].md is longer than 20000 characters"],
    [[{type: "chart", table: "q1", mark: "pie", x: "a", y: "b", color: "", facet: ""}], "cells[0].mark must be one of dot, line, bar"],
    [[{type: "chart", table: "q 1", mark: "dot", x: "a", y: "b", color: "", facet: ""}], 'cells[0].table "q 1" is not a table name'],
    [[{type: "model"}], "cells[0].models must be text"],
    [[null], "cells[0] must be an object"],
    [Array.from({length: 41}, () => ({type: "text", md: ""})), "has 41 cells (at most 40)"]
  ])("%j", (cells, message) => bad(cells, message));
  it("panel and version", () => {
    expect(() => validateNotebook({...NB, panel: {id: "", time: "year"}})).toThrow("notebook: panel.id and panel.time must name columns");
    expect(() => validateNotebook({...NB, panel: undefined})).toThrow("notebook: panel must be {id, time}");
    expect(() => validateNotebook({...NB, v: "1"})).toThrow('notebook: unsupported version "1"');
    expect(() => validateNotebook({...NB, v: 0})).toThrow("notebook: unsupported version 0");
  });
  it("a cell type that is an Object.prototype name is refused in one line", () => {
    for (const type of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(() => validateNotebook({...NB, cells: [{type, md: ""}]})).toThrow("notebook: cells[0].type must be one of sql, model, chart, text");
    }
  });
  it("a version-1 link made on 2026-12-06 keeps opening (upgraded on read when the format changes)", async () => {
    const nb = await decodeNotebook(V1_LINK_2026_12_06);
    expect(nb.v).toBe(1);
    expect(nb.cells.map((c) => c.type)).toEqual(["text", "sql", "model", "chart"]);
    expect(nb.cells[1]).toEqual({type: "sql", name: "recent", sql: "SELECT iso3, year, lnexport_cn, dstri, lngdp FROM panel WHERE year >= 2014"});
  });
  it("repeated keys in a link are refused with their position", async () => {
    const text = b64url(await deflate('{"v":1,"panel":{"id":"iso3","time":"year","id":"x"},"cells":[]}'));
    await rejects(decodeNotebook(text), /key "id" is repeated \(first at line 1 column 17\) at line 1 column 43/);
  });
  it("new cells and default names", () => {
    expect(nextTableName(NB.cells)).toBe("q2");
    expect(newCell("sql", NB.cells)).toMatchObject({type: "sql", name: "q2"});
    expect(validateNotebook({...NB, cells: [...NB.cells, newCell("sql", NB.cells), newCell("chart", NB.cells), newCell("model", NB.cells), newCell("text", NB.cells)]}).cells).toHaveLength(8);
  });
});

describe("starters in the reader's language", () => {
  it("gives every text cell of every starter in Chinese for zh, and leaves the rest as written", async () => {
    const {starterNotebook} = await import("../../../src/lib/notebook/starters.ts");
    for (const s of STARTERS) {
      const zh = starterNotebook(s, "zh");
      const en = starterNotebook(s, "en");
      expect(en).toEqual(s.notebook);
      const texts = zh.cells.filter((c) => c.type === "text");
      expect(texts.length).toBe(s.textZh.length);
      for (const c of texts) expect((c as {md: string}).md).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.cells.filter((c) => c.type !== "text")).toEqual(s.notebook.cells.filter((c) => c.type !== "text"));
    }
  });
});
