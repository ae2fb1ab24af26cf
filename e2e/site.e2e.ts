// The site around the lessons, as a new visitor meets it: search, the theme switch, the 404 page,
// the favicon, and the tags and files that search engines and link previews read.
import { readdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { newContext } from "./browser";
import { freshPagePerTest } from "./fresh-page";
import { LESSON_PATH, button, openWorkspace, url } from "./workspace-page";

const session = freshPagePerTest();
let page: Page;
beforeEach(() => (page = session.page));

const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search the lessons" });
const searchDialog = (page: Page) => page.getByRole("dialog", { name: "Search the course" });
const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const background = (page: Page, selector = "body") =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);

describe("search", () => {
  it("loads nothing of search until it opens, then finds lesson 6 from “orchestration loop” and opens the heading", async () => {
    const searchRequests: string[] = [];
    page.on("request", (request) => {
      if (/\/pagefind\/|search-dialog/.test(request.url())) searchRequests.push(request.url());
    });
    await page.goto(url("/"));
    await page.waitForLoadState("networkidle");
    expect(searchRequests, "no search code or index with the page").toEqual([]);

    await button(page, "Search").click();
    await searchBox(page).fill("orchestration loop");
    const lesson = searchDialog(page)
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: /Lesson 6\s*The flow: the orchestration loop/ }) });
    await lesson.first().waitFor();
    expect(searchRequests.some((request) => request.includes("/pagefind/"))).toBe(true);
    expect(
      await page
        .getByRole("status")
        .filter({ hasText: /lessons? found/ })
        .innerText(),
    ).toMatch(/found/);

    // Its best sections, each linked to its heading; "The loop" is where the loop is explained.
    const section = lesson.first().getByRole("link", { name: /^The loop\b/ });
    expect(await section.getAttribute("href")).toBe("/lessons/06-the-flow/#the-loop");
    await section.click();
    await page.waitForURL("**/lessons/06-the-flow/#the-loop");
    const heading = page.getByRole("heading", { name: "The loop", exact: true });
    expect(await heading.getAttribute("id")).toBe("the-loop");
    await expect.poll(() => heading.evaluate((element) => element.matches(":target"))).toBe(true);
    await expect
      .poll(() =>
        heading.evaluate((element) => {
          const { top } = element.getBoundingClientRect();
          return top >= 0 && top < innerHeight / 2;
        }),
      )
      .toBe(true);
    expect(await searchDialog(page).count()).toBe(0);
  });

  it("opens with / and with Ctrl+K, closes with Escape and gives focus back", async () => {
    await page.goto(url(LESSON_PATH));
    await page.locator("body").press("/");
    await searchBox(page).waitFor();
    await searchBox(page).fill("flow");
    expect(await searchBox(page).evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await searchDialog(page).waitFor({ state: "hidden" });

    await page.keyboard.press("Control+k");
    await searchBox(page).waitFor();
    await searchBox(page).fill("zzzqqqxxx");
    await page.getByText("No lesson mentions “zzzqqqxxx”.").waitFor();
    await page.getByRole("button", { name: "Close" }).click();
    await searchDialog(page).waitFor({ state: "hidden" });
  });

  it("leaves / to the code editor", async () => {
    await openWorkspace(page);
    await page.keyboard.type("// a / b");
    expect(await searchDialog(page).count()).toBe(0);
    expect(await page.locator(".cm-content").innerText()).toContain("// a / b");
  });
});

describe("theme", () => {
  it("follows the system until the learner chooses, then keeps the choice across a reload", async () => {
    const dark = await newContext(session.browser, "dark");
    const darkPage = await dark.newPage();
    await darkPage.goto(url("/"));
    expect(await theme(darkPage), "the system setting, by default").toBe("dark");
    await dark.close();

    // No service worker here: it would answer the reload below, unseen by the blocking route.
    const light = await session.browser.newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: "block",
    });
    const tab = await light.newPage();
    await tab.goto(url(LESSON_PATH));
    expect(await theme(tab)).toBe("light");
    const lightBackground = await background(tab);
    await tab.getByRole("button", { name: "Theme" }).click();
    await tab.getByRole("radio", { name: "Dark" }).check();
    expect(await theme(tab)).toBe("dark");
    expect(await background(tab)).not.toBe(lightBackground);

    // After a reload the head script alone applies it, before the page's scripts run (here: never).
    await tab.route(/\/_astro\/.*\.js$/, (route) => route.abort());
    await tab.reload();
    expect(await theme(tab)).toBe("dark");
    expect(await background(tab)).toBe("rgb(13, 17, 23)");
    const switchButton = tab.getByRole("button", { name: "Theme" });
    expect(await switchButton.getAttribute("title"), "the page's script did not run").toBe("Theme");
    await tab.unroute(/\/_astro\/.*\.js$/);

    await tab.reload();
    await tab.getByRole("button", { name: "Theme" }).click();
    expect(await tab.getByRole("radio", { name: "Dark" }).isChecked()).toBe(true);
    await tab.getByRole("radio", { name: "System" }).check();
    expect(await theme(tab)).toBe("light");
    await tab.reload();
    expect(await theme(tab)).toBe("light");
    await light.close();
  });

  it("is followed by highlighted code, the diagrams and the editor", async () => {
    await page.goto(url(LESSON_PATH));
    const code = page.locator(".lesson-body pre.astro-code").first();
    const lightCode = await background(page, ".lesson-body pre.astro-code");
    const diagramBox = page.locator(".diagram-frame .box").first();
    const lightBox = await diagramBox.evaluate((box) => getComputedStyle(box).fill);

    await page.getByRole("button", { name: "Theme" }).click();
    await page.getByRole("radio", { name: "Dark" }).check();
    await page.keyboard.press("Escape");
    expect(await code.evaluate((pre) => getComputedStyle(pre).backgroundColor)).not.toBe(lightCode);
    expect(await diagramBox.evaluate((box) => getComputedStyle(box).fill)).not.toBe(lightBox);

    await button(page, "Start editing").click();
    const editorBackground = await background(page, ".cm-editor");
    expect(editorBackground).toBe("rgb(36, 41, 46)");
  });
});

