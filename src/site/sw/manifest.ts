// What the service worker knows about the build it came with: written into sw.js at build time by
// src/integrations/service-worker.ts. Pure, so the choice of files is unit-tested.

export interface SwManifest {
  /** Changes whenever any file of the site changes: a new sw.js, so browsers install the new build. */
  version: string;
  /** Cached when the worker installs: the shell (home, 404, offline page, icons) and the scripts and styles. */
  precache: string[];
  /** Pagefind's bundle: cached when the learner first opens search, so search then works offline. */
  search: string[];
  /** Every /_astro/ file of this build: older builds' files are dropped from the caches. */
  assets: string[];
}

export interface BuiltFile {
  /** URL path, e.g. "/_astro/workspace.DGhZo_5-.js". */
  path: string;
  bytes: number;
  /** A digest of the content. */
  hash: string;
}

/** Pages the worker always has: the home page and course map, the 404 page and the offline page. */
export const SHELL_PAGES = ["/", "/404.html", "/offline/"];
const SHELL_FILES = ["/favicon.svg", "/favicon.png", "/manifest.webmanifest", "/icon-192.png"];

/**
 * Files above this size are not precached but cached on first use: a lazily loaded tool (say a
 * language service of several megabytes) should not cost a learner who only reads. Everything the
 * editor and the offline test engine need today is well under it.
 */
export const PRECACHE_MAX_FILE_BYTES = 1024 * 1024;

/** Pagefind writes UI bundles the course does not use (it has its own dialog). */
const isUsedSearchFile = (path: string) =>
  path.startsWith("/pagefind/") && !/\/pagefind-(component-|modular-)?ui\.|\/pagefind-highlight\./.test(path);

export function swManifest(files: BuiltFile[], version: string): SwManifest {
  const paths = new Set(files.map((file) => file.path));
  for (const page of SHELL_PAGES) {
    const file = page.endsWith("/") ? `${page}index.html` : page;
    if (!paths.has(file)) throw new Error(`service worker: the shell page ${page} was not built (${file})`);
  }
  const assets = files.filter((file) => file.path.startsWith("/_astro/"));
  return {
    version,
    precache: [
      ...SHELL_PAGES,
      ...SHELL_FILES.filter((path) => paths.has(path)),
      ...assets.filter((file) => file.bytes <= PRECACHE_MAX_FILE_BYTES).map((file) => file.path),
    ],
    search: files.map((file) => file.path).filter(isUsedSearchFile),
    assets: assets.map((file) => file.path),
  };
}
