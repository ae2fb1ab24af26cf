import { describe, expect, it } from "vitest";
import { PRECACHE_MAX_FILE_BYTES, swManifest, type BuiltFile } from "./manifest";

const file = (path: string, bytes = 1000): BuiltFile => ({ path, bytes, hash: path });

const shell = ["/index.html", "/404.html", "/offline/index.html"].map((path) => file(path));

describe("swManifest", () => {
  it("precaches the shell, the icons and every script and style, and keeps search for its first use", () => {
    const manifest = swManifest(
      [
        ...shell,
        file("/lessons/06-the-flow/index.html"),
        file("/favicon.svg"),
        file("/manifest.webmanifest"),
        file("/_astro/workspace.abc.js", 460_000),
        file("/_astro/Base.def.css"),
        file("/og/index.png"),
        file("/pagefind/pagefind.js"),
        file("/pagefind/index/en_1.pf_index"),
        file("/pagefind/pagefind-ui.js"),
        file("/pagefind/pagefind-component-ui.css"),
      ],
      "v1",
    );
    expect(manifest.version).toBe("v1");
    expect(manifest.precache).toEqual([
      "/",
      "/404.html",
      "/offline/",
      "/favicon.svg",
      "/manifest.webmanifest",
      "/_astro/workspace.abc.js",
      "/_astro/Base.def.css",
    ]);
    expect(manifest.search).toEqual(["/pagefind/pagefind.js", "/pagefind/index/en_1.pf_index"]);
    expect(manifest.assets).toEqual(["/_astro/workspace.abc.js", "/_astro/Base.def.css"]);
  });

  it("leaves files past the size limit to be cached on first use", () => {
    const big = file("/_astro/typescript.xyz.js", PRECACHE_MAX_FILE_BYTES + 1);
    const manifest = swManifest([...shell, big], "v1");
    expect(manifest.precache).not.toContain(big.path);
    expect(manifest.assets).toContain(big.path);
  });

  it("refuses a build without its shell pages", () => {
    expect(() => swManifest([file("/index.html")], "v1")).toThrow(/shell page \/404\.html/);
  });
});
