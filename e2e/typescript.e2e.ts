// TypeScript in the exercise editor, as a learner meets it: a type error typed in is underlined, its
// message is read by hover and from the keyboard, fixing it clears it, and each run reports a Type
// check line; an exercise whose tests pass but whose files do not type-check is not complete.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, newContext } from "./browser";
import { button, editor, openWorkspace, replaceCode, runTests, solution, url } from "./workspace-page";

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

const MESSAGE = "Type 'string' is not assignable to type 'number'.";
const underline = (page: Page) => page.locator(".cm-lintRange-error");
/** The wait for the language service: typescript.js loads and starts in its worker. */
const LOAD_TIMEOUT = { timeout: 30_000 };

/** Types a line with a type error at the end of the file. */
async function typeError(page: Page) {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type('\nconst retries: number = "three";');
}

describe("TypeScript in the editor", () => {
  it("loads only once the editor is open, from content-hashed files", async () => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(url("/lessons/06-the-flow/"));
    await page.waitForLoadState("networkidle");
    expect(requests.filter((address) => /typescript/.test(address))).toEqual([]);
    await button(page, "Start editing").click();
    await editor(page).waitFor();
    await expect
      .poll(() => requests.filter((address) => /\/typescript\//.test(address)), LOAD_TIMEOUT)
      .toEqual([
        expect.stringMatching(/\/_astro\/typescript\/worker\.[0-9a-f]{10}\.js$/),
        expect.stringMatching(/\/_astro\/typescript\/typescript\.[0-9a-f]{10}\.js$/),
      ]);
    const manifest = (await (await page.request.get(url("/typescript-assets.json"))).json()) as {
      files: string[];
    };
    expect(manifest.files.map((file) => url(file))).toEqual(
      requests.filter((address) => /\/typescript\//.test(address)),
    );
  });

  it("underlines a type error as it is typed, shows its message on hover, and clears it once fixed", async () => {
    await openWorkspace(page);
    await typeError(page);
    await underline(page).first().waitFor(LOAD_TIMEOUT);
    expect(await page.locator(".cm-lint-marker-error").count()).toBe(1); // the gutter marker

    await underline(page).first().hover();
    const tooltip = page.locator(".cm-tooltip-lint");
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain(MESSAGE);

    // Fixing it: the string becomes a number.
    await editor(page).click();
    await page.keyboard.press("ControlOrMeta+End");
    for (let i = 0; i < '"three";'.length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("3;");
    await expect.poll(() => underline(page).count()).toBe(0);
    expect(await page.locator(".cm-lint-marker-error").count()).toBe(0);
  });

  it("reads the message from the keyboard: F8 announces it, Ctrl+Shift+M lists it, Ctrl+K Ctrl+I shows it", async () => {
    await openWorkspace(page);
    await typeError(page);
    await underline(page).first().waitFor(LOAD_TIMEOUT);

    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("F8");
    const announcer = page.locator(".ws-results p.visually-hidden[aria-live]");
    await expect.poll(() => announcer.innerText()).toMatch(new RegExp(`^Line \\d+: ${escape(MESSAGE)}$`));

    await page.keyboard.press("ControlOrMeta+k");
    await page.keyboard.press("ControlOrMeta+i");
    const atCursor = page.locator(".cm-ts-cursor-info");
    await atCursor.waitFor();
    expect(await atCursor.innerText()).toContain(MESSAGE);
    expect(await atCursor.innerText()).toContain("const retries: number");
    await page.keyboard.press("Escape");
    expect(await atCursor.count()).toBe(0);

    await page.keyboard.press("ControlOrMeta+Shift+KeyM");
    const list = page.getByRole("listbox", { name: "Diagnostics" });
    await list.waitFor();
    expect(await list.getByRole("option").allInnerTexts()).toEqual([expect.stringContaining(MESSAGE)]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("listbox");
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(true);
  });

  it("shows types on hover and completes members as the learner types", async () => {
    await openWorkspace(page);
    await editor(page).click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("\nconst probe = new Flow();\nprobe.st");
    const options = page.locator(".cm-tooltip-autocomplete [role=option]");
    await options.first().waitFor(LOAD_TIMEOUT);
    expect(await options.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^start/)]));
    await page.keyboard.press("Escape");

    await page.locator(".cm-line", { hasText: "const probe = new Flow();" }).getByText("probe").hover();
    const hover = page.locator(".cm-tooltip-hover .cm-ts-info");
    await hover.waitFor();
    expect(await hover.innerText()).toMatch(/^const probe: Flow/);
  });

  it("goes to a definition in another file's tab with F12", async () => {
    await page.goto(url("/lessons/02-the-node/"));
    await button(page, "Start editing").click();
    await page.getByRole("tab", { name: "nodes.ts" }).click();
    const nodes = page.getByRole("textbox", { name: "Code editor: nodes.ts" });
    await nodes.waitFor();
    await page.locator("[data-workspace][data-typescript=ready]").waitFor(LOAD_TIMEOUT);
    await page.locator(".cm-line", { hasText: "import { BaseNode" }).getByText("BaseNode").click();
    await page.keyboard.press("F12");
    await expect
      .poll(
        () => page.getByRole("tab", { name: "pocketflow.ts" }).getAttribute("aria-selected"),
        LOAD_TIMEOUT,
      )
      .toBe("true");
    await page.getByRole("textbox", { name: "Code editor: pocketflow.ts" }).waitFor();
    const selected = await page.evaluate(() => getSelection()?.toString());
    expect(selected).toBe("BaseNode");
  });
});

describe("the Type check line of a run", () => {
  it("counts the type errors with Go to line; the tests still run, and the exercise is not complete", async () => {
    await openWorkspace(page);
    await replaceCode(page, `${solution()}\nconst retries: number = "three";\n`);
    const text = await runTests(page);
    expect(text).toMatch(/^\d+ passed, 0 failed/);
    expect(text).toContain("complete only once its files type-check");
    const line = page.locator(".ws-typecheck");
    expect(await line.locator(".ws-typecheck-line").innerText()).toBe("✗ Type check: 1 type error");
    expect(await line.innerText()).toContain(MESSAGE);
    expect(await page.getByText("Completed: this lesson is done.").isVisible()).toBe(false);

    const lines = solution().split("\n").length + 1;
    await button(page, `Go to line ${lines} of pocketflow.ts (type error)`).click();
    expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(true);
  });

  it("says No type errors for the solution, which completes the lesson", async () => {
    await openWorkspace(page);
    await replaceCode(page, solution());
    const text = await runTests(page);
    expect(text).toContain("Lesson complete");
    expect(await page.locator(".ws-typecheck-line").innerText()).toBe("✓ Type check: No type errors");
    expect(await page.getByText("Completed: this lesson is done.").isVisible()).toBe(true);
  });
});

describe("accessibility of the type checks", () => {
  // axe is slow on a lesson page; a loaded machine needs more than the default minute
  it(
    "has no serious axe violation with an error underlined, the lint panel open and a Type check line",
    { timeout: 180_000 },
    async () => {
      await openWorkspace(page);
      await replaceCode(page, `const retries: number = "three";\n${solution()}`);
      await page.keyboard.press("ControlOrMeta+Home");
      await underline(page).first().waitFor(LOAD_TIMEOUT);
      await runTests(page);
      await editor(page).click();
      await page.keyboard.press("ControlOrMeta+Shift+KeyM");
      await page.getByRole("listbox", { name: "Diagnostics" }).waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
      expect(serious).toEqual([]);
    },
  );
});

describe("types in the lessons' listings", () => {
  it("shows a name's type when the pointer rests on it, and hides it on Escape", async () => {
    await page.goto(url("/lessons/03-retries-and-fallback/"));
    const token = page.locator(".code-region [data-type]", { hasText: "curRetry" }).first();
    await token.scrollIntoViewIfNeeded();
    await token.hover();
    const popup = page.locator(".type-popup:not([hidden])");
    await popup.waitFor();
    expect(await popup.innerText()).toBe(
      "(property) Node<Store, string, number, string, number>.curRetry: number",
    );
    expect(await popup.getAttribute("aria-hidden")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await popup.count()).toBe(0);
  });
});

function escape(text: string): string {
  return text.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
