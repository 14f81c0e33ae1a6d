// On a council's page: sizes each frame of a notice from this site to the notice's height, as
// reported by the notice itself (embed-frame.js). Messages from any other site are ignored.
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = new URL(script ? script.src : location.href).origin;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== "council-notice-height") {
      return;
    }
    var height = Number(data.height);
    if (!Number.isFinite(height) || height < 100 || height > 100000) {
      return;
    }
    var frames = document.querySelectorAll("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.border = "0";
        frames[i].style.height = height + "px";
      }
    }
  });
})();
