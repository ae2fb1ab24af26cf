// Keyboard only, end to end: reach the workspace with Tab, type, run with Ctrl+Enter, leave the
// editor with Escape then Tab, and run again from the Run tests button with Enter.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newContext } from "./browser";
import { LESSON_PATH, url, waitForSummary } from "./workspace-page";

let browser: Browser;
beforeAll(async () => (browser = await launchChromium()));
afterAll(async () => browser?.close());

const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active) return "";
    if (active.classList.contains("cm-content")) return "editor";
    return `${active.tagName.toLowerCase()}:${active.textContent?.trim() ?? ""}`;
  });

describe("keyboard-only use", () => {
  it("reaches, edits and runs the exercise without a mouse", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url(LESSON_PATH));

    // Tab through the lesson until the workspace: its Start editing button, or the editor itself.
    let where = "";
    for (let presses = 0; presses < 300; presses++) {
      await page.keyboard.press("Tab");
      where = await focused(page);
      if (where === "button:Start editing" || where === "editor") break;
    }
    // Tabbing onto the panel is passing by: the starter stays, and focus stays on the button.
    expect(await page.locator("[data-workspace]").getAttribute("data-workspace-state")).toBeNull();
    if (where !== "editor") await page.keyboard.press("Enter");
    // The editor loads on that first touch; focus moves into it once it is up.
    await expect.poll(() => focused(page), { timeout: 15_000 }).toBe("editor");

    await page.keyboard.type("// typed with the keyboard\n");
    await page.keyboard.press("Control+Enter");
    expect(await waitForSummary(page)).toMatch(/^\d+ passed, \d+ failed/);
    expect(await focused(page)).toBe("editor");

    // Tab indents inside the editor; Escape then Tab moves on to the Run tests button.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("editor");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button:Run tests");
    await page.keyboard.press("Enter");
    expect(await waitForSummary(page)).toMatch(/^\d+ passed, \d+ failed/);

    // The hint ladder opens from the keyboard too.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button:Hint");
    await page.keyboard.press("Enter");
    expect(await page.getByText("1 of 3 hints shown.").isVisible()).toBe(true);
    // The new hint is brought into view; focus stays on Hint for the next rung.
    expect(await page.locator(".ws-hints li").first().isVisible()).toBe(true);
    await expect
      .poll(() =>
        page
          .locator(".ws-hints li")
          .first()
          .evaluate((rung) => {
            const box = rung.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight;
          }),
      )
      .toBe(true);
    expect(await focused(page)).toBe("button:Hint");
    await context.close();
  });
});
