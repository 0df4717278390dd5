/**
 * The cells' code editor: CodeMirror 6 (bundled from node_modules and served by the site), with syntax
 * highlighting (SQL; the formula language; Markdown as plain text), bracket matching and closing, history,
 * and completion of table names and columns: SQL completes the tables of DuckDB's catalogue and the columns
 * of the tables the query names (FROM/JOIN); a formula completes the columns of its `data =` table (panel
 * by default). Keys (as Jupyter and Observable): Shift+Enter runs and moves to the next cell,
 * Ctrl/Cmd+Enter runs, Alt+Enter runs and inserts a cell below. The editable area carries an aria-label.
 */
import {autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type Completion, type CompletionContext, type CompletionResult} from "@codemirror/autocomplete";
import {defaultKeymap, history, historyKeymap} from "@codemirror/commands";
import {bracketMatching, HighlightStyle, StreamLanguage, syntaxHighlighting} from "@codemirror/language";
import {sql, PostgreSQL} from "@codemirror/lang-sql";
import {EditorState, Prec, type Extension} from "@codemirror/state";
import {EditorView, keymap, placeholder as cmPlaceholder} from "@codemirror/view";
import {tags} from "@lezer/highlight";

export type EditorLanguage = "sql" | "formula" | "markdown";

export interface EditorKeys {
  run(): void;
  runNext(): void;
  runInsert(): void;
}

export interface CodeEditor {
  view: EditorView;
  dom: HTMLElement;
  focus(): void;
  value(): string;
}

/** Table name -> column names, as the page knows them now. */
export type Catalogue = () => Record<string, string[]>;

const style = HighlightStyle.define([
  {tag: tags.keyword, color: "#8a3ab9", fontWeight: "600"},
  {tag: [tags.string, tags.special(tags.string)], color: "#0b7a3e"},
  {tag: tags.number, color: "#1f6fb2"},
  {tag: tags.comment, color: "#6b6b6b", fontStyle: "italic"},
  {tag: tags.operator, color: "#a4221b"},
  {tag: tags.function(tags.variableName), color: "#8a4b08"},
  {tag: tags.bracket, color: "#555"}
]);

