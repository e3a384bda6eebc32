// A display formula, table or listing wider than the column scrolls sideways
// (site.css). A reader must see that it does and a keyboard must reach it: the
// blocks that overflow, and only those, get a fading edge (.mc-overflows) and
// become focusable regions; re-checked when the width changes or hidden
// content (a tab, a collapsible block) is shown.
(function () {
  "use strict";

  var BLOCKS = "div.math, .md-typeset__scrollwrap, pre > code";
  var NAMES = { CODE: "Code" };

  function update() {
    document.querySelectorAll(BLOCKS).forEach(function (box) {
      var overflows = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("mc-overflows", overflows);
      if (overflows && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-mc-focus", "");
        if (!box.hasAttribute("role")) box.setAttribute("role", "region");
        var name = box.classList.contains("math") ? "Formula"
          : (NAMES[box.tagName] || "Table");
        box.setAttribute("aria-label", name + ", scrolls sideways");
      } else if (!overflows && box.hasAttribute("data-mc-focus")) {
        ["tabindex", "data-mc-focus", "role", "aria-label"].forEach(function (a) {
          box.removeAttribute(a);
        });
      }
    });
  }

  function later() { window.setTimeout(update, 0); }

  // After the theme has wrapped the tables (it does so when the page is mounted)
  if (window.document$) {
    window.document$.subscribe(later);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", later);
  } else {
    later();
  }
  window.addEventListener("resize", later);
  document.addEventListener("change", later);  // a content tab was switched
  document.addEventListener("toggle", later, true);  // a collapsible block opened
})();
