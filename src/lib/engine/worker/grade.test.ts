// The grading core end to end, in one child Node process for all cases: it installs its own `expect`
// and runner, which must not meet this file's vitest.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../outcome";
import type { TestReport } from "../report";
import type { GradeRequest } from "./grade";
import { whereIn } from "./grade";

const tsx = fileURLToPath(new URL("../../../../node_modules/.bin/tsx", import.meta.url));
const gradeModule = fileURLToPath(new URL("./grade.ts", import.meta.url));

/** Grades each request in turn in a child process, reporting Node's stray errors as the worker does. */
function gradeInChild(requests: Record<string, GradeRequest>): Record<string, TestReport> {
  const script = `import { grade } from ${JSON.stringify(gradeModule)};
const subscribeUnhandled = (listener) => {
  const onError = (error) => listener(error);
  process.on("unhandledRejection", onError);
  process.on("uncaughtException", onError);
  return () => {
    process.off("unhandledRejection", onError);
    process.off("uncaughtException", onError);
  };
};
const requests = JSON.parse(process.env.GRADE_REQUESTS);
const reports = {};
for (const [id, request] of Object.entries(requests)) reports[id] = await grade(request, { subscribeUnhandled });
process.stdout.write(JSON.stringify(reports));
`;
  const stdout = execFileSync(tsx, ["--input-type=module", "--eval", script], {
    encoding: "utf8",
    env: { ...process.env, GRADE_REQUESTS: JSON.stringify(requests) },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, TestReport>;
}

const suite = `import { describe, expect, it } from "vitest";
import { greet } from "../greet";

describe("greet", () => {
  describe("by name", () => {
    it("says hello", () => expect(greet("Ada")).toBe("Hello, Ada!"));
  });
  it("counts its assertions", () => {
    expect.assertions(2);
    expect(greet("")).toBe("Hello, !");
  });
});
`;
const greet =
  'export const greet = (name: string) => { console.log("greeting", name); return `Hello, ${name}!`; };\n';

const secondSuite = `import { describe, expect, it } from "vitest";
import { shout } from "../shout";

describe("shout", () => {
  it("adds an exclamation mark", () => expect(shout("a")).toBe("A!"));
  it("keeps an empty text empty", () => expect(shout("")).toBe("!"));
});
it("is a function", () => expect(typeof shout).toBe("function"));
`;

const only = (body: string) =>
  `import { expect, it } from "vitest";\nimport { value } from "../value";\n${body}`;

const cases: Record<string, GradeRequest> = {
  greet: { files: { "greet.ts": greet }, tests: { "tests/greet.test.ts": suite }, timeoutMs: 5000 },
  syntax: {
    files: { "greet.ts": "export function greet(name: string) {\n  return name +;\n}\n" },
    tests: { "tests/greet.test.ts": suite },
    timeoutMs: 5000,
  },
  secondFile: {
    files: {
      "greet.ts": greet,
      "shout.ts": "export function shout(text: string) {\n  return text.toUpperCase() +;\n}\n",
    },
    tests: { "tests/greet.test.ts": suite, "tests/shout.test.ts": secondSuite },
    timeoutMs: 5000,
  },
  throwsOnLoad: {
    files: { "value.ts": "export const value = 1;\n\nthrow Object.create(null);\n" },
    tests: { "tests/value.test.ts": only('it("loads", () => expect(value).toBe(1));\n') },
    timeoutMs: 5000,
  },
  throwsErrorOnLoad: {
    files: { "value.ts": 'export const value = 1;\n\nthrow new TypeError("broken at load");\n' },
    tests: { "tests/value.test.ts": only('it("loads", () => expect(value).toBe(1));\n') },
    timeoutMs: 5000,
  },
  stray: {
    files: { "value.ts": "export const value = 1;\n" },
    tests: {
      "tests/value.test.ts": only(`it("rejects a promise nobody awaits", async () => {
  void Promise.reject(new Error("nobody awaited me"));
  await new Promise((resolve) => setTimeout(resolve, 20));
});
it("throws from a timer", async () => {
  setTimeout(() => {
    throw new Error("thrown from a timer");
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 30));
});
it("still passes", () => expect(value).toBe(1));
`),
    },
    timeoutMs: 5000,
  },
  thrownValues: {
    files: { "value.ts": "export const value = 1;\n" },
    tests: {
      "tests/value.test.ts": only(`it("throws an object", () => {
  throw { weird: true };
});
it("throws an object with no prototype", () => {
  throw Object.create(null);
});
it("throws a symbol", () => {
  throw Symbol("odd");
});
it("throws a huge string", () => {
  throw "y".repeat(3_000_000);
});
`),
    },
    timeoutMs: 5000,
  },
  hugeDiff: {
    files: { "value.ts": "export const value = Array.from({ length: 150_000 }, (_, i) => i);\n" },
    tests: {
      "tests/value.test.ts": only('it("adds one", () => expect(value).toEqual(value.map((x) => x + 1)));\n'),
    },
    timeoutMs: 5000,
  },
};

let reports: Record<string, TestReport> = {};
const reportOf = (id: string) => reports[id] as TestReport;

beforeAll(() => {
  reports = gradeInChild(cases);
}, 60_000);

describe("grade", () => {
  it("runs a suite and reports each test by its full name, with console output", () => {
    const report = reportOf("greet");
    expect(report.engine).toBe("worker");
    expect(report.status).toBe("fail");
    expect(report.tests).toEqual([
      { name: "greet › by name › says hello", status: "pass" },
      {
        name: "greet › counts its assertions",
        status: "fail",
        message: "expected number of assertions to be 2, but got 1",
      },
    ]);
    expect(report.output).toContain("greeting Ada\n");
    expect(report.problems).toBeUndefined();
    expect(report.notRun).toBeUndefined();
  });

  it("reports a file that does not parse as an error with its line and column", () => {
    const report = reportOf("syntax");
    expect(report.status).toBe("error");
    expect(report.tests).toEqual([]);
    expect(report.output).toContain("tests/greet.test.ts: SyntaxError: greet.ts:2:16: Unexpected token");
    expect(report.problems).toMatchObject([
      { kind: "load", testFile: "tests/greet.test.ts", location: { file: "greet.ts", line: 2, column: 16 } },
    ]);
    // The plan knows the file's tests without the learner's code.
    expect(report.notRun).toEqual(["greet › by name › says hello", "greet › counts its assertions"]);
  });

  it("makes a run with a second file that does not load an error, and names that file's tests as not run", () => {
    const report = reportOf("secondFile");
    expect(report.status).toBe("error");
    expect(report.tests.map((test) => test.name)).toEqual([
      "greet › by name › says hello",
      "greet › counts its assertions",
    ]);
    expect(report.notRun).toEqual([
      "shout › adds an exclamation mark",
      "shout › keeps an empty text empty",
      "is a function",
    ]);
    expect(report.problems).toMatchObject([
      { kind: "load", testFile: "tests/shout.test.ts", location: { file: "shout.ts", line: 2, column: 30 } },
    ]);
  });

  it("reports a learner's file that throws while loading, whatever it throws, with the line", () => {
    const report = reportOf("throwsOnLoad");
    expect(report.status).toBe("error");
    const [problem] = report.problems ?? [];
    expect(problem?.message).toBe("The code threw a value that is not an Error: {}");
    expect(report.notRun).toEqual(["loads"]);
    const [thrown] = reportOf("throwsErrorOnLoad").problems ?? [];
    expect(thrown?.message).toMatch(/^TypeError: broken at load/);
    expect(thrown?.location).toEqual({ file: "value.ts", line: 3 });
  });

  it("fails a run with an unhandled rejection or a throw from a timer, though every test passed", () => {
    const report = reportOf("stray");
    expect(report.tests.every((test) => test.status === "pass")).toBe(true);
    expect(report.status).toBe("error");
    expect(report.problems?.map((problem) => [problem.kind, problem.message])).toEqual([
      ["unhandled", "nobody awaited me"],
      ["unhandled", "thrown from a timer"],
    ]);
    expect(report.output).toContain("Unhandled error");
  });

  it("reports any thrown value in words", () => {
    const messages = reportOf("thrownValues").tests.map((test) => test.message ?? "");
    expect(messages.slice(0, 3)).toEqual([
      "The code threw a value that is not an Error: { weird: true }",
      "The code threw a value that is not an Error: {}",
      "Symbol(odd)",
    ]);
    expect(messages[3]?.length).toBeLessThan(LIMITS.messageChars + 50);
    expect(messages[3]).toMatch(/more characters$/);
  });

  it("prints a huge failed equality in bounded form", () => {
    const [test] = reportOf("hugeDiff").tests;
    expect(test?.status).toBe("fail");
    expect(test?.message).toMatch(/to deeply equal/);
    for (const value of [test?.expected, test?.actual]) {
      expect(value?.split("\n").length).toBeLessThanOrEqual(LIMITS.valueLines + 1);
      expect(value).toMatch(/…/);
    }
  });
});

describe("whereIn", () => {
  it("finds the first stack frame in a workspace file, as file:line", () => {
    const stack = "Error: boom\n    at run (blob:null/1234:1:999)\n    at Node.exec (pocketflow.ts:42:11)\n";
    expect(whereIn(stack, ["pocketflow.ts", "tests/a.test.ts"])).toBe("pocketflow.ts:42");
    expect(whereIn("Error\n    at x (other.ts:1:1)", ["pocketflow.ts"])).toBeUndefined();
  });
});