/** The formula language: names, `backtick names`, numbers, strings, operators, the functions feols/fepois/boottest/log/l/f/i. */
const formulaLanguage = StreamLanguage.define<null>({
  name: "fixest-formula",
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^#.*/)) return "comment";
    if (stream.match(/^`[^`]*`?/)) return "variableName";
    if (stream.match(/^"[^"]*"?/) || stream.match(/^'[^']*'?/)) return "string";
    if (stream.match(/^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/)) return "number";
    if (stream.match(/^(feols|fepois|boottest|log|l|f|i)(?=\()/)) return "function";
    if (stream.match(/^(data|vcov|ref)(?=\s*=)/)) return "keyword";
    if (stream.match(/^[A-Za-z_.][A-Za-z0-9_.]*/)) return "variableName";
    if (stream.match(/^[~+*:^|=,]/)) return "operator";
    if (stream.match(/^[()]/)) return "bracket";
    stream.next();
    return null;
  }
});

const SQL_WORDS = ["SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "JOIN", "LEFT JOIN", "USING", "WITH", "AS", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "COUNT", "AVG", "SUM", "MIN", "MAX", "CAST", "PIVOT", "UNPIVOT", "QUALIFY", "OVER", "PARTITION BY"];

/** Tables a SQL text reads: the names after FROM or JOIN (and their aliases). */
function tablesInSql(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\b(?:from|join)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?(?:\s+(?:as\s+)?([A-Za-z_][A-Za-z0-9_]*))?/gi)) {
    out.set(m[1], m[1]);
    if (m[2] && !/^(where|group|order|limit|join|left|right|inner|on|using|having|qualify|union)$/i.test(m[2])) out.set(m[2], m[1]);
  }
  return out;
}

function sqlCompletion(catalogue: Catalogue) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[A-Za-z_][A-Za-z0-9_]*|\.[A-Za-z0-9_]*/) ?? (ctx.explicit ? {from: ctx.pos, to: ctx.pos, text: ""} : null);
    if (!word) return null;
    const cat = catalogue();
    const text = ctx.state.doc.toString();
    const named = tablesInSql(text);
    const before = ctx.state.sliceDoc(Math.max(0, word.from - 64), word.from);
    const qualifier = /([A-Za-z_][A-Za-z0-9_]*)\.$/.exec(before)?.[1] ?? (word.text.startsWith(".") ? /([A-Za-z_][A-Za-z0-9_]*)$/.exec(before)?.[1] : undefined);
    const from = word.text.startsWith(".") ? word.from + 1 : word.from;
    if (qualifier) {
      const table = named.get(qualifier) ?? qualifier;
      return {from, options: (cat[table] ?? []).map((c) => ({label: c, type: "property", detail: table})), validFor: /^[A-Za-z0-9_]*$/};
    }
    const options: Completion[] = [];
    for (const t of new Set(named.values())) for (const c of cat[t] ?? []) options.push({label: c, type: "property", detail: t, boost: 2});
    for (const t of Object.keys(cat)) options.push({label: t, type: "type", detail: "table", boost: 1});
    for (const k of SQL_WORDS) options.push({label: k, type: "keyword"});
    return {from, options, validFor: /^[A-Za-z0-9_]*$/};
  };
}

function formulaCompletion(catalogue: Catalogue) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[A-Za-z_.][A-Za-z0-9_.]*/) ?? (ctx.explicit ? {from: ctx.pos, to: ctx.pos, text: ""} : null);
    if (!word) return null;
    const line = ctx.state.doc.lineAt(ctx.pos).text;
    const table = /data\s*=\s*`?([A-Za-z_][A-Za-z0-9_]*)/.exec(line)?.[1] ?? "panel";
    const cat = catalogue();
    const options: Completion[] = [
      ...(cat[table] ?? []).map((c) => ({label: c, type: "property", detail: table, boost: 2})),
      ...["feols", "fepois", "boottest", "log", "l", "i"].map((f) => ({label: f, type: "function", apply: `${f}(`})),
      ...Object.keys(cat).map((t) => ({label: t, type: "type", detail: "table"}))
    ];
    return {from: word.from, options, validFor: /^[A-Za-z0-9_.]*$/};
  };
}

/**
 * A CodeMirror editor. `label` names it for screen readers (set on the editable element).
 * Example: `codeEditor({doc: "SELECT 1", language: "sql", label: "SQL of cell 1", onChange, keys, catalogue})`.
 */
export function codeEditor(opts: {doc: string; language: EditorLanguage; label: string; placeholder?: string; onChange(v: string): void; onFocus?(): void; keys: EditorKeys; catalogue: Catalogue}): CodeEditor {
  const runKeys = Prec.highest(
    keymap.of([
      {key: "Shift-Enter", run: () => (opts.keys.runNext(), true)},
      {key: "Mod-Enter", run: () => (opts.keys.run(), true)},
      {key: "Alt-Enter", run: () => (opts.keys.runInsert(), true)}
    ])
  );
  const lang: Extension[] =
    opts.language === "sql"
      ? [sql({dialect: PostgreSQL, upperCaseKeywords: true}), autocompletion({override: [sqlCompletion(opts.catalogue)], activateOnTyping: true})]
      : opts.language === "formula"
        ? [formulaLanguage, autocompletion({override: [formulaCompletion(opts.catalogue)], activateOnTyping: true})]
        : [];
  const view = new EditorView({
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        runKeys,
        history(),
        bracketMatching(),
        closeBrackets(),
        syntaxHighlighting(style),
        // Long lines wrap: the editor grows with its text and never becomes a scroll box (fits a phone; axe's
        // scrollable-region rule).
        EditorView.lineWrapping,
        keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
        ...lang,
        opts.placeholder ? cmPlaceholder(opts.placeholder) : [],
        EditorView.contentAttributes.of({"aria-label": opts.label, "aria-multiline": "true", spellcheck: "false", autocorrect: "off", autocapitalize: "off"}),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
          if (u.focusChanged && u.view.hasFocus) opts.onFocus?.();
        })
      ]
    })
  });
  view.dom.classList.add("nb-cm", `nb-cm-${opts.language}`);
  return {view, dom: view.dom, focus: () => view.focus(), value: () => view.state.doc.toString()};
}
