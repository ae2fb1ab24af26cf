// The WebContainer engine in the page, in Chromium with the site's isolation headers. StackBlitz's
// servers are out of reach here, so the boot fails: the learner must see a one-line notice naming
// the likely cause and still get a correct result from the offline engine. And the engine picker.
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { freshPagePerTest } from "./fresh-page";
import { LESSON_PATH, button, openWorkspace, replaceCode, runTests, solution, url } from "./workspace-page";

const session = freshPagePerTest();
let page: Page;
beforeEach(() => (page = session.page));

const picker = (on: Page) => on.getByRole("combobox", { name: "Run tests in" });
const notice = (on: Page) => on.locator(".ws-engine-notice:not([hidden])");
const lastResult = (on: Page) => on.locator(".ws-engine-last");
const runtimeFrames = (on: Page) =>
  on.evaluate(() => document.querySelectorAll('iframe[src^="https://stackblitz.com/"]').length);

describe("the WebContainer engine in the page", () => {
  it("is cross-origin isolated by the site's headers, and boots nothing before the workspace opens", async () => {
    const response = await page.goto(url(LESSON_PATH));
    expect(response?.headers()["cross-origin-opener-policy"]).toBe("same-origin");
    expect(response?.headers()["cross-origin-embedder-policy"]).toBe("require-corp");
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
    expect(await runtimeFrames(page)).toBe(0);
  });

  it("falls back when the boot fails: a one-line notice names the cause, and the offline engine's result is right", async () => {
    const scripts: string[] = [];
    page.on("request", (request) => request.resourceType() === "script" && scripts.push(request.url()));
    await openWorkspace(page);
    // The WebContainer boots in the background, in StackBlitz's frame.
    await expect.poll(() => runtimeFrames(page)).toBe(1);
    expect(await page.locator(".ws-engine-status").innerText()).toMatch(/WebContainer is starting/);

    // A run meanwhile is answered at once by the offline engine, which says why.
    await replaceCode(page, solution());
    const text = await runTests(page);
    expect(text).toMatch(/^[1-9]\d* passed, 0 failed(?!,)/);
    expect(await lastResult(page).innerText()).toMatch(
      /Last result from the offline engine\. The WebContainer is still starting/,
    );

    // No network to StackBlitz: past the 20 s limit, the notice.
    await notice(page).waitFor({ timeout: 45_000 });
    const line = await notice(page).innerText();
    expect(line).toMatch(/StackBlitz's servers did not answer within 20 s: an ad blocker, a network filter/);
    expect(line).toMatch(/Tests run in the offline engine instead/);
    expect(await notice(page).getAttribute("role")).toBe("status");
    expect(await button(page, "Reload and try again").isVisible()).toBe(true);

    // Still correct afterwards, from the offline engine, now without a note.
    expect(await runTests(page)).toMatch(/^[1-9]\d* passed, 0 failed(?!,)/);
    expect(await lastResult(page).innerText()).toBe("Last result from the offline engine.");
    // The WebContainer's code came only when it was needed.
    expect(scripts.some((script) => /\/page\.[\w-]+\.js$/.test(script))).toBe(true);
    expect(scripts.some((script) => /xterm/.test(script))).toBe(false);

    // The Terminal says there is no WebContainer to show, without loading xterm.
    await page.getByText("Terminal", { exact: true }).click();
    expect(await page.getByRole("tabpanel").first().innerText()).toMatch(/not available on this page/);
    expect(scripts.some((script) => /xterm/.test(script))).toBe(false);

    // Later lessons of the visit do not wait for a boot that failed: the notice is there at once.
    await page.goto(url("/lessons/07-flows-inside-flows/"));
    await button(page, "Start editing").click();
    await notice(page).waitFor({ timeout: 5_000 });
    expect(await runtimeFrames(page)).toBe(0);
  });

  it("lets the learner pin the offline engine, remembers it, and then never boots the WebContainer", async () => {
    await openWorkspace(page);
    expect(await picker(page).inputValue()).toBe("auto");
    await picker(page).selectOption({ label: "Offline engine (in this tab)" });
    await page.reload();
    await page.locator("[data-workspace]").scrollIntoViewIfNeeded();
    await button(page, "Start editing").click();
    expect(await picker(page).inputValue()).toBe("worker");
    expect(await page.locator(".ws-engine-status").innerText()).toMatch(
      /not started while the offline engine is chosen/,
    );
    await replaceCode(page, solution());
    expect(await runTests(page)).toMatch(/^[1-9]\d* passed, 0 failed(?!,)/);
    expect(await lastResult(page).innerText()).toBe("Last result from the offline engine.");
    expect(await runtimeFrames(page)).toBe(0);

    // Back to the best available: the WebContainer starts in the background.
    await picker(page).selectOption({ label: "Best available" });
    await expect.poll(() => runtimeFrames(page)).toBe(1);
  });
});
