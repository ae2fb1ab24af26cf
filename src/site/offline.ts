// Page side of offline reading: registers the service worker (src/site/sw/), and when a new deploy
// has installed one beside the worker this page runs under, offers a reload in the update notice.
import { CACHE_SEARCH, SKIP_WAITING, SW_URL, type SwMessage } from "./sw/messages";

const post = (worker: ServiceWorker | null | undefined, message: SwMessage) => worker?.postMessage(message);

/** Asks the worker to keep search's files for offline use (search-dialog.ts, on opening). */
export function cacheSearchIndex(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  // `ready`, not `controller`: on a first visit the worker may still be installing.
  void navigator.serviceWorker.ready.then((registration) =>
    post(registration.active, { type: CACHE_SEARCH }),
  );
}

function offerUpdate(waiting: ServiceWorker): void {
  const notice = document.querySelector<HTMLElement>("[data-update-notice]");
  if (!notice || notice.childElementCount > 0) return;
  const text = document.createElement("p");
  text.textContent = "A new version of the course is available.";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.className = "update-reload";
  reload.textContent = "Reload";
  reload.addEventListener("click", () => {
    reload.disabled = true;
    // The page reloads once the new worker has taken over (controllerchange, below).
    asked = true;
    post(waiting, { type: SKIP_WAITING });
  });
  notice.append(text, reload);
}

let asked = false;

export function registerServiceWorker(): void {
  // Not in `astro dev`: the worker is written by the build.
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const container = navigator.serviceWorker;
  container.addEventListener("controllerchange", () => {
    if (asked) location.reload();
  });
  const register = async () => {
    const registration = await container.register(SW_URL, { scope: "/" });
    // A waiting worker while another one controls this page is a new deploy, installed and ready.
    const offerIfNew = (worker: ServiceWorker | null) => {
      if (worker && container.controller) offerUpdate(worker);
    };
    offerIfNew(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const installing = registration.installing;
      installing?.addEventListener("statechange", () => {
        if (installing.state === "installed") offerIfNew(installing);
      });
    });
    // A tab left open for days still hears of new deploys: check again whenever it comes back.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => undefined);
    });
  };
  const start = () =>
    void register().catch((error: unknown) => console.warn("Offline reading is off:", error));
  // After the page has loaded and gone quiet: installing fetches the scripts the page may want first.
  const whenIdle = () =>
    "requestIdleCallback" in window ? requestIdleCallback(start, { timeout: 5000 }) : start();
  if (document.readyState === "complete") whenIdle();
  else addEventListener("load", whenIdle, { once: true });
}
