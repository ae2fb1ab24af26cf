// Exercises with more than one file: one tab per file (arrow keys move between them, each keeps its
// own text), and provided files that can be read but not edited. The exercises are found from
// exercises/*/exercise.json, so the tests follow the course as it grows.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newContext } from "./browser";
import { button, url } from "./workspace-page";

type Meta = { lesson: string; files: string[]; providesCore?: boolean };

const root = new URL("../", import.meta.url);
const built = (lesson: string) => existsSync(new URL(`dist/lessons/${lesson}/index.html`, root));
const exercises: Meta[] = readdirSync(new URL("exercises/", root))
  .map((slug) => new URL(`exercises/${slug}/exercise.json`, root))
  .filter((file) => existsSync(file))
  .map((file) => JSON.parse(readFileSync(file, "utf8")) as Meta)
  .filter((meta) => built(meta.lesson));
const multiFile = exercises.find((meta) => meta.files.length > 1);
const withCore = exercises.find((meta) => meta.providesCore);

let browser: Browser;
beforeAll(async () => (browser = await launchChromium()));
afterAll(async () => browser?.close());

async function open(page: Page, lesson: string) {
  await page.goto(url(`/lessons/${lesson}/`));
  await button(page, "Start editing").click();
  await page.locator(".cm-content").waitFor();
}

describe("files in the workspace", () => {
  it.skipIf(!multiFile)(
    "shows one tab per file; arrow keys switch, and each file keeps its edits",
    async () => {
      const meta = multiFile as Meta;
      const [first = "", second = ""] = meta.files;
      const context = await newContext(browser);
      const page = await context.newPage();
      await open(page, meta.lesson);
      expect(await page.getByRole("tab").allInnerTexts()).toEqual(expect.arrayContaining([first, second]));

      await page.getByRole("textbox", { name: `Code editor: ${first}` }).click();
      await page.keyboard.press("ControlOrMeta+Home");
      await page.keyboard.type("// edited first file\n");
      await page.getByRole("tab", { name: first }).focus();
      await page.keyboard.press("ArrowRight");
      expect(await page.getByRole("tab", { name: second }).getAttribute("aria-selected")).toBe("true");
      await page.getByRole("textbox", { name: `Code editor: ${second}` }).waitFor();
      expect(await page.locator(".cm-content").innerText()).not.toContain("// edited first file");

      await page.keyboard.press("ArrowLeft");
      await page.getByRole("textbox", { name: `Code editor: ${first}` }).waitFor();
      expect(await page.locator(".cm-content").innerText()).toContain("// edited first file");
      await context.close();
    },
  );

  it.skipIf(!withCore)("shows a provided file read-only", async () => {
    const meta = withCore as Meta;
    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, meta.lesson);
    await page.getByRole("tab", { name: "pocketflow.ts (read-only)" }).click();
    const core = page.getByRole("textbox", { name: "pocketflow.ts (read-only)" });
    expect(await core.getAttribute("aria-readonly")).toBe("true");
    const before = await core.innerText();
    // Near the top: the content box is as tall as the file, and its middle is scrolled out of view.
    await core.click({ position: { x: 20, y: 10 } });
    await page.keyboard.type("typing here changes nothing");
    expect(await core.innerText()).toBe(before);
    await context.close();
  });
});
