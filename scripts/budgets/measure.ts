// The size figures of a built site (dist/), each gzipped as a server would send it: HTML per page,
// CSS per page, JavaScript a page runs before any interaction (its module scripts and everything they
// import statically), and the lazily loaded groups (the workspace, the test engine, search).
import { init, parse } from "es-module-lexer";
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { scanHtml } from "../../src/integrations/html-scan";

export interface PageFigures {
  page: string;
  html: number;
  /** Linked stylesheets and the page's own <style> blocks. */
  css: number;
  /** Before interaction: the page's inline scripts, its module scripts and their static imports. */
  js: number;
  jsFiles: string[];
}

export interface GroupFigures {
  bytes: number;
  files: string[];
}

export interface SiteFigures {
  pages: PageFigures[];
  /** Each group: what loading it costs beyond what a lesson page already loaded. */
  groups: Record<string, GroupFigures>;
}

/** Lazily loaded groups: the chunks whose file names start with these, and all they import. */
export const GROUPS: Record<string, { entries: string[]; extra?: string[] }> = {
  workspace: { entries: ["/_astro/workspace."] },
  engine: { entries: ["/_astro/host.", "/_astro/_virtual_pocketflow-test-worker."] },
  search: {
    entries: ["/_astro/search-dialog."],
    extra: ["/pagefind/pagefind.js", "/pagefind/pagefind-worker.js", "/pagefind/wasm.en.pagefind"],
  },
};

export const gzipped = (content: Buffer | string) => gzipSync(content, { level: 9 }).length;

export async function measureSite(dist: string): Promise<SiteFigures> {
  await init;
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dist, join(entry.parentPath, entry.name)).split(sep).join("/")}`);
  const read = (path: string) => readFileSync(join(dist, path));
  const sizes = new Map<string, number>();
  const sizeOf = (path: string) => {
    let size = sizes.get(path);
    if (size === undefined) sizes.set(path, (size = gzipped(read(path))));
    return size;
  };

  /** A script and everything it imports statically, as site paths. */
  const closures = new Map<string, string[]>();
  const staticClosure = (path: string): string[] => {
    const known = closures.get(path);
    if (known) return known;
    const seen = new Set<string>([path]);
    const [imports] = parse(read(path).toString("utf8"));
    for (const found of imports) {
      if (found.d !== -1 || !found.n) continue; // dynamic imports and import.meta load later, if ever
      const target = found.n.startsWith("/") ? found.n : posix.join(posix.dirname(path), found.n);
      for (const file of staticClosure(target)) seen.add(file);
    }
    const closure = [...seen];
    closures.set(path, closure);
    return closure;
  };
  const total = (paths: Iterable<string>) => [...paths].reduce((sum, path) => sum + sizeOf(path), 0);

  const pages = files
    .filter((file) => file.endsWith(".html"))
    .map((file): PageFigures => {
      const html = read(file);
      const scan = scanHtml(html.toString("utf8"));
      const jsFiles = new Set(scan.scripts.filter((src) => src.startsWith("/")).flatMap(staticClosure));
      return {
        page: file.slice(1),
        html: gzipped(html),
        css:
          total(new Set(scan.stylesheets.filter((href) => href.startsWith("/")))) +
          (scan.styles.length > 0 ? gzipped(scan.styles.join("\n")) : 0),
        js: total(jsFiles) + scan.inlineScripts.reduce((sum, script) => sum + gzipped(script), 0),
        jsFiles: [...jsFiles],
      };
    });

  // Groups are measured from a lesson page: what opening the workspace, running tests or searching adds.
  const lesson = pages.find((page) => page.page.startsWith("lessons/"));
  const loaded = new Set(lesson?.jsFiles ?? []);
  const groups: Record<string, GroupFigures> = {};
  for (const [name, group] of Object.entries(GROUPS)) {
    const chunks = group.entries.map((prefix) => {
      const chunk = files.find((file) => file.startsWith(prefix) && file.endsWith(".js"));
      if (!chunk) throw new Error(`budget group "${name}": no chunk ${prefix}*.js in the build (renamed?)`);
      return chunk;
    });
    const members = new Set([...chunks.flatMap(staticClosure), ...(group.extra ?? [])]);
    for (const file of loaded) members.delete(file);
    if (name === "engine") for (const file of groups.workspace?.files ?? []) members.delete(file);
    groups[name] = { bytes: total(members), files: [...members] };
  }
  return { pages, groups };
}
