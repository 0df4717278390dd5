// Inline boot script for accessibility, phones and print (issue #12). observablehq.config.ts puts this expression,
// called with no argument, in an inline script in every page's head, after Framework's own meta tags.
// Plain ES2017, no imports (not a module); must not end with a semicolon nor contain a closing script tag.
//  - Pinch-zoom: Framework 1.13.4 writes `maximum-scale=1` into the viewport meta (WCAG 1.4.4 / axe meta-viewport);
//    the tag is parsed before this script runs, so it is rewritten here, before the first layout.
//  - The sidebar's close button is a <label> directly inside an <ol> (axe "list"): it is wrapped in a list item.
//  - Boxes that scroll sideways (wide tables) must be reachable with the keyboard (axe scrollable-region-focusable):
//    each gets tabindex=0, and data-overflow while its content is wider than the box, which style.css turns into
//    a visible "scroll sideways" hint.
//  - Plot charts: Plot puts aria-label ("line", "x-axis tick label") on plain <g> groups, which have no role that
//    allows a name (axe aria-prohibited-attr) and are in English on Chinese pages. Each chart's <svg> becomes one
//    image whose name is the figure's title and subtitle (the message, in the page's language, written by the
//    component); the parts inside lose their labels. A colour ramp legend is named by its own text.
//  - Print: collapsed <details> are opened before printing and closed again afterwards.
(function dtbA11yBoot() {
  "use strict";
  var meta = document.querySelector('meta[name="viewport"]');
  if (meta) meta.setAttribute("content", "width=device-width, initial-scale=1");

  var WRAPS = ".table-wrap, .scroll-x, #observablehq-main pre";
  var zh = function () { return document.documentElement.lang === "zh-CN"; };

  function markOverflow(box) {
    if (box.scrollWidth > box.clientWidth + 2) box.setAttribute("data-overflow", "");
    else box.removeAttribute("data-overflow");
  }
  var resize = typeof ResizeObserver === "function" ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) { markOverflow(e.target); });
  }) : null;
  function fixBoxes(root) {
    var boxes = root.querySelectorAll ? root.querySelectorAll(WRAPS) : [];
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.hasAttribute("data-a11y")) { markOverflow(box); continue; }
      box.setAttribute("data-a11y", "");
      if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
      if (!box.hasAttribute("role")) box.setAttribute("role", "region");
      if (!box.hasAttribute("aria-label")) {
        var cap = box.querySelector("caption, th");
        var name = cap && cap.textContent.trim() ? cap.textContent.trim().slice(0, 60) : "";
        box.setAttribute("aria-label", (zh() ? "表格" : "Table") + (name ? (zh() ? "：" : ": ") + name : ""));
      }
      markOverflow(box);
      if (resize) resize.observe(box);
      if (box.firstElementChild && resize) resize.observe(box.firstElementChild);
    }
  }

  function fixCharts(root) {
    var svgs = root.querySelectorAll ? root.querySelectorAll('svg[class^="plot"]') : [];
    for (var i = 0; i < svgs.length; i++) {
      var svg = svgs[i];
      var inner = svg.querySelectorAll("[aria-label]");
      for (var j = 0; j < inner.length; j++) {
        if (!inner[j].hasAttribute("role") && !inner[j].hasAttribute("tabindex")) inner[j].removeAttribute("aria-label");
      }
      var desc = svg.querySelectorAll("[aria-description]");
      for (var k = 0; k < desc.length; k++) desc[k].removeAttribute("aria-description");
      if (svg.getAttribute("role") === "img" && svg.hasAttribute("aria-label")) continue;
      var name = "";
      if (/-ramp\b/.test(svg.getAttribute("class"))) {
        name = (zh() ? "图例：" : "Legend: ") + svg.textContent.replace(/\s+/g, " ").trim();
      } else {
        var fig = svg.closest("figure");
        var parts = fig ? fig.querySelectorAll(":scope > h2, :scope > h3") : [];
        for (var p = 0; p < parts.length; p++) name += (name ? " " : "") + parts[p].textContent.trim();
        if (!name) name = svg.getAttribute("aria-label") || (fig && fig.getAttribute("aria-label")) || "";
        if (!name) {
          var t = svg.querySelector("title");
          name = (zh() ? "图表" : "Chart") + (t ? (zh() ? "：" : ": ") + t.textContent : "");
        }
      }
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", name);
    }
  }

  function fixSidebar() {
    var close = document.getElementById("observablehq-sidebar-close");
    if (close && close.parentElement && close.parentElement.tagName === "OL") {
      var li = document.createElement("li");
      li.style.position = "static";
      close.parentElement.insertBefore(li, close);
      li.appendChild(close);
    }
    var toggle = document.getElementById("observablehq-sidebar-toggle");
    if (toggle) {
      var label = zh() ? "菜单：显示或隐藏页面列表" : "Menu: show or hide the list of pages";
      toggle.setAttribute("aria-label", label);
      toggle.setAttribute("title", label);
      // Narrow screens: choosing a page closes the menu (the next page opens with it closed, see below).
      var sidebar = document.getElementById("observablehq-sidebar");
      if (sidebar) sidebar.addEventListener("click", function (e) {
        if (!narrow() || !e.target.closest || !e.target.closest("a[href]") || !toggle.checked) return;
        toggle.click();
      });
    }
  }
  function narrow() { return !window.matchMedia("(min-width: calc(640px + 6rem + 272px))").matches; }
  // Framework remembers an open menu across pages (sessionStorage); on a narrow screen the menu covers the page, so
  // a page opens with it closed. Runs before Framework's sidebar script, which reads that state.
  try { if (narrow() && window.sessionStorage) sessionStorage.removeItem("observablehq-sidebar"); } catch (e) { /* storage off */ }

  // Blocks drawn late keep their drawn height reserved (scripts/reserve-blocks.js) until the reader first presses a
  // pointer or key: from then on a block the reader makes shorter closes up (a shift right after input is not counted).
  function release() { document.documentElement.setAttribute("data-reserve", "off"); }
  window.addEventListener("pointerdown", release, {capture: true, once: true});
  window.addEventListener("keydown", release, {capture: true, once: true});

  var reopened = [];
  window.addEventListener("beforeprint", function () {
    var all = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < all.length; i++) { all[i].setAttribute("open", ""); reopened.push(all[i]); }
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (d) { d.removeAttribute("open"); });
    reopened = [];
  });

  function ready() {
    fixSidebar();
    fixBoxes(document);
    fixCharts(document);
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var added = records[i].addedNodes;
        for (var j = 0; j < added.length; j++) {
          var n = added[j];
          if (n.nodeType !== 1) continue;
          if (n.matches && n.matches(WRAPS)) fixBoxes(n.parentElement || document);
          else fixBoxes(n);
          fixCharts(n.tagName.toLowerCase() === "svg" && n.parentElement ? n.parentElement : n);
        }
      }
    }).observe(document.body, {childList: true, subtree: true});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})
