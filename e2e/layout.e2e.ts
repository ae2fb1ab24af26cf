// The lesson page as a workspace: side by side on a wide screen, stacked on a phone, failures
// first, and the learner's own pocketflow.ts carried from one exercise to the next.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser";
import { button, replaceCode, runTests, url } from "./workspace-page";

let browser: Browser;
beforeAll(async () => (browser = await launchChromium()));
afterAll(async () => browser?.close());

async function open(viewport: { width: number; height: number }, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url(path));
  return page;
}

const editorOf = (page: Page, file = "pocketflow.ts") =>
  page.getByRole("textbox", { name: `Code editor: ${file}` });

async function startEditing(page: Page) {
  await button(page, "Start editing").click();
  await editorOf(page).waitFor();
}

const inViewport = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    });

const exerciseFile = (slug: string, part: "starter" | "solution") =>
  readFileSync(new URL(`../exercises/${slug}/${part}/pocketflow.ts`, import.meta.url), "utf8");

describe("a wide screen (1280×800)", () => {
  it("shows the lesson title and the open editor side by side, the editor at least 600 px wide", async () => {
    const page = await open({ width: 1280, height: 800 }, "/lessons/06-the-flow/");
    await startEditing(page);
    const title = await page.getByRole("heading", { level: 1 }).boundingBox();
    const editor = await page.locator(".ws-editor .cm-editor").boundingBox();
    expect(title && editor).toBeTruthy();
    if (!title || !editor) return;
    expect(editor.width).toBeGreaterThanOrEqual(600);
    expect(editor.x).toBeGreaterThan(title.x + title.width - 1);
    expect(await inViewport(page, "h1")).toBe(true);
    expect(await inViewport(page, ".ws-editor .cm-editor")).toBe(true);
    expect(await inViewport(page, ".ws-toolbar")).toBe(true);
    await page.context().close();
  });

  it("wraps the listings of the reading pane instead of scrolling them, keeping each line's indentation", async () => {
    const page = await open({ width: 1280, height: 800 }, "/lessons/10-the-whole-core/");
    const listings = await page.locator(".lesson-body pre.astro-code").evaluateAll((pres) =>
      pres.map((pre) => ({
        wider: pre.scrollWidth - pre.clientWidth,
        lines: pre.querySelectorAll(".line").length,
      })),
    );
    expect(listings.length).toBeGreaterThan(5);
    expect(listings.filter((listing) => listing.wider > 0)).toEqual([]);
    // A continuation starts under its line's code, two characters in: an indented line's box starts
    // further in than a line at the margin.
    const paddings = await page
      .locator('.lesson-body pre.astro-code:has(.line[style*="--indent"])')
      .first()
      .evaluate((pre) => {
        const pad = (line: Element | null) =>
          line ? parseFloat(getComputedStyle(line).paddingInlineStart) : 0;
        return {
          margin: pad(pre.querySelector('.line:not([style*="--indent"])')),
          indented: pad(pre.querySelector('.line[style*="--indent"]')),
        };
      });
    expect(paddings.margin).toBeGreaterThan(0);
    expect(paddings.indented).toBeGreaterThan(paddings.margin);
    await page.context().close();
  });

  it("resizes the panes by keyboard on the divider, and remembers the split", async () => {
    const page = await open({ width: 1280, height: 800 }, "/lessons/06-the-flow/");
    const pane = page.locator("#exercise-pane");
    const divider = page.getByRole("separator", { name: "Resize the lesson and the exercise" });
    const before = (await pane.boundingBox())?.width ?? 0;
    await divider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
    const wider = (await pane.boundingBox())?.width ?? 0;
    expect(wider).toBeGreaterThan(before + 60);
    const value = Number(await divider.getAttribute("aria-valuenow"));
    await page.keyboard.press("ArrowRight");
    expect(Number(await divider.getAttribute("aria-valuenow"))).toBeGreaterThan(value);
    await page.reload();
    expect((await pane.boundingBox())?.width ?? 0).toBeCloseTo(wider - 32, -1);
    await page.context().close();
  });

  it("gives the workspace the whole window in focus mode, and Escape leaves it", async () => {
    const page = await open({ width: 1280, height: 800 }, "/lessons/06-the-flow/");
    await startEditing(page);
    const toggle = button(page, "Focus mode");
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    const box = await page.locator("#exercise-pane").boundingBox();
    expect(box?.width).toBe(1280);
    expect(box?.height).toBe(800);
    await toggle.focus();
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await page.context().close();
  });

  it("on lesson 10's starter, shows the first failure right under the summary", async () => {
    const page = await open({ width: 1280, height: 800 }, "/lessons/10-the-whole-core/");
    await startEditing(page);
    expect(await runTests(page)).toMatch(/passed, [1-9]\d* failed/);
    // Its name is in view without scrolling, right below the summary.
    expect(await inViewport(page, ".ws-test.ws-fail .ws-test-name")).toBe(true);
    const summaryBottom = (await page.locator(".ws-summary").boundingBox())?.y ?? 0;
    const firstTop = (await page.locator(".ws-test.ws-fail").first().boundingBox())?.y ?? 0;
    expect(firstTop).toBeGreaterThan(summaryBottom);
    expect(firstTop - summaryBottom).toBeLessThan(200);
    // The passing tests are folded into a count, and the filter shows every test in order.
    expect(await page.locator(".ws-passed summary").innerText()).toMatch(/^\d+ tests pass$/);
    await page.getByRole("button", { name: /^All in order/ }).click();
    expect(await page.locator(".ws-test").count()).toBeGreaterThan(70);
    await page.context().close();
  });
});

