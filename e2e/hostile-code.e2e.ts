// Learner code that tampers with what the worker reports through: the outcome it wanted never
// shows, and the lesson is never marked complete. (A determined learner can still fake a pass in
// other ways; src/workspace/README.md says which. These are the ways the page must not fall for.)
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { freshPagePerTest } from "./fresh-page";
import { openWorkspace, replaceCode, runTests, solution, summary } from "./workspace-page";

const fresh = freshPagePerTest();
let page: Page;
beforeEach(() => (page = fresh.page));

/** The solution with one bug: an empty action no longer means "default". */
const wrong = () =>
  solution().replace(
    'current.successors.get(action || "default")',
    "current.successors.get(action as string)",
  );
const completed = () => page.getByText("Completed: this lesson is done.").isVisible();

describe("learner code that tampers with the report", () => {
  it("cannot rewrite the result by patching MessagePort.prototype.postMessage", async () => {
    await openWorkspace(page);
    const code = `${wrong()}
const realPost = MessagePort.prototype.postMessage;
// Whatever shape the result has, turn every failure in it into a pass.
const faked = (report: any) =>
  typeof report === "string"
    ? report.replaceAll('"fail"', '"pass"')
    : { ...report, status: "pass", tests: report.tests.map((test: any) => ({ ...test, status: "pass" })) };
MessagePort.prototype.postMessage = function (this: MessagePort, message: any, ...rest: any[]) {
  const sent = message?.type === "result" ? { ...message, report: faked(message.report) } : message;
  return realPost.call(this, sent, ...(rest as []));
};
`;
    await replaceCode(page, code);
    expect(await runTests(page)).toMatch(/^\d+ passed, [1-9]\d* failed/);
    expect(await completed()).toBe(false);
  });

  it("cannot patch Promise.prototype.then", async () => {
    await openWorkspace(page);
    await replaceCode(page, `${wrong()}\n(Promise.prototype as any).then = function () { return this; };\n`);
    const text = await runTests(page);
    expect(await summary(page).getAttribute("data-status")).toBe("error");
    expect(text).not.toMatch(/All \d+ tests pass/);
    expect(await completed()).toBe(false);
  });

  it("turns a run whose code replaced a built-in the runner uses into an error that names it", async () => {
    await openWorkspace(page);
    const code = `${wrong()}
const realPush = Array.prototype.push;
Array.prototype.push = function (this: unknown[], ...items: any[]) {
  return realPush.apply(this, items.filter((item) => item?.status !== "fail"));
};
`;
    await replaceCode(page, code);
    const text = await runTests(page);
    expect(await summary(page).getAttribute("data-status")).toBe("error");
    expect(text).toContain("Array.prototype.push");
    expect(await completed()).toBe(false);
  });
});
