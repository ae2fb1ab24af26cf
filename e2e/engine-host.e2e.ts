// The page does not trust the sandbox: workers of our own making that misbehave the way learner code
// might make a real one misbehave. Each must end in a report that marks nothing as passed, and a
// time limit that holds. Runs on the parity harness page (the worker engine alone, as built).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestReport } from "../src/lib/engine/report";
import { startHarnessServer, type HarnessServer } from "../scripts/parity/server";
import { launchChromium } from "./browser";

let server: HarnessServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startHarnessServer();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.parity !== undefined);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A worker that boots, then answers a run by calling `onRun(port)` (its body as source text). */
const worker = (onRun: string) => `
self.postMessage({ type: "booted" });
self.onmessage = (event) => {
  const port = event.ports[0];
  (${onRun})(port);
};`;

const runWith = (source: string, timeoutMs = 1000): Promise<TestReport> =>
  page.evaluate(
    ([text, ms]) => {
      if (!window.parity) throw new Error("the parity harness did not load");
      return window.parity.runWith(text, ms);
    },
    [source, timeoutMs] as const,
  );

const passing = JSON.stringify({
  engine: "worker",
  status: "pass",
  durationMs: 1,
  tests: [{ name: "a", status: "fail", message: "really failed" }],
  output: "",
});

describe("the page and a sandbox it does not trust", () => {
  it("keeps the time limit set once: repeated 'started' messages cannot hold a run open", async () => {
    const report = await runWith(
      worker(
        `(port) => { port.postMessage({ type: "started" }); setInterval(() => port.postMessage({ type: "started" }), 50); }`,
      ),
    );
    expect(report.status).toBe("timeout");
    expect(report.tests).toEqual([]);
  });

  it("refuses a result that is not JSON or not a report, and ignores one that is not text", async () => {
    const answer = (result: string) =>
      runWith(
        worker(
          `(port) => { port.postMessage({ type: "started" }); port.postMessage({ type: "result", report: ${result} }); }`,
        ),
      );
    for (const result of ['"{not json"', '"42"', '"{\\"tests\\": 5}"']) {
      const report = await answer(result);
      expect(report.status).toBe("error");
      expect(report.output).toMatch(/^The test engine sent a report this page cannot use/);
    }
    // Not text at all: the page does not read it, and the run ends at its time limit.
    expect((await answer("{ tests: 5 }")).status).toBe("timeout");
  });

  it("refuses a report of 300,000 tests without building it", async () => {
    const report = await runWith(
      worker(`(port) => {
        port.postMessage({ type: "started" });
        const tests = Array.from({ length: 300000 }, (_, i) => ({ name: "test " + i + " " + "x".repeat(150), status: "pass" }));
        port.postMessage({ type: "result", report: JSON.stringify({ engine: "worker", status: "pass", durationMs: 1, tests, output: "" }) });
      }`),
      20_000,
    );
    expect(report.status).toBe("error");
    expect(report.output).toMatch(/MB long; a report has at most 4 MB/);
  });

  it("recomputes a claimed pass from the tests, and ignores messages it cannot read", async () => {
    const report = await runWith(
      worker(`(port) => {
        port.postMessage({ type: "started" });
        port.postMessage({ type: "test-done", outcome: { name: 5 }, output: 7 });
        port.postMessage("noise");
        port.postMessage({ type: "result", report: ${JSON.stringify(passing)} });
      }`),
    );
    expect(report.status).toBe("fail");
    expect(report.tests).toEqual([{ name: "a", status: "fail", message: "really failed" }]);
  });

  it("gives every run a fresh realm: no global of the run before is left", async () => {
    const files = { "value.ts": "export const value = 1;\n" };
    const suite = (body: string) => ({
      "tests/realm.test.ts": `import { expect, it } from "vitest";\nimport { value } from "../value";\n${body}`,
    });
    const run = (tests: Record<string, string>) =>
      page.evaluate(
        ([f, t]) => {
          if (!window.parity) throw new Error("the parity harness did not load");
          return window.parity.run(f, t, 5000);
        },
        [files, tests] as const,
      );
    const leave = await run(
      suite(
        `it("leaves a global behind", () => {\n  (globalThis as Record<string, unknown>).leftover = value;\n});\n`,
      ),
    );
    expect(leave.status).toBe("pass");
    const look = await run(
      suite(
        `it("finds none", () => expect((globalThis as Record<string, unknown>).leftover).toBeUndefined());\n`,
      ),
    );
    expect(look.status).toBe("pass");
  });

  it("plans a suite for another engine without any learner code: the names of each file's tests", async () => {
    const tests = {
      "tests/a.test.ts": [
        'import { describe, expect, it } from "vitest";',
        'import { add } from "../calc";',
        'describe("add", () => {',
        '  it("adds", () => expect(add(1, 2)).toBe(3));',
        '  it("adds zero", () => expect(add(1, 0)).toBe(1));',
        "});",
      ].join("\n"),
      "tests/broken.test.ts": "this is not TypeScript(",
    };
    const plan = await page.evaluate((suite) => window.parity?.plan(suite), tests);
    expect(plan).toEqual({
      "tests/a.test.ts": ["add › adds", "add › adds zero"],
      "tests/broken.test.ts": null,
    });
  });
});
