// A display formula wider than the column scrolls sideways (site.css). Keyboard
// users can scroll it only if it can take focus, so the formulas that overflow,
// and only those, become focusable regions; re-checked when the width changes.
(function () {
  "use strict";

  function update() {
    document.querySelectorAll("div.math").forEach(function (box) {
      var overflows = box.scrollWidth > box.clientWidth + 1;
      if (overflows && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Formula, scrolls sideways");
      } else if (!overflows && box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  if (window.document$) {
    window.document$.subscribe(update);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  window.addEventListener("resize", update);
})();
