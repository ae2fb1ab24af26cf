// The script every page loads (a few KB): the header's theme switch and search shortcuts, and the
// service worker. Search's own code and index load on first use.
import { registerServiceWorker } from "./offline";
import { initSearchTrigger } from "./search-trigger";
import { initThemeSwitch } from "./theme-switch";

initThemeSwitch();
initSearchTrigger();
registerServiceWorker();
