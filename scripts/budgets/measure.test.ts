import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzipped, measureSite } from "./measure";

let dist: string;
const files: Record<string, string> = {
  "index.html":
    '<html><head><script>document.documentElement.dataset.theme="light"</script>' +
    '<script type="module" src="/_astro/site.a.js"></script><link rel="stylesheet" href="/_astro/site.css">' +
    "<style>.home{color:red}</style></head><body>home</body></html>",
  "lessons/01-x/index.html":
    '<html><head><script type="module" src="/_astro/site.a.js"></script>' +
    '<script type="module" src="/_astro/loader.b.js"></script><script type="application/json">{"big": 1}</script>' +
    "</head><body>lesson</body></html>",
  "_astro/site.a.js": 'import{t}from"./shared.c.js";import("./search-dialog.d.js");t();',
  "_astro/shared.c.js": "export const t=()=>1;",
  "_astro/loader.b.js": 'import"./shared.c.js";import("./workspace.e.js");',
  "_astro/search-dialog.d.js": 'import"./site.a.js";export const open=1;',
  "_astro/workspace.e.js": 'import"./shared.c.js";import"./editor.f.js";import("./host.g.js");',
  "_astro/editor.f.js": "export const editor=1;",
  "_astro/host.g.js": 'import("./_virtual_pocketflow-test-worker.h.js");',
  "_astro/_virtual_pocketflow-test-worker.h.js": 'export default "worker";',
  "_astro/site.css": ".site{color:blue}",
  "pagefind/pagefind.js": "pagefind",
  "pagefind/pagefind-worker.js": "worker",
  "pagefind/wasm.en.pagefind": "wasm",
};

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), "budgets-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  }
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const size = (...paths: string[]) => paths.reduce((sum, path) => sum + gzipped(files[path] ?? ""), 0);

describe("measureSite", () => {
  it("counts a page's scripts and their static imports as JavaScript before interaction, not its dynamic ones", async () => {
    const { pages } = await measureSite(dist);
    const home = pages.find((page) => page.page === "index.html");
    const lesson = pages.find((page) => page.page === "lessons/01-x/index.html");
    expect(home?.jsFiles.sort()).toEqual(["/_astro/shared.c.js", "/_astro/site.a.js"]);
    expect(home?.js).toBe(
      size("_astro/site.a.js", "_astro/shared.c.js") +
        gzipped('document.documentElement.dataset.theme="light"'),
    );
    expect(lesson?.js).toBe(size("_astro/site.a.js", "_astro/shared.c.js", "_astro/loader.b.js"));
    expect(home?.css).toBe(size("_astro/site.css") + gzipped(".home{color:red}"));
    expect(home?.html).toBe(size("index.html"));
  });

  it("measures each lazy group beyond what a lesson page has already loaded", async () => {
    const { groups } = await measureSite(dist);
    expect(groups.workspace?.files.sort()).toEqual(["/_astro/editor.f.js", "/_astro/workspace.e.js"]);
    expect(groups.engine?.files.sort()).toEqual([
      "/_astro/_virtual_pocketflow-test-worker.h.js",
      "/_astro/host.g.js",
    ]);
    expect(groups.search?.files).toEqual([
      "/_astro/search-dialog.d.js",
      "/pagefind/pagefind.js",
      "/pagefind/pagefind-worker.js",
      "/pagefind/wasm.en.pagefind",
    ]);
    expect(groups.workspace?.bytes).toBe(size("_astro/workspace.e.js", "_astro/editor.f.js"));
  });
});
