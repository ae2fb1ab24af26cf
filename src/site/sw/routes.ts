// How the service worker answers each request. Pure, so it is unit-tested.
import type { SwManifest } from "./manifest";

/**
 * - page: a navigation. Network first (a new deploy is seen at once), the cached copy when offline.
 * - immutable: a content-hashed /_astro/ file. Cache first, fetched and kept on first use.
 * - fresh: a known file without a hash (icons, the manifest, Pagefind's bundle). Network first.
 * - undefined: not the worker's business (other origins, other methods, files it does not keep).
 */
export type Route = "page" | "immutable" | "fresh" | undefined;

export function routeOf(
  request: { url: string; method: string; mode: RequestMode },
  scope: string,
  manifest: Pick<SwManifest, "precache" | "search">,
): Route {
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== new URL(scope).origin) return undefined;
  if (request.mode === "navigate") return "page";
  if (url.pathname.startsWith("/_astro/")) return "immutable";
  if (manifest.precache.includes(url.pathname) || manifest.search.includes(url.pathname)) return "fresh";
  return undefined;
}

/**
 * The key a page or an unhashed file is cached under: its URL without query or fragment (Pagefind,
 * for one, adds a cache-busting query to its entry file).
 */
export function cacheKey(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}
