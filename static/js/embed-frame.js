// Inside an embedded notice: tells the page around the frame how tall the notice is, so that
// page's copy of embed-host.js can size the frame to it. Nothing else is sent.
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.scrollHeight);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "council-notice-height", height: height }, "*");
    }
  }
  if ("ResizeObserver" in window) {
    new ResizeObserver(report).observe(document.documentElement);
  }
  window.addEventListener("load", report);
  report();
})();
