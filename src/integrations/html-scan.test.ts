import { describe, expect, it } from "vitest";
import { scanHtml } from "./html-scan";

describe("scanHtml", () => {
  const scan = scanHtml(
    `<html><head><script>(() => 1)()</script><script type="module" src="/_astro/a.js"></script>` +
      `<script type="application/json">{"a": "<b>"}</script><link rel="stylesheet" href="/_astro/b.css">` +
      `<style>.x{color:red}</style><meta property="og:image" content="https://site.example/og.png"></head>` +
      `<body><h2 id="one">One</h2><a href="/two/#three" id="link">two</a><img src="/i.png" alt=""></body></html>`,
  );

  it("finds ids and every URL the page refers to", () => {
    expect([...scan.ids]).toEqual(["one", "link"]);
    expect(scan.refs).toEqual([
      { where: "script[src]", url: "/_astro/a.js" },
      { where: "link[href]", url: "/_astro/b.css" },
      { where: "meta[og:image]", url: "https://site.example/og.png" },
      { where: "a[href]", url: "/two/#three" },
      { where: "img[src]", url: "/i.png" },
    ]);
  });

  it("separates scripts that run from data blocks, and collects styles", () => {
    expect(scan.scripts).toEqual(["/_astro/a.js"]);
    expect(scan.inlineScripts).toEqual(["(() => 1)()"]);
    expect(scan.stylesheets).toEqual(["/_astro/b.css"]);
    expect(scan.styles).toEqual([".x{color:red}"]);
  });
});
