/** The multiverse's view in the URL (issue 24): defensible by default, `view=all` for every choice, nonsense listed. */
import {describe, expect, it} from "vitest";
import {defaultGrid} from "../../../src/lib/multiverse/default-grid.ts";
import {parseView, serializeView} from "../../../src/lib/multiverse/state.ts";

const grid = defaultGrid([{iso3: "USA", oecd: true}, {iso3: "IND", oecd: false}]);

describe("view mode in the URL", () => {
  it("opens on the defensible view and keeps the choice through a round trip", () => {
    expect(parseView("", grid).view.mode).toBe("defensible");
    const all = parseView("?view=all&lang=zh", grid);
    expect(all.view.mode).toBe("all");
    expect(all.ignored).toEqual([]);
    const text = serializeView(all.view, "zh");
    expect(text).toContain("view=all");
    expect(parseView(`?${text}`, grid).view).toEqual(all.view);
    expect(serializeView(parseView("", grid).view)).toContain("view=defensible");
  });
  it("lists a view it does not know and keeps the default", () => {
    const r = parseView("?view=<script>", grid);
    expect(r.view.mode).toBe("defensible");
    expect(r.ignored).toEqual(["view=<script>"]);
  });
});

describe("links made before the defensible view (version 1)", () => {
  it("open on every specification, as they did when they were made; a bare address opens on the defensible view", () => {
    expect(parseView("?off=key:1&sort=key&draws=300", grid).view.mode).toBe("all");
    expect(parseView("?lang=zh&sort=fe", grid).view.mode).toBe("all");
    expect(parseView("?lang=zh", grid).view.mode).toBe("defensible");
    expect(parseView("?sort=fe&v=2", grid).view.mode).toBe("defensible");
    expect(parseView("?sort=fe&view=defensible", grid).view.mode).toBe("defensible");
    expect(parseView("?sort=<b>", grid).view.mode).toBe("defensible");
  });
});