describe("pages that are not lessons", () => {
  it("answers an unknown address with 404 and the course's own page, with a way home", async () => {
    const response = await page.goto(url("/no-such-page/"));
    expect(response?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Page not found");
    expect(await page.getByRole("link", { name: "Go to the course home" }).getAttribute("href")).toBe("/");
    expect(await page.locator(".site-header").isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "The flow: the orchestration loop" }).count()).toBe(1);
    await page.getByRole("button", { name: "Search the lessons" }).click();
    await searchBox(page).waitFor();
  });

  it("has a favicon, in SVG and PNG, and a web app manifest", async () => {
    await page.goto(url("/"));
    const icons = await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(icons).toHaveLength(4);
    for (const icon of icons) {
      const answer = await page.request.get(icon);
      expect(answer.status(), icon).toBe(200);
    }
    const svg = await page.request.get(url("/favicon.svg"));
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    const manifest = (await (await page.request.get(url("/manifest.webmanifest"))).json()) as {
      name: string;
      icons: { src: string }[];
    };
    expect(manifest.name).toBe("Build PocketFlow");
    for (const icon of manifest.icons) expect((await page.request.get(url(icon.src))).status()).toBe(200);
    // The browser itself finds it: an <img> of the favicon decodes.
    const loaded = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"][type="image/png"]');
      const image = new Image();
      image.src = link?.href ?? "";
      await image.decode();
      return image.naturalWidth;
    });
    expect(loaded).toBe(48);
  });
});

describe("meta tags, sitemap and robots.txt", () => {
  const meta = (page: Page, key: string) =>
    page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute("content");

  it("give every lesson a canonical URL, a title, a description and its own social card", async () => {
    await page.goto(url(LESSON_PATH));
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute("href")) ?? "";
    expect(new URL(canonical).pathname).toBe(LESSON_PATH);
    expect(await meta(page, "og:url")).toBe(canonical);
    expect(await meta(page, "og:title")).toBe("The flow: the orchestration loop · Build PocketFlow");
    expect(await meta(page, "og:description")).toMatch(/loop that walks a graph/);
    expect(await meta(page, "twitter:card")).toBe("summary_large_image");
    const image = (await meta(page, "og:image")) ?? "";
    expect(new URL(image).pathname).toBe("/og/lessons/06-the-flow.png");
    expect(await meta(page, "twitter:image")).toBe(image);
    const card = await page.request.get(url(new URL(image).pathname));
    expect(card.status()).toBe(200);
    expect(card.headers()["content-type"]).toContain("image/png");
    expect((await card.body()).subarray(1, 4).toString()).toBe("PNG");

    await page.goto(url("/no-such-page/"));
    expect(await meta(page, "robots")).toBe("noindex");
    expect(await page.locator('link[rel="canonical"]').count()).toBe(0);
  });

  it("list every lesson in the sitemap, which robots.txt names", async () => {
    const robots = await (await page.request.get(url("/robots.txt"))).text();
    const sitemapUrl = /^Sitemap: (.+)$/m.exec(robots)?.[1] ?? "";
    expect(new URL(sitemapUrl).pathname).toBe("/sitemap-index.xml");
    const index = await (await page.request.get(url("/sitemap-index.xml"))).text();
    const part = /<loc>([^<]+)<\/loc>/.exec(index)?.[1] ?? "";
    const sitemap = await (await page.request.get(url(new URL(part).pathname))).text();
    const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1] ?? "").pathname,
    );
    expect(pages).toContain("/");
    expect(pages).toContain(LESSON_PATH);
    const lessons = readdirSync(new URL("../dist/lessons/", import.meta.url));
    expect(pages.filter((path) => path.startsWith("/lessons/")).sort()).toEqual(
      lessons.map((slug) => `/lessons/${slug}/`).sort(),
    );
    expect(pages.some((path) => path.startsWith("/404") || path.startsWith("/offline"))).toBe(false);
  });
});
