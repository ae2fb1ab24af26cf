import { describe, expect, it } from "vitest";
import { checkLinks, formatBroken, pageUrlOf, type BuiltSite } from "./links";

const page = (body: string) => `<!doctype html><html><head></head><body>${body}</body></html>`;

function site(pages: Record<string, string>, others: string[] = []): BuiltSite {
  return {
    files: new Set([...Object.keys(pages), ...others]),
    read: (file) => pages[file] ?? "",
    origin: "https://course.example",
  };
}

describe("pageUrlOf", () => {
  it("serves index.html files at their folder and other files at their own path", () => {
    expect(pageUrlOf("/index.html")).toBe("/");
    expect(pageUrlOf("/lessons/06-the-flow/index.html")).toBe("/lessons/06-the-flow/");
    expect(pageUrlOf("/404.html")).toBe("/404.html");
  });
});

describe("checkLinks", () => {
  const lesson = page('<h2 id="the-loop">The loop</h2><a name="old-anchor"></a>');

  it("accepts links to built pages, files and existing anchors, relative or absolute", () => {
    const broken = checkLinks(
      site(
        {
          "/index.html": page(
            '<a href="/lessons/06-the-flow/">6</a><a href="lessons/06-the-flow/#the-loop">loop</a>' +
              '<a href="https://course.example/lessons/06-the-flow/#old-anchor">old</a>' +
              '<link rel="icon" href="/favicon.svg"><a href="#top">top</a><p id="top"></p>',
          ),
          "/lessons/06-the-flow/index.html": lesson,
        },
        ["/favicon.svg"],
      ),
    );
    expect(broken).toEqual([]);
  });

  it("names the page, the link and what is wrong with it", () => {
    const broken = checkLinks(
      site({
        "/index.html": page(
          '<a href="/lessons/07-nope/">gone</a><a href="/lessons/06-the-flow">no slash</a>' +
            '<a href="/lessons/06-the-flow/#the-lop">typo</a><img src="/missing.png" alt="">',
        ),
        "/lessons/06-the-flow/index.html": lesson,
      }),
    );
    expect(broken).toEqual([
      {
        page: "index.html",
        where: "a[href]",
        url: "/lessons/07-nope/",
        problem: "leads nowhere: nothing is built at /lessons/07-nope/",
      },
      {
        page: "index.html",
        where: "a[href]",
        url: "/lessons/06-the-flow",
        problem: "has no trailing slash: the page is /lessons/06-the-flow/",
      },
      {
        page: "index.html",
        where: "a[href]",
        url: "/lessons/06-the-flow/#the-lop",
        problem: "points to #the-lop, which /lessons/06-the-flow/ does not have",
      },
      {
        page: "index.html",
        where: "img[src]",
        url: "/missing.png",
        problem: "leads nowhere: nothing is built at /missing.png",
      },
    ]);
    expect(formatBroken(broken.slice(0, 1))).toBe(
      '  index.html: a[href] "/lessons/07-nope/" leads nowhere: nothing is built at /lessons/07-nope/',
    );
  });

  it("checks a page's own #anchors and its social card URLs", () => {
    const broken = checkLinks(
      site({
        "/index.html": page(
          '<a href="#nowhere">x</a><meta property="og:image" content="https://course.example/og/index.png">',
        ),
      }),
    );
    expect(broken.map((link) => link.problem)).toEqual([
      "points to #nowhere, which / does not have",
      "leads nowhere: nothing is built at /og/index.png",
    ]);
  });

  it("leaves other sites and non-web links alone, and decodes entities and escapes", () => {
    const broken = checkLinks(
      site(
        {
          "/index.html": page(
            '<a href="https://github.com/The-Pocket/PocketFlow">gh</a><a href="mailto:a@b.c">m</a>' +
              '<a href="/files/a%20b.txt?x=1&amp;y=2">file</a><a href="#caf%C3%A9">café</a><h2 id="café"></h2>',
          ),
        },
        ["/files/a b.txt"],
      ),
    );
    expect(broken).toEqual([]);
  });

  it("ignores URLs inside scripts and comments", () => {
    const broken = checkLinks(
      site({
        "/index.html": page('<script>const a = "<a href=\'/nope/\'>";</script><!-- <a href="/gone/"> -->'),
      }),
    );
    expect(broken).toEqual([]);
  });
});
