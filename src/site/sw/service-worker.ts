// The service worker (served as /sw.js, bundled by src/integrations/service-worker.ts with the build's
// manifest). A learner who visited a lesson can read it, edit its exercise and run the tests offline:
// the shell and every script and style are cached at install, pages as they are visited. Pages come
// from the network first, so a new deploy shows at once; an open tab is told of it by the page script
// (src/site/offline.ts), which offers a reload.
import type { SwManifest } from "./manifest";
import { CACHE_SEARCH, SKIP_WAITING, type SwMessage } from "./messages";
import { cacheKey, routeOf } from "./routes";

declare const SW_MANIFEST: SwManifest;

// The few service worker types used here (the DOM library has no worker scope).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  preloadResponse: Promise<Response | undefined>;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: SwMessage;
}
interface WorkerScope {
  registration: ServiceWorkerRegistration;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<{ url: string }[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = globalThis as unknown as WorkerScope;
const manifest = SW_MANIFEST;
const scope = worker.registration.scope;

const PREFIX = "build-pocketflow-";
/** This build's shell, scripts and styles (and search, once opened). */
const STATIC_CACHE = `${PREFIX}static-${manifest.version}`;
/** Visited pages, kept across deploys (refreshed when a new worker takes over). */
const PAGES_CACHE = `${PREFIX}pages`;
/** Hashed files fetched on first use (those too large to precache). */
const RUNTIME_CACHE = `${PREFIX}runtime`;

const absolute = (path: string) => new URL(path, scope).href;
const isImmutable = (path: string) => path.startsWith("/_astro/");

/** Caches `paths` into `cacheName`, reusing hashed files some cache already has. */
async function cacheAll(cacheName: string, paths: string[]): Promise<void> {
  const cache = await caches.open(cacheName);
  await Promise.all(
    paths.map(async (path) => {
      const url = absolute(path);
      // A hashed file never changes: a copy in a cache or in the HTTP cache will do. Pages revalidate.
      const kept = isImmutable(path) ? await caches.match(url) : undefined;
      const response = kept ?? (await fetch(url, { cache: isImmutable(path) ? "default" : "no-cache" }));
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await cache.put(url, response);
    }),
  );
}

/** Fetches the page into the pages cache; false when the network failed (404s are dropped). */
async function savePage(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { cache: "no-cache" });
    const pages = await caches.open(PAGES_CACHE);
    if (response.ok) await pages.put(cacheKey(url), response);
    else if (response.status === 404) await pages.delete(cacheKey(url));
    return true;
  } catch {
    return false;
  }
}

/**
 * A new worker takes over: save the pages open right now (the first visit happened before any worker
 * ran), bring every saved page up to this build, then drop what older builds left, unless some page
 * could not be refreshed (it still needs its old files offline; the next build cleans up).
 */
async function takeOver(): Promise<void> {
  await worker.registration.navigationPreload?.enable().catch(() => undefined);
  const open = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
  const saved = await (await caches.open(PAGES_CACHE)).keys();
  const urls = new Set([
    ...open.map((client) => cacheKey(client.url)),
    ...saved.map((request) => request.url),
  ]);
  const refreshed = await Promise.all(
    [...urls].filter((url) => url.startsWith(new URL(scope).origin)).map(savePage),
  );
  if (refreshed.every(Boolean)) {
    const current = new Set([STATIC_CACHE, PAGES_CACHE, RUNTIME_CACHE]);
    const names = await caches.keys();
    await Promise.all(
      names
        .filter((name) => name.startsWith(PREFIX) && !current.has(name))
        .map((name) => caches.delete(name)),
    );
    const runtime = await caches.open(RUNTIME_CACHE);
    const assets = new Set(manifest.assets.map(absolute));
    for (const request of await runtime.keys()) {
      if (isImmutable(new URL(request.url).pathname) && !assets.has(request.url))
        await runtime.delete(request);
    }
  }
  await worker.clients.claim();
}

async function answerPage(event: FetchEvent): Promise<Response> {
  const { request } = event;
  try {
    const response = (await event.preloadResponse) ?? (await fetch(request));
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(PAGES_CACHE).then((pages) => pages.put(cacheKey(request.url), copy)));
    }
    return response;
  } catch {
    const saved = await caches.match(cacheKey(request.url));
    return saved ?? (await caches.match(absolute("/offline/"))) ?? Response.error();
  }
}

async function answerImmutable(request: Request): Promise<Response> {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    await (await caches.open(RUNTIME_CACHE)).put(request, copy);
  }
  return response;
}

async function answerFresh(request: Request): Promise<Response> {
  const key = cacheKey(request.url);
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(STATIC_CACHE)).put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await caches.match(key);
    if (kept) return kept;
    throw error;
  }
}

worker.addEventListener("install", (event) => event.waitUntil(cacheAll(STATIC_CACHE, manifest.precache)));

worker.addEventListener("activate", (event) => event.waitUntil(takeOver()));

worker.addEventListener("fetch", (event) => {
  const route = routeOf(event.request, scope, manifest);
  if (route === "page") event.respondWith(answerPage(event));
  else if (route === "immutable") event.respondWith(answerImmutable(event.request));
  else if (route === "fresh") event.respondWith(answerFresh(event.request));
});

worker.addEventListener("message", (event) => {
  if (event.data?.type === SKIP_WAITING) event.waitUntil(worker.skipWaiting());
  else if (event.data?.type === CACHE_SEARCH)
    event.waitUntil(cacheAll(STATIC_CACHE, manifest.search).catch(() => undefined));
});
