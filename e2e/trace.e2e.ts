// The Trace view, the way a learner uses it: run the agent exercise (lesson 16), read what the flow did in
// a test, and get from a failure to its trace in one click.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, newContext } from "./browser";
import { button, runTests, url } from "./workspace-page";

const LESSON = "/lessons/16-agent/";
const solution = readFileSync(new URL("../exercises/16-agent/solution/agent.ts", import.meta.url), "utf8");
const RUN_TEST = "a run: search twice, then answer › takes the steps the model chose, in order";

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

const agentEditor = () => page.getByRole("textbox", { name: "Code editor: agent.ts" });

async function openAgentWorkspace() {
  await page.goto(url(LESSON));
  await button(page, "Start editing").click();
  await agentEditor().waitFor();
}

/** Pastes over the whole of agent.ts, as a learner would. */
async function replaceCode(text: string) {
  await agentEditor().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
}

const trace = () => page.getByRole("region", { name: "Trace" });
const steps = () =>
  trace().getByRole("list", { name: "Steps, in the order they ran" }).locator(":scope > li");
const heads = async () =>
  (await steps().locator(".tr-head").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim());

describe("the Trace view", () => {
  it("lists the nodes the agent's flow ran, in order, with the action between them", async () => {
    await openAgentWorkspace();
    await replaceCode(solution);
    expect(await runTests(page)).toMatch(/^\d+ passed, 0 failed/);
    await trace()
      .getByLabel("Test")
      .selectOption({ label: `✓ ${RUN_TEST}` });
    expect(await heads()).toEqual([
      '1. Flow → "done"',
      '2. Decide → "search"',
      '3. SearchWeb → "decide"',
      '4. Decide → "search"',
      '5. SearchWeb → "decide"',
      '6. Decide → "answer"',
      '7. Answer → "done"',
    ]);
    const search = steps().nth(2);
    expect(
      await search.getByRole("list", { name: "What SearchWeb changed in the store" }).innerText(),
    ).toContain("+ findings[0] = ");
  });

  it("goes from a failing test to its trace in one click", async () => {
    await openAgentWorkspace();
    await replaceCode(solution.replace('return "decide";', 'return "decidee";'));
    expect(await runTests(page)).toMatch(/failed/);
    const failure = page.locator(".ws-test.ws-fail").filter({ hasText: RUN_TEST });
    await failure.getByRole("button", { name: "Show its trace" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Trace");
    expect(await trace().getByLabel("Test").locator("option:checked").innerText()).toBe(`✗ ${RUN_TEST}`);
    expect(await heads()).toEqual([
      '1. Flow → "decidee"',
      '2. Decide → "search"',
      '3. SearchWeb → "decidee"',
    ]);
  });

  it("is not offered where the learner writes the core (part 1)", async () => {
    await page.goto(url("/lessons/06-the-flow/"));
    await button(page, "Start editing").click();
    await page.getByRole("textbox", { name: "Code editor: pocketflow.ts" }).waitFor();
    expect(await trace().count()).toBe(0);
  });
});

/** Serious and critical violations within `selector` (a11y.e2e.ts checks the page's frame). */
async function seriousViolations(selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
}

describe("accessibility of part 3", () => {
  it("the figures of lesson 18 have no serious violation", async () => {
    await page.goto(url("/lessons/18-tracing/"));
    expect(await seriousViolations(".lesson-body")).toEqual([]);
  });

  it.each(["light", "dark"] as const)(
    "the Trace view of a failing test has none either (%s)",
    async (scheme) => {
      await context.close();
      context = await newContext(browser, scheme);
      page = await context.newPage();
      await openAgentWorkspace();
      await replaceCode(solution.replace('return "decide";', 'return "decidee";'));
      await runTests(page);
      await page.getByRole("button", { name: "Show its trace" }).first().click();
      expect(await seriousViolations("section.tr")).toEqual([]);
    },
  );
});
