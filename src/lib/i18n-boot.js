// Inline boot script for English / Chinese (see the comment at the top of src/lib/i18n.ts).
// observablehq.config.ts reads this file and puts this expression, called with NAMES_ZH, in an inline script in
// every page's head, so it runs before the body is parsed: html[lang] is right from the first paint and the CSS
// hides the other language without a flash. Plain ES2017, no imports: it is not a module. The small URL helpers
// repeat the ones in i18n.ts on purpose (this script cannot import); tests/browser cover both.
// The file is one function expression and must not end with a semicolon, nor contain a closing script tag.
(function dtbI18nBoot(NAMES_ZH) {
  "use strict";
  var KEY = "dtb:lang";

  function parse(v) {
    if (!v) return null;
    v = String(v).trim().toLowerCase();
    if (v === "zh" || v.indexOf("zh-") === 0 || v.indexOf("zh_") === 0) return "zh";
    if (v === "en" || v.indexOf("en-") === 0 || v.indexOf("en_") === 0) return "en";
    return null;
  }
  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function store(l) {
    try { localStorage.setItem(KEY, l); } catch (e) { /* storage blocked: the URL still carries the choice */ }
  }

  var fromUrl = parse(new URLSearchParams(location.search).get("lang"));
  var lang = fromUrl || parse(stored()) || "en";
  if (fromUrl) store(fromUrl);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";

  // Same rule as isExternalOrFile in i18n.ts: other schemes/hosts, bare fragments, generated assets and files.
  function skip(href) {
    var h = (href || "").trim();
    if (h === "" || h.charAt(0) === "#" || /^[a-z][a-z0-9+.-]*:/i.test(h) || h.indexOf("//") === 0) return true;
    var path = h.split(/[?#]/, 1)[0];
    if (/(^|\/)_(file|import|node|npm|observablehq)\//.test(path)) return true;
    var last = path.slice(path.lastIndexOf("/") + 1);
    return last.indexOf(".") >= 0 && !/\.html$/.test(last);
  }
  // Same as hrefWithLang in i18n.ts: set lang, keep the other parameters, the hash and the relative form.
  function withLang(href, l) {
    if (skip(href)) return href;
    var hashAt = href.indexOf("#");
    var hash = hashAt >= 0 ? href.slice(hashAt) : "";
    var rest = hashAt >= 0 ? href.slice(0, hashAt) : href;
    var q = rest.indexOf("?");
    var params = new URLSearchParams(q >= 0 ? rest.slice(q + 1) : "");
    params.set("lang", l);
    return (q >= 0 ? rest.slice(0, q) : rest) + "?" + params.toString() + hash;
  }
  // The current page in language l. Read at click time: pages such as the explorer keep their state in the URL
  // with history.replaceState, and the switch must carry that state along.
  function here(l) {
    var u = new URL(location.href);
    u.searchParams.set("lang", l);
    return u.pathname + u.search + u.hash;
  }
  function zh(text) {
    var s = (text || "").trim();
    return Object.prototype.hasOwnProperty.call(NAMES_ZH, s) ? NAMES_ZH[s] : null;
  }
  function rewriteLinks(root) {
    var links = root.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (a.hasAttribute("download") || a.hasAttribute("data-lang-switch")) continue;
      var href = a.getAttribute("href");
      var next = withLang(href, lang);
      if (next !== href) a.setAttribute("href", next);
    }
  }

  function translateChrome() {
    if (lang === "zh") {
      // Tab title: Framework writes "Page | Site"; translate each part found in the map.
      document.title = document.title.split(" | ").map(function (p) { return zh(p) || p; }).join(" | ");
      var names = document.querySelectorAll("#observablehq-sidebar a, #observablehq-sidebar summary, #observablehq-footer nav a span");
      for (var i = 0; i < names.length; i++) {
        var z = zh(names[i].textContent);
        if (z) { names[i].textContent = z; names[i].setAttribute("lang", "zh-CN"); }
      }
      var label = document.querySelector("#observablehq-toc nav > div");
      if (label && label.textContent.trim() === "Contents") label.textContent = "目录";
    }
    // Contents entries whose heading sits in the other language's block are hidden like the block itself.
    var entries = document.querySelectorAll("#observablehq-toc li");
    for (var j = 0; j < entries.length; j++) {
      var a = entries[j].querySelector("a[href^='#']");
      var id = a && decodeURIComponent(a.getAttribute("href").slice(1));
      var target = id && document.getElementById(id);
      var block = target && target.closest(".lang-en, .lang-zh");
      if (block) entries[j].classList.add(block.classList.contains("lang-en") ? "lang-en" : "lang-zh");
    }
  }

  function addSwitch() {
    if (document.querySelector(".lang-switch")) return;
    var nav = document.createElement("nav");
    nav.className = "lang-switch";
    nav.setAttribute("aria-label", lang === "zh" ? "语言" : "Language");
    [["en", "English", "en"], ["zh", "中文", "zh-CN"]].forEach(function (o, i) {
      if (i) {
        var sep = nav.appendChild(document.createElement("span"));
        sep.textContent = "/";
        sep.setAttribute("aria-hidden", "true");
      }
      var a = nav.appendChild(document.createElement("a"));
      a.textContent = o[1];
      a.setAttribute("lang", o[2]);
      a.setAttribute("hreflang", o[2]);
      a.setAttribute("data-lang-switch", o[0]);
      a.setAttribute("href", here(o[0]));
      if (o[0] === lang) a.setAttribute("aria-current", "true");
    });
    // First in the text column, floated right by style.css: never under the fixed contents list.
    var main = document.getElementById("observablehq-main");
    if (main) main.insertBefore(nav, main.firstChild);
    else document.body.insertBefore(nav, document.body.firstChild);
  }

  // Links made later by components are fixed when clicked (capture phase, before the browser follows them).
  document.addEventListener("click", function (event) {
    var a = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!a) return;
    var to = a.getAttribute("data-lang-switch");
    if (to) {
      store(to);
      a.setAttribute("href", here(to));
    } else if (!a.hasAttribute("download")) {
      var href = a.getAttribute("href");
      var next = withLang(href, lang);
      if (next !== href) a.setAttribute("href", next);
    }
  }, true);

  function ready() {
    translateChrome();
    rewriteLinks(document);
    addSwitch();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})
