// Progress in the browser: kept across reloads, cleared by Reset, kept aside by Show solution,
// survived by a corrupted record, and carried between browsers by export and import.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, newContext } from "./browser";
import {
  LESSON_PATH,
  RECORD_KEY,
  button,
  editor,
  openWorkspace,
  reopenWorkspace,
  runTests,
  url,
  visibleCode,
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

const MARK = "// my own attempt";
const savedRecord = () => page.evaluate((key) => localStorage.getItem(key), RECORD_KEY);

/** Types a marker line at the top of the file, as a learner starts their attempt. */
async function typeMarker() {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type(`${MARK}\n`);
}

describe("progress in the browser", () => {
  it("keeps the code and the hints revealed across a reload", async () => {
    await openWorkspace(page);
    await typeMarker();
    await button(page, "Hint").click();
    await expect.poll(savedRecord).toContain(MARK);
    await page.reload();
    await reopenWorkspace(page);
    expect(await visibleCode(page)).toContain(MARK);
    expect(await page.getByText("1 of 3 hints shown.").isVisible()).toBe(true);
  });

  it("Reset asks first, then restores the starter and deletes the saved code", async () => {
    await openWorkspace(page);
    await typeMarker();
    await expect.poll(savedRecord).toContain(MARK);

    await button(page, "Reset").click();
    const dialog = page.getByRole("dialog", { name: /^Reset to the (reference )?starter/ });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await visibleCode(page)).toContain(MARK);

    await button(page, "Reset").click();
    await dialog.getByRole("button", { name: "Reset" }).click();
    expect(await visibleCode(page)).not.toContain(MARK);
    expect(await savedRecord()).not.toContain(MARK);
    await page.reload();
    await reopenWorkspace(page);
    expect(await visibleCode(page)).not.toContain(MARK);
  });

  it("marks the last results as out of date once the code is replaced", async () => {
    await openWorkspace(page);
    await typeMarker();
    await button(page, "Show solution").click();
    await page
      .getByRole("dialog", { name: "Show the solution?" })
      .getByRole("button", { name: "Show solution" })
      .click();
    expect(await runTests(page)).toMatch(/0 failed/);
    await button(page, "Restore my code").click();
    expect(await visibleCode(page)).toContain(MARK);
    // The green summary was about the solution, not the code now in the editor.
    expect(await page.locator(".ws-summary").innerText()).toBe(
      "The code changed since the last run. Run the tests to check it.",
    );
    expect(await page.getByText("The last run’s results, for the code before:").isVisible()).toBe(true);
  });

  it("Show solution asks first and keeps the learner's code to restore", async () => {
    await openWorkspace(page);
    await typeMarker();
    await button(page, "Show solution").click();
    await page
      .getByRole("dialog", { name: "Show the solution?" })
      .getByRole("button", { name: "Show solution" })
      .click();
    expect(await visibleCode(page)).not.toContain(MARK);
    const passed = await runTests(page);
    expect(passed).toMatch(/0 failed/);
    // A pass by the revealed solution is told apart from the learner's own, on screen and in storage.
    expect(passed).toContain("completed with the solution shown");
    expect(await page.getByText(/^Completed with the solution shown/).isVisible()).toBe(true);
    expect(JSON.parse((await savedRecord()) ?? "{}").completedWith).toBe("solution");

    await page.reload();
    await reopenWorkspace(page);
    await button(page, "Restore my code").click();
    expect(await visibleCode(page)).toContain(MARK);
    expect(await button(page, "Restore my code").count()).toBe(0);
  });

  it("sets a corrupted record aside with a notice, leaves other exercises alone, and still works", async () => {
    await page.goto(url(LESSON_PATH));
    const other = JSON.stringify({
      version: 1,
      slug: "02-the-node",
      lesson: "02-the-node",
      hintsRevealed: 2,
      updatedAt: "2025-01-01T00:00:00.000Z",
    });
    await page.evaluate(
      ({ key, other }) => {
        localStorage.setItem(key, "{ this is not json");
        localStorage.setItem("build-pocketflow:exercise:02-the-node", other);
      },
      { key: RECORD_KEY, other },
    );
    await page.reload();
    await reopenWorkspace(page);
    expect(await page.getByText(/could not be read \(it is damaged\)/).isVisible()).toBe(true);
    expect(await runTests(page)).toMatch(/passed, \d+ failed/);
    const keys = await page.evaluate(() => Object.keys(localStorage));
    const aside = keys.find((key) => key.startsWith("build-pocketflow:set-aside:06-the-flow:"));
    expect(aside).toBeDefined();
    expect(await page.evaluate((key) => localStorage.getItem(key), aside ?? "")).toBe("{ this is not json");
    expect(await page.evaluate(() => localStorage.getItem("build-pocketflow:exercise:02-the-node"))).toBe(
      other,
    );
  });

  it("exports progress from the home page and imports it into another browser", async () => {
    await page.goto(url("/"));
    const done = {
      version: 1,
      slug: "06-the-flow",
      lesson: "06-the-flow",
      hintsRevealed: 1,
      completedAt: "2025-01-02T00:00:00.000Z",
      updatedAt: "2025-01-02T00:00:00.000Z",
    };
    await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
      key: RECORD_KEY,
      value: JSON.stringify(done),
    });
    await page.reload();
    const download = page.waitForEvent("download");
    await button(page, "Export progress").click();
    const path = await (await download).path();
    const exported = JSON.parse(readFileSync(path, "utf8"));
    expect(exported).toMatchObject({ format: "build-pocketflow-progress", version: 1, exercises: [done] });

    const fresh = await context.browser()?.newContext();
    const other = await fresh?.newPage();
    if (!other || !fresh) throw new Error("no second browser context");
    await other.goto(url("/"));
    const lesson = other.locator('li[data-lesson="06-the-flow"]');
    expect(await lesson.getByText("Completed").isVisible()).toBe(false);
    await other.getByLabel("Import progress").setInputFiles(path);
    await expect
      .poll(() => other.locator("[data-progress-status]").innerText())
      .toContain("Imported progress for 1 exercise (1 complete): 06-the-flow.");
    expect(await lesson.getByText("Completed").isVisible()).toBe(true);
    await fresh.close();
  });

  it("reports a file that is not a progress export, changing nothing", async () => {
    await page.goto(url("/"));
    await page.getByLabel("Import progress").setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"hello":1}'),
    });
    await expect
      .poll(() => page.locator("[data-progress-status]").innerText())
      .toContain("not a progress export");
  });
});
