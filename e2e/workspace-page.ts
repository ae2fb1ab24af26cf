// How a learner drives the lesson page's workspace, by role and label; shared by the e2e files.
import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { inject } from "vitest";

export const EXERCISE = "06-the-flow";
export const LESSON_PATH = `/lessons/${EXERCISE}/`;
export const RECORD_KEY = `build-pocketflow:exercise:${EXERCISE}`;

const exerciseFile = (part: "starter" | "solution") =>
  readFileSync(new URL(`../exercises/${EXERCISE}/${part}/pocketflow.ts`, import.meta.url), "utf8");
export const solution = () => exerciseFile("solution");
export const starter = () => exerciseFile("starter");

export const url = (path: string) => inject("baseUrl") + path;

export const editor = (page: Page): Locator =>
  page.getByRole("textbox", { name: "Code editor: pocketflow.ts" });
export const summary = (page: Page): Locator => page.locator(".ws-summary");
export const button = (page: Page, name: string): Locator => page.getByRole("button", { name, exact: true });

/** Opens the lesson and the workspace through its Start editing button; focus ends in the editor. */
export async function openWorkspace(page: Page): Promise<void> {
  await page.goto(url(LESSON_PATH));
  await button(page, "Start editing").click();
  await editor(page).waitFor();
}

/**
 * After a reload the browser restores the scroll position, and the workspace opens by itself once
 * the panel is in view; scrolling to the panel is what a learner does, so the helper does that.
 */
export async function reopenWorkspace(page: Page): Promise<void> {
  await page.locator("[data-workspace]").scrollIntoViewIfNeeded();
  await editor(page).waitFor();
}

/** Replaces the whole file the way a learner pastes: select all, then insert the text. */
export async function replaceCode(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
}

/** Presses Run tests and waits for the summary line of this run. */
export async function runTests(page: Page): Promise<string> {
  await button(page, "Run tests").click();
  return waitForSummary(page);
}

export async function waitForSummary(page: Page): Promise<string> {
  // data-run="done": the tests, the type check and the completion are all in.
  const line = page.locator('.ws-summary[data-run="done"] .ws-summary-line');
  await line.waitFor({ timeout: 30_000 });
  return (await summary(page).innerText()).trim();
}

/** The first lines of the editor (CodeMirror draws only what is in view). */
export const visibleCode = (page: Page) => page.locator(".cm-content").innerText();
