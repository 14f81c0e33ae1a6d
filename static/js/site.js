// Starts GOV.UK Frontend's scripts (the service navigation's menu button on small screens).
// Every page works without them; a browser that cannot run modules never gets here.
import { initAll } from "../build/js/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
