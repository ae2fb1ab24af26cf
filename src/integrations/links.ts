// The build's link check: every internal URL in every built page must lead to a built file, and its
// #fragment to an element id on that page. Pure (the site is passed in), so it is unit-tested.
import { scanHtml } from "./html-scan";

export interface BuiltSite {
  /** URL paths of every built file, e.g. "/lessons/06-the-flow/index.html", "/favicon.svg". */
  files: Set<string>;
  /** The HTML of a built page, by file path. */
  read(file: string): string;
  /** The site's own origin (`site` in astro.config.mjs): absolute URLs on it are internal too. */
  origin: string;
}

export interface BrokenLink {
  /** The page's file, e.g. "lessons/06-the-flow/index.html". */
  page: string;
  where: string;
  url: string;
  problem: string;
}

/** The URL a built page is served at: lessons/x/index.html → /lessons/x/, 404.html → /404.html. */
export const pageUrlOf = (file: string) => file.replace(/(^|\/)index\.html$/, "$1");

const SKIPPED_SCHEMES = /^(mailto|tel|javascript|data|blob):/i;

export function checkLinks(site: BuiltSite): BrokenLink[] {
  const pages = [...site.files].filter((file) => file.endsWith(".html"));
  const scans = new Map(pages.map((file) => [file, scanHtml(site.read(file))]));
  const broken: BrokenLink[] = [];

  for (const [file, scan] of scans) {
    const base = new URL(pageUrlOf(file), site.origin);
    for (const { where, url } of scan.refs) {
      if (SKIPPED_SCHEMES.test(url.trim())) continue;
      let target: URL;
      try {
        target = new URL(url, base);
      } catch {
        broken.push({ page: file.slice(1), where, url, problem: "is not a valid URL" });
        continue;
      }
      if (target.origin !== base.origin) continue; // another site: not checked offline
      const problem = problemWith(target, site, scans);
      if (problem) broken.push({ page: file.slice(1), where, url, problem });
    }
  }
  return broken;
}

function problemWith(target: URL, site: BuiltSite, scans: Map<string, ReturnType<typeof scanHtml>>) {
  const path = decodeURIComponent(target.pathname);
  const file = path.endsWith("/") ? `${path}index.html` : path;
  if (!site.files.has(file)) {
    return site.files.has(`${path}/index.html`)
      ? `has no trailing slash: the page is ${path}/`
      : `leads nowhere: nothing is built at ${path}`;
  }
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (!fragment) return undefined;
  const scan = scans.get(file);
  if (scan && !scan.ids.has(fragment)) return `points to #${fragment}, which ${path} does not have`;
  return undefined;
}

export const formatBroken = (links: BrokenLink[]) =>
  links.map((link) => `  ${link.page}: ${link.where} "${link.url}" ${link.problem}`).join("\n");
