import { describe, expect, it } from "vitest";
import { cacheKey, routeOf } from "./routes";

const scope = "https://course.example/";
const manifest = { precache: ["/", "/favicon.svg"], search: ["/pagefind/pagefind-entry.json"] };
const get = (url: string, mode: RequestMode = "cors") =>
  routeOf({ url, method: "GET", mode }, scope, manifest);

describe("routeOf", () => {
  it("answers navigations network first, from the saved copy when offline", () => {
    expect(get("https://course.example/lessons/06-the-flow/", "navigate")).toBe("page");
    expect(get("https://course.example/no-such-page/?q=1", "navigate")).toBe("page");
  });

  it("keeps content-hashed files, cache first", () => {
    expect(get("https://course.example/_astro/workspace.C-OrR_Sg.js")).toBe("immutable");
  });

  it("refreshes known unhashed files from the network, with a kept copy for offline", () => {
    expect(get("https://course.example/favicon.svg", "no-cors")).toBe("fresh");
    expect(get("https://course.example/pagefind/pagefind-entry.json?ts=123")).toBe("fresh");
  });

  it("leaves other origins, other methods and unknown files to the browser", () => {
    expect(get("https://stackblitz.example/headless")).toBeUndefined();
    expect(get("https://course.example/og/index.png", "no-cors")).toBeUndefined();
    expect(
      routeOf({ url: `${scope}lessons/`, method: "POST", mode: "navigate" }, scope, manifest),
    ).toBeUndefined();
  });
});

describe("cacheKey", () => {
  it("drops the query and the fragment", () => {
    expect(cacheKey("https://course.example/lessons/06-the-flow/?from=search#the-loop")).toBe(
      "https://course.example/lessons/06-the-flow/",
    );
  });
});
