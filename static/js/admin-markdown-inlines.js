// django-markdownx wires its editors once, when the page loads. A row added with "Add another"
// is a copy of a hidden template row: it carries the template's "already wired" mark but none of
// its listeners, so its preview would stay blank. Clear the mark and load markdownx's script again;
// the script wires every editor that is not yet marked.
(function () {
  "use strict";
  document.addEventListener("formset:added", function (event) {
    var editors = event.target.querySelectorAll(".markdownx-editor");
    if (editors.length === 0) {
      return;
    }
    editors.forEach(function (editor) {
      editor.removeAttribute("data-markdownx-init");
    });
    var loaded = document.querySelector("script[src*='markdownx/js/markdownx']");
    if (loaded) {
      var script = document.createElement("script");
      script.src = loaded.src;
      document.body.appendChild(script);
    }
  });
})();
