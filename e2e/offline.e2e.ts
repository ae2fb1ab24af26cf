// Offline reading and grading through the service worker, on a plain static host with cross-origin
// isolation: a visited lesson reloads, edits and grades with the network gone; a new deploy shows at
// once and offers a reload; and everything the site runs works under a strict Content-Security-Policy.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanHtml } from "../src/integrations/html-scan";
import { launchChromium, newContext } from "./browser";
import { startStaticServer, type StaticServer } from "./static-server";
import { LESSON_PATH, button, editor, replaceCode, runTests, solution } from "./workspace-page";

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startStaticServer(DIST, ISOLATION);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits until the service worker controls the page and has saved it. */
async function savedForOffline(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return false;
          return (await caches.match(location.pathname)) !== undefined;
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
}

describe("offline", () => {
  it("reloads a visited lesson with the network gone, and edits and grades its exercise", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url + LESSON_PATH);
    await savedForOffline(page);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.reload();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(
      "The flow: the orchestration loop",
    );

    await button(page, "Start editing").click();
    await editor(page).waitFor();
    await replaceCode(page, solution());
    expect(await runTests(page)).toMatch(/^\d+ passed, 0 failed/);

    // The course map is kept too; a lesson never opened says why it cannot show.
    await page.goto(server.url + "/");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Build PocketFlow");
    await page.goto(server.url + "/lessons/12-structured-output/");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("You are offline");
    await context.close();
  });

  it("keeps the editor's type checks offline once the editor was opened online", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url + LESSON_PATH);
    await savedForOffline(page);
    // Online first: the editor opens and its language service loads (and is kept) once.
    await button(page, "Start editing").click();
    await editor(page).waitFor();
    await replaceCode(page, solution());
    await runTests(page);
    expect(await page.locator(".ws-typecheck-line").innerText()).toBe("✓ Type check: No type errors");

    await context.setOffline(true);
    await page.reload();
    // The workspace the learner started reopens by itself once its panel is in view.
    await page.locator("[data-workspace]").scrollIntoViewIfNeeded();
    await editor(page).waitFor();
    await replaceCode(page, `${solution()}\nconst wrong: number = "not a number";\n`);
    await runTests(page);
    expect(await page.locator(".ws-typecheck-line").innerText()).toBe("✗ Type check: 1 type error");
    await context.close();
  });

  it("shows a new deploy's page at once, and offers to reload into the new version", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url + LESSON_PATH);
    await savedForOffline(page);

    // New HTML is served from the network, not the saved copy.
    const html = readFileSync(`${DIST}lessons/06-the-flow/index.html`, "utf8");
    server.override(
      LESSON_PATH,
      html.replace("The flow: the orchestration loop</h1>", "The flow, revised</h1>"),
    );
    await page.reload();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("The flow, revised");

    // A new service worker (a new build) installs beside the running one: the page offers a reload.
    server.override("/sw.js", `${readFileSync(`${DIST}sw.js`, "utf8")}\n// the next deploy\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.getByRole("status").filter({ hasText: "A new version of the course is available." });
    await notice.waitFor({ timeout: 30_000 });
    const reloaded = page.waitForEvent("load");
    await notice.getByRole("button", { name: "Reload" }).click();
    await reloaded;
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null),
    ).toBe(null);
    expect(await page.locator("[data-update-notice]").innerText()).toBe("");
    await context.close();
  });
});

/** The CSP hashes of a built page's inline scripts (its JSON data blocks do not run). */
const inlineScriptHashes = (file: string) =>
  scanHtml(readFileSync(`${DIST}${file}`, "utf8")).inlineScripts.map(
    (script) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`,
  );

describe("under a strict Content-Security-Policy", () => {
  it("applies the theme, searches and works offline with hashed inline scripts and 'self' sources only", async () => {
    const hashes = new Set([
      ...inlineScriptHashes("index.html"),
      ...inlineScriptHashes("lessons/06-the-flow/index.html"),
    ]);
    // The theme's; on a lesson page also the saved split's and the listings' type popups.
    expect(hashes.size, "inline scripts of the home page and lesson 6").toBeGreaterThanOrEqual(1);
    expect(hashes.size, "inline scripts of the home page and lesson 6").toBeLessThanOrEqual(3);
    const policy = [
      "default-src 'self'",
      `script-src 'self' ${[...hashes].join(" ")} 'wasm-unsafe-eval'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "worker-src 'self'",
      "connect-src 'self'",
      "frame-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
    ].join("; ");
    const strict = await startStaticServer(DIST, { ...ISOLATION, "Content-Security-Policy": policy });
    const context = await newContext(browser, "dark");
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    try {
      await page.goto(strict.url + "/");
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");

      await page.keyboard.press("Control+k");
      await page.getByRole("searchbox", { name: "Search the lessons" }).fill("orchestration loop");
      await page.getByRole("link", { name: /Lesson 6\s*The flow: the orchestration loop/ }).waitFor();

      await savedForOffline(page);
      // Search was opened: its whole bundle is kept, so another word finds lessons offline too.
      await expect
        .poll(() =>
          page.evaluate(async () => (await caches.match("/pagefind/pagefind-entry.json")) !== undefined),
        )
        .toBe(true);
      await context.setOffline(true);
      await page.reload();
      await page.keyboard.press("Control+k");
      await page.getByRole("searchbox", { name: "Search the lessons" }).fill("retries");
      await page
        .getByRole("link", { name: /Lesson 3/ })
        .first()
        .waitFor();
      expect(violations).toEqual([]);
    } finally {
      await context.close();
      await strict.stop();
    }
  });
});
