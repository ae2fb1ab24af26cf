// axe on the home page and a lesson page, before and after the workspace opens, in light and dark:
// no serious or critical violation.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newContext } from "./browser";
import { LESSON_PATH, button, openWorkspace, runTests, url } from "./workspace-page";

let browser: Browser;
beforeAll(async () => (browser = await launchChromium()));
afterAll(async () => browser?.close());

/** The serious and critical violations, as "rule: target" lines, so a failure says where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
}

describe.each([
  ["light", 1280],
  ["dark", 1280],
  ["light", 390],
  ["dark", 390],
] as const)("accessibility (%s, %i px wide)", { timeout: 150_000 }, (scheme, width) => {
  it("home page", async () => {
    const context = await newContext(browser, scheme, width);
    const page = await context.newPage();
    await page.goto(url("/"));
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("lesson page, before the workspace opens", async () => {
    const context = await newContext(browser, scheme, width);
    const page = await context.newPage();
    await page.goto(url(LESSON_PATH));
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it("lesson page with the workspace open, a hint shown and failing results", async () => {
    const context = await newContext(browser, scheme, width);
    const page = await context.newPage();
    await openWorkspace(page);
    // The starter is long enough to scroll, and its run fails: the busiest state of the workspace.
    await button(page, "Hint").click();
    await runTests(page);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
