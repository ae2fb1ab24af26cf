// Messages between the pages and the service worker.

/** Page → worker: the learner accepted the new version; take over now (the page then reloads). */
export const SKIP_WAITING = "skip-waiting";
/** Page → worker: search was opened; keep Pagefind's whole bundle for offline searches. */
export const CACHE_SEARCH = "cache-search";

export type SwMessage = { type: typeof SKIP_WAITING } | { type: typeof CACHE_SEARCH };

export const SW_URL = "/sw.js";
