// A learner solving the lesson 6 exercise in the page: right, wrong, stuck in a loop, and broken.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, newContext } from "./browser";
import {
  LESSON_PATH,
  button,
  openWorkspace,
  replaceCode,
  runTests,
  solution,
  summary,
  url,
} from "./workspace-page";

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => (browser = await launchChromium()));
afterAll(async () => browser?.close());
beforeEach(async () => {
  context = await newContext(browser);
  page = await context.newPage();
});
afterEach(async () => context?.close());

describe("the exercise workspace", () => {
  it("loads only the small page script with the page and runs no code until asked", async () => {
    const scripts: { url: string; bytes: number }[] = [];
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push({ url: response.url(), bytes: (await response.body()).byteLength });
    });
    await page.goto(url(LESSON_PATH), { waitUntil: "load" });
    // The page script has run once the loader shows Start editing.
    await expect.poll(() => button(page, "Start editing").isVisible()).toBe(true);
    // The layout, the sidebar's ticks and the loader; nothing of the editor or the engine.
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.map((script) => script.url).join(" ")).not.toMatch(
      /workspace\.|host\.|test-worker|search-dialog|pagefind/,
    );
    const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
    expect(total, "JavaScript before interaction, uncompressed bytes").toBeLessThan(30_000);
    expect(await page.locator("iframe").count()).toBe(0);
    expect(await page.locator(".exercise pre.astro-code").first().isVisible()).toBe(true);
  });

  it("without its script, stays the read-only panel: starter, hints and how to solve it locally", async () => {
    // This Chromium ignores playwright's javaScriptEnabled: false, so the site's scripts are blocked.
    const noScript = await newContext(browser);
    await noScript.route(/\.js$/, (route) => route.abort());
    const page = await noScript.newPage();
    await page.goto(url(LESSON_PATH));
    expect(await page.locator(".exercise pre.astro-code").first().isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Start editing" }).count()).toBe(0);
    expect(await page.locator(".exercise details.hint").count()).toBe(3);
    expect(await page.getByText("Solve it in your own editor").isVisible()).toBe(true);
    await noScript.close();
  });

  it("passes every test when the solution is typed in, and marks the lesson complete on the course map", async () => {
    await openWorkspace(page);
    await replaceCode(page, solution());
    const text = await runTests(page);
    expect(text).toMatch(/^\d+ passed, 0 failed/);
    expect(text).toContain("Lesson complete");
    expect(await page.getByText("Completed: this lesson is done.").isVisible()).toBe(true);
    expect(await page.locator(".ws-test.ws-fail").count()).toBe(0);

    await page.goto(url("/"));
    const lesson = page.locator('li[data-lesson="06-the-flow"]');
    await expect.poll(() => lesson.getByText("Completed").isVisible()).toBe(true);
    expect(await page.locator('li[data-lesson="02-the-node"]').getByText("Completed").isVisible()).toBe(
      false,
    );
  });

  it("shows the failing test's name and message for a wrong solution", async () => {
    await openWorkspace(page);
    // Forget that an empty action means "default".
    const wrong = solution().replace(
      'current.successors.get(action || "default")',
      "current.successors.get(action as string)",
    );
    expect(wrong).not.toBe(solution());
    await replaceCode(page, wrong);
    const text = await runTests(page);
    expect(text).toMatch(/^\d+ passed, [1-9]\d* failed/);
    const failed = page.locator(".ws-test.ws-fail").first();
    expect(await failed.innerText()).toMatch(/Failed/);
    expect(await failed.locator(".ws-message").innerText()).not.toBe("");
    expect(await page.getByText("Completed: this lesson is done.").isVisible()).toBe(false);
  });

  it("stops an endless loop with the engine's timeout message, and the next run works", async () => {
    await openWorkspace(page);
    await replaceCode(page, `${solution()}\nwhile (true) {}\n`);
    const stuck = await runTests(page);
    expect(stuck).toMatch(/loop/i);
    // No test of the suite ran: the summary counts them, named by a spare that runs no learner code.
    expect(stuck).toMatch(/^0 passed, 0 failed, [1-9]\d* did not run/);
    expect(await summary(page).getAttribute("data-status")).toBe("timeout");

    await replaceCode(page, solution());
    expect(await runTests(page)).toMatch(/^\d+ passed, 0 failed/);
  });

  it("names the file, line and column of a syntax error and can jump there", async () => {
    await openWorkspace(page);
    await replaceCode(page, "export const broken = (;\n");
    const text = await runTests(page);
    expect(await summary(page).getAttribute("data-status")).toBe("error");
    expect(text).toMatch(/pocketflow\.ts at line 1, column \d+/);
    await button(page, "Go to line 1 of pocketflow.ts").click();
    expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(true);
  });

  it("shows what the learner's code logs", async () => {
    await openWorkspace(page);
    await replaceCode(page, `${solution()}\nconsole.log("hello from my code");\n`);
    await runTests(page);
    const output = page.locator(".ws-output");
    await output.locator("summary").click();
    expect(await output.innerText()).toContain("hello from my code");
  });
});
