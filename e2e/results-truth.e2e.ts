// Results that tell the truth: a file that does not load, and an error nobody caught, each make the
// run an error the learner can see, never "0 tests fail", and never complete the lesson.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { freshPagePerTest } from "./fresh-page";
import { button, openWorkspace, replaceCode, runTests, solution, summary, url } from "./workspace-page";

const fresh = freshPagePerTest();
let page: Page;
beforeEach(() => (page = fresh.page));

const lessonTwo = (file: string) =>
  readFileSync(new URL(`../exercises/02-the-node/solution/${file}`, import.meta.url), "utf8");

/** Shows a file's tab and replaces its text, as a learner pastes into it. */
async function replaceFile(page: Page, file: string, text: string) {
  await page.getByRole("tab", { name: file, exact: true }).click();
  const editor = page.getByRole("textbox", { name: `Code editor: ${file}` });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
}

const completed = (page: Page) => page.getByText("Completed: this lesson is done.").isVisible();

describe("results that tell the truth", () => {
  it("names the second file's syntax error, with its line, and counts its tests as not run", async () => {
    await page.goto(url("/lessons/02-the-node/"));
    await button(page, "Start editing").click();
    await page.getByRole("textbox", { name: "Code editor: pocketflow.ts" }).waitFor();
    await replaceFile(page, "pocketflow.ts", lessonTwo("pocketflow.ts"));
    const broken = lessonTwo("nodes.ts").replace("return shared.text;", "return shared.text +;");
    const line = broken.split("\n").findIndex((text) => text.includes("shared.text +;")) + 1;
    expect(line).toBeGreaterThan(1);
    await replaceFile(page, "nodes.ts", broken);

    const text = await runTests(page);
    expect(await summary(page).getAttribute("data-status")).toBe("error");
    expect(text).toMatch(/^\d+ passed, 0 failed, [1-9]\d* did not run/);
    expect(text).not.toMatch(/0 tests fail/);
    expect(text).toContain(`nodes.ts at line ${line}`);
    expect(await completed(page)).toBe(false);

    // The button goes to that file, not to the first one.
    await button(page, `Go to line ${line} of nodes.ts`).click();
    expect(await page.getByRole("tab", { name: "nodes.ts" }).getAttribute("aria-selected")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(true);
  });

  it("fails a run whose code rejects a promise nobody awaits, and does not complete the lesson", async () => {
    await openWorkspace(page);
    await replaceCode(page, `${solution()}\nvoid Promise.reject(new Error("nobody awaited me"));\n`);
    const text = await runTests(page);
    expect(await summary(page).getAttribute("data-status")).toBe("error");
    expect(text).toContain("nobody awaited me");
    expect(text).not.toMatch(/All \d+ tests pass/);
    expect(await completed(page)).toBe(false);
  });

  it("fails a run whose code throws from a timer", async () => {
    await openWorkspace(page);
    await replaceCode(
      page,
      `${solution()}\nsetTimeout(() => {\n  throw new Error("thrown from a timer");\n}, 0);\n`,
    );
    const text = await runTests(page);
    expect(await summary(page).getAttribute("data-status")).toBe("error");
    expect(text).toContain("thrown from a timer");
    expect(await completed(page)).toBe(false);
  });

  it("reports a thrown object that is not an Error in words", async () => {
    await openWorkspace(page);
    const weird = solution().replace(
      "protected async _orchestrate(shared: S, params: Params = { ...this.params }) {",
      "protected async _orchestrate(shared: S, params: Params = { ...this.params }) {\n    if (shared) throw Object.create(null);",
    );
    expect(weird).not.toBe(solution());
    await replaceCode(page, weird);
    const text = await runTests(page);
    expect(text).toMatch(/^\d+ passed, [1-9]\d* failed/);
    const message = await page.locator(".ws-test.ws-fail .ws-message").first().innerText();
    expect(message).toMatch(/not an Error/);
    expect(text).not.toMatch(/engine failed/);
  });

  it("marks the last run's results while the next run is in progress", async () => {
    await openWorkspace(page);
    await replaceCode(page, solution());
    await runTests(page);
    // A run that takes a while: the loop stops at the time limit.
    await replaceCode(page, `${solution()}\nwhile (true) {}\n`);
    await button(page, "Run tests").click();
    await page.locator('.ws-summary[data-status="running"]').waitFor();
    const report = page.locator(".ws-report");
    expect(await report.getAttribute("data-stale")).toBe("true");
    expect(await report.innerText()).toMatch(/last run/i);
  });
});
