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
});
