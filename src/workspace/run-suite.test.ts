import { describe, expect, it } from "vitest";
import type { TestReport } from "../lib/engine/report";
import type { PreparedEngine } from "./engine";
import { drawOrRefuse, runCheckedSuite } from "./run-suite";

const run = { files: { "a.ts": "" }, tests: { "tests/a.test.ts": "" }, timeoutMs: 5000, trace: false };
const engineSending = (report: unknown): (() => Promise<PreparedEngine>) => {
  return () => Promise.resolve({ name: "webcontainer", run: () => Promise.resolve(report as TestReport) });
};
const passing: TestReport = {
  engine: "webcontainer",
  status: "pass",
  durationMs: 3,
  tests: [{ name: "t", status: "pass" }],
  output: "",
};

describe("a checked run of the suite", () => {
  it("passes a well-formed report through", async () => {
    expect(await runCheckedSuite(engineSending(passing), run)).toEqual(passing);
  });

  it("refuses a malformed report, so nothing is marked complete", async () => {
    const report = await runCheckedSuite(engineSending({ ...passing, tests: "all of them" }), run);
    expect(report).toMatchObject({ engine: "webcontainer", status: "error", tests: [] });
    expect(report.output).toMatch(/cannot use/);
  });

  it("turns an engine that cannot start into an error that says why", async () => {
    const report = await runCheckedSuite(() => Promise.reject(new Error("no worker")), run);
    expect(report).toMatchObject({ status: "error", output: "The tests could not start: no worker" });
  });

  it("draws the refusal when drawing the report fails", () => {
    const drawn: TestReport[] = [];
    drawOrRefuse(passing, (report) => {
      drawn.push(report);
      if (report.status === "pass") throw new Error("too big to draw");
    });
    expect(drawn.map((report) => report.status)).toEqual(["pass", "error"]);
    expect(drawn[1]?.output).toContain("too big to draw");
  });
});
