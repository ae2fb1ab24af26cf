// Work is never lost: two tabs of one exercise in one browser, and a storage that is full.
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
  url,
  visibleCode,
} from "./workspace-page";

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => (browser = await launchChromium()));
afterAll(async () => browser?.close());
beforeEach(async () => (context = await newContext(browser)));
afterEach(async () => context?.close());

const savedCode = (page: Page) =>
  page.evaluate((key) => {
    const record = JSON.parse(localStorage.getItem(key) ?? "{}") as { files?: Record<string, string> };
    return record.files?.["pocketflow.ts"] ?? "";
  }, RECORD_KEY);

/** Types a line at the top of the file, as a learner starts their attempt. */
async function typeAtTop(page: Page, line: string) {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type(`${line}\n`);
}

async function openTwoTabs() {
  const first = await context.newPage();
  await openWorkspace(first);
  const second = await context.newPage();
  await openWorkspace(second);
  return { first, second };
}

describe("two tabs of the same exercise", () => {
  it("a tab with no edits of its own shows the code another tab saved", async () => {
    const { first, second } = await openTwoTabs();
    await typeAtTop(second, "// typed in the second tab");
    await expect.poll(() => visibleCode(first)).toContain("// typed in the second tab");
    expect(await first.getByText("Updated with the code saved in another tab").isVisible()).toBe(true);

    await typeAtTop(first, "// and then in the first");
    await expect.poll(() => savedCode(first)).toContain("// and then in the first");
    expect(await savedCode(first)).toContain("// typed in the second tab");
  });

  /**
   * Both tabs type while timers are frozen (their autosaves wait 400 ms), then the second tab is
   * closed: it saves on the way out, and the first tab, with edits of its own, hears of it.
   */
  async function typeInBothThenCloseSecond() {
    await context.clock.install();
    const { first, second } = await openTwoTabs();
    await context.clock.pauseAt(Date.now() + 60_000);
    await typeAtTop(second, "// the second tab's version");
    await typeAtTop(first, "// the first tab's version");
    await second.evaluate(() => window.dispatchEvent(new Event("pagehide")));
    await expect.poll(() => savedCode(first)).toContain("// the second tab's version");
    const question = first.getByRole("alert").filter({ hasText: "Another tab saved different code" });
    await question.waitFor();
    return { first, question };
  }

  it("a tab with edits asks which code to keep, and its keystrokes never overwrite the other's", async () => {
    const { first, question } = await typeInBothThenCloseSecond();
    await first.keyboard.type("// one more keystroke");
    await context.clock.runFor(2000); // the first tab's autosave is due now
    expect(await savedCode(first)).toContain("// the second tab's version");
    expect(await savedCode(first)).not.toContain("first tab");

    await question.getByRole("button", { name: "Keep this tab's code" }).click();
    expect(await savedCode(first)).toContain("// the first tab's version");
    expect(await question.count()).toBe(0);
  });

  it("asked, the learner can take the other tab's code instead", async () => {
    const { first, question } = await typeInBothThenCloseSecond();
    await question.getByRole("button", { name: "Use the other tab's code" }).click();
    const code = await visibleCode(first);
    expect(code).toContain("// the second tab's version");
    expect(code).not.toContain("first tab");
  });
});

/** Fills this site's localStorage with someone else's data until not one more character fits. */
async function fillStorage(page: Page) {
  await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const chunk = "x".repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`other-app:${n++}`, chunk);
        } catch {
          break;
        }
      }
    }
  });
}

