import { describe, expect, it } from "vitest";
import type { TestReport } from "../lib/engine/report";
import { diffLines, formatDiff } from "./diff";
import { findErrorLocation, resultsModel } from "./results";

const report = (extra: Partial<TestReport>): TestReport => ({
  engine: "worker",
  status: "pass",
  durationMs: 12,
  tests: [],
  output: "",
  ...extra,
});

describe("line diff", () => {
  it("marks lines only in expected with - and only in actual with +", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc")).toEqual([
      { kind: "same", text: "a" },
      { kind: "expected", text: "b" },
      { kind: "actual", text: "B" },
      { kind: "same", text: "c" },
    ]);
  });

  it("handles added and removed lines at the ends", () => {
    expect(diffLines("x", "x\ny")).toEqual([
      { kind: "same", text: "x" },
      { kind: "actual", text: "y" },
    ]);
    expect(diffLines("", "")).toEqual([{ kind: "same", text: "" }]);
  });

  it("formats with a legend, like vitest", () => {
    expect(formatDiff(diffLines("3", "4"))).toBe("- Expected\n+ Received\n\n- 3\n+ 4");
  });

  it("falls back to showing both values whole when they are huge", () => {
    const big = Array.from({ length: 600 }, (_, i) => `line ${i}`).join("\n");
    const lines = diffLines(big, `${big}\nmore`);
    expect(lines.filter((l) => l.kind === "expected")).toHaveLength(600);
    expect(lines.filter((l) => l.kind === "actual")).toHaveLength(601);
  });
});

describe("results model", () => {
  it("summarises a full pass", () => {
    const model = resultsModel(
      report({
        tests: [
          { name: "a", status: "pass" },
          { name: "b", status: "pass" },
        ],
      }),
      ["pocketflow.ts"],
    );
    expect(model.summary).toBe("2 passed, 0 failed");
    expect(model.headline).toBe("All 2 tests pass.");
    expect(model.rows).toEqual([
      { name: "a", status: "pass" },
      { name: "b", status: "pass" },
    ]);
  });

  it("keeps a failure's message and diffs expected against actual", () => {
    const model = resultsModel(
      report({
        status: "fail",
        tests: [
          { name: "ok", status: "pass" },
          {
            name: "returns the last action",
            status: "fail",
            message: "expected 'b' to be 'a'",
            expected: '"a"',
            actual: '"b"',
          },
          { name: "throws", status: "fail", message: "boom" },
        ],
      }),
      ["pocketflow.ts"],
    );
    expect(model.summary).toBe("1 passed, 2 failed");
    expect(model.headline).toBe("2 tests fail. Start with the first failure below.");
    expect(model.rows[1]).toEqual({
      name: "returns the last action",
      status: "fail",
      message: "expected 'b' to be 'a'",
      diff: [
        { kind: "expected", text: '"a"' },
        { kind: "actual", text: '"b"' },
      ],
    });
    expect(model.rows[2]).toEqual({ name: "throws", status: "fail", message: "boom" });
  });

  it("names the file, line and column of a syntax error", () => {
    const model = resultsModel(
      report({ status: "error", output: "SyntaxError: Unexpected token (12:5)\n  at /pocketflow.ts:12:5\n" }),
      ["pocketflow.ts"],
    );
    expect(model.location).toEqual({ file: "pocketflow.ts", line: 12, column: 5 });
    expect(model.headline).toBe("The tests could not run: an error in pocketflow.ts at line 12, column 5.");
    expect(model.summary).toBe("0 passed, 0 failed");
  });

  it("prefers the learner's file over a test file when both appear", () => {
    const output = "at tests/flow.test.ts:3:1\nat nodes.ts:4:2";
    expect(findErrorLocation(output, ["nodes.ts"])).toEqual({ file: "nodes.ts", line: 4, column: 2 });
    expect(findErrorLocation(output, ["other.ts"])).toEqual({
      file: "tests/flow.test.ts",
      line: 3,
      column: 1,
    });
    expect(findErrorLocation("no location here", ["nodes.ts"])).toBeUndefined();
  });

  it("shows the engine's timeout message, which names the likely cause", () => {
    const model = resultsModel(
      report({
        status: "timeout",
        output: "The run passed its 5 s time limit and was stopped: is there an infinite loop?",
      }),
      ["pocketflow.ts"],
    );
    expect(model.headline).toBe(
      "The run passed its 5 s time limit and was stopped: is there an infinite loop?",
    );
    expect(resultsModel(report({ status: "timeout" }), []).headline).toMatch(/took too long/);
  });

  it("never reads as 0 failed when a second file did not load: an error naming that file, its tests not run", () => {
    const model = resultsModel(
      report({
        status: "error",
        tests: [{ name: "a", status: "pass" }],
        notRun: ["b1", "b2"],
        problems: [
          {
            kind: "load",
            testFile: "tests/nodes.test.ts",
            message: "SyntaxError: nodes.ts:10:25: Unexpected token",
            location: { file: "nodes.ts", line: 10, column: 25 },
          },
        ],
        output: "at pocketflow.ts:1:1\n",
      }),
      ["pocketflow.ts", "nodes.ts"],
    );
    expect(model.summary).toBe("1 passed, 0 failed, 2 did not run");
    expect(model.headline).toBe(
      "Not every test could run: an error in nodes.ts at line 10, column 25 stopped tests/nodes.test.ts from loading, so its tests did not run.",
    );
    expect(model.location).toEqual({ file: "nodes.ts", line: 10, column: 25 });
    expect(model.notRun).toEqual(["b1", "b2"]);
  });

  it("says an error escaped the tests, in its own words, though every test passed", () => {
    const model = resultsModel(
      report({
        status: "error",
        tests: [{ name: "a", status: "pass" }],
        problems: [{ kind: "unhandled", message: "nobody awaited me\nsecond line" }],
      }),
      ["pocketflow.ts"],
    );
    expect(model.headline).toMatch(
      /^An error escaped the tests: “nobody awaited me”\. A promise nobody awaited/,
    );
    expect(model.summary).toBe("1 passed, 0 failed");
  });

  it("leads a timeout with the stop's cause, and counts what never ran", () => {
    const model = resultsModel(
      report({
        status: "timeout",
        tests: [{ name: "a", status: "fail", message: "Stopped" }],
        notRun: ["b"],
        problems: [
          { kind: "stopped", message: "The tests did not finish within 5 s — did a loop never end?" },
        ],
        output: "log\nThe tests did not finish within 5 s — did a loop never end?\n",
      }),
      ["pocketflow.ts"],
    );
    expect(model.headline).toBe("The tests did not finish within 5 s — did a loop never end?");
    expect(model.summary).toBe("0 passed, 1 failed, 1 did not run");
    // Said once: the output keeps what the code logged, not the stop's message again.
    expect(model.output).toBe("log");
  });

  it("names only the line of an error whose column is not known", () => {
    const model = resultsModel(
      report({
        status: "error",
        problems: [
          { kind: "load", testFile: "tests/a.test.ts", message: "boom", location: { file: "a.ts", line: 3 } },
        ],
      }),
      ["a.ts"],
    );
    expect(model.headline).toBe("The tests could not run: an error in a.ts at line 3.");
  });
});
