// Row permalinks of the identity tables (#id-...) sit in the "Denominator
// layout" tab, since an id may appear once per page. A reader whose remembered
// tab is "Numerator layout" would land on a hidden row: open the tab that holds
// the target, for that table only, and leave the remembered choice alone.
(function () {
  "use strict";

  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var block = target && target.closest(".tabbed-block");
    // Computed style, not offsetParent: a block that content-visibility skips while it is
    // off screen has no offsetParent though its tab is shown
    if (!block || getComputedStyle(block).display !== "none") return;
    var set = block.closest(".tabbed-set");
    var index = Array.prototype.indexOf.call(block.parentElement.children, block);
    var input = set && set.querySelectorAll(":scope > input")[index];
    if (!input) return;
    var label = set.querySelector('label[for="' + input.id + '"]');
    // Material skips linking and storing a switch it is told it made itself
    if (label) label.setAttribute("data-md-switching", "");
    input.click();
    // Bring the table near the screen first: while content-visibility skips it, its
    // style is stale and the row still counts as hidden; then the row itself
    set.scrollIntoView();
    requestAnimationFrame(function () { target.scrollIntoView(); });
  }

  window.addEventListener("hashchange", reveal);
  if (window.document$) {
    // After Material has mounted the tabs (it does so asynchronously)
    window.document$.subscribe(function () { setTimeout(reveal, 0); });
  } else {
    document.addEventListener("DOMContentLoaded", reveal);
  }
})();