describe("a phone (390×844)", () => {
  it("stacks lesson and exercise with no sideways scroll, and the editor spans the width", async () => {
    const page = await open({ width: 390, height: 844 }, "/lessons/06-the-flow/");
    await startEditing(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const editor = await page.locator(".ws-editor .cm-editor").boundingBox();
    expect(editor?.width ?? 0).toBeGreaterThanOrEqual(0.9 * 390);
    // The exercise comes before the recap.
    const [pane, recap] = await Promise.all(
      ["#exercise-pane", "#recap"].map(
        async (selector) => (await page.locator(selector).boundingBox())?.y ?? 0,
      ),
    );
    expect(pane).toBeLessThan(recap ?? 0);
    await page.context().close();
  });

  it("gives no lesson a sideways page scroll: long code in a sentence breaks, diagrams and listings scroll", async () => {
    const page = await open({ width: 390, height: 844 }, "/");
    const lessons = await page
      .locator('main a[href^="/lessons/"]')
      .evaluateAll((links) => [
        ...new Set(links.map((link) => new URL((link as HTMLAnchorElement).href).pathname)),
      ]);
    expect(lessons.length).toBeGreaterThanOrEqual(22);
    const wide: string[] = [];
    for (const path of lessons) {
      await page.goto(url(path));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      if (overflow > 0) wide.push(`${path} (${overflow} px)`);
    }
    expect(wide).toEqual([]);
    await page.context().close();
  });

  it("opens the course sidebar as a drawer, with the current lesson marked", async () => {
    const page = await open({ width: 390, height: 844 }, "/lessons/06-the-flow/");
    await page.getByRole("button", { name: /Lessons/ }).click();
    const nav = page.getByRole("navigation", { name: "Course" });
    expect(await nav.isVisible()).toBe(true);
    expect(await nav.locator('[aria-current="page"]').innerText()).toContain("The flow");
    await page.keyboard.press("Escape");
    expect(await nav.isVisible()).toBe(false);
    await page.context().close();
  });
});

describe("your own pocketflow.ts carries forward", () => {
  const MARK = "// my own line, carried from exercise 3";
  const mine = exerciseFile("03-retries-and-fallback", "solution").replace(
    "  protected _attempt(",
    `  ${MARK}\n  protected _attempt(`,
  );

  async function passExercise3(page: Page, code: string) {
    await page.goto(url("/lessons/03-retries-and-fallback/"));
    await startEditing(page);
    await replaceCode(page, code);
    expect(await runTests(page)).toMatch(/^\d+ passed, 0 failed/);
  }

  it("starts exercise 4 from the learner's exercise 3, and the reference starter is a click away", async () => {
    const page = await open({ width: 1280, height: 800 }, "/");
    await passExercise3(page, mine);
    await page.goto(url("/lessons/04-shared-store-and-params/"));
    await startEditing(page);
    expect(await page.getByText(/is yours from exercise 03/).isVisible()).toBe(true);
    // CodeMirror draws only what is near the view: read the saved file for the whole document.
    const saved = await page.evaluate(
      () =>
        JSON.parse(localStorage.getItem("build-pocketflow:exercise:04-shared-store-and-params") ?? "{}")
          .files,
    );
    expect(saved["pocketflow.ts"]).toContain(MARK);
    expect(saved["pocketflow.ts"]).toContain("TODO: setParams");
    expect(await page.locator(".cm-content").innerText()).toContain("PocketFlow in TypeScript");
    await button(page, "Use the reference starter instead").click();
    expect(await button(page, "Start from my code of exercise 03").isVisible()).toBe(true);
    const reference = await page.evaluate(
      () =>
        JSON.parse(localStorage.getItem("build-pocketflow:exercise:04-shared-store-and-params") ?? "{}")
          .files,
    );
    expect(reference["pocketflow.ts"]).toBe(exerciseFile("04-shared-store-and-params", "starter"));
    await page.context().close();
  });

  it("tells a learner whose file lost its region markers, and starts from the reference", async () => {
    const page = await open({ width: 1280, height: 800 }, "/");
    await passExercise3(page, mine.replace("// #region node\n", "").replace("// #endregion node\n", ""));
    await page.goto(url("/lessons/04-shared-store-and-params/"));
    await startEditing(page);
    expect(await page.getByText(/could not be carried over exactly/).isVisible()).toBe(true);
    expect(await page.getByText(/lost the region marker \/\/ #region node/).isVisible()).toBe(true);
    const saved = await page.evaluate(() =>
      localStorage.getItem("build-pocketflow:exercise:04-shared-store-and-params"),
    );
    expect(saved === null || !saved.includes(MARK)).toBe(true);
    await page.context().close();
  });
});

describe("the course map", () => {
  it("ticks a completed lesson in the sidebar, and the home page offers to continue", async () => {
    const page = await open({ width: 1500, height: 900 }, "/lessons/03-retries-and-fallback/");
    await startEditing(page);
    await replaceCode(page, exerciseFile("03-retries-and-fallback", "solution"));
    expect(await runTests(page)).toMatch(/0 failed/);
    await page.reload();
    const item = page
      .getByRole("navigation", { name: "Course" })
      .getByRole("link", { name: /Retries and fallback/ });
    await expect.poll(() => item.innerText()).toContain("✓");
    await page.goto(url("/"));
    await expect
      .poll(() => page.getByRole("link", { name: /^Continue: lesson 3, Retries and fallback/ }).isVisible())
      .toBe(true);
    await page.context().close();
  });
});
