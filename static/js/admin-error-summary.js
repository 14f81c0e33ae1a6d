// GOV.UK's error summary: when a form comes back refused, move focus to the summary at the top,
// so it is seen and read out first; its links move focus to the field they name.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (!summary) {
      return;
    }
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) {
        return;
      }
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) {
        return;
      }
      event.preventDefault();
      // A field in a collapsed part of the editor is opened first.
      var part = field.closest("details");
      if (part) {
        part.open = true;
      }
      field.scrollIntoView({ block: "center" });
      field.focus();
    });
  });
})();
