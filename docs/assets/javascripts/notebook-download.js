/* The "Download notebook (.ipynb)" button over file://: Chromium ignores the
   download attribute there (the page has an opaque origin) and shows the
   notebook as text, so the button saves the copy embedded in the page instead
   (byte for byte the linked file; tools/notebook_pages.py puts it there).
   Over http the plain link downloads the file and this script does nothing. */
(function () {
  "use strict";
  if (window.location.protocol !== "file:") return;
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-notebook]");
    var data = link && document.getElementById(link.getAttribute("data-notebook"));
    if (!data) return;
    event.preventDefault();
    var url = URL.createObjectURL(
      new Blob([data.textContent], { type: "application/x-ipynb+json" })
    );
    var save = document.createElement("a");
    save.href = url;
    save.download = link.getAttribute("href").split("/").pop();
    document.body.appendChild(save);
    save.click();
    save.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  });
})();
