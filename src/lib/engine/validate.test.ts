import { describe, expect, it } from "vitest";
import { LIMITS } from "./outcome";
import type { TestReport } from "./report";
import { MalformedReport, REPORT_LIMITS, checkReport, parseReport, trustedReport } from "./validate";
import { checkPlan, readRunMessage } from "./worker/run-messages";

const good: TestReport = {
  engine: "worker",
  status: "fail",
  durationMs: 12,
  tests: [
    { name: "a", status: "pass" },
    { name: "b", status: "fail", message: "expected 1 to be 2", expected: "2", actual: "1" },
  ],
  output: "log\n",
  problems: [
    { kind: "load", message: "x", testFile: "tests/c.test.ts", location: { file: "c.ts", line: 3 } },
  ],
  notRun: ["c"],
};

const refusal = (value: unknown) => {
  try {
    checkReport(value, "worker");
  } catch (error) {
    if (error instanceof MalformedReport) return error.message;
    throw error;
  }
  return "accepted";
};

describe("checkReport", () => {
  it("keeps a well-formed report, with the worse of its claimed and recomputed status", () => {
    expect(checkReport(good, "worker")).toEqual({ ...good, status: "error" });
    const timedOut = { ...good, status: "timeout", problems: [{ kind: "stopped", message: "stopped" }] };
    expect(checkReport(timedOut, "worker").status).toBe("timeout");
  });

  it("never lets a report claim a pass that its tests or problems deny", () => {
    const claim = (extra: Partial<TestReport>) =>
      checkReport({ ...good, problems: undefined, notRun: undefined, status: "pass", ...extra }, "worker")
        .status;
    expect(claim({})).toBe("fail");
    expect(claim({ tests: [] })).toBe("fail");
    expect(
      claim({ tests: [{ name: "a", status: "pass" }], problems: [{ kind: "unhandled", message: "x" }] }),
    ).toBe("error");
    expect(claim({ tests: [{ name: "a", status: "pass" }] })).toBe("pass");
  });

  it("names the engine that was asked, not the one a report claims", () => {
    expect(checkReport({ ...good, engine: "node" }, "worker").engine).toBe("worker");
  });

  it("caps every text", () => {
    const huge = "x\n".repeat(500_000);
    const report = checkReport(
      {
        ...good,
        output: huge,
        tests: [{ name: "n".repeat(5000), status: "fail", message: huge, actual: huge }],
      },
      "worker",
    );
    const [test] = report.tests;
    expect(test?.name.length).toBeLessThanOrEqual(REPORT_LIMITS.nameChars + 1);
    expect(test?.message?.length).toBeLessThan(LIMITS.messageChars + 50);
    expect(test?.actual?.split("\n").length).toBe(LIMITS.valueLines + 1);
    expect(report.output.length).toBeLessThan(REPORT_LIMITS.outputChars + 50);
  });

  it("refuses malformed reports as a whole, saying why", () => {
    expect(refusal(null)).toBe("it is not a report");
    expect(refusal({ ...good, status: "great" })).toMatch(/status/);
    expect(refusal({ ...good, tests: undefined })).toBe("tests is not a list");
    expect(refusal({ ...good, tests: [{ name: "a" }] })).toBe("a test has no name or status");
    expect(refusal({ ...good, tests: [{ name: "a", status: "pass", message: 5 }] })).toBe(
      "a test's message is not text",
    );
    expect(refusal({ ...good, output: undefined })).toBe("its output is not text");
    expect(refusal({ ...good, problems: [{ kind: "other", message: "x" }] })).toMatch(/problem/);
    expect(refusal({ ...good, notRun: [1] })).toMatch(/did not run/);
  });

  it("refuses a report of 300,000 tests by its count, before reading any of them", () => {
    const tests = new Array(300_000);
    expect(refusal({ ...good, tests })).toBe(
      `it lists 300000 tests; a run has at most ${REPORT_LIMITS.tests}`,
    );
  });

  it("becomes an error report that marks nothing", () => {
    const report = trustedReport({ ...good, status: "pass", tests: "all of them" }, "worker");
    expect(report.status).toBe("error");
    expect(report.tests).toEqual([]);
    expect(report.output).toMatch(
      /^The test engine sent a report this page cannot use \(tests is not a list\)/,
    );
  });
});

describe("parseReport", () => {
  it("refuses text past the size limit without parsing it", () => {
    const text = "{".repeat(REPORT_LIMITS.jsonChars + 1); // not JSON either: the size is checked first
    expect(() => parseReport(text, "worker")).toThrow(/MB long; a report has at most/);
    expect(() => parseReport("{", "worker")).toThrow("it is not valid JSON");
    expect(() => parseReport({}, "worker")).toThrow("it is not text");
    expect(parseReport(JSON.stringify(good), "worker").tests).toHaveLength(2);
  });
});

describe("run messages", () => {
  it("reads the messages a worker sends, and ignores anything else", () => {
    expect(readRunMessage({ type: "started" })).toEqual({ type: "started" });
    expect(readRunMessage({ type: "test-start", name: "a" })).toEqual({ type: "test-start", name: "a" });
    const done = { outcome: { name: "a", status: "pass" }, output: "log\n" };
    expect(readRunMessage({ type: "test-start", name: "b", done })).toEqual({
      type: "test-start",
      name: "b",
      done,
    });
    expect(readRunMessage({ type: "file", path: "tests/b.test.ts", done })).toEqual({
      type: "file",
      path: "tests/b.test.ts",
      done,
    });
    const badDone = { type: "test-start", name: "b", done: { outcome: {}, output: "" } };
    for (const junk of [null, "started", { type: "hack" }, badDone, { type: "file", path: 5 }])
      expect(readRunMessage(junk)).toBeUndefined();
    expect(readRunMessage({ type: "result", report: { status: "pass" } })).toBeUndefined();
    expect(readRunMessage({ type: "test-start", name: "n".repeat(10_000) })).toBeUndefined();
  });

  it("takes a plan only within its bounds", () => {
    expect(checkPlan({ "tests/a.test.ts": ["x", "y"], "tests/b.test.ts": null })).toEqual({
      "tests/a.test.ts": ["x", "y"],
      "tests/b.test.ts": null,
    });
    expect(checkPlan({ "tests/a.test.ts": new Array(REPORT_LIMITS.tests + 1).fill("x") })).toBeUndefined();
    expect(checkPlan({ "tests/a.test.ts": [1] })).toBeUndefined();
    expect(checkPlan([])).toBeUndefined();
  });
});