describe("a full storage", () => {
  it("shows everything saved, keeps new code in the tab, and saves it once room is made", async () => {
    const page = await context.newPage();
    await page.goto(url(LESSON_PATH));
    const saved = {
      version: 1,
      slug: "06-the-flow",
      lesson: "06-the-flow",
      files: { "pocketflow.ts": "// my saved attempt\nexport {};\n" },
      hintsRevealed: 1,
      completedAt: "2025-01-02T00:00:00.000Z",
      updatedAt: "2025-01-02T00:00:00.000Z",
    };
    await page.evaluate(
      ({ key, value }) => {
        localStorage.setItem(key, value);
        // An unreadable record set aside earlier: removing it is one way to make room.
        localStorage.setItem(
          "build-pocketflow:set-aside:06-the-flow:2025-01-01T00:00:00.000Z",
          "y".repeat(200_000),
        );
      },
      { key: RECORD_KEY, value: JSON.stringify(saved) },
    );
    await fillStorage(page);
    await page.reload();
    await reopenWorkspace(page);

    // Nothing saved is hidden: the code, the hint, the Completed badge.
    expect(await visibleCode(page)).toContain("// my saved attempt");
    expect(await page.getByText("1 of 3 hints shown.").isVisible()).toBe(true);
    expect(await page.getByText("Completed: this lesson is done.").isVisible()).toBe(true);
    const help = page.locator(".ws-storage-help");
    expect(await help.innerText()).toContain("This browser's storage for this site is full");

    await typeAtTop(page, "// typed while the storage is full");
    await page.evaluate(() => window.dispatchEvent(new Event("pagehide"))); // saves at once, or tries
    expect(await savedCode(page)).not.toContain("typed while");
    expect(await visibleCode(page)).toContain("// typed while the storage is full");

    // The home page, in another tab, still shows the tick and exports everything.
    const home = await context.newPage();
    await home.goto(url("/"));
    const lesson = home.locator('li[data-lesson="06-the-flow"]');
    expect(await lesson.getByText("Completed").isVisible()).toBe(true);
    expect(await home.locator("[data-progress-summary]").innerText()).toContain("completed 1 of");
    const exported = home.waitForEvent("download");
    await button(home, "Export progress").click();
    const file = JSON.parse(readFileSync(await (await exported).path(), "utf8"));
    expect(file.exercises).toEqual([saved]);

    // Export from the workspace includes the code that could not be saved.
    const fromTab = page.waitForEvent("download");
    await help.getByRole("button", { name: "Export progress" }).click();
    const withPending = JSON.parse(readFileSync(await (await fromTab).path(), "utf8"));
    expect(withPending.exercises[0].files["pocketflow.ts"]).toContain("// typed while the storage is full");

    // Making room: the set-aside records are downloaded, removed, and the code is saved at once.
    const asideFile = page.waitForEvent("download");
    await help.getByRole("button", { name: "Download and remove set-aside records (1)" }).click();
    const aside = JSON.parse(readFileSync(await (await asideFile).path(), "utf8"));
    expect(Object.values(aside)).toEqual(["y".repeat(200_000)]);
    await expect.poll(() => savedCode(page)).toContain("// typed while the storage is full");
    expect(await page.getByText("There is room again: your progress is saved.").count()).toBe(1);
    expect(await help.isVisible()).toBe(false);
  });

  it("an import too big for the storage writes nothing and says why", async () => {
    const page = await context.newPage();
    await page.goto(url("/"));
    await fillStorage(page);
    await page.evaluate(() => localStorage.removeItem("other-app:0")); // room for about 1 MB
    const big = (slug: string) => ({
      version: 1,
      slug,
      lesson: slug,
      files: { "pocketflow.ts": "z".repeat(400_000) },
      hintsRevealed: 0,
      updatedAt: "2025-01-02T00:00:00.000Z",
    });
    const file = {
      format: "build-pocketflow-progress",
      version: 1,
      exportedAt: "2025-01-02T00:00:00.000Z",
      exercises: [
        "02-the-node",
        "03-retries-and-fallback",
        "04-shared-store-and-params",
        "05-transitions",
      ].map(big),
    };
    await page.reload();
    await page.getByLabel("Import progress").setInputFiles({
      name: "progress.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect
      .poll(() => page.locator("[data-progress-status]").innerText())
      .toContain("too full to hold the import, so nothing was imported");
    const written = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith("build-pocketflow:exercise:")),
    );
    expect(written).toEqual([]);
    expect(await page.locator(".ws-storage-help").innerText()).toContain("storage for this site is full");
  });
});
