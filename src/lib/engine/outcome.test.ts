import { describe, expect, it } from "vitest";
import { LIMITS, briefValue, capText, errorInWords, findLocation, testOutcome } from "./outcome";
import { runStatus, summarize } from "./report";

const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i}`).join("\n");

describe("capText", () => {
  it("leaves short text alone", () => {
    expect(capText("a\nb", 5, 100)).toBe("a\nb");
    expect(capText(lines(5), 5, 1000)).toBe(lines(5));
    expect(capText("a\n", 1, 100)).toBe("a\n");
  });

  it("keeps the first lines and says how many more there were", () => {
    expect(capText(lines(1000), 200, 1_000_000)).toBe(`${lines(200)}\n… 800 more lines`);
    expect(capText(lines(3), 2, 1000)).toBe(`${lines(2)}\n… 1 more line`);
  });

  it("cuts one long line by characters", () => {
    expect(capText("x".repeat(50), 10, 20)).toBe(`${"x".repeat(20)}… 30 more characters`);
    expect(capText(`${"x".repeat(30)}\nnext`, 10, 20)).toBe(`${"x".repeat(20)}…\n… 2 more lines`);
  });

  it("handles megabytes quickly and without splitting them", () => {
    const huge = lines(150_000);
    const capped = capText(huge, LIMITS.valueLines, LIMITS.valueChars);
    expect(capped.split("\n")).toHaveLength(LIMITS.valueLines + 1);
    expect(capped.endsWith(`… ${150_000 - LIMITS.valueLines} more lines`)).toBe(true);
  });
});

describe("errorInWords", () => {
  it("prints an error's name unless it is a plain Error or an assertion", () => {
    expect(errorInWords({ name: "TypeError", message: "x is not a function" })).toBe(
      "TypeError: x is not a function",
    );
    expect(errorInWords({ name: "AssertionError", message: "expected 1 to be 2" })).toBe(
      "expected 1 to be 2",
    );
    expect(errorInWords(new Error("boom"))).toBe("boom");
    expect(errorInWords(new RangeError("too far"))).toBe("RangeError: too far");
  });

  it("says in words what was thrown when it is not an error", () => {
    // vitest's serialized copy of `throw { weird: true }`
    expect(errorInWords({ weird: true, stacks: [] })).toBe(
      "The code threw a value that is not an Error: { weird: true }",
    );
    expect(errorInWords(Object.create(null))).toBe("The code threw a value that is not an Error: {}");
    expect(errorInWords(Symbol("s"))).toBe("Symbol(s)");
    expect(errorInWords(undefined)).toBe("undefined");
    expect(errorInWords(42)).toBe("42");
    expect(errorInWords(10n)).toBe("10n");
  });

  it("never throws, whatever the value does", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("no reading");
        },
        ownKeys() {
          throw new Error("no keys");
        },
      },
    );
    expect(errorInWords(hostile)).toBe(
      "The code threw a value that is not an Error: a value that cannot be printed",
    );
    const getter = {
      get message(): string {
        throw new Error("nope");
      },
    };
    expect(errorInWords(getter)).toMatch(/not an Error/);
  });

  it("caps a huge message", () => {
    const message = errorInWords("y".repeat(3_000_000));
    expect(message.length).toBeLessThan(LIMITS.messageChars + 50);
    expect(message).toMatch(/… 2996000 more characters$/);
  });

  it("briefly prints nested values", () => {
    expect(briefValue({ a: [1, 2], b: { c: 1 }, s: "text" })).toBe('{ a: [2 items], b: {…}, s: "text" }');
  });
});

describe("testOutcome", () => {
  it("maps the runner's and Node's states alike", () => {
    expect(testOutcome("t", "pass", [])).toEqual({ name: "t", status: "pass" });
    expect(testOutcome("t", "passed", undefined)).toEqual({ name: "t", status: "pass" });
    expect(testOutcome("t", "skipped", [])).toEqual({ name: "t", status: "fail", message: "test skipped" });
    expect(testOutcome("t", "todo", undefined)).toEqual({
      name: "t",
      status: "fail",
      message: "test skipped",
    });
    expect(testOutcome("t", "failed", [])).toEqual({ name: "t", status: "fail", message: "test failed" });
  });

  it("has no outcome for a test that had not finished when the run stopped", () => {
    for (const state of ["pending", "queued", "run", undefined])
      expect(testOutcome("t", state, [])).toBeUndefined();
  });

  it("keeps the first error's message, and caps its expected and actual values", () => {
    const outcome = testOutcome("t", "fail", [
      { message: "expected [ …(150000) ] to deeply equal []", expected: "[]", actual: lines(150_000) },
      { message: "second" },
    ]);
    expect(outcome?.message).toBe("expected [ …(150000) ] to deeply equal []");
    expect(outcome?.expected).toBe("[]");
    expect(outcome?.actual?.split("\n")).toHaveLength(LIMITS.valueLines + 1);
  });

  it("reports a thrown object in words, and hints at running out of memory", () => {
    expect(testOutcome("t", "failed", [{ weird: true, stacks: [] }])?.message).toBe(
      "The code threw a value that is not an Error: { weird: true }",
    );
    expect(
      testOutcome("t", "fail", [{ name: "RangeError", message: "Invalid string length" }])?.message,
    ).toBe(
      "RangeError: Invalid string length\nThe code ran out of memory: does a loop keep adding to an array or a string?",
    );
  });
});

describe("findLocation", () => {
  it("finds a workspace file's line and column, a learner's file first", () => {
    const text = "at /tmp/x/tests/flow.test.ts:3:1\nat /tmp/x/nodes.ts:4:2\nat other.ts:9:9";
    const files = ["nodes.ts", "tests/flow.test.ts"];
    expect(findLocation(text, files, ["nodes.ts"])).toEqual({ file: "nodes.ts", line: 4, column: 2 });
    expect(findLocation(text, files, [])).toEqual({ file: "tests/flow.test.ts", line: 3, column: 1 });
    expect(findLocation("nodes.ts:7", files)).toEqual({ file: "nodes.ts", line: 7, column: 1 });
    expect(findLocation("no location", files)).toBeUndefined();
  });
});

describe("run status and summary", () => {
  const pass = { name: "a", status: "pass" as const };
  it("is an error whenever something went wrong outside the tests, and never reads as 0 failed", () => {
    expect(runStatus({ tests: [pass] })).toBe("pass");
    expect(runStatus({ tests: [pass], problems: [{ kind: "unhandled", message: "x" }] })).toBe("error");
    expect(runStatus({ tests: [pass], problems: [{ kind: "load", message: "x", testFile: "t" }] })).toBe(
      "error",
    );
    expect(runStatus({ tests: [pass], problems: [{ kind: "stopped", message: "x" }] })).toBe("timeout");
    expect(runStatus({ tests: [] })).toBe("fail");
    expect(summarize({ tests: [pass], notRun: ["b", "c"] })).toBe("1 passed, 0 failed, 2 did not run");
    expect(summarize({ tests: [pass] })).toBe("1 passed, 0 failed");
  });
});
