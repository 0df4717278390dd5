/** The Quarto export: R chunks from the R export; text cells that cannot run anything when rendered. */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {notebookToQuarto, quartoText} from "../../../src/lib/notebook/quarto.ts";
import {STARTERS, starterNotebook} from "../../../src/lib/notebook/starters.ts";

describe("Quarto export", () => {
  it("writes a front matter, a setup chunk and one R chunk per SQL and model cell", () => {
    const nb = starterNotebook(STARTERS[1], "en");
    const qmd = notebookToQuarto(nb);
    expect(qmd.startsWith('---\ntitle: "Notebook"\nfrom: markdown-raw_html-raw_attribute\nformat: html\n---\n')).toBe(true);
    expect(qmd).toContain("```{r}\n#| label: setup\n#| message: false\nlibrary(DBI)");
    const chunks = qmd.match(/^```\{r\}$/gm)!.length;
    expect(chunks).toBe(2 + nb.cells.filter((c) => c.type === "sql" || c.type === "model").length);
    expect(qmd).toContain("feols(lnexport_cn ~ dstri");
  });
  it("makes text cells inert: no executable chunk, no inline R, no shortcode, no raw HTML block", () => {
    const t = quartoText("```{r}\nsystem('id')\n```\nsee `r system('id')` and {{< include /etc/passwd >}}\n~~~{python}\nx\n~~~");
    expect(t).not.toMatch(/^```\s*\{/m);
    expect(t).not.toMatch(/^~~~\s*\{/m);
    expect(t).toContain("```r\nsystem('id')");
    expect(t).toContain("`\u200Br system('id')`");
    expect(t).toContain("{{{< include /etc/passwd >}}}");
  });
  it("property: hostile text never yields an executable chunk, inline r code or a live shortcode", () => {
    const unit = fc.constantFrom("```", "~~~", "{r}", "{", "}", "r", " ", "`", "\n", "\r", "{{<", ">}}", "#", "x", "python", "=");
    fc.assert(
      fc.property(fc.array(unit, {maxLength: 30}).map((a) => a.join("")), (md) => {
        const t = quartoText(md);
        expect(t).not.toMatch(/^[ \t]*(`{3,}|~{3,})[ \t]*\{/m);
        expect(t).not.toMatch(/`\s*r[ #]/);
        expect(t.replace(/\{\{\{</g, "")).not.toMatch(/\{\{</);
      }),
      {numRuns: 2000, seed: 18}
    );
  });
});
