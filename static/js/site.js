// Starts GOV.UK Frontend's scripts (the service navigation's menu button on small screens).
// Every page works without them; a browser that cannot run modules never gets here.
import { initAll } from "../build/js/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();

// A notice's long lists keep each row's detail in a closed GOV.UK Details; paper shows them all.
// Chromium prints them open through the stylesheet; this covers browsers that do not.
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll(".app-notice details:not([open])")) {
    details.setAttribute("open", "");
    details.dataset.openedForPrint = "";
  }
});
window.addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
    details.removeAttribute("open");
    delete details.dataset.openedForPrint;
  }
});
